"""Benchmarks of the party reads that grow with a Đảng bộ: the year's statistics (the target:
a commune of 3,000 members answers in under 100 ms p95 with a fixed number of queries), the
province side by side, the member list and the badges due. Prints one JSON line each."""

from __future__ import annotations

import datetime
import random

from django.db import transaction

from tongket.units.benchmark import measure

SIZES = {"small": 600, "national": 3000}  # members of one Đảng bộ (PRODUCT.md: 200–3,000)
YEAR = 2025
D = datetime.date


class _Rollback(Exception):
    pass


def _build(n: int):
    from tongket.units import services as unit_services
    from tongket.units.choices import UnitKind
    from tongket.units.models import User

    from .bulk import Bulk, Planned
    from .choices import EventKind, Level, Subject
    from .ledger import add_months
    from .models import QualityRating
    from .rulebook_seed import seed_rulebook

    seed_rulebook()
    rng = random.Random(n)
    root = User.objects.create_superuser("bench-party", "", "bench-Pass-2026")
    province = unit_services.unit_create(
        code="BENCH-DT", name="Tỉnh Đo Đảng", kind=UnitKind.PROVINCE, parent=None, by=root
    )
    commune = unit_services.unit_create(
        code="BENCH-DP", name="Phường Đo Đảng", kind=UnitKind.PHUONG, parent=province, by=root
    )
    cells = [
        unit_services.unit_create(
            code=f"BENCH-DP-{i}",
            name=f"Chi bộ Tổ dân phố {i}",
            kind=UnitKind.PARTY_CELL,
            parent=commune,
            by=root,
        )
        for i in range(1, 31)
    ]
    bulk = Bulk(by=root, commune=commune)
    for i in range(n):
        cell = cells[i % len(cells)]
        admitted = D(rng.randint(1965, 2024), rng.randint(1, 12), rng.randint(1, 28))
        person = bulk.person(f"Đảng viên {i}", birth_date=admitted.replace(year=admitted.year - 25))
        events = [Planned(EventKind.ADMITTED, admitted, cell)]
        if add_months(admitted, 12) <= D(YEAR, 12, 31):
            events.append(Planned(EventKind.MADE_FULL, add_months(admitted, 12), cell))
        if i % 97 == 0:
            events.append(Planned(EventKind.DIED, D(YEAR, 6, 1), cell))
        record = bulk.member(person, cell, admitted, events, card_number=f"B{i:07d}")
        if i % 97:
            level = Level.EXCELLENT if i % 10 == 0 else Level.GOOD
            bulk.rating(
                QualityRating(
                    subject=Subject.MEMBER,
                    year=YEAR,
                    commune=commune,
                    unit=cell,
                    member=record,
                    self_level=level,
                ),
                proposed=None,
                decided=(level, D(YEAR, 12, 20)),
            )
    bulk.save()
    return root, province, commune


def run(options, stdout) -> None:
    from . import selectors

    n = SIZES.get(options.get("scale") or "small", SIZES["small"])
    try:
        with transaction.atomic():
            root, province, commune = _build(n)
            records = selectors.members_list(root, commune=commune)
            for name, call in (
                ("statistics", lambda _: selectors.party_statistics(commune, YEAR)),
                ("province", lambda _: selectors.province_party_figures(province, YEAR)),
                ("members_list_page", lambda _: list(records[:50])),
                ("badges_due", lambda _: selectors.badges_due(commune, records)),
            ):
                measure(f"party.{name}", call, repeat=30, stdout=stdout, n=n, warmup=3)
            raise _Rollback
    except _Rollback:
        pass
