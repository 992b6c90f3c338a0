"""Citizens' submissions from the portal: received (limited per address and hour, photo
checked), then accepted as a recommendation or rejected with a reason."""

from __future__ import annotations

import hashlib
import io

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from tongket.units import audit
from tongket.units.models import Unit, User

from ..choices import SubmissionState
from ..models import CitizenSubmission, Recommendation
from ._common import require_edit_in_commune
from .recommendations import recommendation_create

# Photos go to web pages and documents: JPEG and PNG are what both take everywhere.
PHOTO_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png")}
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
LIMIT_WINDOW_SECONDS = 3600


class TooManySubmissions(Exception):
    """The address sent as many submissions this hour as the commune's policy allows."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def photo_size_message() -> str:
    return _("Ảnh quá lớn; chỉ nhận ảnh JPEG hoặc PNG đến %(mb)s MB và %(mp)s triệu điểm ảnh.") % {
        "mb": MAX_PHOTO_BYTES // 1024 // 1024,
        "mp": MAX_PHOTO_PIXELS // 1_000_000,
    }


def read_photo(data: bytes) -> tuple[str, str]:
    """Check uploaded bytes are a JPEG or PNG Pillow decodes, within the size caps. A picture
    whose pixel count would blow up memory (a decompression bomb) gets the size message.
    Returns (content type, extension)."""
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError({"photo": photo_size_message()})
    not_an_image = _("Tệp đính kèm không phải là ảnh JPEG hoặc PNG đọc được.")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise ValidationError({"photo": photo_size_message()})
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise ValidationError({"photo": photo_size_message()}) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError({"photo": not_an_image}) from None
    if image_format not in PHOTO_FORMATS:
        raise ValidationError({"photo": not_an_image})
    return PHOTO_FORMATS[image_format]


def _limit_key(commune: Unit, address: str) -> str:
    digest = hashlib.sha256(f"{commune.pk}:{address}".encode()).hexdigest()[:32]
    return f"petitions:citizen:{digest}"


def submission_limit_reached(commune: Unit, address: str, limit: int) -> bool:
    return (cache.get(_limit_key(commune, address)) or 0) >= limit


def _count_submission(commune: Unit, address: str) -> None:
    key = _limit_key(commune, address)
    if not cache.add(key, 1, timeout=LIMIT_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=LIMIT_WINDOW_SECONDS)


def _check_submission(name: str, phone: str, email: str, text: str) -> None:
    errors = {}
    if not name:
        errors["name"] = _("Xin cho biết họ và tên.")
    if not phone and not email:
        errors["phone"] = _("Xin để lại số điện thoại hoặc thư điện tử để xã, phường trả lời.")
    if phone and not all(char.isdigit() or char in " +.-()" for char in phone):
        errors["phone"] = _("Số điện thoại chỉ gồm chữ số.")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Địa chỉ thư điện tử không hợp lệ.")
    if not text:
        errors["text"] = _("Xin nhập nội dung kiến nghị.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def submission_create(
    *,
    commune: Unit,
    address: str,
    limit: int,
    name: str,
    text: str,
    phone: str = "",
    email: str = "",
    home: str = "",
    photo: bytes | None = None,
) -> CitizenSubmission:
    """Receive a citizen's submission from the portal (no account). `address` is the sender's
    network address, counted against `limit` submissions an hour; over it, nothing is saved
    and TooManySubmissions is raised."""
    if not commune.is_commune:
        raise ValidationError(_("Chỉ gửi kiến nghị đến xã, phường, đặc khu."))
    if submission_limit_reached(commune, address, limit):
        raise TooManySubmissions(limit)
    name, phone, email = (name or "").strip(), (phone or "").strip(), (email or "").strip()
    text, home = (text or "").strip(), (home or "").strip()
    _check_submission(name, phone, email, text)
    photo_type, extension = read_photo(photo) if photo else ("", "")
    submission = CitizenSubmission(
        commune=commune,
        name=name,
        phone=phone,
        email=email,
        address=home,
        text=text,
        photo_type=photo_type,
        submitted_at=timezone.now(),
    )
    if photo:
        submission.photo.save(f"anh.{extension}", ContentFile(photo), save=False)
    try:
        audit.create(submission, by=None, verb="submit")
    except Exception:
        if photo:
            submission.photo.delete(save=False)
        raise
    _count_submission(commune, address)
    return submission


@transaction.atomic
def submission_accept(
    *,
    submission: CitizenSubmission,
    by: User,
    unit: Unit,
    field: str,
    competence: str,
    department: Unit | None = None,
    text: str = "",
) -> Recommendation:
    """Accept a submission: it joins the commune's recommendations, raised by the unit the
    officer names (the commune itself or the citizen's tổ dân phố), the citizen as source."""
    require_edit_in_commune(by, submission.commune)
    if submission.state != SubmissionState.PENDING:
        raise ValidationError(_("Ý kiến này đã được xử lý."))
    if not unit.path.startswith(submission.commune.path):
        raise ValidationError(
            {"unit": _("Đơn vị phải thuộc %(commune)s.") % {"commune": submission.commune.name}}
        )
    item = recommendation_create(
        by=by,
        unit=unit,
        text=(text or "").strip() or submission.text,
        field=field,
        competence=competence,
        department=department,
        person_name=submission.name,
        received_on=timezone.localdate(submission.submitted_at),
    )
    source = item.sources.get()
    source_before = audit.snapshot(source)
    source.submission, source.text = submission, submission.text
    audit.update(source, source_before, by=by)
    audit.transition(
        submission,
        "state",
        SubmissionState.ACCEPTED,
        by=by,
        verb="accept",
        moderated_at=timezone.now(),
        moderated_by=by,
    )
    return item


@transaction.atomic
def submission_reject(*, submission: CitizenSubmission, by: User, reason: str) -> CitizenSubmission:
    require_edit_in_commune(by, submission.commune)
    if submission.state != SubmissionState.PENDING:
        raise ValidationError(_("Ý kiến này đã được xử lý."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do không tiếp nhận.")})
    return audit.transition(
        submission,
        "state",
        SubmissionState.REJECTED,
        by=by,
        verb="reject",
        reject_reason=reason,
        moderated_at=timezone.now(),
        moderated_by=by,
    )
