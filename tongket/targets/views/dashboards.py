"""Dashboards: the index of units in view, one unit's year against plan, a province's
communes side by side with the ranking of one indicator, and one indicator rolled up over
every commune in view."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tongket.units import access
from tongket.units.choices import Action, UnitKind
from tongket.units.downloads import xlsx_download
from tongket.units.selectors import breadcrumbs, unit_tree

from .. import exports, selectors
from ..achievement import format_value
from ..choices import IndicatorGroup, Period
from . import common


@login_required
def index(request: HttpRequest) -> HttpResponse:
    context = {
        "nodes": unit_tree(request.user),
        "reaches_commune": access.reaches_a_commune(request.user),
    }
    return render(request, "targets/index.html", context)


def _unit_chart(unit, year: int, rows) -> dict:
    measured = [row for row in rows if row.percent_of_plan is not None]
    return {
        "labels": [row.indicator_name for row in measured],
        "percents": [float(row.percent_of_plan) for row in measured],
        "trend": selectors.unit_trend(unit, year),
        "names": {row.indicator_code: row.indicator_name for row in rows},
        "percentLabel": _("% kế hoạch"),
        "resultLabel": _("Thực hiện"),
        "planLabel": _("Kế hoạch"),
    }


@login_required
def unit_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    unit, years, year, period = common.unit_year_period(request, pk)
    rows = selectors.unit_year_achievements(unit, year, period)
    if request.GET.get("format") == "xlsx":
        return xlsx_download(
            exports.achievements_xlsx(unit, year, period, rows),
            f"chi-tieu-{unit.code}-{year}-{period}.xlsx",
        )
    documents = Counter(row.plan_document for row in rows if row.plan_document)
    return render(
        request,
        "targets/unit_dashboard.html",
        {
            "unit": unit,
            "main_plan_document": documents.most_common(1)[0][0] if documents else "",
            "trail": breadcrumbs(unit),
            "year": year,
            "years": years,
            "period": period,
            "periods": Period.choices,
            "rows": rows,
            "chart": _unit_chart(unit, year, rows),
            "submission": selectors.submission_for(unit, year, period),
            "is_province": unit.kind == UnitKind.PROVINCE,
            "can_enter": access.can(request.user, Action.ENTER, unit),
        },
    )


def _chosen(versions, group: str, code: str):
    """The group's indicators shown in the matrix, and the one ranked: the one asked for,
    else the group's first (added to the matrix when it is of another group)."""
    shown = [v for v in versions if v.group == group]
    chosen = next((v for v in versions if v.indicator.code == code), None) or (
        shown[0] if shown else None
    )
    if chosen is not None and chosen not in shown:
        shown.append(chosen)
    return shown, chosen


@login_required
def province_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    """Communes side by side: the matrix for one group, the roll-up, and the ranking of one
    indicator."""
    province, years, year, period = common.unit_year_period(request, pk)
    versions = selectors.indicator_set(province, year)
    if request.GET.get("format") == "xlsx":
        board = selectors.province_board(province, year, period, versions)
        return xlsx_download(
            exports.province_xlsx(board), f"so-sanh-{province.code}-{year}-{period}.xlsx"
        )
    group = common.group(request)
    shown, chosen = _chosen(versions, group, request.GET.get("indicator", ""))
    board = selectors.province_board(province, year, period, shown)
    column = board.column(chosen.indicator.code) if chosen else None
    ranked = selectors.ranking(column, board.communes) if column else []
    measured = [r for r in ranked if r.row.percent_of_plan is not None]
    chart = {
        "labels": [r.unit.name for r in measured],
        "percents": [float(r.row.percent_of_plan) for r in measured],
        "percentLabel": _("% kế hoạch"),
    }
    matrix = [
        (commune, [column.cells[commune.pk] for column in board.columns])
        for commune in board.communes
    ]
    return render(
        request,
        "targets/province.html",
        {
            "unit": province,
            "trail": breadcrumbs(province),
            "year": year,
            "years": years,
            "period": period,
            "periods": Period.choices,
            "group": group,
            "groups": IndicatorGroup.choices,
            "board": board,
            "matrix": matrix,
            "all_versions": versions,
            "chosen": chosen,
            "column": column,
            "ranked": ranked,
            "chart": chart,
            "can_assign": access.can(request.user, Action.EDIT, province),
        },
    )


@login_required
def rollup(request: HttpRequest) -> HttpResponse:
    """One indicator rolled up over every commune the user can see (the whole country for a
    national officer), with the breakdown per province."""
    roots = list(selectors.scope_roots(request.user)[:1])
    if not roots:
        raise PermissionDenied
    year = common.year(request, common.default_year(roots[0]))
    period = common.period(request)
    versions = selectors.indicator_set(roots[0], year)
    code = request.GET.get("indicator", "")
    version = next((v for v in versions if v.indicator.code == code), None) or (
        versions[0] if versions else None
    )
    report = selectors.indicator_rollup(request.user, version, year, period) if version else None
    rows = [
        (
            area,
            format_value(
                version, value.value, numerator=value.numerator, denominator=value.denominator
            ),
            value.units,
        )
        for area, value in (report.by_area if report else [])
    ]
    return render(
        request,
        "targets/rollup.html",
        {
            "year": year,
            "period": period,
            "periods": Period.choices,
            "versions": versions,
            "version": version,
            "report": report,
            "rows": rows,
        },
    )
