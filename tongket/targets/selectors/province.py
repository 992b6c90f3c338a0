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
from .achievements import RESULT_FIELDS, AchievementRow, Labels, _previous_value, _row
from .catalogue import indicator_set, version_of
from .common import existing_in
from .rollups import RollupValue, plan_rollup_rows, rollup_rows


def communes_of(parent: Unit, year: int, rows: bool = False) -> list:
    """The communes directly under `parent` that existed in `year` or hold figures for it
    (one query): Units, or (pk, name, folded name) rows when `rows`."""
    has_data = Exists(Result.objects.filter(unit=OuterRef("pk"), year=year)) | Exists(
        Plan.objects.filter(unit=OuterRef("pk"), year=year)
    )
    communes = (
        Unit.objects.filter(parent=parent, kind__in=COMMUNE_KINDS)
        .filter(existing_in(year) | has_data)
        .order_by("name_folded", "pk")
    )
    return list(communes.values_list("pk", "name", "name_folded") if rows else communes)


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


def rank_key(row) -> tuple:
    """How a commune's figure on one indicator ranks (anything with percent_of_plan, result
    and direction): by % of plan, then by result (best first), then those without either."""
    lower = row.direction == Direction.LOWER
    if row.percent_of_plan is not None:
        return (0, -row.percent_of_plan)
    if row.result is not None:
        return (1, row.result if lower else -row.result)
    return (2, 0)


def ranked(rows: list, folded_names: list[str]) -> list[tuple[int | None, int]]:
    """(rank, index into `rows`) in ranking order, ties broken by the folded name: equal
    keys share a rank, rows without a figure come last, unranked."""
    keys = [rank_key(row) for row in rows]
    order = sorted(range(len(rows)), key=lambda i: (keys[i], folded_names[i]))
    found, previous_key, rank = [], None, 0
    for position, index in enumerate(order, start=1):
        if keys[index] != previous_key:
            rank, previous_key = position, keys[index]
        found.append((rank if keys[index][0] < 2 else None, index))
    return found


def ranking(column: ProvinceColumn, communes: list[Unit]) -> list[RankingRow]:
    """Communes ordered by % of plan (then by result, best first); those without a result
    come last, unranked. Equal keys share a rank."""
    rows = [column.cells[c.pk] for c in communes]
    order = ranked(rows, [c.name_folded for c in communes])
    return [RankingRow(rank, communes[i], rows[i]) for rank, i in order]


def board_figures(province: Unit, year: int, period: str, ids: list[int], years) -> tuple:
    """The communes' plans {(unit, indicator): (value, document)} and results
    {(unit, indicator, year): dict} for `years`, as plain rows (two queries)."""
    scope = Q(unit__parent=province, unit__kind__in=COMMUNE_KINDS)
    plans = {
        (unit, indicator): (value, document)
        for unit, indicator, value, document in Plan.objects.filter(
            scope, year=year, indicator_id__in=ids
        ).values_list("unit_id", "indicator_id", "value", "document")
    }
    results = {
        (row["unit_id"], row["indicator_id"], row["year"]): row
        for row in Result.objects.filter(
            scope, year__in=years, period=period, indicator_id__in=ids
        ).values("unit_id", "indicator_id", "year", *RESULT_FIELDS)
    }
    return plans, results


def with_rollups(province: Unit, versions, year: int, period: str) -> list[ProvinceColumn]:
    """A column per version with the province's roll-up of its communes (two or three
    queries)."""
    scope = Q(unit__parent=province, unit__kind__in=COMMUNE_KINDS)
    rollups = rollup_rows(scope, versions, year, period)
    plan_totals = plan_rollup_rows(scope, versions, year)
    columns = []
    for version in versions:
        rollup = rollups.get((version.indicator_id,))
        if rollup is not None:
            rollup.plan = plan_totals.get(version.indicator_id)
        columns.append(ProvinceColumn(version, rollup))
    return columns


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
    plans, results = board_figures(province, year, period, ids, (year, year - 1))
    columns = with_rollups(province, versions, year, period)
    labels = Labels()
    for column in columns:
        version = column.version
        for commune in communes:
            pk, indicator = commune.pk, version.indicator_id
            previous = results.get((pk, indicator, year - 1))
            column.cells[pk] = _row(
                version,
                plans.get((pk, indicator)),
                results.get((pk, indicator, year)),
                _previous_value(version, previous),
                labels,
            )
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
