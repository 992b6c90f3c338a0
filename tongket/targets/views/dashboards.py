"""Dashboards: the index of units in view, one unit's year against plan, a province's
communes side by side with the ranking of one indicator, and one indicator rolled up over
every commune in view."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from tongket.units import access
from tongket.units.choices import Action, UnitKind
from tongket.units.downloads import xlsx_download
from tongket.units.selectors import breadcrumbs, unit_tree
from tongket.units.web import not_modified, with_etag

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


@login_required
def unit_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    unit, years, year, period = common.unit_year_period(request, pk)
    if request.GET.get("format") == "xlsx":
        rows = selectors.unit_year_achievements(unit, year, period)
        return xlsx_download(
            exports.achievements_xlsx(unit, year, period, rows),
            f"chi-tieu-{unit.code}-{year}-{period}.xlsx",
        )
    stamp = selectors.unit_page_stamp(unit, year)
    submission = selectors.submission_for(unit, year, period)
    etag, unchanged = not_modified(
        request,
        stamp,
        years,
        submission and (submission.pk, submission.state, submission.return_reason),
    )
    if unchanged:
        return unchanged
    data = selectors.unit_page(unit, year, period, stamp)
    rows = data["rows"]
    documents = Counter(row.plan_document for row in rows if row.plan_document)
    response = render(
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
            "chart": data["chart"],
            "submission": submission,
            "is_province": unit.kind == UnitKind.PROVINCE,
            "can_enter": access.can(request.user, Action.ENTER, unit),
        },
    )
    return with_etag(response, etag)


@login_required
def province_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    """Communes side by side: the matrix for one group, the roll-up, and the ranking of one
    indicator."""
    province, years, year, period = common.unit_year_period(request, pk)
    if request.GET.get("format") == "xlsx":
        board = selectors.province_board(province, year, period)
        return xlsx_download(
            exports.province_xlsx(board), f"so-sanh-{province.code}-{year}-{period}.xlsx"
        )
    group, code = common.group(request), request.GET.get("indicator", "")
    stamp = selectors.province_stamp(province, year)
    etag, unchanged = not_modified(request, stamp, years)
    if unchanged:
        return unchanged

    def board() -> str:
        data = selectors.province_data(province, year, period, group, code)
        filters = {"year": year, "years": years, "period": period, "periods": Period.choices}
        groups = {"group": group, "groups": IndicatorGroup.choices}
        return render_to_string("targets/_province_board.html", {**filters, **groups, **data})

    response = render(
        request,
        "targets/province.html",
        {
            "unit": province,
            "trail": breadcrumbs(province),
            "year": year,
            "period": period,
            "group": group,
            "can_assign": access.can(request.user, Action.EDIT, province),
            # The ranking and the matrix, rendered once per data version: nothing in them
            # depends on who looks.
            "board": selectors.cached(
                "province-page", stamp, (province.pk, year, period, group, code, years), board
            ),
        },
    )
    return with_etag(response, etag)


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
    stamp = selectors.indicator_stamp(roots[0], version, year, period) if version else ""
    etag, unchanged = not_modified(request, stamp, roots[0].pk)
    if unchanged:
        return unchanged
    report = selectors.rollup_page(request.user, version, year, period, stamp) if version else None
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
    response = render(
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
    return with_etag(response, etag)
