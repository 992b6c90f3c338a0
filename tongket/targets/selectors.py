"""Reads for the targets screens, the documents module and the API. Each runs a fixed number
of queries whatever the number of units or indicators; roll-ups of children are computed
live in SQL (SUM, weighted mean through a correlated subquery), never by an overnight job.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)

from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action
from tongket.units.models import Unit, User

from .achievement import (
    Achievement,
    evaluate,
    format_percent_of_plan,
    format_value,
    ratio_value,
)
from .choices import (
    GROUP_ORDER,
    BoardStatus,
    Direction,
    IndicatorGroup,
    Period,
    Rollup,
    SubmissionState,
    ValueKind,
)
from .models import Deadline, Indicator, IndicatorVersion, Plan, Result, Submission
from .services import applicable_versions

__all__ = [
    "AchievementRow",
    "PlanRow",
    "RankingRow",
    "format_value",
    "province_ranking",
    "unit_year_achievements",
    "unit_year_plans",
]

FIRST_YEAR, LAST_YEAR = 2000, 2100
VALUE_FIELD = DecimalField(max_digits=30, decimal_places=8)


def _sorted(versions) -> list[IndicatorVersion]:
    return sorted(versions, key=lambda v: (GROUP_ORDER.get(v.group, 99), v.order, v.indicator.code))


def indicator_set(unit: Unit, year: int, include_retired: bool = False) -> list[IndicatorVersion]:
    """The indicators that apply to `unit` in `year`, in report order (one query)."""
    versions = IndicatorVersion.objects.filter(year=year).filter(
        Q(indicator__owner__isnull=True) | Q(indicator__owner_id__in=unit.ancestor_ids)
    )
    if not include_retired:
        versions = versions.filter(retired=False)
    return _sorted(versions.select_related("indicator", "indicator__owner", "weight_indicator"))


def version_of(unit: Unit, indicator: Indicator | IndicatorVersion | str, year: int):
    """The version of `indicator` (an Indicator, a version or a code) in `year` that applies
    to `unit`, or None."""
    versions = applicable_versions(unit, year).select_related("indicator")
    if isinstance(indicator, IndicatorVersion):
        indicator = indicator.indicator_id
    if isinstance(indicator, str):
        return versions.filter(indicator__code=indicator.strip().upper()).first()
    return versions.filter(indicator=indicator).first()


# One unit ------------------------------------------------------------------------------


@dataclass
class AchievementRow:
    """One indicator of one unit for a year and period, measured against the year's plan."""

    indicator_id: int
    indicator_code: str
    indicator_name: str
    group: str
    group_label: str
    unit_of_measure: str
    value_kind: str
    direction: str
    decimals: int
    plan: Decimal | None
    plan_document: str
    result: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    is_estimate: bool
    percent_of_plan: Decimal | None
    verdict: str | None
    verdict_label: str
    status: str
    status_label: str
    previous: Decimal | None
    change: Decimal | None
    change_percent: Decimal | None = None
    note: str = ""
    featured: bool = False
    public: bool = True

    @property
    def result_text(self) -> str:
        return format_value(
            self, self.result, numerator=self.numerator, denominator=self.denominator
        )

    @property
    def plan_text(self) -> str:
        return format_value(self, self.plan)

    @property
    def previous_text(self) -> str:
        return format_value(self, self.previous)

    @property
    def percent_text(self) -> str:
        return format_percent_of_plan(self.percent_of_plan)


def _measure(version: IndicatorVersion, plan, result: Result | None, previous) -> Achievement:
    return evaluate(
        plan=plan,
        result=result.value if result else None,
        lower_is_better=version.direction == Direction.LOWER,
        is_ratio=version.value_kind == ValueKind.RATIO,
        numerator=result.numerator if result else None,
        denominator=result.denominator if result else None,
        previous=previous,
        decimals=version.decimals,
        allows_negative=version.allows_negative,
    )


