"""Writes of the nominations stage: registrations at the start of the year, awards given
before tongket, nominations (made one by one or imported from a spreadsheet), their
submission after every eligibility check, their return, and their evidence files."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.lib.numbers import format_number
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Person, Unit, User

from ..choices import NominationState, Recipient
from ..eligibility import judge
from ..models import (
    AwardKind,
    Ballot,
    Evidence,
    Movement,
    Nomination,
    PastAward,
    Registration,
)
from .common import commune_of, valid_year, within

EVIDENCE_MAX_BYTES = 5 * 1024 * 1024
# Accepted evidence files: extension → the bytes such a file starts with.
EVIDENCE_TYPES = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
}


def _nominee_fields(
    recipient: str, person, collective, household_name: str, household_group
) -> dict:
    if recipient not in Recipient.values:
        raise ValidationError({"recipient": _("Đối tượng không hợp lệ.")})
    return {
        "recipient": recipient,
        "person": person if recipient == Recipient.INDIVIDUAL else None,
        "collective": collective if recipient == Recipient.COLLECTIVE else None,
        "household_name": household_name.strip() if recipient == Recipient.HOUSEHOLD else "",
        "household_group": household_group if recipient == Recipient.HOUSEHOLD else None,
    }


def _check_nominee_in(obj, unit: Unit) -> None:
    obj.clean_nominee()
    if not within(obj.nominee_unit, unit):
        raise ValidationError(
            _("%(who)s không thuộc %(unit)s.") % {"who": obj.nominee_name, "unit": unit.name}
        )


@transaction.atomic
def registration_create(
    *,
    unit: Unit,
    year: int,
    award_kind: AwardKind,
    recipient: str,
    by: User,
    person: Person | None = None,
    collective: Unit | None = None,
    household_name: str = "",
    household_group: Unit | None = None,
    registered_on: datetime.date | None = None,
) -> Registration:
    access.require(by, Action.ENTER, unit)
    registration = Registration(
        unit=unit,
        year=valid_year(year),
        award_kind=award_kind,
        registered_on=registered_on or timezone.localdate(),
        **_nominee_fields(recipient, person, collective, household_name, household_group),
    )
    _check_nominee_in(registration, unit)
    if not award_kind.allows(recipient):
        raise ValidationError(
            {
                "award_kind": _("“%(kind)s” không dành cho %(who)s.")
                % {"kind": award_kind.name, "who": Recipient(recipient).label.lower()}
            }
        )
    registration.set_nominee_key()
    if Registration.objects.filter(
        year=registration.year, award_kind=award_kind, nominee_key=registration.nominee_key
    ).exists():
        raise ValidationError(
            _("%(who)s đã đăng ký “%(kind)s” năm %(year)s.")
            % {"who": registration.nominee_name, "kind": award_kind.name, "year": year}
        )
    return audit.create(registration, by=by)


@transaction.atomic
def past_award_create(
    *,
    unit: Unit,
    year: int,
    award_kind: AwardKind,
    recipient: str,
    decision_ref: str,
    by: User,
    person: Person | None = None,
    collective: Unit | None = None,
    household_name: str = "",
    household_group: Unit | None = None,
) -> PastAward:
    """Enter a title or commendation given before tongket was used (from the old decision)."""
    access.require(by, Action.EDIT, unit)
    past = PastAward(
        unit=unit,
        year=valid_year(year),
        award_kind=award_kind,
        decision_ref=decision_ref.strip(),
        **_nominee_fields(recipient, person, collective, household_name, household_group),
    )
    _check_nominee_in(past, unit)
    past.set_nominee_key()
    if PastAward.objects.filter(
        year=past.year, award_kind=award_kind, nominee_key=past.nominee_key
    ).exists():
        raise ValidationError(_("Đã ghi nhận khen thưởng này."))
    return audit.create(past, by=by)


@transaction.atomic
def nomination_create(
    *,
    unit: Unit,
    year: int,
    award_kind: AwardKind,
    recipient: str,
    achievement: str,
    by: User,
    person: Person | None = None,
    collective: Unit | None = None,
    household_name: str = "",
    household_group: Unit | None = None,
    movement: Movement | None = None,
    submit: bool = False,
) -> Nomination:
    """A draft nomination made by a unit for someone within it; with submit=True it is sent
    at once, and a refusal leaves nothing saved."""
    access.require(by, Action.ENTER, unit)
    if not achievement.strip():
        raise ValidationError({"achievement": _("Cần ghi tóm tắt thành tích.")})
    nomination = Nomination(
        unit=unit,
        commune=commune_of(unit),
        year=valid_year(year),
        award_kind=award_kind,
        achievement=achievement.strip(),
        movement=movement,
        created_by=by,
        **_nominee_fields(recipient, person, collective, household_name, household_group),
    )
    _check_nominee_in(nomination, unit)
    nomination = audit.create(nomination, by=by)
    if submit:
        nomination = nomination_submit(nomination=nomination, by=by)
    return nomination


@transaction.atomic
def nomination_update(*, nomination: Nomination, by: User, **fields) -> Nomination:
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    access.require(by, Action.ENTER, nomination.unit)
    if not nomination.is_editable:
        raise ValidationError(_("Chỉ sửa được đề nghị ở trạng thái dự thảo hoặc bị trả lại."))
    before = audit.snapshot(nomination)
    for name in ("award_kind", "achievement", "movement", "year"):
        if name in fields:
            setattr(nomination, name, fields[name])
    if "recipient" in fields:
        for name, value in _nominee_fields(
            fields["recipient"],
            fields.get("person"),
            fields.get("collective"),
            fields.get("household_name", ""),
            fields.get("household_group"),
        ).items():
            setattr(nomination, name, value)
    _check_nominee_in(nomination, nomination.unit)
    return audit.update(nomination, before, by=by)


def _refuse(checks) -> None:
    failed = [
        ValidationError(check.refusal, code="missing_rule" if check.missing_rule else None)
        for check in checks
        if not check.passed
    ]
    if failed:
        raise ValidationError(failed)


@transaction.atomic
def nomination_submit(*, nomination: Nomination, by: User) -> Nomination:
    """Send a draft (or returned) nomination to the office, after every eligibility check;
    a failed check refuses it with the rule's citation and nothing changes."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    access.require(by, Action.ENTER, nomination.unit)
    if not nomination.is_editable:
        raise ValidationError(_("Đề nghị này đã được gửi."))
    _refuse(judge(nomination))
    return audit.transition(nomination, "state", NominationState.SUBMITTED, by=by, return_reason="")


