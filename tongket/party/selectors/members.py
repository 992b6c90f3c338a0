"""Reads of member records: the list with its search and filters, a member's page, the
Huy hiệu Đảng due on the next award date, transfers waiting for an answer."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from tongket.lib.text import fold
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from .. import ledger
from ..choices import (
    IN_PARTY,
    PARTY_SIDE,
    EventKind,
    MemberKind,
    MemberStatus,
    RuleKind,
    TransferState,
)
from ..models import BadgeAward, MemberEvent, PartyMember, Transfer
from ..rules import Rulebook, whole

MEMBER_RELATED = ("person", "cell", "commune")
# Filters of the member list besides a status: everyone in the Party, the exempted, the away.
LIST_FILTERS = ("", "exempt", "away", "guests", "out")


def members_list(
    user: User,
    *,
    commune: Unit | None = None,
    cell: Unit | None = None,
    query: str = "",
    status: str = "",
) -> QuerySet[PartyMember]:
    """Member records the user may read (party side), in the Đảng bộ or chi bộ, matching
    every word of the query in the name (diacritics ignored) or the card number. Status ""
    lists those in the Party; a status, "exempt", "away", "guests" or "out" narrows it."""
    records = access.restrict(PartyMember.objects.select_related(*MEMBER_RELATED), user)
    if commune is not None:
        records = records.filter(commune=commune)
    if cell is not None:
        records = records.filter(cell=cell)
    if status == "guests":
        records = records.filter(kind=MemberKind.GUEST, status=MemberStatus.GUEST)
    elif status == "out":
        records = records.filter(kind=MemberKind.MEMBER).exclude(status__in=IN_PARTY)
    else:
        records = records.filter(kind=MemberKind.MEMBER)
        if status in IN_PARTY:
            records = records.filter(status=status)
        else:
            records = records.filter(status__in=IN_PARTY)
        if status == "exempt":
            records = records.filter(exempt=True)
        elif status == "away":
            records = records.filter(away=True)
    words = fold(query).split()
    if words:
        by_name = Q()
        for word in words:
            by_name &= Q(person__name_folded__contains=word)
        records = records.filter(by_name | Q(card_number=query.strip()))
    return records.order_by("person__name_folded", "id")


def get_member_for(user: User, pk, action: str = Action.VIEW) -> PartyMember:
    return access.get_for(PartyMember.objects.select_related(*MEMBER_RELATED), user, pk, action)


@dataclass
class MemberPage:
    record: PartyMember
    events: list[MemberEvent]
    ratings: list
    badges: list[BadgeAward]
    admissions: list
    transfers: list[Transfer]
    years: int | None
    next_badge: tuple[int, datetime.date] | None


def party_years_of(record: PartyMember, events: list[MemberEvent], on: datetime.date) -> int | None:
    """Tuổi Đảng of a full member in the Party on a date (None otherwise)."""
    if record.status != MemberStatus.FULL or record.admitted_on is None:
        return None
    spans = ledger.out_of_party_spans((event.kind, event.on) for event in events)
    return ledger.party_years(record.admitted_on, on, spans)


def member_page(record: PartyMember, today: datetime.date | None = None) -> MemberPage:
    today = today or timezone.localdate()
    events = list(record.events.select_related("cell", "issued_number").order_by("on", "id"))
    badges = list(record.badges.order_by("milestone"))
    years = party_years_of(record, events, today)
    next_badge = None
    if years is not None:
        spans = ledger.out_of_party_spans((event.kind, event.on) for event in events)
        rules = Rulebook.load(record.commune, today)
        received = {badge.milestone for badge in badges}
        for milestone in sorted(whole(row.value) for row in rules.keyed(RuleKind.BADGE_MILESTONE)):
            if milestone not in received and milestone > years:
                next_badge = (
                    milestone,
                    ledger.milestone_date(record.admitted_on, milestone, spans),
                )
                break
    return MemberPage(
        record=record,
        events=events,
        ratings=list(record.ratings.order_by("-year")),
        badges=badges,
        admissions=list(record.admissions.select_related("decision", "full_decision")),
        transfers=list(record.transfers.select_related("to_cell", "from_cell")),
        years=years,
        next_badge=next_badge,
    )


# Huy hiệu Đảng --------------------------------------------------------------------------------


def next_award_date(rules: Rulebook, after: datetime.date) -> datetime.date | None:
    """The first award date in the rulebook on or after a day."""
    days = []
    for row in rules.keyed(RuleKind.BADGE_DATE):
        day_month = row.day_month()
        if day_month is None:
            continue
        day, month = day_month
        for year in (after.year, after.year + 1):
            candidate = datetime.date(
                year, month, min(day, 28) if month == 2 and day == 29 else day
            )
            if candidate >= after:
                days.append(candidate)
                break
    return min(days) if days else None


@dataclass
class BadgeDue:
    record: PartyMember
    milestone: int
    reached_on: datetime.date
    years: int


@dataclass
class BadgeList:
    award_on: datetime.date | None
    due: list[BadgeDue]
    awarded: list[BadgeAward]


def badges_due(
    commune: Unit, records: QuerySet[PartyMember], today: datetime.date | None = None
) -> BadgeList:
    """Full members (of `records`, already restricted) who will have reached a Huy hiệu
    milestone by the next award date and have not received it or a later one: the highest
    milestone reached is listed (four queries)."""
    today = today or timezone.localdate()
    rules = Rulebook.load(commune, today)
    award_on = next_award_date(rules, today)
    milestones = sorted(whole(row.value) for row in rules.keyed(RuleKind.BADGE_MILESTONE))
    awarded = list(
        BadgeAward.objects.filter(
            commune=commune, awarded_on__year=today.year, member__in=records
        ).select_related("member__person")
    )
    if award_on is None or not milestones:
        return BadgeList(award_on, [], awarded)
    # Time out of the Party only delays a milestone: nobody admitted after this day is due.
    latest = ledger.add_months(award_on, -milestones[0] * 12)
    full = list(
        records.filter(
            commune=commune,
            kind=MemberKind.MEMBER,
            status=MemberStatus.FULL,
            admitted_on__lte=latest,
        ).select_related("person", "cell")
    )
    ids = [record.pk for record in full]
    gaps: dict[int, list[tuple[str, datetime.date]]] = {}
    for member_id, kind, on in (
        MemberEvent.objects.filter(
            member_id__in=ids,
            kind__in=(EventKind.STRUCK_OFF, EventKind.EXPELLED, EventKind.READMITTED),
        )
        .order_by("on", "id")
        .values_list("member_id", "kind", "on")
    ):
        gaps.setdefault(member_id, []).append((kind, on))
    best: dict[int, int] = {record.pk: record.badge_before or 0 for record in full}
    for member_id, milestone in BadgeAward.objects.filter(member_id__in=ids).values_list(
        "member_id", "milestone"
    ):
        best[member_id] = max(best.get(member_id, 0), milestone)
    due = []
    for record in full:
        spans = ledger.out_of_party_spans(gaps.get(record.pk, []))
        years = ledger.party_years(record.admitted_on, award_on, spans)
        reached = [m for m in milestones if m <= years and m > best.get(record.pk, 0)]
        if reached:
            milestone = reached[-1]
            due.append(
                BadgeDue(
                    record,
                    milestone,
                    ledger.milestone_date(record.admitted_on, milestone, spans),
                    years,
                )
            )
    due.sort(key=lambda item: (-item.milestone, item.record.person.name_folded))
    return BadgeList(award_on, due, awarded)


# Transfers ---------------------------------------------------------------------------------------


def transfers_incoming(user: User) -> QuerySet[Transfer]:
    """Transfers waiting for an answer into chi bộ of the Đảng bộ the user sees (on the
    party side); answering them takes the receiving office's right (the services check)."""
    paths = access.scope_paths(user, Action.VIEW, PARTY_SIDE)
    transfers = Transfer.objects.filter(state=TransferState.REQUESTED).select_related(
        "member__person", "from_cell__parent", "to_cell"
    )
    if access.is_superuser(user):
        return transfers
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(to_cell__path__startswith=path)
    return transfers.filter(condition)


def transfers_outgoing(user: User) -> QuerySet[Transfer]:
    return access.restrict(
        Transfer.objects.select_related("member__person", "to_cell__parent", "from_cell"), user
    ).order_by("-on", "-id")


def get_transfer_for_receiver(user: User, pk) -> Transfer:
    """A transfer named by the receiving side: 404 unless it goes into the user's scope."""
    transfer = transfers_incoming(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if transfer is None:
        raise Http404
    return transfer
