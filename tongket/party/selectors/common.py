"""Who sees what of the party module: personal records on the party side only; a commune's
counts on either side."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action, Side, UnitKind
from tongket.units.models import Unit, User

from ..choices import PARTY_SIDE


def party_units(user: User, action: str = Action.VIEW) -> QuerySet[Unit]:
    """Units the user reaches with party-side grants."""
    return access.units_for(user, action, PARTY_SIDE)


def party_communes(user: User, action: str = Action.VIEW) -> QuerySet[Unit]:
    """Communes whose whole Đảng bộ the user reaches (the office, its leaders)."""
    return party_units(user, action).filter(kind__in=COMMUNE_KINDS).order_by("name_folded")


def party_cells(user: User, action: str = Action.VIEW) -> QuerySet[Unit]:
    """Chi bộ the user reaches on the party side (all of a Đảng bộ, or a secretary's own)."""
    return party_units(user, action).filter(kind=UnitKind.PARTY_CELL).order_by("name_folded")


def party_unit_for(user: User, pk, kinds=(UnitKind.PARTY_CELL,)) -> Unit:
    """A unit a request names, reached with a party-side grant: 404 otherwise."""
    unit = party_units(user).filter(pk=pk, kind__in=kinds).first() if str(pk).isdigit() else None
    if unit is None:
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))
    return unit


def can_see_records(user: User, unit: Unit) -> bool:
    return access.can(user, Action.VIEW, unit, PARTY_SIDE)


def can_see_counts(user: User, unit: Unit) -> bool:
    """A commune's (or a province's) party figures: any VIEW grant over it, either side."""
    return any(access.can(user, Action.VIEW, unit, side) for side in Side.values)


def counts_unit_for(user: User, pk, kinds=COMMUNE_KINDS) -> Unit:
    """A unit named by a request whose counts the user may read; 404 otherwise."""
    unit = Unit.objects.filter(pk=pk, kind__in=kinds).first() if str(pk).isdigit() else None
    if unit is None or not can_see_counts(user, unit):
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))
    return unit


def counts_communes(user: User) -> QuerySet[Unit]:
    """Communes whose counts the user may read, on either side."""
    ids: set[int] = set()
    for side in Side.values:
        ids |= set(
            access.units_for(user, Action.VIEW, side)
            .filter(kind__in=COMMUNE_KINDS)
            .values_list("pk", flat=True)
        )
    return Unit.objects.filter(pk__in=ids).order_by("name_folded")


def counts_provinces(user: User) -> QuerySet[Unit]:
    ids: set[int] = set()
    for side in Side.values:
        ids |= set(
            access.units_for(user, Action.VIEW, side)
            .filter(kind=UnitKind.PROVINCE)
            .values_list("pk", flat=True)
        )
    return Unit.objects.filter(pk__in=ids).order_by("name_folded")


def cells_of(commune: Unit, on: datetime.date | None = None) -> QuerySet[Unit]:
    cells = Unit.objects.filter(parent=commune, kind=UnitKind.PARTY_CELL)
    if on is not None:
        cells = cells.active_on(on)
    return cells.select_related("party_profile").order_by("name_folded")
