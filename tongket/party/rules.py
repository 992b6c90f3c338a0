"""The party rulebook as it stands for a unit on a day, loaded in one query, and the way a
refusal names the rule it applies.

A rule in force is the latest row for (kind, key) that took effect on or before the day; a
row set for the unit or one of its ancestors beats the nationwide one; a repealed row ends
the rule. No legal number lives in code: the numbers come from these rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from tongket.units.models import Unit

from .choices import RuleKind
from .models import Rule


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
            .select_related("unit")
            .order_by("-effective_from", "-id")
        )
        # The most local rows first, then the latest date.
        ordered = sorted(rows, key=lambda rule: -(rule.unit.depth + 1 if rule.unit_id else 0))
        return cls(on=on, rows=ordered)

    def get(self, kind: str, key: str = "") -> Rule | None:
        """The row in force for (kind, key), or None (none yet, or repealed)."""
        for row in self.rows:
            if row.kind == kind and row.key == key:
                return None if row.repealed else row
        return None

    def keyed(self, kind: str) -> list[Rule]:
        """Every row of a keyed kind in force (one per key), repealed keys left out."""
        seen: set[str] = set()
        found: list[Rule] = []
        for row in self.rows:
            if row.kind != kind or row.key in seen:
                continue
            seen.add(row.key)
            if not row.repealed:
                found.append(row)
        return found

    def require(self, kind: str, key: str = "") -> Rule:
        """The row in force, or a refusal saying the rulebook lacks it."""
        row = self.get(kind, key)
        if row is None:
            raise ValidationError(
                _("Chưa có quy định “%(rule)s” áp dụng ngày %(day)s; quản trị cần nhập quy định.")
                % {"rule": RuleKind(kind).label, "day": self.on.strftime("%d/%m/%Y")}
            )
        return row


def refusal(rule: Rule, message: str, field: str | None = None) -> ValidationError:
    """A refusal that names the rule and its source: "… (Quy định: Số người giới thiệu; căn
    cứ: Điều 4, Điều lệ Đảng …)"."""
    text = _("%(message)s (Quy định: %(rule)s; căn cứ: %(citation)s)") % {
        "message": message,
        "rule": rule.get_kind_display(),
        "citation": rule.citation,
    }
    return ValidationError({field: [text]} if field else text)


def whole(value: Decimal | None) -> int:
    """A rule's value as a whole number (years, months, days, counts)."""
    return int(value or 0)


def share_reached(votes: int, total: int, share: Decimal) -> bool:
    """votes / total ≥ share %, compared to four decimals (a 2/3 rule is kept as 66,6667)."""
    if total <= 0:
        return False
    return round(Decimal(votes) * 100 / Decimal(total), 4) >= share


def rating_rules_day(year: int) -> datetime.date:
    """The day whose rules judge a year's quality ratings: the year's last day."""
    return datetime.date(year, 12, 31)
