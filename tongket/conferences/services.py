"""Every write to conferences: checked through the access layer, audited, atomic."""

from __future__ import annotations

import datetime
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from tongket.lib.dates import format_date
from tongket.units import access, audit, numbering
from tongket.units.choices import Action, Body, DocumentType, number_label
from tongket.units.models import IssuedNumber, Person, Unit, User
from tongket.units.selectors import titles_on

from . import selectors
from .choices import ConferenceKind
from .models import Conference, Guest, Photo

# A year is reviewed once it is nearly over: a year-review conference meets from 1 November
# of the year it reviews (before that, it is a six-month review).
YEAR_REVIEW_FROM = (11, 1)

# Photos go into Word documents and web pages: JPEG and PNG are what both take everywhere.
PHOTO_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png")}
MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000

EDITABLE_FIELDS = (
    "kind",
    "organisers",
    "year",
    "date",
    "start_time",
    "venue",
    "chair",
    "agenda",
    "reports_presented",
    "pledges",
    "directions",
    "shortcomings",
    "signer",
    "party_signer",
)


def _check_unit(unit: Unit) -> None:
    if not unit.is_commune:
        raise ValidationError({"unit": _("Hội nghị tổng kết do cấp xã, phường, đặc khu tổ chức.")})


def _check_person(conference: Conference, person: Person | None, field: str) -> None:
    if (
        person is not None
        and not selectors.guest_candidates(conference.unit).filter(pk=person.pk).exists()
    ):
        raise ValidationError(
            {
                field: _("%(name)s không thuộc đơn vị này hay cấp trên của đơn vị.")
                % {"name": person.full_name}
            }
        )


def _check_fields(conference: Conference) -> None:
    if not (conference.venue or "").strip():
        raise ValidationError({"venue": _("Chưa nhập địa điểm họp.")})
    if conference.date and conference.year and conference.date.year < conference.year:
        raise ValidationError(
            {"date": _("Ngày họp phải từ năm %(year)s trở đi.") % {"year": conference.year}}
        )
    _check_year_review_date(conference)
    _check_person(conference, conference.chair, "chair")
    _check_person(conference, conference.signer, "signer")
    _check_person(conference, conference.party_signer, "party_signer")


def _check_year_review_date(conference: Conference) -> None:
    if conference.kind != ConferenceKind.YEAR_REVIEW or not (conference.date and conference.year):
        return
    earliest = datetime.date(conference.year, *YEAR_REVIEW_FROM)
    if conference.date < earliest:
        raise ValidationError(
            {
                "date": _(
                    "Hội nghị tổng kết năm %(year)s họp từ ngày %(earliest)s trở đi, khi năm "
                    "đã gần hết. Hội nghị họp ngày %(date)s hãy chọn loại “Hội nghị sơ kết "
                    "sáu tháng”."
                )
                % {
                    "year": conference.year,
                    "earliest": format_date(earliest),
                    "date": format_date(conference.date),
                }
            }
        )


def _missing_title_message(person: Person, on: datetime.date) -> str:
    return _(
        "Đồng chí %(name)s không giữ chức vụ nào vào ngày %(date)s, nên không ghi được chức vụ "
        "khi giới thiệu. Hãy thêm chức vụ của người này (mục Con người) rồi mời lại."
    ) % {"name": person.full_name, "date": format_date(on)}


@transaction.atomic
def conference_create(*, unit: Unit, by: User, **fields) -> Conference:
    access.require(by, Action.EDIT, unit)
    _check_unit(unit)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown conference fields: {sorted(unknown)}")
    conference = Conference(unit=unit, created_by=by, **fields)
    _check_fields(conference)
    return audit.create(conference, by=by)


@transaction.atomic
def conference_update(*, conference: Conference, by: User, **fields) -> Conference:
    """Change a conference. When the date moves, every guest's title is read again for the
    new date; a guest who held no position then stops the change with a message."""
    access.require(by, Action.EDIT, conference.unit)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown conference fields: {sorted(unknown)}")
    before = audit.snapshot(conference)
    old_date = conference.date
    for name, value in fields.items():
        setattr(conference, name, value)
    _check_fields(conference)
    if conference.date != old_date:
        _retitle_guests(conference, by)
    return audit.update(conference, before, by=by)


def _retitle_guests(conference: Conference, by: User) -> None:
    guests = list(conference.guests.select_related("person"))
    titles = titles_on([guest.person_id for guest in guests], conference.date)
    missing = [guest.person for guest in guests if not titles.get(guest.person_id)]
    if missing:
        raise ValidationError(
            {"date": [_missing_title_message(person, conference.date) for person in missing]}
        )
    for guest in guests:
        if guest.title != titles[guest.person_id]:
            before = audit.snapshot(guest)
            guest.title = titles[guest.person_id]
            audit.update(guest, before, by=by)


@transaction.atomic
def conference_delete(*, conference: Conference, by: User) -> None:
    access.require(by, Action.EDIT, conference.unit)
    for photo in conference.photos.all():
        photo_delete(photo=photo, by=by)
    for guest in conference.guests.all():
        audit.delete(guest, by=by)
    audit.delete(conference, by=by)


