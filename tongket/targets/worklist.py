"""What the targets module asks of a person, for the home page's work list: figures waiting
for their approval, units late against a deadline, and their own unit's figures to enter
("0/12 chỉ tiêu đã nhập, hạn 20/12/2025"). A fixed number of queries per user."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tongket.lib.dates import format_date
from tongket.units import access
from tongket.units.choices import SUBUNIT_KINDS, Action, UnitKind
from tongket.units.models import Unit, User
from tongket.units.worklist import WorkItem, address, provider

from .choices import Period, SubmissionState
from .models import Deadline, IndicatorVersion, Plan, Result, Submission
from .selectors.catalogue import reports_q

AREA = gettext_lazy("Chỉ tiêu")
SENT = (SubmissionState.SUBMITTED, SubmissionState.APPROVED)
MOST_APPROVALS = 20


def _grid(unit_id: int, year: int, period: str) -> str:
    return address("targets:grid", unit_id, year=year, period=period)


def approvals(user: User, today: datetime.date) -> list[WorkItem]:
    """Figures sent up and waiting for this user's approval (one query)."""
    condition = access.scope_q(Submission, user, Action.APPROVE)
    waiting = Submission.objects.filter(state=SubmissionState.SUBMITTED).select_related("unit")
    if condition is not None:
        waiting = waiting.filter(condition)
    return [
        WorkItem(
            _("Duyệt số liệu %(period)s %(year)s của %(unit)s (gửi ngày %(sent)s)")
            % {
                "period": Period(s.period).label.lower(),
                "year": s.year,
                "unit": s.unit.name,
                "sent": format_date(s.submitted_at and s.submitted_at.date()),
            },
            _grid(s.unit_id, s.year, s.period),
            AREA,
        )
        for s in waiting.order_by("submitted_at", "id")[:MOST_APPROVALS]
    ]


def _deadlines(units: list[Unit]) -> dict[tuple[int, str], list[tuple[int, datetime.date]]]:
    """Deadlines set on any of the units' ancestors for the two newest years that have one
    (one query): (year, period) → [(setter id, due)]. A year is reported during it and
    reviewed in the first weeks of the next; older periods are the archive's business."""
    ancestors = {pk for unit in units for pk in unit.ancestor_ids}
    rows = list(Deadline.objects.filter(unit_id__in=ancestors).order_by("-year"))
    years = sorted({row.year for row in rows}, reverse=True)[:2]
    found = defaultdict(list)
    for row in rows:
        if row.year in years:
            found[(row.year, row.period)].append((row.unit_id, row.due))
    return found


def _years_of(deadlines) -> list[int]:
    return sorted({year for year, _period in deadlines})


def _due(unit: Unit, setters: list[tuple[int, datetime.date]]) -> datetime.date | None:
    """The nearest deadline set above `unit` (as selectors.deadline_for)."""
    by_setter = dict(setters)
    above = unit.ancestor_ids[:-1]
    return next((by_setter[pk] for pk in reversed(above) if pk in by_setter), None)


def _expected(children: list[Unit], years) -> set[tuple[int, int]]:
    """(unit id, year) of the children that report something: communes always, subordinate
    units once their kind reports an indicator or they were given a plan (two queries)."""
    kinds = defaultdict(set)
    for year, listed in (
        IndicatorVersion.objects.filter(year__in=years, retired=False)
        .exclude(reporting_kinds="")
        .values_list("year", "reporting_kinds")
    ):
        kinds[year].update(listed.split(","))
    planned = set(
        Plan.objects.filter(unit__in=children, year__in=years).values_list("unit_id", "year")
    )
    return {
        (child.pk, year)
        for child in children
        for year in years
        if child.kind not in SUBUNIT_KINDS
        or child.kind in kinds[year]
        or (child.pk, year) in planned
    }


