"""Plans: one unit's plan set or removed, a level above assigning its children's plans at
once (from a form or an .xlsx), all or nothing. A plan "assigned" by the level above needs
EDIT on the parent unit; a plan from the unit's own resolution needs EDIT on the unit and
cannot replace one the level above assigned."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib.xlsx import Column
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User
from tongket.units.uploads import read_import

from .. import selectors
from ..choices import PlanSource
from ..models import Indicator, IndicatorVersion, Plan
from .common import check_value, required_version


def _plan_rights(*, unit: Unit, source: str, existing: Plan | None, by: User) -> Unit | None:
    """Check the caller may set this plan; return the assigning unit."""
    if source == PlanSource.ASSIGNED:
        if unit.parent is None:
            raise ValidationError({"source": _("Đơn vị không có cấp trên để giao kế hoạch.")})
        access.require(by, Action.EDIT, unit.parent)
        return unit.parent
    access.require(by, Action.EDIT, unit)
    assigned_above = existing is not None and existing.source == PlanSource.ASSIGNED
    if assigned_above and not access.can(by, Action.EDIT, existing.assigned_by):
        raise ValidationError(
            {"value": _("Kế hoạch này do cấp trên giao; đơn vị không tự sửa được.")}
        )
    return None


def _plan_write(
    *,
    unit: Unit,
    version: IndicatorVersion,
    year: int,
    value: Decimal | None,
    source: str | None,
    document: str | None,
    by: User,
) -> Plan | None:
    """source or document None: the stored plan's is kept (a new plan: assigned, none)."""
    check_value(version, value)
    existing = (
        Plan.objects.select_for_update()
        .filter(unit=unit, indicator_id=version.indicator_id, year=year)
        .first()
    )
    if source is None:
        source = existing.source if existing else PlanSource.ASSIGNED
    if document is None:
        document = existing.document if existing else ""
    assigned_by = _plan_rights(unit=unit, source=source, existing=existing, by=by)
    document = document.strip()
    if value is None:
        if existing is not None:
            audit.delete(existing, by=by)
        return None
    if existing is None:
        return audit.create(
            Plan(
                unit=unit,
                indicator_id=version.indicator_id,
                year=year,
                value=value,
                source=source,
                assigned_by=assigned_by,
                document=document,
            ),
            by=by,
        )
    before = audit.snapshot(existing)
    existing.value, existing.source = value, source
    existing.assigned_by, existing.document = assigned_by, document
    if audit.snapshot(existing) != before:
        existing.version += 1
    return audit.update(existing, before, by=by)


@transaction.atomic
def plan_set(
    *,
    unit: Unit,
    indicator: Indicator,
    year: int,
    value: Decimal | None,
    by: User,
    source: str | None = None,
    document: str | None = None,
) -> Plan | None:
    """Set (or, with value None, remove) one unit's plan for an indicator and year. A source
    or document not given keeps the stored plan's (a new plan: assigned by the level above,
    no document)."""
    version = required_version(unit, indicator, year)
    return _plan_write(
        unit=unit, version=version, year=year, value=value, source=source, document=document, by=by
    )


@dataclass
class PlanEntry:
    unit: Unit
    indicator: Indicator
    value: Decimal | None
    place: str = ""  # where the entry came from, for messages ("Dòng 4")


@transaction.atomic
def plan_assign_bulk(
    *, parent: Unit, year: int, entries: Iterable[PlanEntry], document: str, by: User
) -> int:
    """Assign many plans from `parent` to its direct children at once: all or nothing.
    Every problem is collected and reported together; nothing is saved if there is one."""
    access.require(by, Action.EDIT, parent)
    entries = list(entries)
    children = {unit.pk for unit in Unit.objects.filter(parent=parent)}
    versions = {
        version.indicator_id: version
        for version in selectors.applicable_versions(parent, year).select_related("indicator")
    }
    errors: list[str] = []
    for entry in entries:
        prefix = f"{entry.place}: " if entry.place else ""
        if entry.unit.pk not in children:
            errors.append(
                prefix
                + _("%(unit)s không phải đơn vị trực thuộc %(parent)s.")
                % {"unit": entry.unit.name, "parent": parent.name}
            )
        if entry.indicator.pk not in versions:
            errors.append(
                prefix
                + _("Chỉ tiêu “%(code)s” không có trong bộ chỉ tiêu năm %(year)s.")
                % {"code": entry.indicator.code, "year": year}
            )
            continue
        try:
            check_value(versions[entry.indicator.pk], entry.value)
        except ValidationError as exc:
            errors.extend(prefix + message for message in exc.messages)
    if errors:
        raise ValidationError(errors)
    saved = 0
    for entry in entries:
        _plan_write(
            unit=entry.unit,
            version=versions[entry.indicator.pk],
            year=year,
            value=entry.value,
            source=PlanSource.ASSIGNED,
            document=document,
            by=by,
        )
        saved += 1
    return saved


PLAN_IMPORT_COLUMNS = [
    Column("unit_code", "Mã đơn vị"),
    Column("indicator_code", "Mã chỉ tiêu"),
    Column("value", "Kế hoạch", kind="number"),
    Column("document", "Văn bản giao", required=False, max_length=200),
]


def plans_import_xlsx(
    *, parent: Unit, year: int, data: bytes | IO[bytes], document: str, by: User
) -> int:
    """Read plans for `parent`'s communes from an .xlsx (columns Mã đơn vị, Mã chỉ tiêu,
    Kế hoạch, Văn bản giao). Any bad row: nothing is saved and every error names its row
    and column. The sheet is read and checked before plan_assign_bulk's one transaction."""
    access.require(by, Action.EDIT, parent)
    table = read_import(data, PLAN_IMPORT_COLUMNS)
    errors = [str(error) for error in table.errors]
    if table.errors and not table.rows and any(error.row in (None, 1) for error in table.errors):
        raise ValidationError(errors)
    unit_codes = {row["unit_code"] for row in table.rows}
    indicator_codes = {row["indicator_code"].upper() for row in table.rows}
    visible = access.units_for(by, Action.VIEW).filter(code__in=unit_codes)
    units = {unit.code: unit for unit in visible}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=indicator_codes)}
    entries = []
    for row in table.rows:
        line = row["_row"]
        unit = units.get(row["unit_code"])
        indicator = indicators.get(row["indicator_code"].upper())
        if unit is None or unit.parent_id != parent.pk:
            errors.append(
                _(
                    "Dòng %(row)s, cột A (Mã đơn vị): “%(code)s” không phải đơn vị trực thuộc "
                    "%(parent)s trong phạm vi của bạn."
                )
                % {"row": line, "code": row["unit_code"], "parent": parent.name}
            )
        if indicator is None:
            errors.append(
                _("Dòng %(row)s, cột B (Mã chỉ tiêu): không có chỉ tiêu mã “%(code)s”.")
                % {"row": line, "code": row["indicator_code"]}
            )
        if unit is None or indicator is None or unit.parent_id != parent.pk:
            continue
        entries.append(PlanEntry(unit, indicator, row["value"], place=_("Dòng %s") % line))
    if errors:
        raise ValidationError(errors)
    if not entries:
        raise ValidationError(_("Tệp không có dòng kế hoạch nào."))
    documents = {row["document"] for row in table.rows if row["document"]}
    return plan_assign_bulk(
        parent=parent,
        year=year,
        entries=entries,
        document=documents.pop() if len(documents) == 1 and not document else document,
        by=by,
    )
