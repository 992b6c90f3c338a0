"""Benchmarks of the emulation reads that grow with a commune's year: the statistics an
article quotes, the nominations list, eligibility of one nomination. Prints one JSON line per
measurement."""

from __future__ import annotations

import datetime

from django.db import transaction

from tongket.units.benchmark import measure

SIZES = {"small": 60, "national": 400}  # nominations in one commune's year (PRODUCT.md: 50–400)


class _Rollback(Exception):
    pass


def _build(n):
    from tongket.units import services as unit_services
    from tongket.units.choices import UnitKind
    from tongket.units.models import User

    from . import services
    from .models import AwardKind

    root = User.objects.create_superuser("bench-root", "", "bench-Pass-2026")
    province = unit_services.unit_create(
        code="BENCH-T", name="Tỉnh Đo", kind=UnitKind.PROVINCE, parent=None, by=root
    )
    commune = unit_services.unit_create(
        code="BENCH-P", name="Phường Đo", kind=UnitKind.PHUONG, parent=province, by=root
    )
    kinds = {kind.code: kind for kind in AwardKind.objects.all()}
    council = [
        unit_services.person_create(full_name=f"Ủy viên {i}", unit=commune, by=root)
        for i in range(7)
    ]
    for person in council:
        services.council_member_add(
            commune=commune, year=2025, person=person, role="Ủy viên", by=root
        )
    nominations = []
    for i in range(n):
        person = unit_services.person_create(full_name=f"Người {i}", unit=commune, by=root)
        nominations.append(
            services.nomination_create(
                unit=commune,
                year=2025,
                award_kind=kinds["gk-chutich"],
                recipient="individual",
                person=person,
                achievement="Thành tích.",
                by=root,
                submit=True,
            )
        )
    session = services.session_create(
        commune=commune, year=2025, held_on=datetime.date(2026, 1, 6), members_present=7, by=root
    )
    ballots = services.session_add_nominations(session=session, nominations=nominations, by=root)
    services.ballots_record(session=session, votes={b.pk: 7 for b in ballots}, by=root)
    services.council_result_approve(
        session=session,
        body="chairman",
        number=1,
        signed_on=datetime.date(2026, 1, 8),
        signer_name="Chủ tịch",
        by=root,
    )
    return root, commune, nominations


def run(options, stdout) -> None:
    from . import selectors
    from .eligibility import judge

    n = SIZES.get(options.get("scale") or "small", SIZES["small"])
    try:
        with transaction.atomic():
            root, commune, nominations = _build(n)
            for name, call in (
                (
                    "commendation_statistics",
                    lambda _: selectors.commendation_statistics(commune, 2025),
                ),
                (
                    "nominations_list",
                    lambda _: list(selectors.nominations_list(root, year=2025)[:50]),
                ),
                ("eligibility_one", lambda _: judge(nominations[0])),
            ):
                measure(f"emulation.{name}", call, repeat=15, stdout=stdout, n=n, warmup=2)
            raise _Rollback
    except _Rollback:
        pass
