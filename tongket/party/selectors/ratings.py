"""Reads of the year's quality ratings: every member and chi bộ with its self-assessment,
proposal and decision; the results per chi bộ and for the Đảng bộ; the cap as it stands."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet

from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units import access
from tongket.units.models import Person, Unit, User

from ..choices import IN_PARTY, LEVEL_ORDER, Level, MemberKind, RatingState, RuleKind, Subject
from ..models import PartyMember, QualityRating
from ..rules import Rulebook, rating_rules_day
from .common import cells_of


@dataclass
class MemberRow:
    record: PartyMember
    rating: QualityRating | None


@dataclass
class CellResult:
    cell: Unit
    levels: dict[str, int] = field(default_factory=dict)
    rating: QualityRating | None = None
    members: int = 0

    def count(self, level: str) -> int:
        return self.levels.get(level, 0)

    @property
    def counts(self) -> list[int]:
        return [self.levels.get(level, 0) for level in LEVEL_ORDER]

    @property
    def unrated(self) -> int:
        return self.members - sum(self.levels.values())


@dataclass
class RatingsPage:
    commune: Unit
    year: int
    members: list[MemberRow]
    cells: list[CellResult]
    committee: QualityRating | None
    cap_share: Decimal | None
    cap_citation: str

    @property
    def totals(self) -> list[int]:
        return [sum(result.count(level) for result in self.cells) for level in LEVEL_ORDER]

    @property
    def cell_totals(self) -> list[int]:
        return [
            sum(
                1 for result in self.cells if result.rating and result.rating.decided_level == level
            )
            for level in LEVEL_ORDER
        ]

    @property
    def allowed_excellent_members(self) -> int | None:
        return self.allowed_excellent(Subject.MEMBER)

    def allowed_excellent(self, subject: str) -> int | None:
        """How many "xuất sắc" the cap allows beside the "tốt" decided so far."""
        if self.cap_share is None:
            return None
        if subject == Subject.MEMBER:
            good = self.totals[LEVEL_ORDER.index(Level.GOOD)]
        else:
            good = self.cell_totals[LEVEL_ORDER.index(Level.GOOD)]
        return int(self.cap_share * good // 100)


def ratings_page(user: User, commune: Unit, year: int, cell: Unit | None = None) -> RatingsPage:
    """Members in the Party during the year with their rating, the chi bộ's own ratings and
    the Đảng bộ's (what the user may see; five queries)."""
    starts, ends = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    records: QuerySet[PartyMember] = access.restrict(
        PartyMember.objects.filter(commune=commune, kind=MemberKind.MEMBER, admitted_on__lte=ends)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=starts))
        .filter(Q(status__in=IN_PARTY) | Q(left_on__isnull=False))
        .select_related("person", "cell"),
        user,
    )
    if cell is not None:
        records = records.filter(cell=cell)
    ratings = access.restrict(
        QualityRating.objects.filter(commune=commune, year=year).select_related("unit", "member"),
        user,
    )
    by_member = {r.member_id: r for r in ratings if r.subject == Subject.MEMBER}
    by_cell = {r.unit_id: r for r in ratings if r.subject == Subject.CELL}
    committee = next((r for r in ratings if r.subject == Subject.COMMITTEE), None)
    rows = [
        MemberRow(record, by_member.get(record.pk))
        for record in records.order_by("cell__name_folded", "person__name_folded")
    ]
    cells = [cell] if cell is not None else list(cells_of(commune, ends))
    visible = {row.record.cell_id for row in rows} | set(by_cell)
    results = {
        c.pk: CellResult(c, rating=by_cell.get(c.pk))
        for c in cells
        if c.pk in visible or cell is None
    }
    for row in rows:
        result = results.get(row.record.cell_id)
        if result is None:
            continue
        result.members += 1
        if row.rating is not None and row.rating.state == RatingState.DECIDED:
            level = row.rating.decided_level
            result.levels[level] = result.levels.get(level, 0) + 1
    cap = Rulebook.load(commune, rating_rules_day(year)).get(RuleKind.EXCELLENT_CAP)
    return RatingsPage(
        commune=commune,
        year=year,
        members=rows,
        cells=list(results.values()),
        committee=committee,
        cap_share=cap.value if cap else None,
        cap_citation=cap.citation if cap else "",
    )


def _label(level: str) -> str:
    return str(Level(level).label) if level else ""


def ratings_xlsx(page: RatingsPage) -> bytes:
    caption = f"Xếp loại chất lượng năm {page.year} – Đảng bộ {page.commune.name}"
    labels = [str(Level(level).label) for level in LEVEL_ORDER]
    members = [
        [
            row.record.person.full_name,
            row.record.cell.name,
            row.rating.self_points if row.rating else None,
            _label(row.rating.self_level) if row.rating else "",
            _label(row.rating.proposed_level) if row.rating else "",
            _label(row.rating.decided_level) if row.rating else "",
        ]
        for row in page.members
    ]
    results = [[result.cell.name, *result.counts, result.unrated] for result in page.cells]
    results.append(["Đảng bộ", *page.totals, sum(result.unrated for result in page.cells)])
    cells = [
        [
            result.cell.name,
            result.rating.self_points if result.rating else None,
            _label(result.rating.self_level) if result.rating else "",
            _label(result.rating.decided_level) if result.rating else "",
        ]
        for result in page.cells
    ]
    return write_xlsx(
        [
            Sheet(
                title="Kết quả",
                caption=caption,
                headers=["Chi bộ", *labels, "Chưa xếp loại"],
                rows=results,
            ),
            Sheet(
                title="Đảng viên",
                caption=caption,
                headers=[
                    "Họ và tên",
                    "Chi bộ",
                    "Điểm tự đánh giá",
                    "Tự xếp loại",
                    "Chi bộ đề xuất",
                    "Đảng ủy quyết định",
                ],
                rows=members,
            ),
            Sheet(
                title="Chi bộ",
                caption=caption,
                headers=["Chi bộ", "Điểm tự đánh giá", "Tự xếp loại", "Đảng ủy quyết định"],
                rows=cells,
            ),
        ]
    )


def member_rating(person: Person, year: int) -> str | None:
    """The level the Đảng ủy decided for a person as a party member in a year ("excellent",
    "good", "done", "failed"), or None when there is none (one query). For emulation's
    eligibility check: no access check, it returns a level only."""
    return (
        QualityRating.objects.filter(
            member__person=person, year=year, subject=Subject.MEMBER, state=RatingState.DECIDED
        )
        .values_list("decided_level", flat=True)
        .first()
    )
