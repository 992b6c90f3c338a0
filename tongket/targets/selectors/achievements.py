"""One unit's year: every indicator measured against its plan (% of plan, verdict, change on
the previous year) and each indicator's trend over the last years."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from tongket.units.models import Unit

from ..achievement import Achievement, evaluate, format_percent_of_plan, format_value, qualified
from ..choices import Direction, IndicatorGroup, Period, ValueKind
from ..models import IndicatorVersion, Plan, Result
from .catalogue import reported_set


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
    qualifier: str = ""
    percent_only: bool = False
    article_wording: str = ""

    @property
    def result_text(self) -> str:
        """The figure as every output shows it, qualifier included ("trên 36 tỷ đồng"); empty
        for a result known only as % of plan."""
        return qualified(
            format_value(self, self.result, numerator=self.numerator, denominator=self.denominator),
            self.qualifier,
        )

    @property
    def has_result(self) -> bool:
        """A figure or, for a result known only as % of plan, that percentage."""
        return self.result is not None or self.percent_only

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
        percent_only=result.percent_of_plan if result else None,
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
        article_wording=version.article_wording,
        qualifier=result.qualifier if result else "",
        percent_only=bool(result and result.value is None and result.percent_of_plan is not None),
    )


def achievement_row(
    version: IndicatorVersion, plan: Plan | None, result: Result | None, previous: Result | None
) -> AchievementRow:
    """One indicator measured: `previous` is the same period's result of the year before."""
    previous_value = (
        _measure(version, None, previous, None).result if previous is not None else None
    )
    return _row(version, plan, result, previous_value)


def unit_year_achievements(unit: Unit, year: int, period: str = "year") -> list[AchievementRow]:
    """Every indicator of `unit` for `year` and `period` with plan, result, % of plan,
    verdict and change on the same period of the previous year (three queries). Ordered by
    group then indicator order."""
    versions = reported_set(unit, year)
    plans = {plan.indicator_id: plan for plan in Plan.objects.filter(unit=unit, year=year)}
    results: dict[tuple[int, int], Result] = {
        (result.indicator_id, result.year): result
        for result in Result.objects.filter(unit=unit, year__in=(year, year - 1), period=period)
    }
    rows = [
        achievement_row(
            version,
            plans.get(version.indicator_id),
            results.get((version.indicator_id, year)),
            results.get((version.indicator_id, year - 1)),
        )
        for version in versions
    ]
    if period != Period.YEAR:
        # Part of a year is measured against the annual plan ("bằng 47,7% kế hoạch năm"),
        # never judged against it: a half-year figure is not "không đạt" a full-year plan.
        rows = [replace(row, verdict=None, verdict_label="") for row in rows]
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
