"""Plans: a province officer assigns every commune's plan for one group of indicators at once,
on screen or through an .xlsx (download it filled in, import it back: all or nothing)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.downloads import xlsx_download
from tongket.units.selectors import breadcrumbs
from tongket.units.web import show_errors

from .. import exports, selectors, services
from ..choices import IndicatorGroup
from ..forms import AssignForm, PlanImportForm
from . import common


@login_required
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    """A province officer sets every commune's plan for one group of indicators at once."""
    parent = access.get_unit_for(request.user, pk, Action.EDIT)
    year = common.year(request, datetime.date.today().year)
    group = common.group(request)
    versions = [v for v in selectors.indicator_set(parent, year) if v.group == group]
    communes = selectors.communes_of(parent, year)
    plans = selectors.children_plans(parent, year)
    existing_document = next((p.document for p in plans.values() if p.document), "")
    form = AssignForm(
        request.POST or None,
        communes=communes,
        versions=versions,
        plans=plans,
        initial={"document": existing_document},
    )
    if request.method == "POST" and form.is_valid():
        entries = [
            services.PlanEntry(commune, version.indicator, value, place=commune.name)
            for commune, version, value in form.entries()
        ]
        try:
            count = services.plan_assign_bulk(
                parent=parent,
                year=year,
                entries=entries,
                document=form.cleaned_data["document"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("Đã lưu %(n)s kế hoạch.") % {"n": count})
            return redirect(common.url("assign", parent.pk, year=year, group=group))
    return render(
        request,
        "targets/assign.html",
        {
            "unit": parent,
            "trail": breadcrumbs(parent),
            "year": year,
            "years": common.years_of(parent),
            "group": group,
            "groups": IndicatorGroup.choices,
            "versions": versions,
            "form": form,
            "import_form": PlanImportForm(),
        },
    )


@login_required
def assign_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the plans as an .xlsx to fill in. POST: import it (all or nothing)."""
    parent = access.get_unit_for(request.user, pk, Action.EDIT)
    year = common.year(request, datetime.date.today().year)
    if request.method != "POST":
        communes = selectors.communes_of(parent, year)
        versions = selectors.indicator_set(parent, year)
        plans = selectors.children_plans(parent, year)
        return xlsx_download(
            exports.plan_template_xlsx(parent, year, communes, versions, plans),
            f"ke-hoach-{parent.code}-{year}.xlsx",
        )
    form = PlanImportForm(request.POST, request.FILES)
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect(common.url("assign", parent.pk, year=year))
    try:
        count = services.plans_import_xlsx(
            parent=parent,
            year=year,
            data=form.cleaned_data["file"].read(),
            document=form.cleaned_data["document"],
            by=request.user,
        )
    except ValidationError as exc:
        heading = _("Không nhập được tệp; chưa lưu gì. Các lỗi:")
        show_errors(request, exc, heading=heading, limit=50)
    else:
        messages.success(request, _("Đã nhập %(n)s kế hoạch từ tệp.") % {"n": count})
    return redirect(common.url("assign", parent.pk, year=year))
