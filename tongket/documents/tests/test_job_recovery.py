"""A job whose process is killed mid-job: its heartbeat goes stale, the job is marked failed
with a Vietnamese message, and "Chạy lại" does only the steps not yet done. Killed for real:
a process running the job on its thread pool (as a web process does without a broker), and
a real Celery worker on Redis (skipped when Redis does not answer)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse

from tongket.conferences.tests.builders import make_conference
from tongket.documents import services, tasks
from tongket.documents.choices import FileKind, JobKind, JobState
from tongket.documents.models import Article, GeneratedFile, Job

from .builders import ready
from .test_jobs import REDIS_URL, _redis_answers, wait_for

ROOT = Path(__file__).resolve().parents[3]


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def _two_communes(world):
    ready(world, make_conference(world, directions="Hoàn thành chỉ tiêu"))
    conference_b = make_conference(
        world, unit=world.b, by=world.officer_b, venue="Nhà văn hóa", directions="Giữ vững"
    )
    ready(world, conference_b, unit=world.b, by=world.officer_b)
    return Job.objects.create(
        unit=world.province,
        kind=JobKind.PROVINCE_DOCUMENTS,
        year=2025,
        created_by=world.root,
        backend=tasks.backend(),
    )


def _start(mode: str, tmp_path: Path, *args: str, broker: str = "") -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "TONGKET_TESTING": "true",
        "CELERY_BROKER_URL": broker,
        "JOB_HEARTBEAT_SECONDS": "1",
        "JOB_TEST_MEDIA": str(django_settings.MEDIA_ROOT),
        "JOB_TEST_MARKER": str(tmp_path / "marker"),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "tongket.documents.tests.job_process", mode, *args],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _kill_in_second_step(process: subprocess.Popen, job: Job, tmp_path: Path, settings) -> Job:
    """Wait until the process hangs in the job's second step, check that its heartbeat keeps
    the job alive meanwhile, then kill it (SIGKILL: no clean-up runs)."""
    marker = tmp_path / "marker"
    deadline = time.monotonic() + 120
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            pytest.fail(process.communicate()[0].decode(errors="replace")[-3000:])
        time.sleep(0.2)
    settings.JOB_STALE_SECONDS = 3
    job.refresh_from_db()
    beat = job.heartbeat_at
    time.sleep(2.5)
    job = services.job_fail_if_stale(Job.objects.get(pk=job.pk))
    assert job.state == JobState.RUNNING and job.heartbeat_at > beat  # alive: it beats
    assert (job.done, job.total) == (1, 2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)
    process.stdout.close()
    time.sleep(4)  # longer than JOB_STALE_SECONDS without a beat
    return job


def _check_failed_then_resume(world, login, job: Job) -> Job:
    client = login(world.root)
    page = client.get(reverse("documents:job", args=[job.pk]))  # looking marks it failed
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert "Việc dừng giữa chừng" in job.errors[-1] and "Đã xong 1/2 bước" in job.errors[-1]
    text = page.content.decode()
    assert 'id="job-resume"' in text and "Chạy lại" in text and "còn 1 bước chưa xong" in text
    first = set(GeneratedFile.objects.filter(job=job).values_list("pk", "conference"))
    assert {conference for _, conference in first} == {int(next(iter(job.steps_done)))}
    response = client.post(reverse("documents:job_resume", args=[job.pk]))
    assert response.status_code == 302
    return first


def _check_resumed(job: Job, first: set) -> None:
    job = wait_for(Job.objects.get(pk=job.pk), 120)
    assert (job.state, job.done, job.total, job.errors, job.attempt) == (
        JobState.DONE,
        2,
        2,
        [],
        2,
    )
    files = set(GeneratedFile.objects.filter(job=job).values_list("pk", "conference"))
    assert first < files  # the first step's files kept, not made again
    assert len({conference for _, conference in files}) == 2
    assert GeneratedFile.objects.filter(job=job, kind=FileKind.REPORT_DOCX).count() == 4
    assert Article.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_process_killed_mid_job_on_the_thread_pool(world, indicators, login, settings, tmp_path):
    settings.CELERY_BROKER_URL = ""
    job = _two_communes(world)
    process = _start("thread", tmp_path, str(job.pk))
    job = _kill_in_second_step(process, job, tmp_path, settings)
    first = _check_failed_then_resume(world, login, job)
    _check_resumed(job, first)


@pytest.mark.django_db(transaction=True)
def test_a_celery_worker_killed_mid_job(world, indicators, login, settings, tmp_path):
    if not _redis_answers():
        pytest.skip(f"Redis không trả lời ở {REDIS_URL}: bỏ qua phép thử Celery thật.")
    import redis
    from celery.contrib.testing.worker import start_worker

    from tongket.celery import app

    redis.Redis.from_url(REDIS_URL).flushdb()
    settings.CELERY_BROKER_URL = REDIS_URL
    app.conf.broker_url = REDIS_URL
    app.conf.result_backend = None
    job = _two_communes(world)
    assert job.backend == "celery"
    process = _start("celery", tmp_path, broker=REDIS_URL)
    tasks.dispatch(job.pk)
    job = _kill_in_second_step(process, job, tmp_path, settings)
    first = _check_failed_then_resume(world, login, job)
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        _check_resumed(job, first)


@pytest.mark.django_db(transaction=True)
def test_cancel_stops_a_job_and_resume_finishes_it(world, indicators, login, settings):
    settings.CELERY_BROKER_URL = ""
    job = _two_communes(world)
    job, steps = services.job_begin(job.pk)
    services.job_step_run(job.pk, steps[0], job.attempt)
    client = login(world.root)
    page = client.get(reverse("documents:job", args=[job.pk])).content.decode()
    assert 'id="job-cancel"' in page and 'id="job-resume"' not in page
    client.post(reverse("documents:job_cancel", args=[job.pk]))
    job.refresh_from_db()
    assert job.state == JobState.CANCELLED and "Đã hủy theo yêu cầu" in job.errors[-1]
    services.job_step_run(job.pk, steps[1], job.attempt)  # a step queued before: not done
    job.refresh_from_db()
    assert job.done == 1 and not GeneratedFile.objects.filter(conference=steps[1]).exists()
    first = set(GeneratedFile.objects.filter(job=job).values_list("pk", "conference"))
    client.post(reverse("documents:job_resume", args=[job.pk]))
    _check_resumed(job, first)
    services.job_step_run(job.pk, steps[1], 1)  # the first run's message, redelivered late
    assert GeneratedFile.objects.filter(job=job).count() == 4


def test_a_job_of_another_commune_cannot_be_resumed_or_cancelled(world, login, db):
    job = Job.objects.create(
        unit=world.a, kind=JobKind.REPORT_PDF, state=JobState.FAILED, total=1, steps=[1]
    )
    client = login(world.officer_b)
    assert client.post(reverse("documents:job_resume", args=[job.pk])).status_code == 404
    assert client.post(reverse("documents:job_cancel", args=[job.pk])).status_code == 404
    job.refresh_from_db()
    assert (job.state, job.attempt) == (JobState.FAILED, 1)


def test_a_finished_job_is_not_cancelled_and_a_complete_one_not_resumed(world, db):
    job = Job.objects.create(
        unit=world.a,
        kind=JobKind.REPORT_PDF,
        state=JobState.DONE,
        total=1,
        steps=[1],
        steps_done={"1": ""},
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="đã kết thúc"):
        services.job_cancel(job=job, by=world.officer_a)
    job.state = JobState.FAILED
    job.save()
    with pytest.raises(ValidationError, match="không còn gì để chạy lại"):
        services.job_resume(job=job, by=world.officer_a)


def test_a_stale_job_is_failed_when_looked_at_and_a_beating_one_is_not(world, login, db, settings):
    import datetime

    from django.utils import timezone

    settings.JOB_STALE_SECONDS = 60
    old = timezone.now() - datetime.timedelta(minutes=5)
    common = {"unit": world.a, "kind": JobKind.REPORT_PDF, "state": JobState.RUNNING, "total": 2}
    stale = Job.objects.create(
        **common, steps=[1, 2], steps_done={"1": ""}, done=1, started_at=old, heartbeat_at=old
    )
    beating = Job.objects.create(
        **common, steps=[1, 2], started_at=old, heartbeat_at=timezone.now()
    )
    client = login(world.officer_a)
    body = client.get(f"/api/v1/documents/jobs/{stale.pk}").json()
    assert body["state"] == "failed" and "Việc dừng giữa chừng" in body["errors"][-1]
    progress = client.get(reverse("documents:job_progress", args=[beating.pk])).json()
    assert progress["state"] == "running" and not progress["finished"]
    listed = client.get(reverse("documents:jobs")).content.decode()
    assert "Có lỗi" in listed and "Đang chạy" in listed
