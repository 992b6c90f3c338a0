"""The Đảng bộ's figures for a year, as tables and as the sentences a report and an article
use, and the province's communes side by side. Counts come from the members' dated events
summed in SQL: a fixed number of queries whatever the number of members."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from tongket.lib.dates import format_date
from tongket.lib.numbers import format_number, format_percent
from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units.choices import UnitKind
from tongket.units.models import Unit

from ..choices import CELL_TYPE_ORDER, LEVEL_ORDER, CellType, EventKind, Level, RatingState, Subject
from ..models import BadgeAward, MemberEvent, QualityRating, cell_type_from_name

# Count → the event field it sums.
DELTAS = {
    "probationary": "d_probationary",
    "full": "d_full",
    "exempt": "d_exempt",
    "away": "d_away",
    "guests": "d_guest",
}
GOOD_OR_BETTER = (Level.EXCELLENT, Level.GOOD)
# Below this share a sentence gives the exact figure rather than "trên …%".
ROUNDED_SHARE_FROM = Decimal(50)


def as_of(year: int, today: datetime.date | None = None) -> datetime.date:
    """The day a year's figures stand on: its last day, or today while it runs."""
    return min(datetime.date(year, 12, 31), today or timezone.localdate())


def cell_type_of(cell: Unit) -> str:
    """A chi bộ's type: its profile's, else what its name suggests."""
    profile = getattr(cell, "party_profile", None)
    return profile.cell_type if profile is not None else cell_type_from_name(cell.name)


@dataclass
class CellFigures:
    cell: Unit
    cell_type: str
    probationary: int = 0
    full: int = 0
    exempt: int = 0
    away: int = 0
    guests: int = 0

    @property
    def total(self) -> int:
        return self.probationary + self.full

    @property
    def type_label(self) -> str:
        return CellType(self.cell_type).label


@dataclass
class PartyStatistics:
    """A Đảng bộ's year: members at the year's end by chi bộ and status, the year's
    admissions and departures, chi bộ by type, ratings by level, Huy hiệu awarded, and the
    sentences a report or an article states them in (none about missing data)."""

    commune: Unit
    year: int
    as_of: datetime.date
    cells: list[CellFigures] = field(default_factory=list)
    total_start: int = 0
    flows: dict[str, int] = field(default_factory=dict)
    member_levels: dict[str, int] = field(default_factory=dict)
    cell_levels: dict[str, int] = field(default_factory=dict)
    committee_level: str = ""
    badges: dict[int, int] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)

    def _sum(self, name: str) -> int:
        return sum(getattr(cell, name) for cell in self.cells)

    @property
    def probationary(self) -> int:
        return self._sum("probationary")

    @property
    def full(self) -> int:
        return self._sum("full")

    @property
    def exempt(self) -> int:
        return self._sum("exempt")

    @property
    def guests(self) -> int:
        return self._sum("guests")

    @property
    def total(self) -> int:
        return self.probationary + self.full

    @property
    def admitted(self) -> int:
        return self.flows.get(EventKind.ADMITTED, 0) + self.flows.get(EventKind.READMITTED, 0)

    @property
    def active_cells(self) -> list[CellFigures]:
        return [cell for cell in self.cells if cell.cell.is_active_on(self.as_of)]

    @property
    def cells_by_type(self) -> list[tuple[str, str, int]]:
        counts: dict[str, int] = {}
        for cell in self.active_cells:
            counts[cell.cell_type] = counts.get(cell.cell_type, 0) + 1
        return [
            (cell_type, CellType(cell_type).label, counts[cell_type])
            for cell_type in CELL_TYPE_ORDER
            if counts.get(cell_type)
        ]

    @property
    def badges_total(self) -> int:
        return sum(self.badges.values())

    @property
    def has_data(self) -> bool:
        return bool(self.sentences)

    @property
    def members_sentence(self) -> str:
        """Admissions and the total ("Đảng bộ kết nạp 6 đảng viên mới, nâng tổng số đảng
        viên lên 812 đồng chí"), or ""."""
        return _members_sentence(self)

    @property
    def excellent_sentence(self) -> str:
        """ "5 chi bộ, 14 đảng viên hoàn thành xuất sắc nhiệm vụ", or ""."""
        return _excellent_sentence(self)

    @property
    def cells_good_share_sentence(self) -> str:
        """ "trên 85% chi bộ hoàn thành tốt nhiệm vụ trở lên", or ""."""
        return _good_share_sentence(self.cell_levels, "chi bộ")

    @property
    def article_sentence(self) -> str:
        """The one sentence a year-end article gives the Đảng bộ: "Đảng bộ kết nạp 6 đảng
        viên mới, nâng tổng số đảng viên lên 812 đồng chí; 5 chi bộ, 14 đảng viên hoàn thành
        xuất sắc nhiệm vụ." ("" when there is nothing to say)."""
        parts = [part for part in (_members_sentence(self), _excellent_sentence(self)) if part]
        if not parts:
            return ""
        text = "; ".join(parts)
        return text[:1].upper() + text[1:] + "."

    @property
    def text(self) -> str:
        """The sentences as a paragraph: "Đảng bộ kết nạp …; … . …"."""
        return " ".join(sentence[:1].upper() + sentence[1:] + "." for sentence in self.sentences)

    def level_rows(self) -> list[tuple[str, int, int]]:
        """(level label, chi bộ, đảng viên) for each level, best first."""
        return [
            (Level(level).label, self.cell_levels.get(level, 0), self.member_levels.get(level, 0))
            for level in LEVEL_ORDER
        ]


