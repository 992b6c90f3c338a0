"""The rulebook as a page: every title and form with its dated rows; the rows a user can see."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.lib.numbers import format_number
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import User

from ..choices import AwardingBody, Rating, RuleKind
from ..models import AwardKind, LegalDocument, Rule
from ..rules import Rulebook


def visible_rules(user: User) -> QuerySet[Rule]:
    """The nationwide rows, and those the user's units set for themselves."""
    local = access.scope_q(Rule, user, Action.VIEW)
    if local is None:
        return Rule.objects.all()
    return Rule.objects.filter(Q(unit__isnull=True) | local)


def get_rule_for(user: User, pk) -> Rule:
    """One rule row the user can see; any other: 404."""
    try:
        return visible_rules(user).select_related("unit").get(pk=pk)
    except (Rule.DoesNotExist, ValueError, TypeError):
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem.")) from None


@dataclass
class KindRules:
    kind: AwardKind | None
    rules: list[Rule]


# Rows that say yes or no (value 1 or 0), rows compared with an operator, and their units.
YES_NO_KINDS = (RuleKind.REGISTRATION_REQUIRED, RuleKind.SINGLE_AWARD)
COMPARED_KINDS = (
    RuleKind.CAP_SHARE,
    RuleKind.MEMBER_SHARE,
    RuleKind.MEMBER_COUNT,
    RuleKind.COUNCIL_THRESHOLD,
    RuleKind.CONSECUTIVE_YEARS,
)
VALUE_UNITS = {
    RuleKind.CAP_SHARE: "%",
    RuleKind.MEMBER_SHARE: "%",
    RuleKind.COUNCIL_THRESHOLD: "%",
    RuleKind.CONSECUTIVE_YEARS: " năm",
    RuleKind.BASE_SALARY: " đồng",
}
LABELLED_TEXT = {RuleKind.AWARDING_BODY: AwardingBody, RuleKind.REQUIRED_RATING: Rating}


def rule_value_text(rule: Rule) -> str:
    """What a row says, in words: "Chủ tịch UBND cấp xã", "Hoàn thành tốt nhiệm vụ", "Có",
    "≥ 70%", "1,5" — never a stored code."""
    if rule.kind in LABELLED_TEXT:
        choices = LABELLED_TEXT[rule.kind]
        return str(choices(rule.text).label) if rule.text in choices.values else rule.text
    if rule.kind in YES_NO_KINDS:
        return _("Có") if rule.value else _("Không")
    parts = []
    if rule.value is not None:
        operator = f"{rule.get_operator_display()} " if rule.kind in COMPARED_KINDS else ""
        parts.append(f"{operator}{format_number(rule.value)}{VALUE_UNITS.get(rule.kind, '')}")
    if rule.reference_kind_id:
        parts.append(f"“{rule.reference_kind.name}”")
    return " ".join(parts)


def rulebook_page(user: User, on: datetime.date | None = None) -> list[KindRules]:
    """Every title and form with its dated rows (nationwide ones and those the user's units
    set for themselves), marking the row in force today for each scope (2 queries)."""
    on = on or timezone.localdate()
    rows = list(
        visible_rules(user)
        .select_related("award_kind", "reference_kind", "unit")
        .order_by("award_kind__order", "kind", "recipient", "-effective_from", "-id")
    )
    by_scope: dict[int | None, list[Rule]] = defaultdict(list)
    for row in rows:
        if row.effective_from <= on:
            by_scope[row.unit_id].append(row)
    current = set()
    for scoped in by_scope.values():
        book = Rulebook(on=on, rows=scoped)
        for row in scoped:
            winner = book.get(row.award_kind, row.kind, row.recipient)
            if winner is not None and winner.recipient == row.recipient:
                current.add(winner.pk)
    grouped: dict[int | None, list[Rule]] = defaultdict(list)
    for row in rows:
        row.in_force = row.pk in current
        row.value_text = rule_value_text(row)
        grouped[row.award_kind_id].append(row)
    kinds = list(AwardKind.objects.all())
    pages = [KindRules(kind, grouped.get(kind.pk, [])) for kind in kinds]
    pages.append(KindRules(None, grouped.get(None, [])))
    return pages


def legal_documents() -> list[LegalDocument]:
    """The legal documents the rulebook cites, newest first (a national catalogue)."""
    return list(LegalDocument.objects.order_by("-issued_on", "short_name"))


def get_legal_document(pk) -> LegalDocument:
    document = LegalDocument.objects.filter(pk=pk).first()
    if document is None:
        raise Http404(_("Không tìm thấy văn bản."))
    return document
