"""Steps the emulation services share: the commune a unit belongs to, whether a unit lies
within another, a year within range, and the nominations as the database holds them now."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tongket.units.choices import COMMUNE_KINDS
from tongket.units.models import Unit

from ..models import Nomination


def commune_of(unit: Unit) -> Unit:
    """The commune (xã, phường, đặc khu) a unit belongs to."""
    if unit.kind in COMMUNE_KINDS:
        return unit
    commune = (
        Unit.objects.filter(pk__in=unit.ancestor_ids, kind__in=COMMUNE_KINDS)
        .order_by("-depth")
        .first()
    )
    if commune is None:
        raise ValidationError(_("%(unit)s không thuộc xã, phường nào.") % {"unit": unit.name})
    return commune


def within(child: Unit | None, parent: Unit) -> bool:
    return child is not None and child.path.startswith(parent.path)


def valid_year(year: int) -> int:
    if not 2000 <= int(year) <= 2100:
        raise ValidationError({"year": _("Năm không hợp lệ.")})
    return int(year)


def fresh_nominations(nominations: Iterable[Nomination]) -> list[Nomination]:
    """The nominations as the database holds them now, locked, in the order given."""
    ids = [nomination.pk for nomination in nominations]
    rows = Nomination.objects.select_for_update().select_related("award_kind").in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]
