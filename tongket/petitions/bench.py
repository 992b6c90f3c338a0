"""`manage.py bench --only petitions`: a province whose 98 communes (the national average)
each forwarded 100 items, some answered, some assigned to a department; measures the
province officer's list of forwarded items through the real page (unfiltered, and filtered
by field, commune, age and unanswered-past-due) and its selector. One JSON line per
measurement: p50/p95 in ms and SQL queries. The data is built in a transaction that is
rolled back."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.test import Client

from tongket.units.benchmark import measure

COMMUNES = {"small": 10, "national": 98}
ITEMS_PER_COMMUNE = 100
TARGET_P95_MS = 150


class _Rollback(Exception):
    pass


def _build(communes: int):
    from tongket.units import services as unit_services
    from tongket.units.choices import Body, DocumentType, Role, UnitKind
    from tongket.units.models import IssuedNumber, User

    from .choices import Competence, Field, ForwardLevel, State
    from .models import Forwarding, ProvinceReport, Recommendation, Source

    root = User.objects.create_superuser("bench-petitions", "", "bench-Pass-2026")
    province = unit_services.unit_create(
        code="BENCH-KN-T", name="Tỉnh Đo Kiến Nghị", kind=UnitKind.PROVINCE, parent=None, by=root
    )
    departments = [
        unit_services.unit_create(
            code=f"BENCH-KN-S{i}", name=f"Sở {i}", kind=UnitKind.AGENCY, parent=province, by=root
        )
        for i in range(5)
    ]
    officer = unit_services.user_create(
        username="bench-kn-tinh", password="bench-Pass-2026", unit=province, by=root
    )
    unit_services.role_grant(user=officer, unit=province, role=Role.OFFICER, by=root)
    today = datetime.date.today()
    fields = Field.values
    for c in range(communes):
        commune = unit_services.unit_create(
            code=f"BENCH-KN-X{c}", name=f"Xã Đo {c}", kind=UnitKind.XA, parent=province, by=root
        )
        issued = IssuedNumber.objects.create(
            unit=commune,
            body=Body.PEOPLES_COMMITTEE,
            doc_type=DocumentType.REPORT,
            period=str(today.year),
            number=1,
            issued_on=today,
        )
        report = ProvinceReport.objects.create(
            commune=commune,
            province=province,
            body=Body.PEOPLES_COMMITTEE,
            issued_on=today,
            number=issued,
            subject="Tổng hợp kiến nghị",
        )
        items = Recommendation.objects.bulk_create(
            Recommendation(
                commune=commune,
                unit=commune,
                text=f"Kiến nghị {i} của xã {c}",
                text_folded=f"kien nghi {i} cua xa {c}",
                field=fields[i % len(fields)],
                competence=Competence.PROVINCE,
                received_on=today - datetime.timedelta(days=i),
                state=State.FORWARDED,
            )
            for i in range(ITEMS_PER_COMMUNE)
        )
        Source.objects.bulk_create(
            Source(recommendation=item, unit=commune, text=item.text, received_on=item.received_on)
            for item in items
        )
        Forwarding.objects.bulk_create(
            Forwarding(
                recommendation=item,
                report=report,
                commune=commune,
                level=ForwardLevel.PROVINCE,
                forwarded_on=item.received_on,
                department=departments[i % 5] if i % 2 else None,
                answer="Đã trả lời." if i % 3 == 0 else "",
                answered_on=today if i % 3 == 0 else None,
            )
            for i, item in enumerate(items)
        )
    return officer


def _analyze() -> None:
    """Refresh the planner's statistics, as autovacuum would in a live database (the rows
    were just bulk-inserted in this transaction)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def run(options, stdout) -> None:
    from . import selectors

    communes = COMMUNES.get(options.get("scale") or "small", COMMUNES["small"])
    repeat = max(10, min(options.get("repeat", 30), 60))
    n = communes * ITEMS_PER_COMMUNE
    try:
        with transaction.atomic():
            officer = _build(communes)
            _analyze()
            client = Client(HTTP_HOST="localhost")
            client.force_login(officer)
            one = selectors.filter_communes(officer).first()

            def page(query: str):
                def call(_):
                    response = client.get(f"/kien-nghi/tinh/{query}")
                    if response.status_code != 200:
                        raise RuntimeError(f"/kien-nghi/tinh/{query} → {response.status_code}")

                return call

            for name, query in (
                ("forwarded_page", ""),
                ("forwarded_page_field", "?linh-vuc=urban"),
                ("forwarded_page_commune", f"?xa={one.pk}"),
                ("forwarded_page_age", "?tuoi=60"),
                ("forwarded_page_flagged", "?tra-loi=flagged&trang=2"),
                ("forwarded_page_all", "?tra-loi=all&trang=3"),
            ):
                line = measure(
                    f"petitions.{name}", page(query), repeat=repeat, stdout=stdout, n=n, warmup=3
                )
                if line["p95_ms"] > TARGET_P95_MS:
                    stdout.write(f"  ! {name}: p95 {line['p95_ms']} ms > {TARGET_P95_MS} ms")
            measure(
                "petitions.forwarded_list_selector",
                lambda _: selectors.forwarded_list(officer),
                repeat=repeat,
                stdout=stdout,
                n=n,
                warmup=2,
            )
            raise _Rollback
    except _Rollback:
        pass