@transaction.atomic
def nomination_return(*, nomination: Nomination, reason: str, by: User) -> Nomination:
    """The office (or the council) sends a nomination back with a reason."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    access.require(by, Action.EDIT, nomination.commune)
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do trả lại.")})
    if nomination.state not in (NominationState.SUBMITTED, NominationState.IN_REVIEW):
        raise ValidationError(_("Chỉ trả lại được đề nghị đã gửi hoặc đang được Hội đồng xét."))
    for ballot in Ballot.objects.filter(nomination=nomination):
        audit.delete(ballot, by=by, note=reason.strip())
    return audit.transition(
        nomination,
        "state",
        NominationState.RETURNED,
        by=by,
        note=reason.strip(),
        return_reason=reason.strip(),
    )


@transaction.atomic
def evidence_add(*, nomination: Nomination, upload, by: User) -> Evidence:
    """Attach an evidence file after checking its type (by content, not only its name) and
    its size."""
    access.require(by, Action.ENTER, nomination.unit)
    if nomination.state == NominationState.DECIDED:
        raise ValidationError(_("Đề nghị đã có quyết định, không thêm minh chứng."))
    name = (upload.name or "").rsplit("/", 1)[-1][:200]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = ", ".join(f".{ext}" for ext in EVIDENCE_TYPES)
    if extension not in EVIDENCE_TYPES:
        raise ValidationError(
            {
                "file": _("Tệp “%(name)s” không được nhận; chỉ nhận %(allowed)s.")
                % {"name": name, "allowed": allowed}
            }
        )
    if upload.size > EVIDENCE_MAX_BYTES:
        raise ValidationError(
            {
                "file": _("Tệp “%(name)s” nặng %(size)s MB, vượt quá %(max)s MB.")
                % {
                    "name": name,
                    "size": format_number(Decimal(upload.size) / 2**20, 1),
                    "max": format_number(EVIDENCE_MAX_BYTES // 2**20),
                }
            }
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in EVIDENCE_TYPES[extension]):
        raise ValidationError(
            {
                "file": _("Nội dung tệp “%(name)s” không đúng định dạng .%(ext)s.")
                % {"name": name, "ext": extension}
            }
        )
    evidence = Evidence(nomination=nomination, original_name=name, size=upload.size)
    evidence.file.save(name, upload, save=False)
    return audit.create(evidence, by=by)


@transaction.atomic
def evidence_delete(*, evidence: Evidence, by: User) -> None:
    access.require(by, Action.ENTER, evidence.nomination.unit)
    if evidence.nomination.state == NominationState.DECIDED:
        raise ValidationError(_("Đề nghị đã có quyết định, không xóa minh chứng."))
    stored = evidence.file
    audit.delete(evidence, by=by)
    transaction.on_commit(lambda: stored.delete(save=False))