def _figures(commune: Unit, year: int, day: datetime.date) -> tuple[dict[int, dict], int]:
    """Counts by chi bộ on `day` and the Đảng bộ's total at the end of the year before."""
    start = datetime.date(year, 1, 1)
    sums = {f"n_{name}": Sum(column) for name, column in DELTAS.items()}
    sums["before"] = Sum(F("d_probationary") + F("d_full"), filter=Q(on__lt=start))
    rows = (
        MemberEvent.objects.filter(commune=commune, on__lte=day)
        .values("cell_id")
        .annotate(**sums)
        .order_by()
    )
    by_cell = {row["cell_id"]: row for row in rows}
    before = sum(row["before"] or 0 for row in by_cell.values())
    return by_cell, before


def _cells(commune: Unit, day: datetime.date, with_counts: set[int]) -> list[Unit]:
    active = Q(valid_from__isnull=True) | Q(valid_from__lte=day)
    active &= Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    return list(
        Unit.objects.filter(parent=commune, kind=UnitKind.PARTY_CELL)
        .filter(active | Q(pk__in=with_counts))
        .select_related("party_profile")
        .order_by("name_folded")
    )


def _levels(commune: Unit, year: int, day: datetime.date) -> dict[str, dict[str, int]]:
    """The year's decided ratings known on `day` (a six-month report states none of them)."""
    known = Q(decided_on__isnull=True) | Q(decided_on__lte=day)
    rows = (
        QualityRating.objects.filter(commune=commune, year=year, state=RatingState.DECIDED)
        .filter(known)
        .values("subject", "decided_level")
        .annotate(n=Count("id"))
        .order_by()
    )
    levels: dict[str, dict[str, int]] = {subject: {} for subject in Subject.values}
    for row in rows:
        levels[row["subject"]][row["decided_level"]] = row["n"]
    return levels


def party_statistics(
    commune: Unit, year: int, today: datetime.date | None = None
) -> PartyStatistics:
    """The Đảng bộ's figures for a year (five queries). The caller checks the user may see
    the commune's counts (state or party side)."""
    day = as_of(year, today)
    by_cell, before = _figures(commune, year, day)
    counted = {pk for pk, row in by_cell.items() if any(row[f"n_{name}"] for name in DELTAS)}
    figures = []
    for cell in _cells(commune, day, counted):
        row = by_cell.get(cell.pk, {})
        counts = {name: row.get(f"n_{name}") or 0 for name in DELTAS}
        figures.append(CellFigures(cell=cell, cell_type=cell_type_of(cell), **counts))
    flows = dict(
        MemberEvent.objects.filter(commune=commune, on__gte=datetime.date(year, 1, 1), on__lte=day)
        .values("kind")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("kind", "n")
    )
    levels = _levels(commune, year, day)
    committee = levels[Subject.COMMITTEE]
    badges = dict(
        BadgeAward.objects.filter(commune=commune, awarded_on__year=year, awarded_on__lte=day)
        .values("milestone")
        .annotate(n=Count("id"))
        .order_by("milestone")
        .values_list("milestone", "n")
    )
    stats = PartyStatistics(
        commune=commune,
        year=year,
        as_of=day,
        cells=figures,
        total_start=before,
        flows=flows,
        member_levels=levels[Subject.MEMBER],
        cell_levels=levels[Subject.CELL],
        committee_level=next(iter(committee), ""),
        badges=badges,
    )
    stats.sentences = statistics_sentences(stats)
    return stats


# Sentences ---------------------------------------------------------------------------------------


def share_phrase(part: int, whole: int) -> str:
    """A share as articles write it: "100%", "90%", "trên 85%" (the real share rounded down
    to a multiple of 5), or the exact figure below one half ("12,5%")."""
    share = Decimal(part) * 100 / Decimal(whole)
    if share == 100:
        return "100%"
    if share < ROUNDED_SHARE_FROM:
        return format_percent(share.quantize(Decimal("0.1")).normalize())
    floor = (share / 5).to_integral_value(rounding=ROUND_FLOOR) * 5
    return format_percent(floor) if floor == share else f"trên {format_percent(floor)}"


