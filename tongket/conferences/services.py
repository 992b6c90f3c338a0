"""Every write to conferences: checked through the access layer, audited, atomic."""

from __future__ import annotations

import datetime
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from tongket.emulation import services as emulation_services
from tongket.lib.dates import format_date
from tongket.lib.numbers import format_number
from tongket.lib.text import fold
from tongket.units import access, audit, numbering
from tongket.units.choices import Action, Body, DocumentType, number_label
from tongket.units.models import IssuedNumber, Person, Unit, User
from tongket.units.selectors import titles_on

from . import selectors
from .choices import ConferenceKind, PhotoPlacement, SpeechKind
from .models import Conference, Guest, Photo, Speech

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
    "title",
    "headline",
    "discussion",
    "author_name",
    "author_unit",
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
    conference.check_date()
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
    _fill_defaults(conference)
    _check_fields(conference)
    return audit.create(conference, by=by)


def _fill_defaults(conference: Conference, before: Conference | None = None) -> None:
    """The title and the headline start from the conference's kind; a person edits them. When
    the kind or year changes, a title still as it was prefilled follows them."""
    for field, default in (
        ("title", lambda c: c.default_title),
        ("headline", lambda c: c.default_headline(c.unit.name)),
    ):
        value = (getattr(conference, field) or "").strip()
        if before is not None and value == default(before):
            value = ""
        setattr(conference, field, value or default(conference))


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
    previous = Conference(unit=conference.unit, kind=conference.kind, year=conference.year)
    for name, value in fields.items():
        setattr(conference, name, value)
    _fill_defaults(conference, previous)
    _check_fields(conference)
    if conference.date != old_date:
        _retitle_guests(conference, by)
    return audit.update(conference, before, by=by)


def _retitle_guests(conference: Conference, by: User) -> None:
    # A guest typed by name keeps the title typed with it: there is no position to read.
    guests = list(conference.guests.filter(person__isnull=False).select_related("person"))
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
    for speech in conference.speeches.all():
        audit.delete(speech, by=by)
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
def guest_add_named(*, conference: Conference, name: str, title: str, by: User) -> Guest:
    """A guest who is not in the people list (a past year's guest), by name and the title
    they held on the conference's date, as the article wrote them."""
    access.require(by, Action.EDIT, conference.unit)
    name, title = _strip_title_word(name), (title or "").strip()
    errors = {}
    if not name:
        errors["name"] = _("Chưa nhập họ và tên khách mời.")
    if not title:
        errors["title"] = _("Chưa nhập chức vụ của khách mời tại ngày họp.")
    if errors:
        raise ValidationError(errors)
    if any(fold(guest.full_name) == fold(name) for guest in conference.guests.all()):
        raise ValidationError(
            {"name": _("%(name)s đã có trong danh sách khách mời.") % {"name": name}}
        )
    order = conference.guests.count() + 1
    return audit.create(Guest(conference=conference, name=name, title=title, order=order), by=by)


def _strip_title_word(name: str) -> str:
    """ "đồng chí Vũ Văn A" → "Vũ Văn A": the article adds "đồng chí" itself."""
    name = " ".join((name or "").split())
    for word in ("đồng chí ", "Đồng chí ", "đ/c ", "Đ/c "):
        if name.startswith(word):
            return name[len(word) :].strip()
    return name


@transaction.atomic
def guest_remove(*, guest: Guest, by: User) -> None:
    access.require(by, Action.EDIT, guest.conference.unit)
    audit.delete(guest, by=by)


def _too_many_pixels(width: int | None = None, height: int | None = None) -> str:
    limit = format_number(MAX_PHOTO_PIXELS)
    if width is None:
        return _("Ảnh có kích thước quá lớn: chỉ nhận ảnh đến %(limit)s điểm ảnh.") % {
            "limit": limit
        }
    return _(
        "Ảnh có kích thước quá lớn (%(w)s × %(h)s điểm ảnh): chỉ nhận ảnh đến %(limit)s điểm ảnh."
    ) % {"w": format_number(width), "h": format_number(height), "limit": limit}


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
                raise ValidationError({"image": _too_many_pixels(width, height)})
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        # Pillow stops at twice its own pixel limit before it tells the size: the image is
        # real, only far too large.
        raise ValidationError({"image": _too_many_pixels()}) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError({"image": not_an_image}) from None
    if image_format not in PHOTO_FORMATS:
        raise ValidationError({"image": not_an_image})
    content_type, extension = PHOTO_FORMATS[image_format]
    return content_type, extension, width, height


