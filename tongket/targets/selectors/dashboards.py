"""The dashboards as data: what the province page, a unit's page and the national roll-up
show, computed from `values()` rows and SQL aggregates into plain values (texts, numbers,
tuples) with the repeated words translated once, and cached under the data stamp of their
scope (selectors.stamps), so the page stays live and a repeat costs one query.

The cache is Django's (Redis when CACHE_URL names one, memory of the process otherwise); a
stamp that changes makes a new key, so nothing is ever invalidated by hand.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tongket.units import access
from tongket.units.models import Unit, User

from ..achievement import DAT, KHONG_DAT, VUOT, format_percent_of_plan, format_value, qualified
from ..models import IndicatorVersion
from . import stamps
from .achievements import Labels, measure, unit_trend, unit_year_achievements
from .catalogue import indicator_set
from .province import board_figures, communes_of, ranked, with_rollups
from .rollups import indicator_rollup

logger = logging.getLogger(__name__)
CACHE_SECONDS = 7 * 24 * 3600  # an old stamp's entry is never read again; this bounds memory
CELL_CLASSES = {KHONG_DAT: "table-danger", VUOT: "table-success", DAT: ""}


def cached(kind: str, stamp: str, params: tuple, compute):
    """`compute()` once per data stamp, language and parameters. A cache that does not
    answer (Redis down) costs the computation, never the page."""
    digest = hashlib.sha1(repr((params, get_language())).encode()).hexdigest()[:16]
    key = f"{kind}:{stamp}:{digest}"
    try:
        found = cache.get(key)
    except Exception:  # any backend failure: compute instead
        logger.warning("Bộ nhớ đệm không trả lời; tính lại %s", kind, exc_info=True)
        return compute()
    if found is None:
        found = compute()
        try:
            cache.set(key, found, CACHE_SECONDS)
        except Exception:  # any backend failure: compute instead
            logger.warning("Bộ nhớ đệm không ghi được %s", kind, exc_info=True)
    return found


@dataclass(frozen=True)
class Choice:
    """An indicator offered in a list: its code and this year's name."""

    code: str
    name: str


@dataclass(frozen=True)
class RankedCell:
    """One commune's line of the ranking, as shown."""

    rank: int | None
    unit_id: int
    unit_name: str
    unit_url: str
    plan_text: str
    result_text: str
    percent_text: str
    percent_of_plan: Decimal | None
    verdict: str | None
    verdict_label: str
    status: str
    status_label: str


def chosen_versions(versions: list[IndicatorVersion], group: str, code: str):
    """The group's indicators shown in the matrix, and the one ranked: the one asked for,
    else the group's first (added to the matrix when it is of another group)."""
    shown = [v for v in versions if v.group == group]
    chosen = next((v for v in versions if v.indicator.code == code), None) or (
        shown[0] if shown else None
    )
    if chosen is not None and chosen not in shown:
        shown.append(chosen)
    return shown, chosen


class _Measured:
    """What the matrix and the ranking read of one commune's figure on one indicator."""

    __slots__ = ("direction", "percent_of_plan", "result", "status", "verdict")

    def __init__(self, achievement, direction: str) -> None:
        self.percent_of_plan, self.result = achievement.percent_of_plan, achievement.result
        self.verdict, self.status, self.direction = (
            achievement.verdict,
            achievement.status,
            direction,
        )


def _matrix_cell(cell: _Measured, labels: Labels) -> tuple[str, str, str]:
    """(class, % of plan, status note) of one matrix cell."""
    css = CELL_CLASSES.get(cell.verdict, "")
    if cell.percent_of_plan is not None:
        return css, format_percent_of_plan(cell.percent_of_plan), ""
    return css, "", labels.statuses[cell.status] if cell.status != "ok" else ""


def _ranking(version, communes, figures, measured, labels: Labels) -> list[RankedCell]:
    """The communes ranked on `version`, each line as shown (result with its qualifier)."""
    plans, results, year, urls = figures
    lines = []
    for rank, i in ranked(measured, [folded for _pk, _name, folded in communes]):
        pk, name, _folded = communes[i]
        cell, plan = measured[i], plans.get((pk, version.indicator_id))
        result = results.get((pk, version.indicator_id, year)) or {}
        figure = format_value(
            version,
            cell.result,
            numerator=result.get("numerator"),
            denominator=result.get("denominator"),
        )
        lines.append(
            RankedCell(
                rank=rank,
                unit_id=pk,
                unit_name=name,
                unit_url=urls[pk],
                plan_text=format_value(version, plan[0] if plan else None),
                result_text=qualified(figure, result.get("qualifier")),
                percent_text=format_percent_of_plan(cell.percent_of_plan),
                percent_of_plan=cell.percent_of_plan,
                verdict=cell.verdict,
                verdict_label=labels.verdicts[cell.verdict],
                status=cell.status,
                status_label=labels.statuses[cell.status],
            )
        )
    return lines


