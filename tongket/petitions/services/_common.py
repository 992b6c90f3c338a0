"""Checks every petitions service shares: which side of the commune boundary may act, and
which units and people belong where."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action, PositionRole, UnitKind
from tongket.units.models import Person, Unit, User
from tongket.units.selectors import holders_on

# Who may sign a body's documents, in the order they are preferred (RULES.md, Signature
# authority): the Bí thư or a Phó Bí thư for the Đảng ủy, the Chủ tịch or a Phó Chủ tịch
# for the UBND.
SIGNER_ROLES = {
    "party_committee": (PositionRole.PARTY_SECRETARY, PositionRole.PARTY_DEPUTY_SECRETARY),
    "peoples_committee": (PositionRole.COMMITTEE_CHAIR, PositionRole.COMMITTEE_VICE_CHAIR),
}


def commune_of(unit: Unit) -> Unit | None:
    """The commune a unit is (or sits in), or None above the commune level."""
    if unit.is_commune:
        return unit
    return (
        Unit.objects.filter(pk__in=unit.ancestor_ids, kind__in=COMMUNE_KINDS)
        .order_by("-depth")
        .first()
    )


def province_of(commune: Unit) -> Unit | None:
    return Unit.objects.filter(pk__in=commune.ancestor_ids, kind=UnitKind.PROVINCE).first()


def acts_inside_commune(by: User, action: str, unit: Unit, commune: Unit) -> bool:
    """True when the user may do `action` on `unit` through a grant on the commune or inside
    it (or is a superuser). A province officer's grant covers the commune too, but the
    commune's own work (sessions, assignments, closing items) is the commune's."""
    if access.is_superuser(by):
        return True
    return any(
        unit.path.startswith(path) and path.startswith(commune.path)
        for path in access.scope_paths(by, action)
    )


def require_commune_side(by: User, action: str, unit: Unit, commune: Unit) -> None:
    access.require(by, action, unit)
    if not acts_inside_commune(by, action, unit, commune):
        raise PermissionDenied(
            _("Việc này do xã, phường thực hiện; cấp tỉnh chỉ xử lý các kiến nghị được chuyển lên.")
        )


def require_edit_in_commune(by: User, commune: Unit) -> None:
    require_commune_side(by, Action.EDIT, commune, commune)


def check_in_commune(commune: Unit, unit: Unit | None, field: str, message: str) -> None:
    if unit is not None and not unit.path.startswith(commune.path):
        raise ValidationError({field: message})


def check_person_in_commune(commune: Unit, person: Person | None, field: str) -> None:
    if person is not None and not person.unit.path.startswith(commune.path):
        raise ValidationError(
            {
                field: _("%(name)s không thuộc %(commune)s.")
                % {"name": person.full_name, "commune": commune.name}
            }
        )


def check_signer(body: str, commune: Unit, person: Person | None, on: datetime.date) -> None:
    """The signer must hold a signing position of the body on the date."""
    if person is None:
        return
    held = holders_on(commune, SIGNER_ROLES[body], on)
    if not any(position.person_id == person.pk for position in held):
        raise ValidationError(
            {
                "signer": _(
                    "%(name)s không giữ chức vụ được ký văn bản của cơ quan này vào ngày %(date)s."
                )
                % {"name": person.full_name, "date": on.strftime("%d/%m/%Y")}
            }
        )


def check_department(province: Unit | None, department: Unit | None, field: str) -> None:
    """A province department: an agency directly under the commune's province."""
    if department is None:
        return
    if (
        province is None
        or department.parent_id != province.pk
        or department.kind != UnitKind.AGENCY
    ):
        raise ValidationError({field: _("Hãy chọn một sở, ngành của tỉnh.")})


def check_not_future(day: datetime.date | None, field: str, what: str) -> None:
    if day is not None and day > datetime.date.today():
        raise ValidationError({field: _("%(what)s không được sau hôm nay.") % {"what": what}})
