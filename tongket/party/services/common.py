"""Steps every party service shares: rights on the party side, the commune and cells a
write names, dates that must not lie ahead, and the refusal of a ledger error."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.lib.dates import format_date
from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action, UnitKind
from tongket.units.models import Unit, User

from ..choices import PARTY_SIDE


def today() -> datetime.date:
    return timezone.localdate()


def require(by: User, action: str, unit: Unit) -> None:
    """The caller may do `action` on the unit with a party-side grant."""
    access.require(by, action, unit, PARTY_SIDE)


def require_committee(by: User, commune: Unit) -> None:
    """What the Đảng ủy decides is recorded by its office (edit) or a leader (approve)."""
    if not (
        access.can(by, Action.EDIT, commune, PARTY_SIDE)
        or access.can(by, Action.APPROVE, commune, PARTY_SIDE)
    ):
        raise PermissionDenied(
            _("Chỉ văn phòng Đảng ủy hoặc lãnh đạo Đảng ủy ghi được quyết định này.")
        )


def commune_of(unit: Unit) -> Unit:
    """The commune (its Đảng bộ) a unit belongs to."""
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


def check_commune(unit: Unit) -> Unit:
    if unit.kind not in COMMUNE_KINDS:
        raise ValidationError(_("Đảng bộ phải là một xã, phường hoặc đặc khu."))
    return unit


def check_cell(cell: Unit, commune: Unit, on: datetime.date | None = None) -> Unit:
    """A chi bộ of this Đảng bộ, existing on the date when one is given."""
    if cell.kind != UnitKind.PARTY_CELL or cell.parent_id != commune.pk:
        raise ValidationError(
            {
                "cell": _("%(cell)s không phải chi bộ của Đảng bộ %(commune)s.")
                % {"cell": cell.name, "commune": commune.name}
            }
        )
    if on is not None and not cell.is_active_on(on):
        raise ValidationError(
            {
                "cell": _("%(cell)s không hoạt động ngày %(day)s.")
                % {"cell": cell.name, "day": format_date(on)}
            }
        )
    return cell


def not_ahead(day: datetime.date, field: str, label: str) -> None:
    if day > today():
        raise ValidationError(
            {field: _("%(label)s (%(day)s) chưa tới.") % {"label": label, "day": format_date(day)}}
        )


def not_before(
    day: datetime.date, earlier: datetime.date, field: str, label: str, what: str
) -> None:
    """Dates in order: `day` (the step being recorded) is not before `earlier`."""
    if day < earlier:
        raise ValidationError(
            {
                field: _("%(label)s (%(day)s) không được trước %(what)s (%(earlier)s).")
                % {
                    "label": label,
                    "day": format_date(day),
                    "what": what,
                    "earlier": format_date(earlier),
                }
            }
        )