def _check_placement(placement: str) -> str:
    placement = placement or ""
    if placement not in PhotoPlacement.values:
        raise ValidationError({"placement": _("Vị trí ảnh trong tin bài không hợp lệ.")})
    return placement


@transaction.atomic
def photo_add(
    *, conference: Conference, data: bytes, caption: str, by: User, placement: str = ""
) -> Photo:
    access.require(by, Action.EDIT, conference.unit)
    caption = (caption or "").strip()
    if not caption:
        raise ValidationError({"caption": _("Chưa nhập chú thích ảnh.")})
    placement = _check_placement(placement)
    content_type, extension, width, height = read_photo(data)
    photo = Photo(
        conference=conference,
        caption=caption,
        width=width,
        height=height,
        content_type=content_type,
        order=conference.photos.count() + 1,
        placement=placement,
    )
    photo.image.save(f"anh.{extension}", ContentFile(data), save=False)
    try:
        return audit.create(photo, by=by)
    except Exception:
        photo.image.delete(save=False)
        raise


@transaction.atomic
def photo_place(*, photo: Photo, placement: str, caption: str | None = None, by: User) -> Photo:
    """Move a photo to where the article refers to it (and correct its caption)."""
    access.require(by, Action.EDIT, photo.conference.unit)
    before = audit.snapshot(photo)
    photo.placement = _check_placement(placement)
    if caption is not None:
        caption = caption.strip()
        if not caption:
            raise ValidationError({"caption": _("Chưa nhập chú thích ảnh.")})
        photo.caption = caption
    return audit.update(photo, before, by=by)


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


# Speeches ---------------------------------------------------------------------------------


@transaction.atomic
def speech_add(
    *,
    conference: Conference,
    by: User,
    content: str,
    speaker_name: str = "",
    speaker_title: str = "",
    guest: Guest | None = None,
    kind: str = SpeechKind.DIRECTION,
) -> Speech:
    """Record who spoke and what they asked. A guest's name and title are taken from the
    guest list (their title on the conference's date); otherwise both are typed."""
    access.require(by, Action.EDIT, conference.unit)
    if guest is not None:
        if guest.conference_id != conference.pk:
            raise ValidationError({"guest": _("Khách mời không thuộc hội nghị này.")})
        speaker_name, speaker_title = guest.full_name, guest.title
    speech = Speech(
        conference=conference,
        kind=kind,
        speaker_name=_strip_title_word(speaker_name),
        speaker_title=(speaker_title or "").strip(),
        content=(content or "").strip().rstrip("."),
        order=conference.speeches.count() + 1,
    )
    errors = {}
    if not speech.speaker_name:
        errors["speaker_name"] = _("Chưa chọn khách mời hoặc nhập tên người phát biểu.")
    if not speech.content:
        errors["content"] = _("Chưa nhập nội dung phát biểu.")
    if kind not in SpeechKind.values:
        errors["kind"] = _("Loại phát biểu không hợp lệ.")
    if errors:
        raise ValidationError(errors)
    return audit.create(speech, by=by)


@transaction.atomic
def speech_remove(*, speech: Speech, by: User) -> None:
    access.require(by, Action.EDIT, speech.conference.unit)
    audit.delete(speech, by=by)


@transaction.atomic
def award_records_set(*, conference: Conference, record_ids: list[int], by: User) -> Conference:
    """Record which awards recorded by count were handed out at the conference; only the
    commune's records of the conference's year are accepted."""
    access.require(by, Action.EDIT, conference.unit)
    chosen = list(selectors.award_record_choices(conference, by).filter(pk__in=record_ids))
    if len(chosen) != len(set(record_ids)):
        raise ValidationError(
            {"award_records": _("Quyết định khen thưởng không thuộc đơn vị hoặc năm này.")}
        )
    before = sorted(conference.award_records.values_list("pk", flat=True))
    conference.award_records.set(chosen)
    after = sorted(record.pk for record in chosen)
    if before != after:
        audit.record(
            by=by, action="update", obj=conference, changes={"award_records": [before, after]}
        )
    return conference


@transaction.atomic
def award_record_add(*, conference: Conference, by: User, **fields):
    """Record a decision by count from the conference page (a past year's, or one from the
    level above) and mark it handed out at the conference, in one step."""
    record = emulation_services.record_create(
        commune=conference.unit, by=by, **{"year": conference.year, **fields}
    )
    conference.award_records.add(record)
    audit.record(
        by=by, action="update", obj=conference, changes={"award_records": [None, record.pk]}
    )
    return record


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