def _members_sentence(stats: PartyStatistics) -> str:
    total = format_number(stats.total)
    if stats.admitted and stats.total > stats.total_start:
        return (
            f"Đảng bộ kết nạp {format_number(stats.admitted)} đảng viên mới, nâng tổng số "
            f"đảng viên lên {total} đồng chí"
        )
    if stats.admitted:
        return (
            f"Đảng bộ kết nạp {format_number(stats.admitted)} đảng viên mới; đến "
            f"{format_date(stats.as_of)}, Đảng bộ có {total} đảng viên"
        )
    return f"Đến {format_date(stats.as_of)}, Đảng bộ có {total} đảng viên" if stats.total else ""


def _cells_sentence(stats: PartyStatistics) -> str:
    types = stats.cells_by_type
    count = sum(n for _, _, n in types)
    if not count:
        return ""
    if len(types) == 1:
        return f"Đảng bộ có {format_number(count)} chi bộ {types[0][1]}"
    parts = ", ".join(f"{format_number(n)} chi bộ {label}" for _, label, n in types)
    return f"Đảng bộ có {format_number(count)} chi bộ: {parts}"


def _excellent_sentence(stats: PartyStatistics) -> str:
    cells = stats.cell_levels.get(Level.EXCELLENT, 0)
    members = stats.member_levels.get(Level.EXCELLENT, 0)
    parts = []
    if cells:
        parts.append(f"{format_number(cells)} chi bộ")
    if members:
        parts.append(f"{format_number(members)} đảng viên")
    return f"{', '.join(parts)} hoàn thành xuất sắc nhiệm vụ" if parts else ""


def _good_share_sentence(levels: dict[str, int], word: str) -> str:
    rated = sum(levels.values())
    if not rated:
        return ""
    good = sum(levels.get(level, 0) for level in GOOD_OR_BETTER)
    if not good:
        return ""
    return f"{share_phrase(good, rated)} {word} hoàn thành tốt nhiệm vụ trở lên"


def _badges_sentence(stats: PartyStatistics) -> str:
    if not stats.badges_total:
        return ""
    parts = ", ".join(
        f"{format_number(n)} Huy hiệu {milestone} năm"
        for milestone, n in sorted(stats.badges.items(), reverse=True)
    )
    return (
        f"Đảng ủy trao tặng Huy hiệu Đảng cho {format_number(stats.badges_total)} đồng chí "
        f"({parts} tuổi Đảng)"
    )


def _committee_sentence(stats: PartyStatistics) -> str:
    if not stats.committee_level:
        return ""
    label = str(Level(stats.committee_level).label)
    return f"Đảng bộ được xếp loại {label[:1].lower()}{label[1:]}"


def statistics_sentences(stats: PartyStatistics) -> list[str]:
    sentences = [
        _members_sentence(stats),
        _cells_sentence(stats),
        _excellent_sentence(stats),
        _good_share_sentence(stats.cell_levels, "chi bộ"),
        _good_share_sentence(stats.member_levels, "đảng viên"),
        _committee_sentence(stats),
        _badges_sentence(stats),
    ]
    return [sentence for sentence in sentences if sentence]


def statistics_xlsx(stats: PartyStatistics) -> bytes:
    caption = f"Công tác xây dựng Đảng năm {stats.year} – Đảng bộ {stats.commune.name}"
    cells = [
        [row.cell.name, row.type_label, row.full, row.probationary, row.total, row.exempt]
        for row in stats.cells
    ]
    cells.append(["Cộng", "", stats.full, stats.probationary, stats.total, stats.exempt])
    flows = [
        [EventKind(kind).label, stats.flows.get(kind, 0)]
        for kind in (
            EventKind.ADMITTED,
            EventKind.READMITTED,
            EventKind.MADE_FULL,
            EventKind.TRANSFER_IN,
            EventKind.TRANSFER_OUT,
            EventKind.DIED,
            EventKind.STRUCK_OFF,
            EventKind.EXPELLED,
        )
    ]
    return write_xlsx(
        [
            Sheet(
                title="Chi bộ",
                caption=f"{caption} (đến {format_date(stats.as_of)})",
                headers=["Chi bộ", "Loại", "Chính thức", "Dự bị", "Tổng số", "Miễn sinh hoạt"],
                rows=cells,
            ),
            Sheet(
                title="Biến động", caption=caption, headers=["Nội dung", "Số đảng viên"], rows=flows
            ),
            Sheet(
                title="Xếp loại",
                caption=caption,
                headers=["Mức xếp loại", "Chi bộ", "Đảng viên"],
                rows=[list(row) for row in stats.level_rows()],
            ),
            Sheet(
                title="Tóm tắt",
                caption=caption,
                headers=["Câu"],
                rows=[[sentence] for sentence in stats.sentences],
            ),
        ]
    )
