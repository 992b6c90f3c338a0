"""The province dashboard: its communes side by side on every indicator, the province's
roll-up, and the communes ranked on one indicator."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q

from tongket.units.choices import COMMUNE_KINDS
from tongket.units.models import Unit

from ..achievement import evaluate, format_value
from ..choices import Direction, Period
from ..models import Indicator, IndicatorVersion, Plan, Result
from .achievements import AchievementRow, achievement_row
from .catalogue import indicator_set, version_of
from .common import existing_in
from .rollups import RollupValue, plan_rollup_rows, rollup_rows


def communes_of(parent: Unit, year: int) -> list[Unit]:
    """The communes directly under `parent` that existed in `year` or hold figures for it
    (one query)."""
    has_data = Exists(Result.objects.filter(unit=OuterRef("pk"), year=year)) | Exists(
        Plan.objects.filter(unit=OuterRef("pk"), year=year)
    )
    return list(
        Unit.objects.filter(parent=parent, kind__in=COMMUNE_KINDS)
        .filter(existing_in(year) | has_data)
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
            "qualifier",
            "percent_of_plan",
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
            column.cells[pk] = achievement_row(
                version,
                plans.get((pk, version.indicator_id)),
                results.get((pk, version.indicator_id, year)),
                results.get((pk, version.indicator_id, year - 1)),
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
