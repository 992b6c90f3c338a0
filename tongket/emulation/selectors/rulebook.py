"""The rulebook as a page: every title and form with its dated rows."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import User

from ..models import AwardKind, Rule
from ..rules import Rulebook


@dataclass
class KindRules:
    kind: AwardKind | None
    rules: list[Rule]


def rulebook_page(user: User, on: datetime.date | None = None) -> list[KindRules]:
    """Every title and form with its dated rows (nationwide ones and those the user's units
    set for themselves), marking the row in force today for each scope (2 queries)."""
    on = on or timezone.localdate()
    local = access.scope_q(Rule, user, Action.VIEW)
    places = Q(unit__isnull=True) if local is None else Q(unit__isnull=True) | local
    rows = list(
        Rule.objects.filter(places if local is not None else Q())
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
        grouped[row.award_kind_id].append(row)
    kinds = list(AwardKind.objects.all())
    pages = [KindRules(kind, grouped.get(kind.pk, [])) for kind in kinds]
    pages.append(KindRules(None, grouped.get(None, [])))
    return pages
