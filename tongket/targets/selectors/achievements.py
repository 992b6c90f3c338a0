"""One unit's year: every indicator measured against its plan (% of plan, verdict, change on
the previous year) and each indicator's trend over the last years."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from tongket.units.models import Unit

from ..achievement import (
    STATUS_LABELS,
    VERDICT_LABELS,
    Achievement,
    evaluate,
    format_percent_of_plan,
    format_value,
    qualified,
)
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


RESULT_FIELDS = (
    "value",
    "numerator",
    "denominator",
    "is_estimate",
    "note",
    "qualifier",
    "percent_of_plan",
)


class Labels:
    """The words a screen repeats on every row (group, verdict, status), translated once per
    call instead of once per cell."""

    def __init__(self) -> None:
        self.groups = {value: str(label) for value, label in IndicatorGroup.choices}
        self.verdicts = {key: str(label) for key, label in VERDICT_LABELS.items()}
        self.statuses = {key: str(label) for key, label in STATUS_LABELS.items()}


def figures_of(result: Result | None) -> dict | None:
    """A result's figures as the plain dict the reads pass around (a `values()` row)."""
    return {name: getattr(result, name) for name in RESULT_FIELDS} if result else None


def measure(version: IndicatorVersion, plan, result: dict | None, previous=None) -> Achievement:
    """One indicator's figures (a `values()` row of Result, or None) against its plan."""
    return evaluate(
        plan=plan,
        result=result["value"] if result else None,
        lower_is_better=version.direction == Direction.LOWER,
        is_ratio=version.value_kind == ValueKind.RATIO,
        numerator=result["numerator"] if result else None,
        denominator=result["denominator"] if result else None,
        previous=previous,
        decimals=version.decimals,
        allows_negative=version.allows_negative,
        percent_only=result["percent_of_plan"] if result else None,
    )


def _row(
    version: IndicatorVersion,
    plan: tuple | None,
    result: dict | None,
    previous,
    labels: Labels,
) -> AchievementRow:
    """`plan` is (value, document) or None; `result` a dict of RESULT_FIELDS or None."""
    plan_value, plan_document = plan if plan else (None, "")
    measured = measure(version, plan_value, result, previous)
    result = result or dict.fromkeys(RESULT_FIELDS)
    return AchievementRow(
        indicator_id=version.indicator_id,
        indicator_code=version.indicator.code,
        indicator_name=version.name,
        group=version.group,
        group_label=labels.groups.get(version.group, version.group),
        unit_of_measure=version.unit_of_measure,
        value_kind=version.value_kind,
        direction=version.direction,
        decimals=version.decimals,
        plan=plan_value,
        plan_document=plan_document,
        result=measured.result,
        numerator=result["numerator"],
        denominator=result["denominator"],
        is_estimate=bool(result["is_estimate"]),
        percent_of_plan=measured.percent_of_plan,
        verdict=measured.verdict,
        verdict_label=labels.verdicts[measured.verdict],
        status=measured.status,
        status_label=labels.statuses[measured.status],
        previous=previous,
        change=measured.change,
        change_percent=measured.change_percent,
        note=result["note"] or "",
        featured=version.featured,
        public=version.public,
        article_wording=version.article_wording,
        qualifier=result["qualifier"] or "",
        percent_only=result["value"] is None and result["percent_of_plan"] is not None,
    )


def _previous_value(version: IndicatorVersion, previous: dict | None):
    return measure(version, None, previous).result if previous is not None else None


def achievement_row(
    version: IndicatorVersion,
    plan: Plan | None,
    result: Result | None,
    previous: Result | None,
    labels: Labels | None = None,
) -> AchievementRow:
    """One indicator measured: `previous` is the same period's result of the year before."""
    return _row(
        version,
        (plan.value, plan.document) if plan else None,
        figures_of(result),
        _previous_value(version, figures_of(previous)),
        labels or Labels(),
    )


def unit_year_achievements(unit: Unit, year: int, period: str = "year") -> list[AchievementRow]:
    """Every indicator of `unit` for `year` and `period` with plan, result, % of plan,
    verdict and change on the same period of the previous year (three queries, plain rows).
    Ordered by group then indicator order."""
    versions = reported_set(unit, year)
    plans = {
        indicator: (value, document)
        for indicator, value, document in Plan.objects.filter(unit=unit, year=year).values_list(
            "indicator_id", "value", "document"
        )
    }
    results: dict[tuple[int, int], dict] = {
        (row["indicator_id"], row["year"]): row
        for row in Result.objects.filter(
            unit=unit, year__in=(year, year - 1), period=period
        ).values("indicator_id", "year", *RESULT_FIELDS)
    }
    labels = Labels()
    rows = [
        _row(
            version,
            plans.get(version.indicator_id),
            results.get((version.indicator_id, year)),
            _previous_value(version, results.get((version.indicator_id, year - 1))),
            labels,
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
