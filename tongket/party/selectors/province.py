"""A province's communes side by side: each Đảng bộ's members, admissions, chi bộ and
ratings of a year, in four queries whatever the number of communes and members."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units.choices import COMMUNE_KINDS, UnitKind
from tongket.units.models import Unit

from ..choices import EventKind, Level, RatingState, Subject
from ..models import MemberEvent, QualityRating
from .statistics import GOOD_OR_BETTER, as_of


@dataclass
class CommuneParty:
    commune: Unit
    cells: int = 0
    probationary: int = 0
    full: int = 0
    admitted: int = 0
    excellent_members: int = 0
    excellent_cells: int = 0
    rated_cells: int = 0
    good_cells: int = 0

    @property
    def total(self) -> int:
        return self.probationary + self.full

    @property
    def good_cells_share(self) -> Decimal | None:
        if not self.rated_cells:
            return None
        return (Decimal(self.good_cells) * 100 / Decimal(self.rated_cells)).quantize(Decimal("0.1"))


@dataclass
class ProvinceParty:
    province: Unit
    year: int
    as_of: datetime.date
    rows: list[CommuneParty]

    def total(self, name: str) -> int:
        return sum(getattr(row, name) for row in self.rows)


def province_party_figures(
    province: Unit, year: int, today: datetime.date | None = None
) -> ProvinceParty:
    """Every commune's party figures side by side (four queries whatever the number of
    communes and members)."""
    day = as_of(year, today)
    start = datetime.date(year, 1, 1)
    communes = list(
        Unit.objects.filter(path__startswith=province.path, kind__in=COMMUNE_KINDS)
        .active_on(day)
        .order_by("name_folded")
    )
    rows = {commune.pk: CommuneParty(commune) for commune in communes}
    events = (
        MemberEvent.objects.filter(commune__in=communes, on__lte=day)
        .values("commune_id")
        .annotate(
            p=Sum("d_probationary"),
            f=Sum("d_full"),
            a=Count(
                "id", filter=Q(on__gte=start, kind__in=(EventKind.ADMITTED, EventKind.READMITTED))
            ),
        )
        .order_by()
    )
    for row in events:
        figures = rows[row["commune_id"]]
        figures.probationary, figures.full, figures.admitted = (
            row["p"] or 0,
            row["f"] or 0,
            row["a"],
        )
    cells = (
        Unit.objects.filter(parent__in=communes, kind=UnitKind.PARTY_CELL)
        .active_on(day)
        .values("parent_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in cells:
        rows[row["parent_id"]].cells = row["n"]
    ratings = (
        QualityRating.objects.filter(commune__in=communes, year=year, state=RatingState.DECIDED)
        .exclude(subject=Subject.COMMITTEE)
        .values("commune_id", "subject", "decided_level")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in ratings:
        figures = rows[row["commune_id"]]
        excellent = row["decided_level"] == Level.EXCELLENT
        if row["subject"] == Subject.MEMBER:
            figures.excellent_members += row["n"] if excellent else 0
            continue
        figures.excellent_cells += row["n"] if excellent else 0
        figures.rated_cells += row["n"]
        figures.good_cells += row["n"] if row["decided_level"] in GOOD_OR_BETTER else 0
    return ProvinceParty(province=province, year=year, as_of=day, rows=list(rows.values()))


def province_xlsx(figures: ProvinceParty) -> bytes:
    headers = [
        "Xã, phường",
        "Chi bộ",
        "Đảng viên",
        "Chính thức",
        "Dự bị",
        "Kết nạp trong năm",
        "Chi bộ HTXSNV",
        "Đảng viên HTXSNV",
        "% chi bộ HTTNV trở lên",
    ]
    rows = [
        [
            row.commune.name,
            row.cells,
            row.total,
            row.full,
            row.probationary,
            row.admitted,
            row.excellent_cells,
            row.excellent_members,
            row.good_cells_share,
        ]
        for row in figures.rows
    ]
    caption = f"Số liệu công tác Đảng năm {figures.year} – {figures.province.name}"
    return write_xlsx([Sheet(title="Các xã, phường", caption=caption, headers=headers, rows=rows)])
