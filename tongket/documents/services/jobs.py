"""Background jobs: a province's reports and articles, a report's PDF (tasks.py only hands
their steps to a runner: Celery workers or an in-process thread pool).

A job's steps (one conference each) are planned when it begins and each is recorded when
done, with its message if it failed, so a job whose process died is resumed from the steps
not yet done ("Chạy lại"). Every step can run twice without making anything twice: it first
removes the files an earlier run of the same step left. The process working on a step beats
the job's heartbeat; a running job whose heartbeat is older than settings.JOB_STALE_SECONDS
is marked failed with a message saying so. `attempt` grows with each run, so a step queued
by an earlier run (a Celery message redelivered after its worker died) does nothing."""

from __future__ import annotations

import contextlib
import datetime
import logging
import threading

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.conferences.models import Conference
from tongket.conferences.selectors import conference_queryset
from tongket.lib.dates import format_datetime
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from .. import office, selectors
from ..choices import FileKind, JobKind, JobState
from ..data import report_data
from ..issuing import NotReady
from ..models import GeneratedFile, Job
from ..report import report_docx, report_filename
from .articles import article_generate
from .files import generated_file_save

logger = logging.getLogger(__name__)

# Starting, resuming, cancelling -------------------------------------------------------------


def _require_right(by: User, kind: str, unit: Unit) -> None:
    if kind == JobKind.PROVINCE_DOCUMENTS:
        access.require(by, Action.EDIT, unit)
    elif kind == JobKind.REPORT_PDF:
        access.require(by, Action.VIEW, unit)
    else:
        raise ValidationError(_("Loại việc không hợp lệ."))


@transaction.atomic
def job_start(
    *, kind: str, unit: Unit, by: User, year: int | None = None, params: dict | None = None
) -> Job:
    """Record a job and hand it to the runner once the transaction commits, so a worker
    never looks for a row that is not saved yet."""
    from .. import tasks

    _require_right(by, kind, unit)
    if kind == JobKind.PROVINCE_DOCUMENTS and year is None:
        raise ValidationError({"year": _("Chưa chọn năm.")})
    if kind == JobKind.REPORT_PDF and not (params or {}).get("conference_id"):
        raise ValidationError(_("Chưa chọn hội nghị."))
    job = audit.create(
        Job(
            unit=unit,
            kind=kind,
            year=year,
            params=params or {},
            created_by=by,
            backend=tasks.backend(),
        ),
        by=by,
    )
    transaction.on_commit(lambda: tasks.dispatch(job.pk))
    return job


def job_begin(job_id: int) -> tuple[Job, list[int]]:
    """Plan a job's steps (one conference each) and mark it running; a job with nothing to
    do is finished at once with a plain message. Returns the job and its steps."""
    job = Job.objects.select_related("unit").get(pk=job_id)
    steps = selectors.job_conference_ids(job)
    now = timezone.now()
    Job.objects.filter(pk=job_id).update(
        total=len(steps),
        done=0,
        steps=steps,
        steps_done={},
        state=JobState.RUNNING,
        started_at=now,
        heartbeat_at=now,
    )
    if not steps:
        Job.objects.filter(pk=job_id).update(
            state=JobState.DONE,
            finished_at=now,
            errors=[f"Chưa có hội nghị tổng kết năm {job.year} nào trong {job.unit.name}."],
        )
    job.refresh_from_db()
    return job, steps


