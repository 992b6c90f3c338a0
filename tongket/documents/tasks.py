"""Background work: a province's reports and articles, PDF conversion.

One job is split into steps (one conference each). Every step runs the same function,
`run_step`, either on Celery workers (when CELERY_BROKER_URL is set) or on an in-process
thread pool, so a request returns at once and the page polls the Job row for progress.
Progress lives in the database, so any web process can show it.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from celery import shared_task
from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models import F
from django.utils import timezone

from tongket.conferences.choices import ConferenceKind
from tongket.conferences.models import Conference
from tongket.conferences.selectors import conference_queryset

from .choices import ArticleState, FileKind, JobKind, JobState
from .models import Article, Job

logger = logging.getLogger(__name__)

DEFAULT_WORKERS = 2


def backend() -> str:
    return "celery" if settings.CELERY_BROKER_URL else "thread"


def job_conferences(job: Job) -> list[int]:
    """The conferences a job works on (one query)."""
    if job.kind == JobKind.REPORT_PDF:
        return [int(job.params["conference_id"])]
    latest: dict[int, int] = {}
    conferences = (
        Conference.objects.filter(
            unit__path__startswith=job.unit.path,
            year=job.year,
            kind__in=[ConferenceKind.YEAR_REVIEW, ConferenceKind.HALF_YEAR_REVIEW],
        )
        .order_by("unit__path", "date", "id")
        .values_list("pk", "unit_id")
    )
    for pk, unit_id in conferences:
        latest[unit_id] = pk  # the last conference of each commune that year
    return list(latest.values())


def dispatch(job_id: int, workers: int | None = None) -> None:
    """Count the steps, mark the job running and hand each step to the runner."""
    job = Job.objects.select_related("unit").get(pk=job_id)
    steps = job_conferences(job)
    Job.objects.filter(pk=job_id).update(
        total=len(steps), done=0, state=JobState.RUNNING, started_at=timezone.now()
    )
    if not steps:
        Job.objects.filter(pk=job_id).update(
            state=JobState.DONE,
            finished_at=timezone.now(),
            errors=[f"Chưa có hội nghị tổng kết năm {job.year} nào trong {job.unit.name}."],
        )
        return
    if backend() == "celery":
        for conference_id in steps:
            run_step_task.delay(job_id, conference_id)
        return
    count = (
        workers
        or job.params.get("workers")
        or getattr(settings, "TONGKET_JOB_WORKERS", DEFAULT_WORKERS)
    )
    executor = ThreadPoolExecutor(max_workers=int(count), thread_name_prefix=f"job{job_id}")
    for conference_id in steps:
        executor.submit(_threaded_step, job_id, conference_id)
    executor.shutdown(wait=False)


def _threaded_step(job_id: int, conference_id: int) -> None:
    close_old_connections()
    try:
        run_step(job_id, conference_id)
    finally:
        if threading.current_thread() is not threading.main_thread():
            connection.close()


@shared_task(name="documents.run_step", acks_late=True)
def run_step_task(job_id: int, conference_id: int) -> None:
    run_step(job_id, conference_id)


def run_step(job_id: int, conference_id: int) -> None:
    """Make one conference's documents for a job and count the step done, whatever happens:
    a failure becomes a message in the job's errors, never a stuck progress bar."""
    errors: list[str] = []
    try:
        job = Job.objects.select_related("created_by").get(pk=job_id)
        conference = conference_queryset().get(pk=conference_id)
        try:
            make_documents(job, conference)
        except Exception as exc:  # reported on the job page, the other steps go on
            logger.exception("job %s step %s failed", job_id, conference_id)
            errors.append(f"{conference.unit.name}: {_message(exc)}")
    except (Job.DoesNotExist, Conference.DoesNotExist):
        errors.append(f"Không tìm thấy hội nghị số {conference_id}.")
    _advance(job_id, errors)


def _message(exc: Exception) -> str:
    messages = getattr(exc, "messages", None)
    return "; ".join(messages) if messages else str(exc) or exc.__class__.__name__


def make_documents(job: Job, conference: Conference) -> None:
    from . import office, services
    from .data import report_data
    from .report import report_docx, report_filename

    data = report_data(conference)
    docx = report_docx(data)
    services.generated_file_save(
        conference=conference,
        kind=FileKind.REPORT_DOCX,
        filename=report_filename(data, "docx"),
        data=docx,
        by=None,
        job=job,
    )
    if job.kind == JobKind.REPORT_PDF or job.params.get("pdf"):
        services.generated_file_save(
            conference=conference,
            kind=FileKind.REPORT_PDF,
            filename=report_filename(data, "pdf"),
            data=office.docx_to_pdf(docx),
            by=None,
            job=job,
        )
    if job.kind == JobKind.PROVINCE_DOCUMENTS:
        published = Article.objects.filter(
            conference=conference, state=ArticleState.PUBLISHED
        ).exists()
        if not published:
            services.article_generate(conference=conference, by=job.created_by)


def _advance(job_id: int, errors: list[str]) -> None:
    with transaction.atomic():
        Job.objects.filter(pk=job_id).update(done=F("done") + 1)
        job = Job.objects.select_for_update().get(pk=job_id)
        if errors:
            job.errors = [*job.errors, *errors]
        if job.done >= job.total and job.state == JobState.RUNNING:
            failed_all = len(job.errors) >= job.total and bool(job.errors)
            job.state = JobState.FAILED if failed_all else JobState.DONE
            job.finished_at = timezone.now()
        job.save(update_fields=["errors", "state", "finished_at"])
