"""The synonyms screen: the other names of the unit's indicators, kept for its commune or
province, with a form to add one and a button to remove one."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.web import run_action, save_form, unit_param, year_param

from .. import selectors, services
from ..forms import SynonymForm


def _unit(request: HttpRequest):
    """The unit asked for, else the first one the user may edit."""
    unit = unit_param(request)
    if unit is not None:
        return unit
    return access.units_for(request.user, Action.EDIT).order_by("path").first()


@login_required
def synonyms(request: HttpRequest) -> HttpResponse:
    unit = _unit(request)
    year = year_param(request) or datetime.date.today().year - 1
    if unit is None:
        return render(request, "textfacts/synonyms.html", {"unit": None, "year": year})
    versions, _matcher = selectors.catalogue_for(unit, year)
    owners = access.restrict(selectors.synonym_owners(unit), request.user, Action.EDIT)
    form = SynonymForm(
        request.POST or None,
        owners=owners,
        versions=versions,
        initial={"owner": owners.order_by("-depth").first()},
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.synonym_add(
            owner=d["owner"], indicator=d["indicator"], phrase=d["phrase"], by=request.user
        ),
        _("Đã ghi cách gọi khác của chỉ tiêu."),
    ):
        return redirect(f"{request.path}?unit={unit.pk}&year={year}")
    return render(
        request,
        "textfacts/synonyms.html",
        {
            "unit": unit,
            "year": year,
            "form": form if owners.exists() else None,
            "synonyms": selectors.synonyms_list(request.user, unit),
            "editable": {o.pk for o in owners},
        },
    )


@login_required
@require_POST
def synonym_delete(request: HttpRequest, pk: int) -> HttpResponse:
    synonym = selectors.get_synonym_for(request.user, pk, Action.EDIT)
    owner = synonym.owner_id
    run_action(
        request,
        lambda: services.synonym_delete(synonym=synonym, by=request.user),
        _("Đã xóa cách gọi khác."),
    )
    return redirect(f"{redirect('textfacts:synonyms').url}?unit={owner}")
