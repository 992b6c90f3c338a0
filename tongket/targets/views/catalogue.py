"""The indicator catalogue: a unit's set for a year (copied from the year before), new
indicators and a year's version edited. Other years keep their own versions."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit
from tongket.units.web import show_errors, unit_param

from .. import selectors, services
from ..forms import IndicatorForm
from . import common


def _catalogue_unit(request: HttpRequest) -> Unit:
    """The unit asked for (?unit=), else the top of the user's view."""
    unit = unit_param(request) or selectors.scope_roots(request.user).first()
    if unit is None:
        raise Http404
    return unit


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    unit = _catalogue_unit(request)
    year = common.year(request, datetime.date.today().year)
    if request.method == "POST":
        try:
            created = services.indicator_year_copy(
                year=year, by=request.user, owner=unit if unit.parent_id else None
            )
        except ValidationError as exc:
            show_errors(request, exc)
        else:
            messages.success(
                request,
                _("Đã sao chép %(n)s chỉ tiêu từ năm %(year)s.")
                % {"n": len(created), "year": year - 1},
            )
        return redirect(common.url("catalogue", unit=unit.pk, year=year))
    versions = selectors.indicator_set(unit, year, include_retired=True)
    return render(
        request,
        "targets/catalogue.html",
        {
            "unit": unit,
            "year": year,
            "years": sorted({*common.years_of(unit), year, year + 1}, reverse=True),
            "versions": versions,
            "can_edit": access.can(request.user, Action.EDIT, unit),
            "editable": {
                v.pk
                for v in versions
                if (
                    v.indicator.owner is not None
                    and access.can(request.user, Action.EDIT, v.indicator.owner)
                )
                or (v.indicator.owner is None and access.is_superuser(request.user))
            },
        },
    )


def _indicator_form_data(data: dict) -> dict:
    return {name: data[name] for name in services.VERSION_FIELDS if name in data}


@login_required
def indicator_create(request: HttpRequest) -> HttpResponse:
    owner = _catalogue_unit(request)
    access.require(request.user, Action.EDIT, owner)
    year = common.year(request, datetime.date.today().year)
    weights = selectors.weight_choices(owner, year)
    form = IndicatorForm(request.POST or None, weights=weights)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.indicator_create(
                owner=owner,
                code=data["code"],
                year=year,
                by=request.user,
                **_indicator_form_data(data),
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("Đã thêm chỉ tiêu."))
            return redirect(common.url("catalogue", unit=owner.pk, year=year))
    title = _("Thêm chỉ tiêu năm %(year)s của %(unit)s") % {"year": year, "unit": owner.name}
    return render(request, "targets/form.html", {"form": form, "title": title})


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.get_indicator_version_for(request.user, pk)
    owner = version.indicator.owner
    if owner is None and not access.is_superuser(request.user):
        raise PermissionDenied
    if owner is not None:
        access.require(request.user, Action.EDIT, owner)
    weights = selectors.weight_choices(owner, version.year, exclude=version.indicator_id)
    initial = {name: getattr(version, name) for name in services.VERSION_FIELDS}
    initial["code"] = version.indicator.code
    form = IndicatorForm(request.POST or None, weights=weights, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_version_update(
                version=version, by=request.user, **_indicator_form_data(form.cleaned_data)
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("Đã lưu chỉ tiêu (các năm khác giữ nguyên)."))
            query = {"year": version.year, **({"unit": owner.pk} if owner else {})}
            return redirect(common.url("catalogue", **query))
    title = _("Sửa chỉ tiêu %(code)s năm %(year)s") % {
        "code": version.indicator.code,
        "year": version.year,
    }
    return render(request, "targets/form.html", {"form": form, "title": title})
