"""The rulebook as it stands for a unit on a day, loaded in one query.

A rule in force is the latest row for (title, kind of rule, recipient) that took effect on or
before the day; a row set for the unit or one of its ancestors beats the nationwide one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from tongket.units.models import Unit

from .choices import RuleKind
from .models import AwardKind, Rule


@dataclass
class Rulebook:
    on: datetime.date
    rows: list[Rule] = field(default_factory=list)

    @classmethod
    def load(cls, unit: Unit | None, on: datetime.date) -> Rulebook:
        places = Q(unit__isnull=True)
        if unit is not None:
            places |= Q(unit_id__in=unit.ancestor_ids or [unit.pk])
        rows = (
            Rule.objects.filter(places, effective_from__lte=on)
            .select_related("award_kind", "reference_kind", "unit")
            .order_by("-effective_from", "-id")
        )
        # Deeper (more local) rows first, then the latest date.
        ordered = sorted(rows, key=lambda rule: -(rule.unit.depth + 1 if rule.unit_id else 0))
        return cls(on=on, rows=ordered)

    def _candidates(self, award_kind: AwardKind | None, kind: str) -> list[Rule]:
        kind_id = award_kind.pk if award_kind is not None else None
        return [row for row in self.rows if row.award_kind_id == kind_id and row.kind == kind]

    def get(self, award_kind: AwardKind | None, kind: str, recipient: str = "") -> Rule | None:
        """The rule in force; for a recipient, its own row wins over a row for everyone."""
        rows = self._candidates(award_kind, kind)
        for row in rows:
            if recipient and row.recipient == recipient:
                return row
        for row in rows:
            if not row.recipient:
                return row
        return None

    def in_force(self, award_kind: AwardKind | None, kind: str) -> list[Rule]:
        """Every rule of a kind in force (one per recipient and reference title)."""
        seen: set[tuple] = set()
        found = []
        for row in self._candidates(award_kind, kind):
            key = (row.recipient, row.reference_kind_id)
            if key not in seen:
                seen.add(key)
                found.append(row)
        return found

    def base_salary(self) -> Rule | None:
        return self.get(None, RuleKind.BASE_SALARY)

    def awarding_body(self, award_kind: AwardKind) -> str | None:
        rule = self.get(award_kind, RuleKind.AWARDING_BODY)
        return rule.text if rule else None

    def prize_coefficient(self, award_kind: AwardKind, recipient: str) -> Rule | None:
        return self.get(award_kind, RuleKind.PRIZE_COEFFICIENT, recipient)


def check_date(year: int, today: datetime.date) -> datetime.date:
    """The day whose rules judge a year's achievement: the year's last day, or today while
    the year is still running."""
    return min(datetime.date(year, 12, 31), today)
