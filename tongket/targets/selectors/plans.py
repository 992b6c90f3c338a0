"""Plans as documents and the assignment screens read them: one unit's targets for a year,
and the plans of a unit's children."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tongket.units.models import Unit

from ..achievement import format_value
from ..choices import Direction, IndicatorGroup
from ..models import Plan, Result
from .catalogue import indicator_set


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
    article_wording: str = ""

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
                article_wording=version.article_wording,
            )
        )
    return rows


def children_results(parent: Unit, year: int, period: str) -> dict[tuple[int, int], Result]:
    """The results of `parent`'s direct children for `year` and `period`, by (unit id,
    indicator id) (one query)."""
    return {
        (result.unit_id, result.indicator_id): result
        for result in Result.objects.filter(unit__parent=parent, year=year, period=period)
    }


def children_plans(parent: Unit, year: int) -> dict[tuple[int, int], Plan]:
    """The plans of `parent`'s direct children for `year`, by (unit id, indicator id)."""
    return {
        (plan.unit_id, plan.indicator_id): plan
        for plan in Plan.objects.filter(unit__parent=parent, year=year)
    }
