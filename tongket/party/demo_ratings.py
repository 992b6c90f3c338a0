"""The demo Đảng bộ's quality ratings for 2023–2025: members, chi bộ and the Đảng bộ itself,
self-assessed, proposed and decided within the cap (points from 2025, when the 100-point
scale of Quy định 366-QĐ/TW applies). Pseudo-random but deterministic."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from tongket.units.models import Unit

from .choices import Level, Subject
from .demo_members import LAST_YEAR, RATED_YEARS, SEED, Planner
from .models import PartyMember, QualityRating

D = datetime.date


def rate(planner: Planner, commune: Unit, extra: list[PartyMember]) -> None:
    """Every member, chi bộ and the Đảng bộ rated for 2023–2025, decided within the cap."""
    for year in RATED_YEARS:
        _rate_year(planner, commune, year, extra)


def _rate_year(planner: Planner, commune: Unit, year: int, extra: list[PartyMember]) -> None:
    rng = random.Random(SEED + year)
    _rate_members(planner, commune, year, extra, rng)
    _rate_cells(planner, commune, year, rng)
    rating = QualityRating(
        subject=Subject.COMMITTEE,
        year=year,
        commune=commune,
        unit=commune,
        self_points=Decimal("88") if year >= 2025 else None,
        self_level=Level.GOOD,
    )
    planner.bulk.rating(rating, proposed=None, decided=(Level.GOOD, D(year + 1, 1, 15)))


def _levels(n: int) -> list[str]:
    """Levels for n members: a few failed, some done, about a tenth excellent within the
    cap of a fifth of those good."""
    failed, done = max(1, n // 150), n // 14
    good = n - failed - done
    excellent = min(round(n * 0.1), good * 20 // 120)
    good -= excellent
    return (
        [Level.EXCELLENT] * excellent
        + [Level.GOOD] * good
        + [Level.DONE] * done
        + [Level.FAILED] * failed
    )


def _rate_members(planner, commune, year, extra, rng) -> None:
    """Members in the Party and not exempted at the year's end, proposed and decided."""
    end = D(year, 12, 31)
    rated = [
        (plan.record, plan.cell_on(end))
        for plan in planner.plans
        if plan.state_on(end).in_party and not plan.state_on(end).exempt
    ]
    rated += [(record, record.cell) for record in extra if year == LAST_YEAR]
    levels = _levels(len(rated))
    rng.shuffle(levels)
    for (record, cell), level in zip(rated, levels, strict=True):
        rating = QualityRating(
            subject=Subject.MEMBER,
            year=year,
            commune=commune,
            unit=cell,
            member=record,
            self_points=_points(rng, level) if year >= 2025 else None,
            self_level=level,
        )
        planner.bulk.rating(rating, proposed=(level, None), decided=(level, D(year, 12, 20)))


def _rate_cells(planner, commune, year, rng) -> None:
    """One chi bộ excellent, one (in 2025) only done, the others good."""
    cells = sorted(planner.cells.values(), key=lambda cell: cell.name_folded)
    best, weak = cells[year % len(cells)], cells[(year + 5) % len(cells)]
    for cell in cells:
        level = Level.GOOD
        if cell == best:
            level = Level.EXCELLENT
        elif cell == weak and year == LAST_YEAR:
            level = Level.DONE
        rating = QualityRating(
            subject=Subject.CELL,
            year=year,
            commune=commune,
            unit=cell,
            self_points=_points(rng, level) if year >= 2025 else None,
            self_level=level,
        )
        planner.bulk.rating(rating, proposed=None, decided=(level, D(year, 12, 20)))


def _points(rng: random.Random, level: str) -> Decimal:
    low, high = {
        Level.EXCELLENT: (90, 97),
        Level.GOOD: (72, 89),
        Level.DONE: (55, 69),
        Level.FAILED: (40, 49),
    }[level]
    return Decimal(rng.randint(low * 2, high * 2)) / 2