def late_units(user: User, today: datetime.date) -> list[WorkItem]:
    """For the level above: the units under each unit the user approves or edits that have
    not sent a period's figures by its deadline (five queries). Units that have ended
    (merged, abolished) are never late."""
    parents = list(
        (access.root_units_for(user, Action.APPROVE) | access.root_units_for(user, Action.EDIT))
        .exclude(kind__in=SUBUNIT_KINDS)
        .distinct()
    )
    children = list(
        Unit.objects.filter(parent__in=parents).active_on(today).order_by("kind", "name_folded")
    )
    deadlines = _deadlines(children)
    years = _years_of(deadlines)
    sent = set(
        Submission.objects.filter(unit__in=children, year__in=years, state__in=SENT).values_list(
            "unit_id", "year", "period"
        )
    )
    expected = _expected(children, years)
    late = defaultdict(list)
    for (year, period), setters in deadlines.items():
        for child in children:
            due = _due(child, setters)
            missing = (child.pk, year, period) not in sent and (child.pk, year) in expected
            if due is not None and due < today and missing:
                late[(child.parent_id, year, period, due)].append(child.name)
    return [
        _late_item(parent_id, year, period, due, names)
        for (parent_id, year, period, due), names in late.items()
    ]


def _late_item(parent_id, year, period, due, names) -> WorkItem:
    shown = ", ".join(names[:3]) + (_(" …") if len(names) > 3 else "")
    return WorkItem(
        _("%(n)s đơn vị chưa gửi số liệu %(period)s %(year)s, hạn %(due)s: %(names)s")
        % {
            "n": len(names),
            "period": Period(period).label.lower(),
            "year": year,
            "due": format_date(due),
            "names": shown,
        },
        address("targets:board", parent_id, year=year, period=period),
        AREA,
        due=due,
        late=True,
    )


def _entry_units(user: User, today: datetime.date) -> list[Unit]:
    """The units the user enters figures for: those their grants are on, below the
    province, still existing (one query)."""
    return list(
        access.root_units_for(user, Action.ENTER)
        .exclude(kind__in=(UnitKind.PROVINCE, UnitKind.DISTRICT))
        .active_on(today)
        .order_by("path")
    )


def _reported_ids(unit: Unit, year: int) -> set[int]:
    versions = IndicatorVersion.objects.filter(year=year, retired=False).filter(
        Q(indicator__owner__isnull=True) | Q(indicator__owner_id__in=unit.ancestor_ids)
    )
    return set(versions.filter(reports_q(unit, year)).values_list("indicator_id", flat=True))


def to_enter(user: User, today: datetime.date) -> list[WorkItem]:
    """A reporter's (or a commune office's) own figures for each period with a deadline that
    are not sent yet: "Tổ dân phố số 1: 0/12 chỉ tiêu đã nhập …" (three queries, and one per
    unit and year for the indicators it reports)."""
    units = _entry_units(user, today)
    if not units:
        return []
    deadlines = _deadlines(units)
    years = _years_of(deadlines)
    states = {
        (s.unit_id, s.year, s.period): s
        for s in Submission.objects.filter(unit__in=units, year__in=years)
    }
    filled = defaultdict(set)
    for unit_id, year, period, indicator_id in Result.objects.filter(
        Q(value__isnull=False) | Q(percent_of_plan__isnull=False), unit__in=units, year__in=years
    ).values_list("unit_id", "year", "period", "indicator_id"):
        filled[(unit_id, year, period)].add(indicator_id)
    items = []
    for unit in units:
        reported = {year: _reported_ids(unit, year) for year in years}
        for (year, period), setters in sorted(deadlines.items()):
            due = _due(unit, setters)
            submission = states.get((unit.pk, year, period))
            if due is None or not reported[year] or (submission and submission.state in SENT):
                continue
            done = len(filled[(unit.pk, year, period)] & reported[year])
            items.append(
                _entry_item(unit, year, period, due, done, len(reported[year]), submission, today)
            )
    return items


def _entry_item(unit, year, period, due, done, total, submission, today) -> WorkItem:
    text = _("%(unit)s: %(done)s/%(total)s chỉ tiêu đã nhập, %(period)s %(year)s, hạn %(due)s") % {
        "unit": unit.name,
        "done": done,
        "total": total,
        "period": Period(period).label.lower(),
        "year": year,
        "due": format_date(due),
    }
    if submission and submission.state == SubmissionState.RETURNED:
        text += _(" (bị trả lại: %(reason)s)") % {"reason": submission.return_reason}
    return WorkItem(text, _grid(unit.pk, year, period), AREA, due=due, late=due < today)


@provider
def targets_work(user: User, today: datetime.date) -> list[WorkItem]:
    return [*approvals(user, today), *late_units(user, today), *to_enter(user, today)]
