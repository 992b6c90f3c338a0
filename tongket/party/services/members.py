"""Member records and their events: direct entry of a member (an office's existing list),
the card number and education, events recorded on the member page.

Every event goes through `event_append`: one record at a time, in date order, what the
ledger allows; the record's cached status and dates follow from it."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib.dates import format_date
from tongket.lib.text import fold
from tongket.units import audit
from tongket.units.choices import Action
from tongket.units.models import IssuedNumber, Person, Unit, User

from .. import ledger
from ..choices import (
    PARTY_SIDE,
    RECORDABLE_EVENTS,
    EventKind,
    MemberKind,
    MemberStatus,
    RuleKind,
)
from ..models import MemberEvent, PartyMember
from ..rules import Rulebook, refusal, whole
from .common import (
    check_cell,
    commune_of,
    not_ahead,
    require,
    require_committee,
)


def _fresh(record: PartyMember) -> PartyMember:
    """The record as saved now (a caller's object may predate an event), locked."""
    return (
        PartyMember.objects.select_for_update(of=("self",))
        .select_related("cell", "commune", "person")
        .get(pk=record.pk)
    )


def _state(record: PartyMember) -> ledger.MemberState:
    return ledger.MemberState(record.status, record.exempt, record.away)


def event_append(
    *,
    record: PartyMember,
    kind: str,
    on: datetime.date,
    by: User,
    cell: Unit | None = None,
    status_in: str = "",
    document: str = "",
    issued_number: IssuedNumber | None = None,
    other_place: str = "",
    note: str = "",
) -> MemberEvent:
    """Append one event to a record, in its current chi bộ unless another is named (rights
    are checked by the caller's service). Refused, nothing saved, when its date is ahead or
    before the record's last event, or when the record's state does not allow it."""
    record = (
        PartyMember.objects.select_for_update(of=("self",)).select_related("cell").get(pk=record.pk)
    )
    cell = cell or record.cell
    not_ahead(on, "on", _("Ngày của sự kiện"))
    last = record.events.order_by("-on", "-id").first()
    if last is not None and on < last.on:
        raise ValidationError(
            {
                "on": _(
                    "Ngày %(day)s trước sự kiện gần nhất của hồ sơ (%(kind)s ngày %(last)s): "
                    "các sự kiện phải ghi theo thứ tự ngày."
                )
                % {
                    "day": format_date(on),
                    "kind": last.get_kind_display().lower(),
                    "last": format_date(last.on),
                }
            }
        )
    try:
        state, deltas = ledger.step(_state(record), kind, status_in=status_in)
    except ledger.LedgerError as exc:
        raise ValidationError(str(exc)) from None
    commune = commune_of(cell)
    event = MemberEvent(
        member=record,
        commune=commune,
        cell=cell,
        kind=kind,
        on=on,
        document=document[:200],
        issued_number=issued_number,
        other_place=other_place[:200],
        note=note[:500],
        **deltas.as_fields(),
    )
    audit.create(event, by=by)
    before = audit.snapshot(record)
    ledger.cache_on_record(record, kind, on, state, cell, commune)
    audit.update(record, before, by=by, verb=kind)
    return event


# Direct entry --------------------------------------------------------------------------------


def _person_for(*, commune: Unit, full_name: str, birth_date, gender: str, by: User) -> Person:
    """The commune's person of this name and birth date, or a new one on the commune."""
    name = full_name.strip()
    if not name:
        raise ValidationError({"full_name": _("Chưa nhập họ và tên.")})
    found = Person.objects.filter(
        unit__path__startswith=commune.path, name_folded=fold(name)[:120], birth_date=birth_date
    ).first()
    if found is not None:
        return found
    person = Person(full_name=name, unit=commune, birth_date=birth_date, gender=gender or "")
    # Entered by the party office for a member or a candidate: audited on the party side.
    return audit.create(person, by=by, side=PARTY_SIDE)


def _check_card(card_number: str, exclude_pk: int | None = None) -> str:
    card_number = card_number.strip()
    if not card_number:
        return ""
    clash = PartyMember.objects.filter(card_number=card_number)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError(
            {
                "card_number": _("Số thẻ đảng viên %(card)s đã có trong danh sách.")
                % {"card": card_number}
            }
        )
    return card_number


def check_member_dates(
    *,
    commune: Unit,
    birth_date: datetime.date | None,
    admitted_on: datetime.date,
    full_on: datetime.date | None,
    joined_on: datetime.date | None,
) -> None:
    """The dates of a member entered directly: in order, the probation kept, the age at
    admission within the rule in force that day (when the rulebook has one)."""
    not_ahead(admitted_on, "admitted_on", _("Ngày vào Đảng"))
    if full_on is not None:
        if full_on < admitted_on:
            raise ValidationError(
                {
                    "full_on": _("Ngày chính thức (%(full)s) trước ngày vào Đảng (%(admitted)s).")
                    % {"full": format_date(full_on), "admitted": format_date(admitted_on)}
                }
            )
        rules = Rulebook.load(commune, admitted_on)
        probation = rules.get(RuleKind.PROBATION_MONTHS)
        if probation is not None and full_on < ledger.add_months(
            admitted_on, whole(probation.value)
        ):
            raise refusal(
                probation,
                _("Ngày chính thức (%(full)s) chưa hết %(months)s tháng dự bị kể từ ngày vào Đảng.")
                % {"full": format_date(full_on), "months": whole(probation.value)},
                "full_on",
            )
        not_ahead(full_on, "full_on", _("Ngày chính thức"))
    if joined_on is not None:
        not_ahead(joined_on, "joined_on", _("Ngày về sinh hoạt tại Đảng bộ"))
        if joined_on < admitted_on:
            raise ValidationError(
                {"joined_on": _("Ngày về sinh hoạt tại Đảng bộ trước ngày vào Đảng.")}
            )
    if birth_date is not None:
        check_age(commune=commune, birth_date=birth_date, on=admitted_on, field="birth_date")


def check_age(*, commune: Unit, birth_date: datetime.date, on: datetime.date, field: str) -> None:
    """Age at the day the cell considers (or the day of admission): full years counted by
    months, within the rulebook's range in force that day."""
    rules = Rulebook.load(commune, on)
    months = ledger.months_between(birth_date, on)
    low, high = rules.get(RuleKind.ADMISSION_MIN_AGE), rules.get(RuleKind.ADMISSION_MAX_AGE)
    age = _("%(years)s tuổi %(months)s tháng") % {"years": months // 12, "months": months % 12}
    if low is not None and months < whole(low.value) * 12:
        raise refusal(
            low,
            _("Ngày %(day)s mới %(age)s, chưa đủ %(min)s tuổi.")
            % {"day": format_date(on), "age": age, "min": whole(low.value)},
            field,
        )
    if high is not None and months > whole(high.value) * 12:
        raise refusal(
            high,
            _("Ngày %(day)s đã %(age)s, quá %(max)s tuổi.")
            % {"day": format_date(on), "age": age, "max": whole(high.value)},
            field,
        )


def _check_no_record(person: Person) -> None:
    if PartyMember.objects.filter(person=person, kind=MemberKind.MEMBER).exists():
        raise ValidationError(
            {"full_name": _("%(name)s đã có hồ sơ đảng viên.") % {"name": person.full_name}}
        )


@transaction.atomic
def member_create(
    *,
    commune: Unit,
    cell: Unit,
    full_name: str,
    birth_date: datetime.date | None,
    admitted_on: datetime.date,
    by: User,
    gender: str = "",
    full_on: datetime.date | None = None,
    joined_on: datetime.date | None = None,
    card_number: str = "",
    education: int | None = None,
    person: Person | None = None,
    other_place: str = "",
    badge_before: int | None = None,
) -> PartyMember:
    """Enter a member from the office's list: admitted here (events: admitted, made full),
    or arrived on a transfer from outside tongket on `joined_on` (events: transferred in,
    then made full if that came later)."""
    require(by, Action.EDIT, commune)
    if joined_on == admitted_on:
        joined_on = None
    start = joined_on or admitted_on
    check_cell(cell, commune, start)
    check_member_dates(
        commune=commune,
        birth_date=birth_date,
        admitted_on=admitted_on,
        full_on=full_on,
        joined_on=joined_on,
    )
    card_number = _check_card(card_number)
    person = person or _person_for(
        commune=commune, full_name=full_name, birth_date=birth_date, gender=gender, by=by
    )
    _check_no_record(person)
    record = audit.create(
        PartyMember(
            person=person,
            commune=commune,
            cell=cell,
            card_number=card_number,
            education=education,
            admitted_on=admitted_on,
            full_on=full_on if joined_on and full_on and full_on <= joined_on else None,
            badge_before=badge_before,
        ),
        by=by,
    )
    for kind, on, status_in in member_entry_events(admitted_on, full_on, joined_on):
        event_append(
            record=record,
            kind=kind,
            on=on,
            cell=cell,
            by=by,
            status_in=status_in,
            other_place=other_place,
        )
    record.refresh_from_db()
    return record


def member_entry_events(
    admitted_on: datetime.date, full_on: datetime.date | None, joined_on: datetime.date | None
) -> list[tuple[str, datetime.date, str]]:
    """The events that put a member entered directly on the list: (kind, date, status_in)."""
    if joined_on is None:
        events = [(EventKind.ADMITTED, admitted_on, "")]
        if full_on is not None:
            events.append((EventKind.MADE_FULL, full_on, ""))
        return events
    arrived_full = full_on is not None and full_on <= joined_on
    status = MemberStatus.FULL if arrived_full else MemberStatus.PROBATIONARY
    events = [(EventKind.TRANSFER_IN, joined_on, status)]
    if full_on is not None and not arrived_full:
        events.append((EventKind.MADE_FULL, full_on, ""))
    return events


@transaction.atomic
def member_update(
    *, record: PartyMember, by: User, card_number: str, education: int | None, note: str = ""
) -> PartyMember:
    """What an officer types on a record: the card number, education, a note. Status and
    dates come only from events."""
    record = _fresh(record)
    require(by, Action.EDIT, record.commune)
    before = audit.snapshot(record)
    record.card_number = _check_card(card_number, exclude_pk=record.pk)
    record.education, record.note = education, note
    return audit.update(record, before, by=by)


@transaction.atomic
def member_event_record(
    *,
    record: PartyMember,
    kind: str,
    on: datetime.date,
    by: User,
    document: str = "",
    note: str = "",
) -> MemberEvent:
    """Record an event from the member page: exempted from activities (and its end), died,
    struck off, expelled. Leaving the Party is the committee's decision."""
    if kind not in RECORDABLE_EVENTS:
        raise ValidationError(
            {"kind": _("Sự kiện này được ghi ở bước khác (kết nạp, chuyển sinh hoạt).")}
        )
    record = _fresh(record)
    require(by, Action.EDIT, record.commune)
    if kind in (EventKind.STRUCK_OFF, EventKind.EXPELLED):
        require_committee(by, record.commune)
    return event_append(record=record, kind=kind, on=on, by=by, document=document, note=note)