@transaction.atomic
def job_resume(*, job: Job, by: User) -> Job:
    """Run a failed or cancelled job again, from the steps not yet done ("Chạy lại")."""
    from .. import tasks

    job = Job.objects.select_for_update().select_related("unit").get(pk=job.pk)
    _require_right(by, job.kind, job.unit)
    if job.state not in (JobState.FAILED, JobState.CANCELLED):
        raise ValidationError(_("Chỉ chạy lại được việc đã dừng vì lỗi hoặc đã bị hủy."))
    remaining = job.remaining_steps
    if not remaining:
        raise ValidationError(_("Mọi bước của việc này đã xong, không còn gì để chạy lại."))
    before = audit.snapshot(job)
    job.state, job.attempt, job.finished_at = JobState.RUNNING, job.attempt + 1, None
    job.heartbeat_at = timezone.now()
    job.errors = [message for message in job.steps_done.values() if message]
    audit.update(
        job,
        before,
        by=by,
        verb="resume",
        clean=False,
        note=_("Chạy lại %(count)s bước chưa xong.") % {"count": len(remaining)},
    )
    transaction.on_commit(lambda: tasks.run_steps(job, remaining))
    return job


@transaction.atomic
def job_cancel(*, job: Job, by: User) -> Job:
    """Stop a job that has not finished ("Hủy"): no further step starts; a step already
    under way finishes and counts, so "Chạy lại" later does only the rest."""
    job = Job.objects.select_for_update().select_related("unit").get(pk=job.pk)
    _require_right(by, job.kind, job.unit)
    if job.finished:
        raise ValidationError(_("Việc đã kết thúc nên không hủy được."))
    before = audit.snapshot(job)
    job.state, job.finished_at = JobState.CANCELLED, timezone.now()
    job.errors = [*job.errors, _("Đã hủy theo yêu cầu của %(name)s.") % {"name": by.display_name}]
    return audit.update(job, before, by=by, verb="cancel", clean=False)


def job_fail_if_stale(job: Job) -> Job:
    """Mark a running job failed when no process has reported working on it for
    settings.JOB_STALE_SECONDS (its worker or web process was killed); returns the job as
    it is now."""
    limit = timezone.now() - datetime.timedelta(seconds=settings.JOB_STALE_SECONDS)
    last = job.heartbeat_at or job.started_at or job.created_at
    if job.state != JobState.RUNNING or last is None or last >= limit:
        return job
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        last = job.heartbeat_at or job.started_at or job.created_at
        if job.state != JobState.RUNNING or last >= limit:
            return job
        before = audit.snapshot(job)
        job.state, job.finished_at = JobState.FAILED, timezone.now()
        message = _(
            "Việc dừng giữa chừng: từ %(time)s không còn tiến trình nào chạy việc này (tiến "
            "trình chạy nền có thể đã bị tắt). Đã xong %(done)s/%(total)s bước; bấm “Chạy lại” "
            "để làm tiếp các bước còn lại."
        ) % {
            "time": format_datetime(timezone.localtime(last)),
            "done": len(job.steps_done),
            "total": job.total,
        }
        job.errors = [*job.errors, message]
        return audit.update(job, before, by=None, verb="stale", clean=False)


# One step -----------------------------------------------------------------------------------


