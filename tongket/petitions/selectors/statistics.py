"""Figures of a round of working sessions, or of a commune's year: sessions held, units
worked with, items by field and competence, resolved on time / late / open, forwarded and
answered, and the sentences a report or an article quotes. Three queries.

For the review report and the conference article (wired by the documents module):
    year_statistics(commune, year).sentences  →  ["Qua 24 buổi làm việc với …", …]
A sentence is only written about what happened: no sessions, no sentence.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Q

from tongket.lib.numbers import format_number
from tongket.units.choices import Body, UnitKind
from tongket.units.models import Unit

from ..choices import (
    OPEN_STATES,
    RUNNING_STATES,
    UNIT_KIND_PLURALS,
    Competence,
    Field,
    SessionState,
    State,
)
from ..models import Plan, Recommendation, Session

KIND_ORDER = [
    UnitKind.PARTY_CELL,
    UnitKind.RESIDENTIAL_GROUP,
    UnitKind.AGENCY,
    UnitKind.MASS_ORGANIZATION,
    UnitKind.SCHOOL,
    UnitKind.HEALTH_STATION,
    UnitKind.POLICE,
]


@dataclass
class FieldRow:
    field: str
    label: str
    received: int = 0
    resolved: int = 0
    forwarded: int = 0
    open: int = 0


@dataclass
class PetitionStats:
    commune: Unit
    year: int | None
    plan: Plan | None
    sessions_planned: int = 0
    sessions_held: int = 0
    units_worked: int = 0
    unit_kinds: list[str] = field(default_factory=list)
    received: int = 0
    from_sessions: int = 0
    from_citizens: int = 0
    by_field: list[FieldRow] = field(default_factory=list)
    by_competence: list[tuple[str, int]] = field(default_factory=list)
    resolved: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    open: int = 0
    overdue: int = 0
    forwarded: int = 0
    answered: int = 0
    actor: str = ""
    sentences: list[str] = field(default_factory=list)

    @property
    def has_data(self) -> bool:
        return bool(self.sessions_held or self.received)

    @property
    def sentence(self) -> str:
        """The one sentence an article quotes ("" when nothing happened)."""
        return self.sentences[0] if self.sentences else ""


def _commune_word(commune: Unit) -> str:
    return UnitKind(commune.kind).label.lower()


def _actor(commune: Unit, bodies: set[str]) -> str:
    word = _commune_word(commune)
    if bodies == {Body.PARTY_COMMITTEE}:
        return "Ban Thường vụ Đảng ủy"
    if bodies == {Body.PEOPLES_COMMITTEE}:
        return f"UBND {word}"
    return f"Đảng ủy, UBND {word}"


def _kinds_text(kinds: list[str]) -> str:
    words = [str(UNIT_KIND_PLURALS[kind]) for kind in kinds if kind in UNIT_KIND_PLURALS]
    return ", ".join(words)


def _count_sessions(stats: PetitionStats, sessions) -> None:
    rows = list(sessions.values_list("state", "unit_id", "unit__kind"))
    stats.sessions_planned = len(rows)
    held = [(unit_id, kind) for state, unit_id, kind in rows if state == SessionState.HELD]
    stats.sessions_held = len(held)
    stats.units_worked = len({unit_id for unit_id, _ in held})
    present = {kind for _, kind in held}
    stats.unit_kinds = [kind for kind in KIND_ORDER if kind in present]


def _count_items(stats: PetitionStats, items, today: datetime.date) -> None:
    late = Q(state=State.RESOLVED, deadline__isnull=False, resolved_on__gt=F("deadline"))
    late &= Q(resolved_on__lte=today)
    rows = items.values("field", "competence", "state").annotate(
        n=Count("id"),
        citizens=Count("id", filter=Q(session__isnull=True)),
        forwarded=Count("id", filter=Q(forwarding__forwarded_on__lte=today)),
        answered=Count("id", filter=Q(forwarding__answered_on__lte=today)),
        later=Count("id", filter=Q(resolved_on__gt=today, forwarding__isnull=True)),
        late=Count("id", filter=late & Q(forwarding__isnull=True)),
        overdue=Count("id", filter=Q(state__in=RUNNING_STATES, deadline__lt=today)),
    )
    by_field = {value: FieldRow(value, str(label)) for value, label in Field.choices}
    by_competence = dict.fromkeys(Competence.values, 0)
    for row in rows:
        n, forwarded = row["n"], row["forwarded"]
        stats.received += n
        stats.from_citizens += row["citizens"]
        stats.forwarded += forwarded
        stats.answered += row["answered"]
        stats.overdue += row["overdue"]
        by_competence[row["competence"]] += n
        line = by_field[row["field"]]
        line.received += n
        line.forwarded += forwarded
        if row["state"] == State.RESOLVED:
            # Resolved after the day counted to: still open on that day.
            resolved_here = n - forwarded - row["later"]
            stats.resolved += resolved_here
            stats.resolved_late += row["late"]
            line.resolved += resolved_here
            stats.open += row["later"]
            line.open += row["later"]
        elif row["state"] in OPEN_STATES:
            stats.open += n
            line.open += n
    stats.resolved_on_time = stats.resolved - stats.resolved_late
    stats.from_sessions = stats.received - stats.from_citizens
    stats.by_field = sorted(
        (line for line in by_field.values() if line.received),
        key=lambda line: (-line.received, Field.values.index(line.field)),
    )
    stats.by_competence = [
        (str(Competence(value).label), count) for value, count in by_competence.items() if count
    ]


def _sentences(stats: PetitionStats) -> list[str]:
    sentences = []
    n = format_number
    if stats.sessions_held:
        text = f"Qua {n(stats.sessions_held)} buổi làm việc"
        kinds = _kinds_text(stats.unit_kinds)
        if kinds:
            text += f" với {kinds}"
        if stats.from_sessions:
            text += f", {stats.actor} đã tiếp nhận {n(stats.from_sessions)} kiến nghị"
            done = []
            if stats.resolved:
                done.append(f"đã giải quyết {n(stats.resolved)}")
            if stats.forwarded:
                done.append(f"chuyển cấp trên {n(stats.forwarded)}")
            if done:
                text += "; " + ", ".join(done)
        else:
            text = f"{stats.actor} đã tổ chức {n(stats.sessions_held)} buổi làm việc" + (
                f" với {kinds}" if kinds else ""
            )
        sentences.append(text + ".")
    if stats.from_citizens:
        sentences.append(
            f"Qua cổng thông tin điện tử, {lower_first(stats.commune.name)} đã tiếp nhận "
            f"{n(stats.from_citizens)} kiến nghị của người dân."
        )
    if stats.answered:
        sentences.append(
            f"Cấp trên đã trả lời {n(stats.answered)}/{n(stats.forwarded)} kiến nghị "
            "được chuyển lên."
        )
    return sentences


def lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def round_statistics(plan: Plan, today: datetime.date | None = None) -> PetitionStats:
    """The figures of one round (a plan and its sessions)."""
    today = today or datetime.date.today()
    stats = PetitionStats(commune=plan.unit, year=plan.year, plan=plan)
    stats.actor = _actor(plan.unit, {plan.body})
    _count_sessions(stats, Session.objects.filter(plan=plan))
    _count_items(stats, Recommendation.objects.filter(plan=plan), today)
    stats.sentences = _sentences(stats)
    return stats


def year_statistics(commune: Unit, year: int, today: datetime.date | None = None) -> PetitionStats:
    """The figures of a commune's year up to `today` (a six-month report counts to the end of
    June): sessions held, items received (from sessions and from citizens) and what became of
    them by that day."""
    today = today or datetime.date.today()
    stats = PetitionStats(commune=commune, year=year, plan=None)
    sessions = Session.objects.filter(plan__unit=commune, date__year=year, date__lte=today)
    bodies = set(
        Plan.objects.filter(unit=commune, sessions__date__year=year).values_list("body", flat=True)
    )
    stats.actor = _actor(commune, bodies or {Body.PARTY_COMMITTEE})
    _count_sessions(stats, sessions)
    _count_items(
        stats,
        Recommendation.objects.filter(
            commune=commune, received_on__year=year, received_on__lte=today
        ),
        today,
    )
    stats.sentences = _sentences(stats)
    return stats
