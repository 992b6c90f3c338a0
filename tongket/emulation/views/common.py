"""Steps the emulation screens share: the year a page shows, the units, people and communes
a user may pick, and the page that shows one form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action
from tongket.units.models import Person
from tongket.units.web import year_param

from .. import selectors


def page_year(request: HttpRequest) -> int:
    """The year asked for, or the latest year the user has nominations for."""
    year = year_param(request)
    if year:
        return year
    return selectors.latest_year(request.user)


def units_for(request, action=Action.ENTER):
    return access.units_for(request.user, action).order_by("path")


def people_for(request, action=Action.ENTER):
    return access.restrict(Person.objects.select_related("unit"), request.user, action)


def communes_for(request, action=Action.EDIT):
    return units_for(request, action).filter(kind__in=COMMUNE_KINDS)


def form_page(request, form, title: str, **context) -> HttpResponse:
    return render(request, "emulation/form.html", {"form": form, "title": title, **context})