@contextlib.contextmanager
def heartbeat(job_id: int):
    """Beat the job's heartbeat now and every settings.JOB_HEARTBEAT_SECONDS while the
    block runs (a thread with its own database connection)."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(settings.JOB_HEARTBEAT_SECONDS):
                Job.objects.filter(pk=job_id).update(heartbeat_at=timezone.now())
        except Exception:  # a missed beat only makes the job look stale sooner
            logger.exception("heartbeat of job %s", job_id)
        finally:
            connection.close()

    Job.objects.filter(pk=job_id).update(heartbeat_at=timezone.now())
    beating = threading.Thread(target=beat, name=f"job{job_id}-heartbeat", daemon=True)
    beating.start()
    try:
        yield
    finally:
        stop.set()
        beating.join()


def _step_wanted(job_id: int, conference_id: int, attempt: int | None) -> bool:
    row = Job.objects.filter(pk=job_id).values("state", "attempt", "steps_done").first()
    return bool(
        row
        and row["state"] == JobState.RUNNING
        and (attempt is None or attempt == row["attempt"])
        and str(conference_id) not in row["steps_done"]
    )


def job_step_run(job_id: int, conference_id: int, attempt: int | None = None) -> None:
    """Make one conference's documents for a job and record the step done, whatever
    happens: a failure becomes a message in the job's errors, never a stuck progress bar.
    A step of a job cancelled, finished, or run again since it was queued does nothing."""
    if not _step_wanted(job_id, conference_id, attempt):
        return
    errors: list[str] = []
    with heartbeat(job_id):
        try:
            job = Job.objects.select_related("created_by").get(pk=job_id)
            conference = conference_queryset().get(pk=conference_id)
            try:
                conference_documents_make(job, conference)
            except Exception as exc:  # reported on the job page, the other steps go on
                logger.exception("job %s step %s failed", job_id, conference_id)
                errors.append(f"{conference.unit.name}: {_failure_message(exc)}")
        except (Job.DoesNotExist, Conference.DoesNotExist):
            errors.append(f"Không tìm thấy hội nghị số {conference_id}.")
    _job_step_done(job_id, conference_id, attempt, errors)


def _failure_message(exc: Exception) -> str:
    if isinstance(exc, NotReady):
        return exc.message
    messages = getattr(exc, "messages", None)
    return "; ".join(messages) if messages else str(exc) or exc.__class__.__name__


def conference_documents_make(job: Job, conference: Conference) -> None:
    """One step of a job: the conference's report in each layout asked for (DOCX, and PDF
    when asked), and for a province job its article unless one is already published. A
    report that lacks a required part is skipped and named (NotReady) after the rest is done.
    Files an earlier run of this step made are removed first, so a step run twice leaves
    one set of files."""
    for earlier in GeneratedFile.objects.filter(job=job, conference=conference):
        earlier.file.delete(save=False)
        earlier.delete()
    not_ready: list = []
    for layout in _job_layouts(job, conference):
        try:
            _report_files(job, conference, layout)
        except NotReady as exc:
            not_ready.extend(exc.missing)
    if job.kind == JobKind.PROVINCE_DOCUMENTS and not selectors.has_published_article(conference):
        article_generate(conference=conference, by=job.created_by)
    if not_ready:
        raise NotReady("báo cáo", not_ready)


def _job_layouts(job: Job, conference: Conference) -> list[str]:
    """The layout asked for, else the organisers' bodies (both: the UBND's and the Đảng ủy's)."""
    if job.params.get("layout") in ("state", "party"):
        return [job.params["layout"]]
    return {"state": ["state"], "party": ["party"]}.get(conference.organisers, ["state", "party"])


def _report_files(job: Job, conference: Conference, layout: str) -> None:
    data = report_data(conference, layout)
    docx = report_docx(data)
    generated_file_save(
        conference=conference,
        kind=FileKind.REPORT_DOCX,
        filename=report_filename(data, "docx"),
        data=docx,
        by=None,
        job=job,
    )
    if job.kind == JobKind.REPORT_PDF or job.params.get("pdf"):
        generated_file_save(
            conference=conference,
            kind=FileKind.REPORT_PDF,
            filename=report_filename(data, "pdf"),
            data=office.docx_to_pdf(docx),
            by=None,
            job=job,
        )


def _job_step_done(job_id: int, conference_id: int, attempt: int | None, errors: list[str]):
    """Record a step done with its message (under the row's lock, so parallel steps never
    lose one) and finish the job after its last step: failed when every step failed."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        key = str(conference_id)
        if key in job.steps_done or (attempt is not None and attempt != job.attempt):
            return
        job.steps_done = {**job.steps_done, key: "; ".join(errors)}
        job.done = len(job.steps_done)
        job.errors = [*job.errors, *errors]
        if job.done >= job.total and job.state == JobState.RUNNING:
            failed_all = all(job.steps_done.values())
            job.state = JobState.FAILED if failed_all else JobState.DONE
            job.finished_at = timezone.now()
        job.save(update_fields=["steps_done", "done", "errors", "state", "finished_at"])
