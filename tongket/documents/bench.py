"""`manage.py bench --only documents`: time to write one report DOCX, one PDF, one article,
and a whole province's documents with 1 and with 2 workers. Builds its own data in a
throw-away province, and removes it afterwards."""

from __future__ import annotations

import datetime
import time

from django.db import transaction

from tongket.units.benchmark import measure

# "national": an average province since 1 July 2025 (3,321 communes / 34 provinces ≈ 98).
COMMUNES = {"small": 4, "national": 98}


def _world(communes: int):
    """A province with `communes` communes, 30 indicators each with plan and result, and a
    year-end conference per commune, built through the services."""
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
    for i in range(30):
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
                value=Decimal(95 + i * 1.5).quantize(Decimal("0.1")),
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


def _cleanup(province) -> None:
    """Remove the bench province and everything under it (bench data only)."""
    from tongket.conferences.models import Conference
    from tongket.documents.models import GeneratedFile, Job
    from tongket.targets.models import Indicator, IndicatorVersion, Plan, Result
    from tongket.units.models import AuditEntry, IssuedNumber, Person, Position, Unit

    units = Unit.objects.filter(path__startswith=province.path)
    for item in GeneratedFile.objects.filter(unit__in=units):
        item.file.delete(save=False)
    GeneratedFile.objects.filter(unit__in=units).delete()
    Job.objects.filter(unit__in=units).delete()
    Conference.objects.filter(unit__in=units).delete()
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


def _province_run(root, province, workers: int) -> None:
    from tongket.documents import services, tasks
    from tongket.documents.choices import JobKind
    from tongket.documents.models import Job

    with transaction.atomic():
        job = Job.objects.create(
            unit=province,
            kind=JobKind.PROVINCE_DOCUMENTS,
            year=2025,
            created_by=root,
            params={"pdf": True},
        )
    tasks.dispatch(job.pk, workers=workers)
    while True:
        job.refresh_from_db()
        if job.finished:
            break
        time.sleep(0.05)
    assert not job.errors, job.errors
    del services


def _chart_args(data) -> tuple:
    rows = [row for row in data.achievements if row.percent_of_plan is not None]
    bars = tuple((r.indicator_name, float(r.percent_of_plan), r.verdict) for r in rows)
    return bars, f"% kế hoạch năm {data.year}"


def run(options, stdout) -> None:
    from tongket.conferences.selectors import conference_queryset
    from tongket.documents import office
    from tongket.documents.article import compose
    from tongket.documents.data import report_data
    from tongket.documents.report import chart, report_docx

    communes = COMMUNES[options.get("scale", "small")]
    repeat = max(3, min(options.get("repeat", 30), 20))
    root, province, conferences, _ = _world(communes)
    try:
        conference = conference_queryset().get(pk=conferences[0].pk)
        report_docx(report_data(conference))  # warm up: imports, fonts
        measure(
            "documents.report_docx",
            lambda _: report_docx(report_data(conference_queryset().get(pk=conference.pk))),
            repeat=repeat,
            stdout=stdout,
            n=30,
        )
        data = report_data(conference)
        measure(
            "documents.report_chart_uncached",
            lambda _: chart.draw.__wrapped__(*_chart_args(data)),
            repeat=repeat,
            stdout=stdout,
            n=30,
        )
        docx = report_docx(data)
        measure(
            "documents.report_pdf",
            lambda _: office.docx_to_pdf(docx),
            repeat=3,
            stdout=stdout,
            n=1,
        )
        measure(
            "documents.article",
            lambda _: compose(report_data(conference_queryset().get(pk=conference.pk))),
            repeat=repeat,
            stdout=stdout,
            n=30,
        )
        for workers in (1, 2):
            measure(
                f"documents.province_docx_pdf_article_{workers}_workers",
                lambda _, w=workers: _province_run(root, province, w),
                repeat=1,
                stdout=stdout,
                n=communes,
            )
    finally:
        _cleanup(province)
