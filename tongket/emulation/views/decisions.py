"""Screens of the decisions stage: the year's decisions and one decision with its awardees."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import selectors
from .common import page_year


@login_required
def decisions(request: HttpRequest) -> HttpResponse:
    year = page_year(request)
    return render(
        request,
        "emulation/decisions.html",
        {"year": year, "decisions": selectors.decisions_list(request.user, year)},
    )


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.get_decision_for(request.user, pk)
    return render(request, "emulation/decision.html", {"page": selectors.decision_page(decision)})
