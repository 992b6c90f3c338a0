"""What the targets screens share: the year, period and group read from the query string,
the year a dashboard opens on, and the years offered."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode

from tongket.units import access
from tongket.units.models import Unit
from tongket.units.web import year_param

from .. import selectors
from ..choices import IndicatorGroup, Period


def year(request: HttpRequest, default: int | None = None) -> int:
    found = year_param(request, low=selectors.FIRST_YEAR, high=selectors.LAST_YEAR)
    return found or default or datetime.date.today().year


def period(request: HttpRequest) -> str:
    chosen = request.GET.get("period") or request.POST.get("period") or Period.YEAR
    return chosen if chosen in Period.values else Period.YEAR


def group(request: HttpRequest) -> str:
    chosen = request.GET.get("group", "")
    return chosen if chosen in IndicatorGroup.values else IndicatorGroup.ECONOMY


def default_year(unit: Unit, years: list[int] | None = None) -> int:
    """The latest past year with an indicator set: a year is reviewed after it ends, so in
    January the dashboards open on the year just finished."""
    today = datetime.date.today()
    years = selectors.years_with_data(unit) if years is None else years
    past = [past_year for past_year in years if past_year < today.year]
    return past[0] if past else today.year


def years_of(unit: Unit) -> list[int]:
    years = selectors.years_with_data(unit)
    return years or [datetime.date.today().year]


def unit_year_period(request: HttpRequest, pk) -> tuple[Unit, list[int], int, str]:
    """What a unit's screen opens on: the unit (404 outside the user's view), the years it
    has a set for, the year asked for (else the latest past one) and the period."""
    unit = access.get_unit_for(request.user, pk)
    years = years_of(unit)
    return unit, years, year(request, default_year(unit, years)), period(request)


def url(name: str, pk: int | None = None, **query) -> str:
    """A targets screen's address with its query string ("?year=2025&period=year")."""
    path = reverse(f"targets:{name}", args=[pk] if pk is not None else [])
    return f"{path}?{urlencode(query)}" if query else path
