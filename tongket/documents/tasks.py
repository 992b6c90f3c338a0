"""Task wrappers for background jobs (a province's reports and articles, PDF conversion).

A job is split into steps (one conference each) and every step runs the same service,
`services.job_step_run`, either on Celery workers (when CELERY_BROKER_URL is set) or on an
in-process thread pool, so a request returns at once and the page polls the Job row for
progress. Progress lives in the database, so any web process can show it. The work itself
is in services.py; this module only chooses the runner and hands it the steps.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from celery import shared_task
from django.conf import settings
from django.db import close_old_connections, connection

from . import services

DEFAULT_WORKERS = 2


def backend() -> str:
    return "celery" if settings.CELERY_BROKER_URL else "thread"


def dispatch(job_id: int, workers: int | None = None) -> None:
    """Mark the job running and hand each of its steps to the runner."""
    job, steps = services.job_begin(job_id)
    if steps:
        run_steps(job, steps, workers)


def run_steps(job, steps: list[int], workers: int | None = None) -> None:
    """Hand steps of a job (its current attempt) to Celery workers, or to a thread pool of
    this process that ends when they are done."""
    if backend() == "celery":
        for conference_id in steps:
            run_step_task.delay(job.pk, conference_id, job.attempt)
        return
    count = (
        workers
        or job.params.get("workers")
        or getattr(settings, "TONGKET_JOB_WORKERS", DEFAULT_WORKERS)
    )
    executor = ThreadPoolExecutor(max_workers=int(count), thread_name_prefix=f"job{job.pk}")
    for conference_id in steps:
        executor.submit(_threaded_step, job.pk, conference_id, job.attempt)
    executor.shutdown(wait=False)


def _threaded_step(job_id: int, conference_id: int, attempt: int) -> None:
    close_old_connections()
    try:
        services.job_step_run(job_id, conference_id, attempt)
    finally:
        if threading.current_thread() is not threading.main_thread():
            connection.close()


@shared_task(name="documents.run_step", acks_late=True)
def run_step_task(job_id: int, conference_id: int, attempt: int | None = None) -> None:
    services.job_step_run(job_id, conference_id, attempt)
