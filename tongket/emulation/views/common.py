"""Steps the emulation screens share: the year a page shows, the units, people and communes
a user may pick, and the page that shows one form."""

from __future__ import annotations

from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action
from tongket.units.models import Person
from tongket.units.web import year_param

from ..models import Nomination


def page_year(request: HttpRequest) -> int:
    year = year_param(request)
    if year:
        return year
    latest = access.restrict(Nomination.objects.all(), request.user).aggregate(y=Max("year"))
    return latest["y"] or timezone.localdate().year


def units_for(request, action=Action.ENTER):
    return access.units_for(request.user, action).order_by("path")


def people_for(request, action=Action.ENTER):
    return access.restrict(Person.objects.select_related("unit"), request.user, action)


def communes_for(request, action=Action.EDIT):
    return units_for(request, action).filter(kind__in=COMMUNE_KINDS)


def form_page(request, form, title: str, **context) -> HttpResponse:
    return render(request, "emulation/form.html", {"form": form, "title": title, **context})
