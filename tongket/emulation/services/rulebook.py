"""Writes to the rulebook: dated rule rows, nationwide (system administrators only) or set by
a unit's administrators for that unit."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..models import LegalDocument, Rule

RULE_FIELDS = (
    "award_kind",
    "kind",
    "unit",
    "recipient",
    "operator",
    "value",
    "text",
    "reference_kind",
    "effective_from",
    "citation_document",
    "citation_article",
    "unverified",
    "note",
)


@transaction.atomic
def rule_create(*, by: User, **fields) -> Rule:
    """Add a dated rule row: a new number takes effect from its date; earlier decisions keep
    the numbers they copied."""
    _require_superuser_or_admin(by, fields.get("unit"))
    rule = Rule(**{name: fields.get(name) for name in RULE_FIELDS if name in fields})
    for name in ("recipient", "operator", "text", "citation_article", "note"):
        if getattr(rule, name) is None:
            setattr(rule, name, "")
    return audit.create(rule, by=by)


@transaction.atomic
def rule_update(*, rule: Rule, by: User, **fields) -> Rule:
    rule = Rule.objects.select_for_update().get(pk=rule.pk)
    _require_superuser_or_admin(by, rule.unit)
    if "unit" in fields:
        _require_superuser_or_admin(by, fields["unit"])
    before = audit.snapshot(rule)
    for name, value in fields.items():
        if name in RULE_FIELDS:
            setattr(rule, name, "" if value is None and name in ("text", "note") else value)
    return audit.update(rule, before, by=by)


def _require_superuser_or_admin(by: User, unit: Unit | None) -> None:
    if unit is None:
        if not access.is_superuser(by):
            raise PermissionDenied(
                _("Chỉ quản trị hệ thống mới sửa được quy định áp dụng toàn quốc.")
            )
        return
    access.require(by, Action.ADMINISTER, unit)


DOCUMENT_FIELDS = (
    "short_name",
    "kind",
    "number",
    "issued_on",
    "issuer",
    "title",
    "unverified",
    "note",
)


@transaction.atomic
def legal_document_save(
    *, by: User, document: LegalDocument | None = None, **fields
) -> LegalDocument:
    """Add or correct a legal document the rulebook cites (system administrators only): what
    a decision's "Căn cứ" prints in full."""
    _require_superuser_or_admin(by, None)
    values = {name: fields[name] for name in DOCUMENT_FIELDS if name in fields}
    for name in ("number", "issuer", "note"):
        if values.get(name) is None and name in values:
            values[name] = ""
    if document is None:
        return audit.create(LegalDocument(**values), by=by)
    document = LegalDocument.objects.select_for_update().get(pk=document.pk)
    before = audit.snapshot(document)
    for name, value in values.items():
        setattr(document, name, value)
    return audit.update(document, before, by=by)