@transaction.atomic
def guest_add(*, conference: Conference, person: Person, by: User) -> Guest:
    """Invite a person; their title is the one they held on the conference's date."""
    access.require(by, Action.EDIT, conference.unit)
    _check_person(conference, person, "person")
    if conference.guests.filter(person=person).exists():
        raise ValidationError(
            {"person": _("%(name)s đã có trong danh sách khách mời.") % {"name": person.full_name}}
        )
    title = titles_on([person.pk], conference.date).get(person.pk, "")
    if not title:
        raise ValidationError({"person": _missing_title_message(person, conference.date)})
    order = conference.guests.count() + 1
    return audit.create(
        Guest(conference=conference, person=person, title=title, order=order), by=by
    )


@transaction.atomic
def guest_remove(*, guest: Guest, by: User) -> None:
    access.require(by, Action.EDIT, guest.conference.unit)
    audit.delete(guest, by=by)


def read_photo(data: bytes) -> tuple[str, str, int, int]:
    """Check uploaded bytes are a JPEG or PNG image Pillow can decode and not too large.
    Returns (content type, extension, width, height); raises ValidationError in Vietnamese."""
    if not data:
        raise ValidationError({"image": _("Chưa chọn ảnh, hoặc tệp ảnh rỗng.")})
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(
            {
                "image": _("Ảnh quá lớn (%(size)s MB); chỉ nhận ảnh đến %(limit)s MB.")
                % {
                    "size": f"{len(data) / 1024 / 1024:.1f}".replace(".", ","),
                    "limit": MAX_PHOTO_BYTES // 1024 // 1024,
                }
            }
        )
    not_an_image = _("Tệp tải lên không phải là ảnh JPEG hoặc PNG đọc được.")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise ValidationError(
                    {
                        "image": _("Ảnh có kích thước quá lớn (%(w)s × %(h)s điểm ảnh).")
                        % {"w": width, "h": height}
                    }
                )
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError({"image": not_an_image}) from None
    if image_format not in PHOTO_FORMATS:
        raise ValidationError({"image": not_an_image})
    content_type, extension = PHOTO_FORMATS[image_format]
    return content_type, extension, width, height


@transaction.atomic
def photo_add(*, conference: Conference, data: bytes, caption: str, by: User) -> Photo:
    access.require(by, Action.EDIT, conference.unit)
    caption = (caption or "").strip()
    if not caption:
        raise ValidationError({"caption": _("Chưa nhập chú thích ảnh.")})
    content_type, extension, width, height = read_photo(data)
    photo = Photo(
        conference=conference,
        caption=caption,
        width=width,
        height=height,
        content_type=content_type,
        order=conference.photos.count() + 1,
    )
    photo.image.save(f"anh.{extension}", ContentFile(data), save=False)
    try:
        return audit.create(photo, by=by)
    except Exception:
        photo.image.delete(save=False)
        raise


@transaction.atomic
def photo_delete(*, photo: Photo, by: User) -> None:
    access.require(by, Action.EDIT, photo.conference.unit)
    storage, name = photo.image.storage, photo.image.name
    audit.delete(photo, by=by)
    transaction.on_commit(lambda: storage.delete(name) if name else None)


@transaction.atomic
def award_decisions_set(*, conference: Conference, decision_ids: list[int], by: User) -> Conference:
    """Record which award decisions were handed out at the conference. Only decisions of the
    conference's commune (as the emulation module lists them) are accepted."""
    access.require(by, Action.EDIT, conference.unit)
    chosen = list(selectors.award_decision_choices(conference, by).filter(pk__in=decision_ids))
    if len(chosen) != len(set(decision_ids)):
        raise ValidationError(
            {"award_decisions": _("Quyết định khen thưởng không thuộc đơn vị này.")}
        )
    before = sorted(conference.award_decisions.values_list("pk", flat=True))
    conference.award_decisions.set(chosen)
    after = sorted(decision.pk for decision in chosen)
    if before != after:
        audit.record(
            by=by,
            action="update",
            obj=conference,
            changes={"award_decisions": [before, after]},
        )
    return conference


REPORT_BODIES = {"state": Body.PEOPLES_COMMITTEE, "party": Body.PARTY_COMMITTEE}


@transaction.atomic
def report_number_take(
    *, conference: Conference, layout: str, by: User, number: int | None = None
) -> IssuedNumber:
    """Give the conference's report its number from the issuing body's book: the UBND's
    ("15/BC-UBND") for the state layout, the Đảng ủy's ("12-BC/ĐU") for the party one. Each
    layout is its own document with its own number; a report keeps the number it was given."""
    access.require(by, Action.EDIT, conference.unit)
    if layout not in REPORT_BODIES:
        raise ValidationError({"layout": _("Mẫu báo cáo không hợp lệ.")})
    field = f"{layout}_number"
    current = getattr(conference, field)
    if current is not None:
        raise ValidationError(
            {"number": _("Báo cáo này đã có số %(label)s.") % {"label": str(current)}}
        )
    issued = numbering.number_take(
        unit=conference.unit,
        body=REPORT_BODIES[layout],
        doc_type=DocumentType.REPORT,
        on=conference.date,
        by=by,
        number=number,
        subject=f"Báo cáo {conference.subject}",
        ref=f"conferences.Conference:{conference.pk}",
    )
    before = audit.snapshot(conference)
    setattr(conference, field, issued)
    audit.update(conference, before, by=by, verb="number", note=str(issued))
    return issued


def report_number_text(conference: Conference, layout: str) -> str:
    """ "15/BC-UBND" or "12-BC/ĐU", or "" while the report has no number from the book."""
    issued = getattr(conference, f"{layout}_number", None)
    if issued is None:
        return ""
    return number_label(issued.number, issued.doc_type, issued.body)
