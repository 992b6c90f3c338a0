"""Background jobs: a province's reports and articles, and PDF conversion, run off the
request; progress lives in the Job row. The same step code runs on a thread pool (no
broker) and on a real Celery worker over Redis."""

from __future__ import annotations

import io
import time

import pytest
from django.urls import reverse
from docx import Document

from tongket.conferences.tests.builders import make_conference
from tongket.documents import services
from tongket.documents.choices import FileKind, JobKind, JobState
from tongket.documents.models import Article, GeneratedFile, Job

from .builders import ready

REDIS_URL = "redis://127.0.0.1:6379/11"


def wait_for(job: Job, seconds: float = 60) -> Job:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.finished:
            return job
        time.sleep(0.1)
    pytest.fail(f"job did not finish: {job.done}/{job.total} {job.state}")


def _province_job(world, **params):
    return services.job_start(
        kind=JobKind.PROVINCE_DOCUMENTS,
        unit=world.province,
        year=2025,
        params=params,
        by=world.root,
    )


@pytest.mark.django_db(transaction=True)
def test_province_job_makes_every_communes_report_and_article_in_threads(world, indicators):
    ready(world, make_conference(world, directions="Hoàn thành chỉ tiêu thu ngân sách"))
    make_conference(world, unit=world.b, by=world.officer_b, venue="Nhà văn hóa")
    job = wait_for(_province_job(world))
    assert (job.state, job.done, job.total) == (JobState.DONE, 2, 2)
    # Phường B's reports lack their numbers, signer and directions: named, not made.
    assert len(job.errors) == 1 and job.errors[0].startswith("Phường Đậu Liêu: Chưa tạo được")
    assert "chưa có số trong sổ văn bản" in job.errors[0]
    files = GeneratedFile.objects.filter(job=job, kind=FileKind.REPORT_DOCX)
    assert {f.unit for f in files} == {world.a}
    names = sorted(f.file.name.rsplit("/", 1)[-1] for f in files)
    assert names[0].endswith("-dang-uy.docx") and names[1].endswith("-ubnd.docx")
    doc = Document(io.BytesIO(files.get(unit=world.a, file__endswith="-ubnd.docx").file.read()))
    assert "PHƯỜNG\u00a0HÒA\u00a0BÌNH" in doc.tables[0].rows[0].cells[0].text
    assert Article.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_province_without_conferences_finishes_with_a_plain_message(world):
    job = wait_for(_province_job(world))
    assert job.state == JobState.DONE and job.total == 0
    assert "Chưa có hội nghị tổng kết năm 2025" in job.errors[0]


@pytest.mark.django_db(transaction=True)
def test_pdf_job_converts_the_report(world, indicators):
    conference = ready(world, make_conference(world, directions="Hoàn thành chỉ tiêu"))
    job = services.job_start(
        kind=JobKind.REPORT_PDF,
        unit=world.a,
        year=2025,
        params={"conference_id": conference.pk, "layout": "state"},
        by=world.officer_a,
    )
    job = wait_for(job)
    assert job.state == JobState.DONE, job.errors
    pdf = GeneratedFile.objects.get(job=job, kind=FileKind.REPORT_PDF)
    assert pdf.file.read().startswith(b"%PDF")


@pytest.mark.django_db(transaction=True)
def test_a_failing_step_is_reported_and_the_job_still_finishes(world, indicators, monkeypatch):
    make_conference(world)

    def broken(job, conference):
        raise RuntimeError("LibreOffice hỏng")

    monkeypatch.setattr(services.jobs, "conference_documents_make", broken)
    job = wait_for(_province_job(world))
    assert job.state == JobState.FAILED and job.done == 1
    assert job.errors == ["Phường Hòa Bình: LibreOffice hỏng"]


def test_officer_of_one_commune_cannot_start_a_province_job(world, db):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.job_start(
            kind=JobKind.PROVINCE_DOCUMENTS, unit=world.province, year=2025, by=world.officer_a
        )
    assert not Job.objects.exists()


def test_progress_is_visible_to_the_starter_and_hidden_from_others(world, login, db, client):
    job = Job.objects.create(unit=world.a, kind=JobKind.REPORT_PDF, total=4, done=1)
    progress = login(world.officer_a).get(reverse("documents:job_progress", args=[job.pk]))
    assert progress.json()["percent"] == 25
    client.logout()
    assert (
        login(world.officer_b).get(reverse("documents:job_progress", args=[job.pk])).status_code
        == 404
    )
    client.logout()
    page = login(world.officer_a).get(reverse("documents:job", args=[job.pk]))
    assert b'<progress id="job-bar"' in page.content


def _redis_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


@pytest.mark.django_db(transaction=True)
def test_the_same_job_runs_on_a_real_celery_worker(world, indicators, settings):
    if not _redis_answers():
        pytest.skip(f"Redis không trả lời ở {REDIS_URL}: bỏ qua phép thử Celery thật.")
    from celery.contrib.testing.worker import start_worker

    from tongket.celery import app

    settings.CELERY_BROKER_URL = REDIS_URL
    app.conf.broker_url = REDIS_URL
    app.conf.result_backend = None
    app.conf.task_always_eager = False
    ready(world, make_conference(world, directions="Hoàn thành chỉ tiêu"))
    conference_b = make_conference(
        world, unit=world.b, by=world.officer_b, venue="Nhà văn hóa", directions="Giữ vững"
    )
    ready(world, conference_b, unit=world.b, by=world.officer_b)
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        job = _province_job(world)
        assert job.backend == "celery"
        job = wait_for(job, 90)
    assert (job.state, job.done, job.total, job.errors) == (JobState.DONE, 2, 2, [])
    assert GeneratedFile.objects.filter(job=job, kind=FileKind.REPORT_DOCX).count() == 4
