"""The module's front page and the year's commendation statistics (on screen and as a
workbook)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.downloads import xlsx_download

from .. import selectors
from .common import communes_for, page_year


@login_required
def index(request: HttpRequest) -> HttpResponse:
    year = page_year(request)
    user = request.user
    return render(
        request,
        "emulation/index.html",
        {
            "year": year,
            "counts": selectors.dashboard_counts(user, year),
            "can_enter": access.can_anywhere(user, Action.ENTER),
            "can_edit": access.can_anywhere(user, Action.EDIT),
            "can_approve": access.can_anywhere(user, Action.APPROVE),
            "can_administer": access.can_anywhere(user, Action.ADMINISTER),
            "sessions": selectors.sessions_for(user).order_by("-held_on")[:5],
            "decisions": selectors.decisions_list(user, year).order_by("-signed_on")[:5],
        },
    )


def _statistics_unit(request):
    value = request.GET.get("unit", "")
    if value.isdigit():
        return access.get_unit_for(request.user, value)
    unit = communes_for(request, Action.VIEW).first() or access.root_units_for(request.user).first()
    if unit is None:
        raise PermissionDenied
    return unit


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    unit = _statistics_unit(request)
    year = page_year(request)
    return render(
        request,
        "emulation/statistics.html",
        {
            "stats": selectors.commendation_statistics(unit, year),
            "signed_next": selectors.pledges_signed(unit, year + 1),
            "unit": unit,
            "year": year,
            "communes": communes_for(request, Action.VIEW)[:200],
        },
    )


@login_required
def statistics_xlsx(request: HttpRequest) -> HttpResponse:
    unit = _statistics_unit(request)
    year = page_year(request)
    data = selectors.statistics_xlsx(selectors.commendation_statistics(unit, year))
    return xlsx_download(data, f"khen-thuong-{year}.xlsx")
