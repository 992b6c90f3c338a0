"""What each event does to a member record and to the counts, as plain functions: the
services write events through them, the demo and the bench build data through them, so
every path produces the same rows.

A record's state is its status (dự bị, chính thức, chuyển đi …) and two flags (miễn sinh
hoạt, đang sinh hoạt tạm thời nơi khác). `step` says what an event makes of a state and what
it adds to the counts of the chi bộ it is recorded in; an event the state does not allow is
refused with a Vietnamese message.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .choices import IN_PARTY, OUT_OF_PARTY, EventKind, MemberStatus

LEAVING = {
    EventKind.TRANSFER_OUT: MemberStatus.LEFT,
    EventKind.DIED: MemberStatus.DIED,
    EventKind.STRUCK_OFF: MemberStatus.STRUCK_OFF,
    EventKind.EXPELLED: MemberStatus.EXPELLED,
}


class LedgerError(ValueError):
    """An event the record's state does not allow; str() is for the user."""


@dataclass(frozen=True)
class MemberState:
    status: str = MemberStatus.NONE
    exempt: bool = False
    away: bool = False

    @property
    def in_party(self) -> bool:
        return self.status in IN_PARTY


@dataclass(frozen=True)
class Deltas:
    probationary: int = 0
    full: int = 0
    exempt: int = 0
    away: int = 0
    guest: int = 0

    def as_fields(self) -> dict[str, int]:
        return {
            "d_probationary": self.probationary,
            "d_full": self.full,
            "d_exempt": self.exempt,
            "d_away": self.away,
            "d_guest": self.guest,
        }


def _presence(state: MemberState, sign: int) -> Deltas:
    """What a member in this state adds to (sign +1) or takes from (−1) a chi bộ's counts."""
    return Deltas(
        probationary=sign * (state.status == MemberStatus.PROBATIONARY),
        full=sign * (state.status == MemberStatus.FULL),
        exempt=sign * state.exempt,
        away=sign * state.away,
    )


def _refuse(state: MemberState, kind: str) -> LedgerError:
    status = MemberStatus(state.status).label if state.status else "chưa có trong danh sách"
    return LedgerError(
        f"Không thể ghi “{EventKind(kind).label}” khi hồ sơ đang ở tình trạng "
        f"“{str(status).lower()}”."
    )


def step(state: MemberState, kind: str, *, status_in: str = "") -> tuple[MemberState, Deltas]:
    """The state after an event and what the event adds to its chi bộ's counts.
    `status_in` is the status a member arrives with on a transfer in (dự bị or chính thức)."""
    if kind in (EventKind.ADMITTED, EventKind.READMITTED):
        allowed = (
            state.status == MemberStatus.NONE
            if kind == EventKind.ADMITTED
            else state.status in OUT_OF_PARTY
        )
        if not allowed:
            raise _refuse(state, kind)
        return MemberState(MemberStatus.PROBATIONARY), Deltas(probationary=1)
    if kind == EventKind.MADE_FULL:
        if state.status != MemberStatus.PROBATIONARY:
            raise _refuse(state, kind)
        return replace(state, status=MemberStatus.FULL), Deltas(probationary=-1, full=1)
    if kind == EventKind.TRANSFER_IN:
        if state.status not in (MemberStatus.NONE, MemberStatus.LEFT) or status_in not in IN_PARTY:
            raise _refuse(state, kind)
        after = MemberState(status_in)
        return after, _presence(after, 1)
    if kind in LEAVING:
        if not state.in_party:
            raise _refuse(state, kind)
        return MemberState(LEAVING[kind]), _presence(state, -1)
    if kind in (EventKind.CELL_OUT, EventKind.CELL_IN):
        if not state.in_party:
            raise _refuse(state, kind)
        return state, _presence(state, -1 if kind == EventKind.CELL_OUT else 1)
    return _flag_step(state, kind)


