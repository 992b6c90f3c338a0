"""A process for test_job_recovery to kill mid-job: `python -m ... thread JOB_ID` works on a
job the way a web process does (its steps on the in-process thread pool), `... celery` is a
real Celery worker. Either does the job's first step for real, then hangs in the second one
(after writing the conference's id to $JOB_TEST_MARKER), beating the job's heartbeat until it
is killed. Settings come from the environment (DATABASE_URL of the test database,
CELERY_BROKER_URL, JOB_HEARTBEAT_SECONDS); generated files go to $JOB_TEST_MEDIA."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tongket.settings")
django.setup()

from django.conf import settings  # noqa: E402

from tongket.documents import tasks  # noqa: E402
from tongket.documents.services import jobs  # noqa: E402

settings.MEDIA_ROOT = os.environ["JOB_TEST_MEDIA"]
_real = jobs.conference_documents_make
_made: list[int] = []


def _first_then_hang(job, conference) -> None:
    if _made:
        Path(os.environ["JOB_TEST_MARKER"]).write_text(str(conference.pk))
        time.sleep(600)
    _real(job, conference)
    _made.append(conference.pk)


jobs.conference_documents_make = _first_then_hang

if __name__ == "__main__":
    if sys.argv[1] == "thread":
        tasks.dispatch(int(sys.argv[2]), workers=1)
        time.sleep(600)
    else:
        from tongket.celery import app

        app.conf.broker_url = os.environ["CELERY_BROKER_URL"]
        app.worker_main(
            [
                "worker",
                "--pool=solo",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ]
        )
