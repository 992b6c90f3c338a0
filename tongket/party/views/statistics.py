"""The Đảng bộ's figures (counts only: state-side users of the commune read them too) and
the province's communes side by side."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tongket.units.choices import UnitKind
from tongket.units.downloads import xlsx_download

from .. import selectors
from .common import year_of


def _commune(request: HttpRequest):
    raw = request.GET.get("commune", "")
    if raw:
        return selectors.counts_unit_for(request.user, raw)
    commune = selectors.counts_communes(request.user).first()
    if commune is None:
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))
    return commune


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    commune = _commune(request)
    year = year_of(request)
    return render(
        request,
        "party/statistics.html",
        {
            "stats": selectors.party_statistics(commune, year),
            "commune": commune,
            "year": year,
            "communes": selectors.counts_communes(request.user)[:200],
            "provinces": selectors.counts_provinces(request.user)[:50],
        },
    )


@login_required
def statistics_xlsx(request: HttpRequest) -> HttpResponse:
    commune = _commune(request)
    year = year_of(request)
    data = selectors.statistics_xlsx(selectors.party_statistics(commune, year))
    return xlsx_download(data, f"cong-tac-dang-{year}.xlsx")


def _province(request: HttpRequest):
    raw = request.GET.get("province", "")
    if raw:
        return selectors.counts_unit_for(request.user, raw, kinds=(UnitKind.PROVINCE,))
    province = selectors.counts_provinces(request.user).first()
    if province is None:
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))
    return province


@login_required
def province(request: HttpRequest) -> HttpResponse:
    unit = _province(request)
    year = year_of(request)
    return render(
        request,
        "party/province.html",
        {
            "figures": selectors.province_party_figures(unit, year),
            "year": year,
            "provinces": selectors.counts_provinces(request.user)[:50],
        },
    )


@login_required
def province_xlsx(request: HttpRequest) -> HttpResponse:
    unit = _province(request)
    year = year_of(request)
    data = selectors.province_xlsx(selectors.province_party_figures(unit, year))
    return xlsx_download(data, f"cong-tac-dang-toan-tinh-{year}.xlsx")