def _flag_step(state: MemberState, kind: str) -> tuple[MemberState, Deltas]:
    if kind == EventKind.TEMP_OUT and state.in_party and not state.away:
        return replace(state, away=True), Deltas(away=1)
    if kind == EventKind.TEMP_BACK and state.away:
        return replace(state, away=False), Deltas(away=-1)
    if kind == EventKind.EXEMPTED and state.in_party and not state.exempt:
        return replace(state, exempt=True), Deltas(exempt=1)
    if kind == EventKind.EXEMPTION_ENDED and state.exempt:
        return replace(state, exempt=False), Deltas(exempt=-1)
    if kind == EventKind.TEMP_IN and state.status in (MemberStatus.NONE, MemberStatus.GUEST_LEFT):
        return MemberState(MemberStatus.GUEST), Deltas(guest=1)
    if kind == EventKind.TEMP_IN_END and state.status == MemberStatus.GUEST:
        return MemberState(MemberStatus.GUEST_LEFT), Deltas(guest=-1)
    raise _refuse(state, kind)


def replay(kinds: Iterable[tuple[str, str]]) -> MemberState:
    """The state after a record's events, given as (kind, status_in) in date order."""
    state = MemberState()
    for kind, status_in in kinds:
        state, _ = step(state, kind, status_in=status_in)
    return state


# Dates ------------------------------------------------------------------------------------


def months_between(start: datetime.date, end: datetime.date) -> int:
    """Whole calendar months from start to end, counted by months as party rules count age
    ("born in March 2007: 18 full years in March 2025"): the day of the month is ignored."""
    return (end.year - start.year) * 12 + (end.month - start.month)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it has no such day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def full_months(start: datetime.date, end: datetime.date) -> int:
    """Whole months elapsed from start to end, counting days (12 months from 15/03/2024 end
    on 15/03/2025)."""
    months = months_between(start, end)
    if months > 0 and add_months(start, months) > end:
        months -= 1
    return months


@dataclass(frozen=True)
class Span:
    """When a record was out of the Party (between being struck off or expelled and
    re-admission): such time does not count in tuổi Đảng."""

    start: datetime.date
    end: datetime.date


def out_of_party_spans(events: Iterable[tuple[str, datetime.date]]) -> list[Span]:
    """The spans out of the Party from a record's (kind, date) events in date order."""
    spans: list[Span] = []
    left: datetime.date | None = None
    for kind, on in events:
        if kind in (EventKind.STRUCK_OFF, EventKind.EXPELLED):
            left = on
        elif kind == EventKind.READMITTED and left is not None:
            spans.append(Span(left, on))
            left = None
    return spans


def milestone_date(
    admitted_on: datetime.date, years: int, spans: Iterable[Span] = ()
) -> datetime.date:
    """The day a member completes `years` of tuổi Đảng: counted from the day of admission,
    the time out of the Party added back."""
    gap = sum(((span.end - span.start) for span in spans), datetime.timedelta())
    return add_months(admitted_on, years * 12) + gap


def party_years(admitted_on: datetime.date, on: datetime.date, spans: Iterable[Span] = ()) -> int:
    """Full years of tuổi Đảng on a date."""
    gap = sum(((span.end - span.start) for span in spans), datetime.timedelta())
    return max(0, full_months(admitted_on + gap, on) // 12)


def cache_on_record(record, kind: str, on: datetime.date, state: MemberState, cell, commune):
    """Write what an event makes of a member record's cached fields (status, flags, cell,
    dates) onto the record object; the caller saves it."""
    record.status, record.exempt, record.away = state.status, state.exempt, state.away
    if kind in (EventKind.ADMITTED, EventKind.READMITTED):
        record.admitted_on = record.admitted_on or on
        record.joined_on, record.left_on, record.probation_from = on, None, on
        record.cell, record.commune = cell, commune
    elif kind == EventKind.MADE_FULL:
        record.full_on = on
    elif kind in (EventKind.TRANSFER_IN, EventKind.TEMP_IN):
        record.joined_on, record.left_on = on, None
        record.cell, record.commune = cell, commune
        if state.status == MemberStatus.PROBATIONARY:
            record.probation_from = record.admitted_on or on
    elif kind == EventKind.CELL_IN:
        record.cell = cell
    elif kind in LEAVING or kind == EventKind.TEMP_IN_END:
        record.left_on = on
    return record