def _row(version: IndicatorVersion, plan: Plan | None, result: Result | None, previous):
    measured = _measure(version, plan.value if plan else None, result, previous)
    return AchievementRow(
        indicator_id=version.indicator_id,
        indicator_code=version.indicator.code,
        indicator_name=version.name,
        group=version.group,
        group_label=str(IndicatorGroup(version.group).label),
        unit_of_measure=version.unit_of_measure,
        value_kind=version.value_kind,
        direction=version.direction,
        decimals=version.decimals,
        plan=plan.value if plan else None,
        plan_document=plan.document if plan else "",
        result=measured.result,
        numerator=result.numerator if result else None,
        denominator=result.denominator if result else None,
        is_estimate=bool(result and result.is_estimate),
        percent_of_plan=measured.percent_of_plan,
        verdict=measured.verdict,
        verdict_label=measured.verdict_label,
        status=measured.status,
        status_label=measured.status_label,
        previous=previous,
        change=measured.change,
        change_percent=measured.change_percent,
        note=result.note if result else "",
        featured=version.featured,
        public=version.public,
    )


def unit_year_achievements(unit: Unit, year: int, period: str = "year") -> list[AchievementRow]:
    """Every indicator of `unit` for `year` and `period` with plan, result, % of plan,
    verdict and change on the same period of the previous year (three queries). Ordered by
    group then indicator order."""
    versions = indicator_set(unit, year)
    plans = {plan.indicator_id: plan for plan in Plan.objects.filter(unit=unit, year=year)}
    results: dict[tuple[int, int], Result] = {
        (result.indicator_id, result.year): result
        for result in Result.objects.filter(unit=unit, year__in=(year, year - 1), period=period)
    }
    rows = []
    for version in versions:
        previous = results.get((version.indicator_id, year - 1))
        previous_value = (
            _measure(version, None, previous, None).result if previous is not None else None
        )
        rows.append(
            _row(
                version,
                plans.get(version.indicator_id),
                results.get((version.indicator_id, year)),
                previous_value,
            )
        )
    return rows


@dataclass
class PlanRow:
    """One indicator's target for a year, for the "next year's targets" section."""

    indicator_code: str
    indicator_name: str
    group: str
    group_label: str
    unit_of_measure: str
    decimals: int
    value_kind: str
    plan: Decimal | None
    document: str
    direction: str = Direction.HIGHER
    source: str = ""
    featured: bool = False

    @property
    def plan_text(self) -> str:
        return format_value(self, self.plan)


def unit_year_plans(unit: Unit, year: int) -> list[PlanRow]:
    """The targets of `unit` for `year`, every indicator of the year's set (two queries)."""
    plans = {plan.indicator_id: plan for plan in Plan.objects.filter(unit=unit, year=year)}
    rows = []
    for version in indicator_set(unit, year):
        plan = plans.get(version.indicator_id)
        rows.append(
            PlanRow(
                indicator_code=version.indicator.code,
                indicator_name=version.name,
                group=version.group,
                group_label=str(IndicatorGroup(version.group).label),
                unit_of_measure=version.unit_of_measure,
                decimals=version.decimals,
                value_kind=version.value_kind,
                plan=plan.value if plan else None,
                document=plan.document if plan else "",
                direction=version.direction,
                source=plan.source if plan else "",
                featured=version.featured,
            )
        )
    return rows


def unit_trend(unit: Unit, upto: int, years: int = 5) -> dict[str, dict]:
    """Each indicator's yearly results and plans over the last `years` years up to `upto`,
    keyed by indicator code, for the trend chart (two queries)."""
    span = range(upto - years + 1, upto + 1)
    series: dict[str, dict] = defaultdict(
        lambda: {"years": list(span), "results": [None] * years, "plans": [None] * years}
    )
    results = Result.objects.filter(unit=unit, period=Period.YEAR, year__in=span).values_list(
        "indicator__code", "year", "value"
    )
    plans = Plan.objects.filter(unit=unit, year__in=span).values_list(
        "indicator__code", "year", "value"
    )
    for key, rows in (("results", results), ("plans", plans)):
        for code, year, value in rows:
            series[code][key][year - span.start] = float(value) if value is not None else None
    return dict(series)


