"""What every party screen shares: the Đảng bộ (and, for a chi bộ secretary, the chi bộ) a
request works in, the user's rights there, the year, and how a form posted from a page
reports back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action
from tongket.units.models import Unit
from tongket.units.web import year_param

from .. import selectors
from ..choices import PARTY_SIDE


@dataclass
class Place:
    """The Đảng bộ a page is about, the chi bộ the user reaches in it, and what they may do."""

    commune: Unit
    cells: QuerySet[Unit]
    whole: bool  # the user reaches the whole Đảng bộ (office, leaders), not just a chi bộ
    can_edit: bool
    can_decide: bool
    can_enter: bool
    can_administer: bool

    @property
    def query(self) -> str:
        return f"commune={self.commune.pk}"


def place_for(request: HttpRequest) -> Place:
    """The Đảng bộ named by ?commune= (or the user's first): 404 unless the user reaches it
    or one of its chi bộ with a party-side grant."""
    user = request.user
    raw = request.GET.get("commune") or request.POST.get("commune") or ""
    if raw:
        commune = (
            Unit.objects.filter(pk=raw, kind__in=COMMUNE_KINDS).first() if raw.isdigit() else None
        )
    else:
        commune = selectors.party_communes(user).first()
        if commune is None:
            first = selectors.party_cells(user).select_related("parent").first()
            commune = first.parent if first is not None else None
    if commune is None:
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))
    return place_in(request, commune)


def place_in(request: HttpRequest, commune: Unit) -> Place:
    """The user's place in a Đảng bộ: 404 unless they reach it or one of its chi bộ."""
    user = request.user
    whole = access.can(user, Action.VIEW, commune, PARTY_SIDE)
    cells = selectors.party_cells(user).filter(parent=commune)
    if not whole and not cells.exists():
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))

    def can(action: str) -> bool:
        return access.can(user, action, commune, PARTY_SIDE)

    return Place(
        commune=commune,
        cells=cells,
        whole=whole,
        can_edit=can(Action.EDIT),
        can_decide=can(Action.EDIT) or can(Action.APPROVE),
        can_enter=can(Action.ENTER)
        or selectors.party_cells(user, Action.ENTER).filter(parent=commune).exists(),
        can_administer=access.is_superuser(user) or can(Action.ADMINISTER),
    )


def has_party_scope(request: HttpRequest) -> bool:
    return access.can_anywhere(request.user, Action.VIEW, PARTY_SIDE)


def year_of(request: HttpRequest) -> int:
    return year_param(request, low=2000) or timezone.localdate().year


def post_and_return(
    request: HttpRequest, form, call: Callable[[dict], Any], success: str, back: str
):
    """Run a service with a form posted from a page, then go back to the page: a refusal or
    a bad field is shown there as messages, nothing saved."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, success)
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
    return redirect(back)
