"""`manage.py bench --only textfacts`: a commune with the development catalogue (43
indicators, their synonyms kept for the commune) reads a 20-page Word report (the one
`tongket.lib.facts.bench` builds) through the real service, file kept and facts saved; then
the review page of that report through the test client. One JSON line per measurement:
p50/p95 in ms and SQL queries. The data is built in a transaction that is rolled back."""

from __future__ import annotations

import json
import tempfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings

from tongket.lib.text import fold
from tongket.units.benchmark import measure

YEAR = 2025
TARGET_READ_MS = 2000


class _Rollback(Exception):
    pass


def _build():
    from tongket.lib.facts.eval import DEVSET
    from tongket.targets import services as targets
    from tongket.targets.choices import IndicatorGroup, Rollup, ValueKind
    from tongket.units import services as unit_services
    from tongket.units.choices import Role, UnitKind
    from tongket.units.models import User

    from .models import IndicatorSynonym

    root = User.objects.create_superuser("bench-textfacts", "", "bench-Pass-2026")
    province = unit_services.unit_create(
        code="BENCH-TF-T", name="Tỉnh Đo Văn Bản", kind=UnitKind.PROVINCE, parent=None, by=root
    )
    commune = unit_services.unit_create(
        code="BENCH-TF-X", name="Phường Hòa Bình", kind=UnitKind.PHUONG, parent=province, by=root
    )
    officer = unit_services.user_create(
        username="bench-tf-canbo", password="bench-Pass-2026", unit=commune, by=root
    )
    unit_services.role_grant(user=officer, unit=commune, role=Role.OFFICER, by=root)
    catalogue = json.loads((DEVSET / "catalogue.json").read_text(encoding="utf-8"))
    for order, row in enumerate(catalogue["indicators"], start=1):
        percent = row["unit"] == "%"
        version = targets.indicator_create(
            owner=province,
            code=f"BTF-{row['code']}",
            year=YEAR,
            by=root,
            name=row["name"],
            group=IndicatorGroup.ECONOMY,
            unit_of_measure=row["unit"],
            value_kind=ValueKind.PERCENT if percent else ValueKind.NUMBER,
            rollup=Rollup.NONE if percent else Rollup.SUM,
            decimals=2,
            order=order,
        )
        IndicatorSynonym.objects.bulk_create(
            IndicatorSynonym(
                owner=commune,
                indicator=version.indicator,
                phrase=phrase,
                phrase_folded=fold(phrase),
            )
            for phrase in row.get("synonyms", ())
        )
    return commune, officer


def run(options, stdout) -> None:
    from tongket.lib.facts.bench import build_report

    repeat = max(3, min(options.get("repeat", 30), 10))
    report = build_report(20)
    # The uploads go to a directory dropped afterwards, as the rows are rolled back.
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        _measure(report, repeat, stdout)


def _measure(report: bytes, repeat: int, stdout) -> None:
    from . import services

    try:
        with transaction.atomic():
            commune, officer = _build()

            def read(_):
                upload = SimpleUploadedFile("bao-cao-20-trang.docx", report)
                return services.document_read(
                    unit=commune, year=YEAR, period="year", by=officer, upload=upload
                )

            document = read(0)
            facts = document.facts.count()
            line = measure(
                "textfacts.read_20_page_docx", read, repeat=repeat, stdout=stdout, n=facts
            )
            if line["p95_ms"] > TARGET_READ_MS:
                stdout.write(f"  ! read: p95 {line['p95_ms']} ms > {TARGET_READ_MS} ms")
            client = Client(HTTP_HOST="localhost")
            client.force_login(officer)

            def review(_):
                response = client.get(f"/doc-van-ban/{document.pk}/")
                if response.status_code != 200:
                    raise RuntimeError(f"review page → {response.status_code}")

            measure(
                "textfacts.review_page_20_pages",
                review,
                repeat=repeat,
                stdout=stdout,
                n=facts,
                warmup=1,
            )
            raise _Rollback
    except _Rollback:
        pass