def years_with_data(unit: Unit) -> list[int]:
    """Years that have an indicator set (one query), newest first."""
    return list(
        IndicatorVersion.objects.filter(
            Q(indicator__owner__isnull=True) | Q(indicator__owner_id__in=unit.ancestor_ids)
        )
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


# Entry grid ----------------------------------------------------------------------------


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


def entry_grid(unit: Unit, year: int, period: str) -> EntryGrid:
    """All indicators of a unit for one period with their plan and current cell (four
    queries)."""
    versions = indicator_set(unit, year)
    plans = {plan.indicator_id: plan for plan in Plan.objects.filter(unit=unit, year=year)}
    results = {
        result.indicator_id: result
        for result in Result.objects.filter(unit=unit, year=year, period=period)
    }
    submission = Submission.objects.filter(unit=unit, year=year, period=period).first()
    rows = [GridRow(v, plans.get(v.indicator_id), results.get(v.indicator_id)) for v in versions]
    return EntryGrid(unit, year, period, rows, submission)


# Roll-ups ------------------------------------------------------------------------------


@dataclass
class RollupValue:
    """An indicator's value over many units, computed from their results."""

    value: Decimal | None
    units: int
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    plan: Decimal | None = None
    weight: Decimal | None = None


def _weight_subquery(year: int, period: str, weights: dict[int, int]):
    weight_id = Case(
        *[
            When(indicator_id=indicator, then=Value(weight))
            for indicator, weight in weights.items()
        ],
        default=Value(None),
    )
    return Subquery(
        Result.objects.filter(
            unit_id=OuterRef("unit_id"), year=year, period=period, indicator_id=OuterRef("wid")
        ).values("value")[:1],
        output_field=VALUE_FIELD,
    ), weight_id


def rollup_rows(
    units: Q, versions: list[IndicatorVersion], year: int, period: str, group_by: str = ""
) -> dict[tuple, RollupValue]:
    """Roll the results of the units matched by `units` (a Q on Result) up per indicator (and
    per `group_by` field when given): sums for "sum" indicators (numerators and denominators
    for ratios), Σ(value × weight) / Σ weight for weighted means. Two queries at most."""
    keys = ["indicator_id", *([group_by] if group_by else [])]
    sums = [v.indicator_id for v in versions if v.rollup == Rollup.SUM]
    weights = {
        v.indicator_id: v.weight_indicator_id
        for v in versions
        if v.rollup == Rollup.WEIGHTED_MEAN and v.weight_indicator_id
    }
    kinds = {v.indicator_id: v.value_kind for v in versions}
    found: dict[tuple, RollupValue] = {}
    base = Result.objects.filter(units, year=year, period=period)
    if sums:
        for row in (
            base.filter(indicator_id__in=sums)
            .values(*keys)
            .annotate(
                total=Sum("value"),
                num=Sum("numerator"),
                den=Sum("denominator"),
                n=Count("id", filter=Q(value__isnull=False) | Q(numerator__isnull=False)),
            )
            .order_by()
        ):
            key = tuple(row[k] for k in keys)
            if kinds[row["indicator_id"]] == ValueKind.RATIO:
                value = ratio_value(row["num"], row["den"])
            else:
                value = row["total"]
            found[key] = RollupValue(value, row["n"], row["num"], row["den"])
    if weights:
        weight, weight_id = _weight_subquery(year, period, weights)
        for row in (
            base.filter(indicator_id__in=list(weights), value__isnull=False)
            .annotate(wid=weight_id)
            .annotate(weight=weight)
            .filter(weight__isnull=False)
            .values(*keys)
            .annotate(
                weighted=Sum(F("value") * F("weight"), output_field=VALUE_FIELD),
                total_weight=Sum("weight"),
                n=Count("id"),
            )
            .order_by()
        ):
            key = tuple(row[k] for k in keys)
            value = row["weighted"] / row["total_weight"] if row["total_weight"] else None
            found[key] = RollupValue(value, row["n"], weight=row["total_weight"])
    return found


def plan_rollup_rows(units: Q, versions: list[IndicatorVersion], year: int) -> dict[int, Decimal]:
    """The sum of the children's plans for "sum" indicators (one query)."""
    sums = [v.indicator_id for v in versions if v.rollup == Rollup.SUM]
    if not sums:
        return {}
    return {
        row["indicator_id"]: row["total"]
        for row in Plan.objects.filter(units, year=year, indicator_id__in=sums)
        .values("indicator_id")
        .annotate(total=Sum("value"))
        .order_by()
    }


# Province ------------------------------------------------------------------------------


def _year_q(year: int) -> Q:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=end)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=start)
    )


