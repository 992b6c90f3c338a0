"""Results of every commune under a unit from one workbook: download it filled with what is
entered, fill it in, import it back (all or nothing, problems grouped by kind)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tongket.lib.xlsx import size_message
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.downloads import xlsx_download
from tongket.units.selectors import breadcrumbs
from tongket.units.uploads import import_max_bytes
from tongket.units.web import show_errors

from .. import exports, selectors, services
from ..choices import Period
from ..forms import ResultsImportForm
from . import common


@login_required
def results_import(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the page (template download, upload form). POST: import the workbook."""
    parent = access.get_unit_for(request.user, pk, Action.ENTER)
    year = common.year(request, common.default_year(parent))
    period = common.period(request)
    form = ResultsImportForm(
        request.POST or None, request.FILES or None, initial={"period": period}
    )
    if request.method == "POST":
        if not form.is_valid():
            show_errors(request, form.errors)
            return redirect(common.url("results_import", parent.pk, year=year, period=period))
        period = form.cleaned_data["period"]
        try:
            count = services.results_import_xlsx(
                scope=parent,
                year=year,
                period=period,
                data=form.cleaned_data["file"],
                by=request.user,
            )
        except ValidationError as exc:
            heading = _("Chưa nhập số liệu nào vì tệp có lỗi:")
            show_errors(request, exc, heading=heading, limit=50)
        else:
            messages.success(request, _("Đã nhập %(n)s kết quả.") % {"n": count})
        return redirect(common.url("results_import", parent.pk, year=year, period=period))
    return render(
        request,
        "targets/results_import.html",
        {
            "unit": parent,
            "trail": breadcrumbs(parent),
            "year": year,
            "years": common.years_of(parent),
            "period": period,
            "periods": Period.choices,
            "form": form,
            "limit": size_message(import_max_bytes()),
        },
    )


@login_required
def results_template(request: HttpRequest, pk: int) -> HttpResponse:
    """The workbook to fill in: every commune × indicator, with the results entered so far."""
    parent = access.get_unit_for(request.user, pk, Action.ENTER)
    year = common.year(request, common.default_year(parent))
    period = common.period(request)
    data = exports.results_template_xlsx(
        year,
        selectors.communes_of(parent, year),
        selectors.indicator_set(parent, year),
        selectors.children_results(parent, year, period),
    )
    return xlsx_download(data, f"ket-qua-{parent.code}-{year}-{period}.xlsx")
