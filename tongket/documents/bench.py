"""`manage.py bench --only documents`: time to write one report DOCX (target p95 ≤ 250 ms),
its chart drawn and cached, one PDF through the converters kept running beside its floor
and the one-shot soffice (bench_workers.py), one article (30 indicators, and a full one of
80 indicators with qualifiers, a speech, awards by count and photos: target p95 < 50 ms),
and a province's documents on 1 and 2 Celery worker processes. Builds its own data in
throw-away provinces, and removes it afterwards."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

from django.conf import settings
from django.db import reset_queries

from tongket.units.benchmark import measure

from . import bench_workers

# Communes of the bench province, whose documents are made on 1 and on 2 worker processes
# (bounded: the README scales the per-commune cost to 3,321 communes).
COMMUNES = {"small": 6, "national": 12}


def _world(communes: int, indicator_count: int = 30):
    """A province with `communes` communes, `indicator_count` indicators each with plan and
    result (every fifth qualified "trên"), and a year-end conference per commune, built
    through the services."""
    from decimal import Decimal

    from tongket.conferences import services as conferences
    from tongket.targets import services as targets
    from tongket.targets.models import Indicator
    from tongket.units import services as units
    from tongket.units.choices import UnitKind
    from tongket.units.models import User

    root = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser(
        "bench-documents", "", "Bench-Documents-2026"
    )
    stamp = str(time.time_ns())[-8:]
    province = units.unit_create(
        code=f"BENCH-DOC-{stamp}", name="Tỉnh Đo Thử", kind=UnitKind.PROVINCE, parent=None, by=root
    )
    groups = ["economy", "culture_society", "defense_security", "party_building"]
    indicators = []
    for i in range(indicator_count):
        version = targets.indicator_create(
            owner=province,
            code=f"BD{stamp}{i:02d}",
            year=2025,
            name=f"Chỉ tiêu đo thử số {i + 1}",
            group=groups[i % 4],
            by=root,
            unit_of_measure="tỷ đồng",
            decimals=1,
            order=i,
        )
        indicators.append(version.indicator)
    targets.indicator_year_copy(year=2026, by=root, owner=province)
    person = units.person_create(full_name="Trần Văn Đo", unit=province, by=root)
    units.position_create(
        person=person,
        unit=province,
        title="Phó Chủ tịch UBND tỉnh",
        start_date=datetime.date(2021, 1, 1),
        by=root,
    )
    conferences_made = []
    for c in range(communes):
        commune = units.unit_create(
            code=f"BENCH-DOC-{stamp}-{c}",
            name=f"Phường Đo Thử {c + 1}",
            kind=UnitKind.PHUONG,
            parent=province,
            by=root,
        )
        for i, indicator in enumerate(indicators):
            targets.plan_set(
                unit=commune, indicator=indicator, year=2025, value=Decimal(100 + i), by=root
            )
            targets.plan_set(
                unit=commune, indicator=indicator, year=2026, value=Decimal(110 + i), by=root
            )
            targets.result_save(
                unit=commune,
                indicator=indicator,
                year=2025,
                period="year",
                by=root,
                expected_version=0,
                # Each commune its own figures, so its chart is drawn once (not cached).
                value=Decimal(95 + i * 1.5 + c * 0.3).quantize(Decimal("0.1")),
                qualifier="tren" if i % 5 == 0 else "",
            )
        conference = conferences.conference_create(
            unit=commune,
            by=root,
            year=2025,
            date=datetime.date(2026, 1, 9),
            venue="Hội trường",
            directions="Hoàn thành các chỉ tiêu\nGiữ vững an ninh",
        )
        conferences.guest_add(conference=conference, person=person, by=root)
        # What a report needs to be signed: the Chủ tịch and the Bí thư on the date, a number
        # from each body's book.
        for title in ("Chủ tịch UBND phường", "Bí thư Đảng ủy phường"):
            leader = units.person_create(full_name=f"{title} {c + 1}", unit=commune, by=root)
            units.position_create(
                person=leader,
                unit=commune,
                title=title,
                start_date=datetime.date(2021, 1, 1),
                by=root,
            )
        for layout in ("state", "party"):
            conferences.report_number_take(conference=conference, layout=layout, by=root)
        conferences_made.append(conference)
    return root, province, conferences_made, Indicator.objects.filter(owner=province)


def _full_article_world():
    """One commune with 80 indicators, a typed guest and a speech, two awards by count handed
    out at the conference, one received from above, and three photos."""
    import io

    from PIL import Image

    from tongket.conferences import services as conferences
    from tongket.emulation import services as emulation

    def png_bytes() -> bytes:
        buffer = io.BytesIO()
        Image.new("RGB", (640, 360), "navy").save(buffer, format="PNG")
        return buffer.getvalue()

    root, province, made, _ = _world(1, indicator_count=80)
    conference = made[0]
    guest = conferences.guest_add_named(
        conference=conference, name="Vũ Văn An", title="Phó Chủ tịch HĐND thành phố", by=root
    )
    conferences.speech_add(
        conference=conference, guest=guest, content="đề nghị tập trung thu ngân sách", by=root
    )
    for body, collectives, individuals in (("joint", 14, 97), ("party_committee", 5, 14)):
        conferences.award_record_add(
            conference=conference,
            by=root,
            number=f"{collectives}/QĐ",
            signed_on=datetime.date(2026, 1, 8),
            body=body,
            form_name="giấy khen",
            collectives=collectives,
            individuals=individuals,
        )
    emulation.record_create(
        commune=conference.unit,
        by=root,
        year=2025,
        number="3120/QĐ-UBND",
        signed_on=datetime.date(2025, 12, 20),
        body="province_people_committee",
        form_name="bằng khen",
        commune_itself=True,
    )
    for caption in ("Toàn cảnh hội nghị", "Phát biểu chỉ đạo", "Trao giấy khen"):
        conferences.photo_add(conference=conference, data=png_bytes(), caption=caption, by=root)
    return province, conference


def _cleanup(province) -> None:
    """Remove the bench province and everything under it (bench data only)."""
    from tongket.conferences.models import Conference, Photo
    from tongket.documents.models import GeneratedFile, Job
    from tongket.emulation.models import AwardRecord
    from tongket.targets.models import Indicator, IndicatorVersion, Plan, Result
    from tongket.units.models import AuditEntry, IssuedNumber, Person, Position, Unit

    units = Unit.objects.filter(path__startswith=province.path)
    for item in GeneratedFile.objects.filter(unit__in=units):
        item.file.delete(save=False)
    GeneratedFile.objects.filter(unit__in=units).delete()
    Job.objects.filter(unit__in=units).delete()
    for photo in Photo.objects.filter(conference__unit__in=units):
        photo.image.delete(save=False)
    Conference.objects.filter(unit__in=units).delete()
    AwardRecord.objects.filter(commune__in=units).delete()
    IssuedNumber.objects.filter(unit__in=units).delete()
    Result.objects.filter(unit__in=units).delete()
    Plan.objects.filter(unit__in=units).delete()
    IndicatorVersion.objects.filter(indicator__owner=province).delete()
    Indicator.objects.filter(owner=province).delete()
    Position.objects.filter(unit__in=units).delete()
    Person.objects.filter(unit__in=units).delete()
    AuditEntry.objects.filter(unit__in=units).delete()
    for unit in units.order_by("-depth"):
        unit.delete()


def _chart_args(data) -> tuple:
    rows = [row for row in data.achievements if row.percent_of_plan is not None]
    bars = tuple((r.indicator_name, float(r.percent_of_plan), r.verdict) for r in rows)
    return bars, f"% kế hoạch năm {data.year}"


def run(options, stdout) -> None:
    from django.test.utils import override_settings

    from tongket.documents.office import converters

    with override_settings(
        PDF_CONVERTERS=bench_workers.CONVERTERS,
        PDF_CONVERTER_DIR=Path(settings.VAR_DIR) / "bench-pdf-converters",
    ):
        try:
            _run(options, stdout)
        finally:
            converters.stop_all()


def _run(options, stdout) -> None:
    from tongket.conferences.selectors import conference_queryset
    from tongket.documents import article as writer
    from tongket.documents.data import report_data
    from tongket.documents.report import chart, report_docx

    communes = COMMUNES[options.get("scale", "small")]
    repeat = max(3, min(options.get("repeat", 30), 20))
    root, province, conferences, _ = _world(communes)
    try:
        conference = conference_queryset().get(pk=conferences[0].pk)
        report_docx(report_data(conference))  # warm up: imports, fonts, the chart drawn
        bench_workers.emit(
            stdout,
            "documents.report_docx",
            lambda _: report_docx(report_data(conference_queryset().get(pk=conference.pk))),
            repeat=max(repeat, 20),
            n=30,
            target_p95_ms=250,
        )
        data = report_data(conference)
        uncached = bench_workers.emit(
            stdout,
            "documents.report_chart_uncached",
            lambda _: chart.render(*_chart_args(data)),
            repeat=repeat,
            n=30,
        )
        bench_workers.emit(
            stdout,
            "documents.report_chart_cached",
            lambda _: chart.chart_png(data),
            repeat=repeat,
            n=30,
            uncached_p50_ms=uncached["p50_ms"],
        )
        bench_workers.pdf_lines(report_docx(data), stdout, repeat)
        measure(
            "documents.article",
            lambda _: writer.compose(report_data(conference_queryset().get(pk=conference.pk))),
            repeat=repeat,
            stdout=stdout,
            n=30,
        )
        full_province, full = _full_article_world()
        reset_queries()  # building the data filled the query log; count this call's own
        try:
            measure(
                "documents.article_80_indicators",
                lambda _: writer.compose(report_data(conference_queryset().get(pk=full.pk))),
                repeat=max(repeat, 20),
                stdout=stdout,
                n=80,
                warmup=2,
            )
        finally:
            _cleanup(full_province)
        bench_workers.province_lines(root, province, communes, stdout)
    finally:
        _cleanup(province)