def communes_of(parent: Unit, year: int) -> list[Unit]:
    """The communes directly under `parent` that existed in `year` or hold figures for it
    (one query)."""
    has_data = Exists(Result.objects.filter(unit=OuterRef("pk"), year=year)) | Exists(
        Plan.objects.filter(unit=OuterRef("pk"), year=year)
    )
    return list(
        Unit.objects.filter(parent=parent, kind__in=COMMUNE_KINDS)
        .filter(_year_q(year) | has_data)
        .order_by("name_folded", "pk")
    )


@dataclass
class RankingRow:
    rank: int | None
    unit: Unit
    row: AchievementRow


@dataclass
class ProvinceColumn:
    version: IndicatorVersion
    rollup: RollupValue | None
    cells: dict[int, AchievementRow] = field(default_factory=dict)

    @property
    def rollup_text(self) -> str:
        if self.rollup is None or self.rollup.value is None:
            return ""
        return format_value(
            self.version,
            self.rollup.value,
            numerator=self.rollup.numerator,
            denominator=self.rollup.denominator,
        )

    @property
    def rollup_percent(self) -> Decimal | None:
        if self.rollup is None or self.rollup.plan is None or self.rollup.value is None:
            return None
        measured = evaluate(
            plan=self.rollup.plan,
            result=self.rollup.value,
            lower_is_better=self.version.direction == Direction.LOWER,
            decimals=self.version.decimals,
            allows_negative=self.version.allows_negative,
        )
        return measured.percent_of_plan


@dataclass
class ProvinceBoard:
    province: Unit
    year: int
    period: str
    communes: list[Unit]
    columns: list[ProvinceColumn]

    def column(self, code: str) -> ProvinceColumn | None:
        return next((c for c in self.columns if c.version.indicator.code == code), None)


def _rank_key(row: AchievementRow):
    lower = row.direction == Direction.LOWER
    if row.percent_of_plan is not None:
        return (0, -row.percent_of_plan)
    if row.result is not None:
        return (1, row.result if lower else -row.result)
    return (2, 0)


def ranking(column: ProvinceColumn, communes: list[Unit]) -> list[RankingRow]:
    """Communes ordered by % of plan (then by result, best first); those without a result
    come last, unranked. Equal keys share a rank."""
    rows = [(commune, column.cells[commune.pk]) for commune in communes]
    rows.sort(key=lambda pair: (_rank_key(pair[1]), pair[0].name_folded))
    ranked, previous_key, rank = [], None, 0
    for position, (commune, row) in enumerate(rows, start=1):
        key = _rank_key(row)
        if key != previous_key:
            rank, previous_key = position, key
        ranked.append(RankingRow(rank if key[0] < 2 else None, commune, row))
    return ranked


def province_board(
    province: Unit,
    year: int,
    period: str = Period.YEAR,
    versions: list[IndicatorVersion] | None = None,
) -> ProvinceBoard:
    """The communes of a province side by side: every indicator's achievement per commune,
    and the province's roll-up computed live from them (six queries at most)."""
    communes = communes_of(province, year)
    if versions is None:
        versions = indicator_set(province, year)
    ids = [v.indicator_id for v in versions]
    commune_ids = [c.pk for c in communes]
    scope = Q(unit__parent=province, unit__kind__in=COMMUNE_KINDS)
    plans = {
        (p.unit_id, p.indicator_id): p
        for p in Plan.objects.filter(scope, year=year, indicator_id__in=ids).only(
            "unit_id", "indicator_id", "value", "document"
        )
    }
    results = {
        (r.unit_id, r.indicator_id, r.year): r
        for r in Result.objects.filter(
            scope, year__in=(year, year - 1), period=period, indicator_id__in=ids
        ).only(
            "unit_id",
            "indicator_id",
            "year",
            "value",
            "numerator",
            "denominator",
            "is_estimate",
            "note",
        )
    }
    rollups = rollup_rows(scope, versions, year, period)
    plan_totals = plan_rollup_rows(scope, versions, year)
    columns = []
    for version in versions:
        rollup = rollups.get((version.indicator_id,))
        if rollup is not None:
            rollup.plan = plan_totals.get(version.indicator_id)
        column = ProvinceColumn(version, rollup)
        for pk in commune_ids:
            previous = results.get((pk, version.indicator_id, year - 1))
            previous_value = (
                _measure(version, None, previous, None).result if previous is not None else None
            )
            column.cells[pk] = _row(
                version,
                plans.get((pk, version.indicator_id)),
                results.get((pk, version.indicator_id, year)),
                previous_value,
            )
        columns.append(column)
    return ProvinceBoard(province, year, period, communes, columns)


