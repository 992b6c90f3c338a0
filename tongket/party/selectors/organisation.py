"""Reads of the Đảng bộ's organisation: the Đảng ủy's terms with their congress and who
held which seat (from positions), the chi bộ with their type and members on a date, and the
rulebook."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from tongket.units.choices import Body, PositionRole
from tongket.units.models import BodyTerm, Position, Unit

from ..choices import CELL_TYPE_ORDER, CellType, RuleKind
from ..models import Rule
from .statistics import party_statistics

COMMITTEE_ROLES = (
    PositionRole.PARTY_SECRETARY,
    PositionRole.PARTY_DEPUTY_SECRETARY,
    PositionRole.PARTY_STANDING_MEMBER,
    PositionRole.PARTY_COMMITTEE_MEMBER,
)


@dataclass
class TermPage:
    term: BodyTerm
    detail: object | None
    seats: dict[str, list[Position]] = field(default_factory=dict)

    @property
    def secretaries(self) -> list[Position]:
        return self.seats.get(PositionRole.PARTY_SECRETARY, [])

    @property
    def deputies(self) -> list[Position]:
        return self.seats.get(PositionRole.PARTY_DEPUTY_SECRETARY, [])

    @property
    def standing(self) -> list[Position]:
        """The standing committee: the Bí thư, the Phó Bí thư and its other members."""
        return (
            self.secretaries
            + self.deputies
            + self.seats.get(PositionRole.PARTY_STANDING_MEMBER, [])
        )

    @property
    def committee(self) -> list[Position]:
        return self.standing + self.seats.get(PositionRole.PARTY_COMMITTEE_MEMBER, [])


def terms_page(commune: Unit) -> list[TermPage]:
    """The Đảng ủy's terms, latest first, each with the positions of its seats held during
    it (two queries)."""
    terms = list(
        BodyTerm.objects.filter(unit=commune, body=Body.PARTY_COMMITTEE)
        .select_related("party")
        .order_by("-start_date")
    )
    positions = list(
        Position.objects.filter(unit=commune, role__in=COMMITTEE_ROLES)
        .select_related("person")
        .order_by("start_date", "id")
    )
    pages = []
    for term in terms:
        page = TermPage(term, getattr(term, "party", None))
        term_end = term.end_date or datetime.date.max
        for position in positions:
            held_end = position.end_date or datetime.date.max
            if position.start_date <= term_end and term.start_date <= held_end:
                page.seats.setdefault(position.role, []).append(position)
        pages.append(page)
    return pages


@dataclass
class CellsPage:
    commune: Unit
    on: datetime.date
    rows: list
    by_type: list[tuple[str, str, int]]
    total: int


def cells_page(commune: Unit, on: datetime.date | None = None) -> CellsPage:
    """The chi bộ existing on a date with their type and members then, and the count by
    type (the statistics' queries)."""
    on = on or timezone.localdate()
    stats = party_statistics(commune, on.year, today=on)
    rows = stats.active_cells
    return CellsPage(commune, stats.as_of, rows, stats.cells_by_type, len(rows))


@dataclass
class RuleGroup:
    kind: str
    label: str
    rules: list[Rule]


def rulebook_page(commune: Unit | None = None, on: datetime.date | None = None) -> list[RuleGroup]:
    """Every rule row (nationwide and the commune's chain), grouped by kind, the rows in
    force marked (one query)."""
    on = on or timezone.localdate()
    places = Q(unit__isnull=True)
    if commune is not None:
        places |= Q(unit_id__in=commune.ancestor_ids)
    rows = list(
        Rule.objects.filter(places)
        .select_related("unit")
        .order_by("kind", "key", "-effective_from", "-id")
    )
    seen: set[tuple[str, str]] = set()
    for row in rows:
        row.in_force = False
    for row in sorted(
        (r for r in rows if r.effective_from <= on),
        key=lambda r: (
            -(r.unit.depth + 1 if r.unit_id else 0),
            -r.effective_from.toordinal(),
            -r.pk,
        ),
    ):
        key = (row.kind, row.key)
        if key not in seen:
            seen.add(key)
            row.in_force = not row.repealed
    groups = {kind: RuleGroup(kind, label, []) for kind, label in RuleKind.choices}
    for row in rows:
        groups[row.kind].rules.append(row)
    return [group for group in groups.values() if group.rules]


def cell_type_choices() -> list[tuple[str, str]]:
    return [(value, CellType(value).label) for value in CELL_TYPE_ORDER]
