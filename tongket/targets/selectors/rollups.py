"""Roll-ups computed live in SQL: the children's results per indicator (SUM, or a weighted
mean through a correlated subquery), their plans, and one indicator over every commune in a
user's view with a breakdown per province."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, F, OuterRef, Q, Subquery, Sum, Value, When

from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action
from tongket.units.models import Unit, User

from ..achievement import format_value, ratio_value
from ..choices import Period, Rollup, ValueKind
from ..models import IndicatorVersion, Plan, Result

VALUE_FIELD = DecimalField(max_digits=30, decimal_places=8)


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