def province_ranking(
    province: Unit, year: int, indicator: Indicator | IndicatorVersion | str
) -> list[RankingRow]:
    """The province's communes ranked on one indicator for the year (five queries)."""
    version = version_of(province, indicator, year)
    if version is None:
        return []
    board = province_board(province, year, versions=[version])
    return ranking(board.columns[0], board.communes)


# National roll-up ----------------------------------------------------------------------


@dataclass
class NationalRollup:
    version: IndicatorVersion
    year: int
    period: str
    total: RollupValue
    by_area: list[tuple[Unit, RollupValue | None]]

    @property
    def total_text(self) -> str:
        return format_value(
            self.version,
            self.total.value,
            numerator=self.total.numerator,
            denominator=self.total.denominator,
        )


def indicator_rollup(
    user: User, version: IndicatorVersion, year: int, period: str = Period.YEAR
) -> NationalRollup:
    """One indicator rolled up over every commune in the user's view, with a breakdown per
    unit directly above the communes (province): three queries whatever the country's size.
    The whole country for a superuser."""
    units = Q(unit__kind__in=COMMUNE_KINDS)
    condition = access.scope_q(Unit, user, Action.VIEW)
    if condition is not None:
        paths = access.scope_paths(user, Action.VIEW)
        path_q = Q()
        for path in paths:
            path_q |= Q(unit__path__startswith=path)
        units &= path_q
    by_parent = rollup_rows(units, [version], year, period, group_by="unit__parent_id")
    areas = {
        unit.pk: unit
        for unit in Unit.objects.filter(pk__in={key[1] for key in by_parent}).order_by(
            "name_folded"
        )
    }
    breakdown = [(areas[key[1]], value) for key, value in by_parent.items() if key[1] in areas]
    breakdown.sort(key=lambda pair: pair[0].name_folded)
    return NationalRollup(version, year, period, _combine(version, by_parent.values()), breakdown)


def _combine(version: IndicatorVersion, parts) -> RollupValue:
    """The total of per-area roll-ups: sums add up; a weighted mean is recombined with each
    area's weight, which is why it is computed from the rows again rather than averaged."""
    parts = [part for part in parts if part.value is not None or part.numerator is not None]
    if not parts:
        return RollupValue(None, 0)
    count = sum(part.units for part in parts)
    if version.value_kind == ValueKind.RATIO and version.rollup == Rollup.SUM:
        numerator = sum((p.numerator or 0 for p in parts), Decimal(0))
        denominator = sum((p.denominator or 0 for p in parts), Decimal(0))
        return RollupValue(ratio_value(numerator, denominator), count, numerator, denominator)
    if version.rollup == Rollup.SUM:
        return RollupValue(sum((p.value for p in parts), Decimal(0)), count)
    weighted = [p for p in parts if p.weight]
    total_weight = sum((p.weight for p in weighted), Decimal(0))
    if not total_weight:
        return RollupValue(None, count)
    value = sum((p.value * p.weight for p in weighted), Decimal(0)) / total_weight
    return RollupValue(value, count, weight=total_weight)


# Submissions ---------------------------------------------------------------------------


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
        Unit.objects.filter(parent=parent).filter(_year_q(year)).order_by("kind", "name_folded")
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


def scope_roots(user: User) -> QuerySet[Unit]:
    """The units at the top of the user's view, for the index page."""
    return access.root_units_for(user).order_by("path")
