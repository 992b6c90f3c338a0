"""The Đảng bộ's organisation and its rulebook: chi bộ types, terms of the Đảng ủy with their
congress, and the rule rows."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.units import access, audit, numbering
from tongket.units.choices import Action, Body
from tongket.units.models import Unit, User

from ..choices import PARTY_SIDE, CellType
from ..models import CellProfile, Rule, TermDetail
from .common import check_cell, check_commune, commune_of, require


@transaction.atomic
def cell_type_set(*, cell: Unit, cell_type: str, by: User, note: str = "") -> CellProfile:
    """Say what a chi bộ is built around (khu dân cư, cơ quan, trường học …)."""
    commune = commune_of(cell)
    check_cell(cell, commune)
    require(by, Action.EDIT, commune)
    if cell_type not in CellType.values:
        raise ValidationError({"cell_type": _("Loại chi bộ không hợp lệ.")})
    profile = CellProfile.objects.select_for_update(of=("self",)).filter(cell=cell).first()
    if profile is None:
        return audit.create(CellProfile(cell=cell, cell_type=cell_type, note=note[:300]), by=by)
    before = audit.snapshot(profile)
    profile.cell_type, profile.note = cell_type, note[:300]
    return audit.update(profile, before, by=by)


@transaction.atomic
def term_record(
    *,
    commune: Unit,
    name: str,
    start_date: datetime.date,
    congress_date: datetime.date,
    by: User,
    end_date: datetime.date | None = None,
    congress_ordinal: int | None = None,
    committee_size: int | None = None,
    standing_size: int | None = None,
) -> TermDetail:
    """A term of the Đảng ủy from its congress: party document numbers restart with it."""
    check_commune(commune)
    require(by, Action.EDIT, commune)
    if not name.strip():
        raise ValidationError({"name": _("Ghi tên nhiệm kỳ, ví dụ 2025–2030.")})
    if congress_date > start_date:
        raise ValidationError(
            {
                "congress_date": _(
                    "Ngày khai mạc đại hội phải trước hoặc trùng ngày bắt đầu nhiệm kỳ."
                )
            }
        )
    if standing_size and committee_size and standing_size > committee_size:
        raise ValidationError({"standing_size": _("Ban Thường vụ không đông hơn Ban Chấp hành.")})
    term = numbering.term_create(
        unit=commune,
        body=Body.PARTY_COMMITTEE,
        name=name,
        start_date=start_date,
        end_date=end_date,
        by=by,
        side=PARTY_SIDE,
    )
    detail = TermDetail(
        term=term,
        congress_ordinal=congress_ordinal,
        congress_date=congress_date,
        committee_size=committee_size,
        standing_size=standing_size,
    )
    return audit.create(detail, by=by)


RULE_FIELDS = (
    "kind",
    "key",
    "unit",
    "value",
    "text",
    "effective_from",
    "repealed",
    "citation_document",
    "citation_article",
    "unverified",
    "note",
)
_TEXT_FIELDS = ("key", "text", "citation_article", "note")


def _require_rule_admin(by: User, unit: Unit | None) -> None:
    """Nationwide rows: the system administrator; a unit's own rows: its party-side
    administrator."""
    if unit is None:
        if not access.is_superuser(by):
            raise PermissionDenied(
                _("Chỉ quản trị hệ thống mới sửa được quy định áp dụng toàn quốc.")
            )
        return
    access.require(by, Action.ADMINISTER, unit, PARTY_SIDE)


@transaction.atomic
def rule_create(*, by: User, **fields) -> Rule:
    """Add a dated rule row: a new number takes effect from its date; earlier decisions keep
    what they recorded."""
    _require_rule_admin(by, fields.get("unit"))
    rule = Rule(**{name: fields.get(name) for name in RULE_FIELDS if name in fields})
    for name in _TEXT_FIELDS:
        if getattr(rule, name) is None:
            setattr(rule, name, "")
    rule.repealed = bool(rule.repealed)
    rule.unverified = bool(rule.unverified)
    return audit.create(rule, by=by)


@transaction.atomic
def rule_update(*, rule: Rule, by: User, **fields) -> Rule:
    rule = Rule.objects.select_for_update(of=("self",)).select_related("unit").get(pk=rule.pk)
    _require_rule_admin(by, rule.unit)
    if "unit" in fields:
        _require_rule_admin(by, fields["unit"])
    before = audit.snapshot(rule)
    for name, value in fields.items():
        if name in RULE_FIELDS:
            setattr(rule, name, "" if value is None and name in _TEXT_FIELDS else value)
    return audit.update(rule, before, by=by)
