"""Collection and approval: the entry grid and its cells, the submissions a level above
watches (who sent, who is late), deadlines, and results as the API lists them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet

from tongket.lib.numbers import format_number
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..achievement import format_percent_of_plan, format_value, qualified
from ..choices import BoardStatus, SubmissionState
from ..models import Deadline, IndicatorVersion, Plan, Result, Submission
from .catalogue import reported_set
from .common import existing_in


@dataclass
class GridRow:
    version: IndicatorVersion
    plan: Plan | None
    result: Result | None

    @property
    def cell_version(self) -> int:
        return self.result.version if self.result else 0


@dataclass
class EntryGrid:
    unit: Unit
    year: int
    period: str
    rows: list[GridRow]
    submission: Submission | None

    @property
    def state(self) -> str:
        return self.submission.state if self.submission else SubmissionState.DRAFT

    @property
    def locked(self) -> bool:
        return self.state in (SubmissionState.SUBMITTED, SubmissionState.APPROVED)

    @property
    def filled(self) -> int:
        return sum(1 for row in self.rows if row.result and row.result.value is not None)

    @property
    def empty_rows(self) -> list[GridRow]:
        """The indicators with nothing entered: no value, no % of plan."""
        return [
            row
            for row in self.rows
            if not row.result or (row.result.value is None and row.result.percent_of_plan is None)
        ]


def entry_grid(unit: Unit, year: int, period: str) -> EntryGrid:
    """The indicators a unit reports for one period with their plan and current cell (four
    queries)."""
    versions = reported_set(unit, year)
    plans = {plan.indicator_id: plan for plan in Plan.objects.filter(unit=unit, year=year)}
    results = {
        result.indicator_id: result
        for result in Result.objects.filter(unit=unit, year=year, period=period)
    }
    submission = submission_for(unit, year, period)
    rows = [GridRow(v, plans.get(v.indicator_id), results.get(v.indicator_id)) for v in versions]
    return EntryGrid(unit, year, period, rows, submission)


def _plain(value: Decimal | None) -> str:
    return format_number(value.normalize()) if value is not None else ""


def cell_state(version: IndicatorVersion, result: Result | None) -> dict:
    """A grid cell as the grid's script shows it: its version (for the next save), the
    figures as typed and as displayed."""
    if result is None or not result.pk:
        return {
            "version": 0,
            "value": "",
            "numerator": "",
            "denominator": "",
            "qualifier": "",
            "percent_of_plan": "",
            "display": "",
        }
    return {
        "version": result.version,
        "value": _plain(result.value),
        "numerator": _plain(result.numerator),
        "denominator": _plain(result.denominator),
        "qualifier": result.qualifier,
        "percent_of_plan": _plain(result.percent_of_plan),
        "is_estimate": result.is_estimate,
        "note": result.note,
        "display": cell_display(version, result),
    }


def cell_display(version: IndicatorVersion, result: Result) -> str:
    """ "trên 36 tỷ đồng", "42/42 tuyến phố", or "112% kế hoạch" for a result known only as a
    percentage of plan."""
    if result.value is None and result.numerator is None and result.percent_of_plan is not None:
        return f"{format_percent_of_plan(result.percent_of_plan)} kế hoạch"
    return qualified(
        format_value(
            version, result.value, numerator=result.numerator, denominator=result.denominator
        ),
        result.qualifier,
    )


def unit_results(unit: Unit, year: int, period: str) -> QuerySet[Result]:
    """A unit's results for a period, with their indicator, by indicator code."""
    return (
        Result.objects.filter(unit=unit, year=year, period=period)
        .select_related("indicator")
        .order_by("indicator__code")
    )


def submission_for(unit: Unit, year: int, period: str) -> Submission | None:
    return Submission.objects.filter(unit=unit, year=year, period=period).first()


def get_submission_for(user: User, pk, action: str = Action.VIEW) -> Submission:
    return access.get_for(Submission.objects.select_related("unit"), user, pk, action)


@dataclass
class BoardRow:
    unit: Unit
    status: str
    status_label: str
    submission: Submission | None
    due: datetime.date | None
    filled: int


def submission_board(
    parent: Unit, year: int, period: str, today: datetime.date | None = None
) -> list[BoardRow]:
    """For the level above: each direct child unit's submission for a period, with late
    ones flagged against the nearest deadline set above it (four queries)."""
    today = today or datetime.date.today()
    children = list(
        Unit.objects.filter(parent=parent).filter(existing_in(year)).order_by("kind", "name_folded")
    )
    submissions = {
        s.unit_id: s
        for s in Submission.objects.filter(unit__parent=parent, year=year, period=period)
    }
    deadlines = {
        d.unit_id: d.due
        for d in Deadline.objects.filter(unit_id__in=parent.ancestor_ids, year=year, period=period)
    }
    due = next((deadlines[pk] for pk in reversed(parent.ancestor_ids) if pk in deadlines), None)
    filled = dict(
        Result.objects.filter(unit__parent=parent, year=year, period=period)
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
        .order_by()
    )
    rows = []
    for child in children:
        submission = submissions.get(child.pk)
        state = submission.state if submission else None
        if state in (SubmissionState.APPROVED, SubmissionState.SUBMITTED, SubmissionState.RETURNED):
            status = state
        elif not child.is_active_on(today):
            status = BoardStatus.ENDED  # merged or abolished before the deadline: never late
        elif due is not None and today > due:
            status = BoardStatus.LATE
        elif filled.get(child.pk):
            status = BoardStatus.DRAFT
        else:
            status = BoardStatus.NOT_STARTED
        rows.append(
            BoardRow(
                child,
                status,
                str(BoardStatus(status).label),
                submission,
                due,
                filled.get(child.pk, 0),
            )
        )
    return rows


def deadline_for(unit: Unit, year: int, period: str) -> datetime.date | None:
    """The deadline that applies to `unit`'s submission: the nearest one set above it."""
    deadlines = dict(
        Deadline.objects.filter(
            unit_id__in=unit.ancestor_ids[:-1], year=year, period=period
        ).values_list("unit_id", "due")
    )
    return next((deadlines[pk] for pk in reversed(unit.ancestor_ids[:-1]) if pk in deadlines), None)