def _column(column) -> dict:
    return {
        "name": column.version.name,
        "rollup_text": column.rollup_text,
        "rollup_percent": column.rollup_percent,
    }


def province_data(province: Unit, year: int, period: str, group: str, code: str) -> dict:
    """Everything the province page shows, as plain values (seven queries at most): the
    indicators offered, the matrix of one group, the ranking of one indicator, the roll-ups.
    The page caches it rendered, under stamps.province_stamp."""
    versions = indicator_set(province, year)
    shown, chosen = chosen_versions(versions, group, code)
    communes = communes_of(province, year, rows=True)
    plans, results = board_figures(province, year, period, [v.indicator_id for v in shown], [year])
    columns = with_rollups(province, shown, year, period)
    labels = Labels()
    measured = {
        v.indicator_id: [
            _Measured(
                measure(
                    v,
                    (plans.get((pk, v.indicator_id)) or (None,))[0],
                    results.get((pk, v.indicator_id, year)),
                ),
                v.direction,
            )
            for pk, _name, _folded in communes
        ]
        for v in shown
    }
    urls = {pk: reverse("targets:unit", args=[pk]) for pk, _name, _folded in communes}
    matrix = [
        (urls[pk], name, [_matrix_cell(measured[v.indicator_id][i], labels) for v in shown])
        for i, (pk, name, _folded) in enumerate(communes)
    ]
    ranking, column = [], None
    if chosen is not None:
        column = _column(next(c for c in columns if c.version == chosen))
        ranking = _ranking(
            chosen, communes, (plans, results, year, urls), measured[chosen.indicator_id], labels
        )
    figured = [line for line in ranking if line.percent_of_plan is not None]
    return {
        "versions": [Choice(v.indicator.code, v.name) for v in versions],
        "chosen": Choice(chosen.indicator.code, chosen.name) if chosen else None,
        "columns": [_column(c) for c in columns],
        "column": column,
        "ranked": ranking,
        "matrix": matrix,
        "chart": {
            "labels": [line.unit_name for line in figured],
            "percents": [float(line.percent_of_plan) for line in figured],
            "percentLabel": _("% kế hoạch"),
        },
    }


def _unit_data(unit: Unit, year: int, period: str) -> dict:
    rows = unit_year_achievements(unit, year, period)
    figured = [row for row in rows if row.percent_of_plan is not None]
    return {
        "rows": rows,
        "chart": {
            "labels": [row.indicator_name for row in figured],
            "percents": [float(row.percent_of_plan) for row in figured],
            "trend": unit_trend(unit, year),
            "names": {row.indicator_code: row.indicator_name for row in rows},
            "percentLabel": _("% kế hoạch"),
            "resultLabel": _("Thực hiện"),
            "planLabel": _("Kế hoạch"),
        },
    }


TREND_YEARS = 5


def unit_page_stamp(unit: Unit, year: int) -> str:
    """The data version of a unit's dashboard: its figures over the trend's five years."""
    return stamps.unit_stamp(unit, year - TREND_YEARS + 1, year)


def unit_page(unit: Unit, year: int, period: str, stamp: str) -> dict:
    """{"rows", "chart"} of a unit's dashboard under its data `stamp`, with the trend."""
    return cached("unit", stamp, (unit.pk, year, period), lambda: _unit_data(unit, year, period))


def public_stamp(unit: Unit, year: int) -> str:
    """The data version of a commune's public figures (the year and the one before)."""
    return stamps.unit_stamp(unit, year - 1, year)


def public_figures(unit: Unit, year: int, stamp: str) -> list:
    """The public indicators of a commune's year for the portal, under their data `stamp`."""
    return cached(
        "public",
        stamp,
        (unit.pk, year),
        lambda: [row for row in unit_year_achievements(unit, year) if row.public],
    )


def rollup_page(user: User, version: IndicatorVersion, year: int, period: str, stamp: str):
    """The NationalRollup of one indicator over every commune in the user's view, under the
    data `stamp` (stamps.indicator_stamp); the user's view is part of the key."""
    scope = (access.fingerprint(user), version.pk, year, period)
    return cached("rollup", stamp, scope, lambda: indicator_rollup(user, version, year, period))
