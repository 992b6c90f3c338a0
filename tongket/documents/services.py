"""Every write of the documents module: articles, generated files, imports, and the work of
background jobs (tasks.py only hands their steps to a runner)."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.conferences.models import Conference
from tongket.conferences.selectors import conference_queryset
from tongket.lib.xlsx import Column, read_xlsx
from tongket.targets import services as targets_services
from tongket.targets.models import Indicator, Result
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from . import article as article_writer
from . import office, selectors
from .choices import ArticleState, FileKind, JobKind, JobState
from .data import report_data
from .issuing import NotReady
from .models import Article, GeneratedFile, Job
from .report import report_docx, report_filename

logger = logging.getLogger(__name__)

# Articles ---------------------------------------------------------------------------------


@transaction.atomic
def article_generate(*, conference: Conference, by: User) -> Article:
    """Write (or rewrite) the conference's article from the data. A published article is
    not overwritten: it must be taken down first."""
    access.require(by, Action.EDIT, conference.unit)
    draft = article_writer.compose(report_data(conference), author=by.display_name)
    existing = Article.objects.select_for_update().filter(conference=conference).first()
    now = timezone.now()
    if existing is None:
        return audit.create(
            Article(
                unit=conference.unit,
                conference=conference,
                headline=draft.headline,
                body=draft.body,
                byline=draft.byline,
                left_out=draft.left_out,
                generated_at=now,
            ),
            by=by,
            verb="generate",
        )
    if existing.is_published:
        raise ValidationError(
            _("Tin bài đã đăng nên không viết lại từ số liệu được; hãy gỡ tin xuống trước.")
        )
    before = audit.snapshot(existing)
    existing.headline, existing.body, existing.byline = draft.headline, draft.body, draft.byline
    existing.left_out = draft.left_out
    existing.generated_at = now
    return audit.update(existing, before, by=by, verb="generate", note=_("Viết lại từ số liệu."))


@transaction.atomic
def article_update(
    *,
    article: Article,
    by: User,
    headline: str | None = None,
    body: str | None = None,
    byline: str | None = None,
) -> Article:
    """Save an edit; a part not given (None) keeps what the article holds. Editing a
    published article needs the publishing right to keep it on the portal; anyone else's
    edit takes it back to draft until a leader publishes again. Audited either way."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    access.require(by, Action.EDIT, article.unit)
    headline, body, byline = (
        (article_text if given is None else given).strip()
        for given, article_text in (
            (headline, article.headline),
            (body, article.body),
            (byline, article.byline),
        )
    )
    errors = {}
    if not headline:
        errors["headline"] = _("Tiêu đề tin bài không được để trống.")
    if not body:
        errors["body"] = _("Nội dung tin bài không được để trống.")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(article)
    changed = (headline, body, byline) != (article.headline, article.body, article.byline)
    article.headline, article.body, article.byline = headline, body, byline
    article.edited_at = timezone.now()
    if article.is_published and changed and not access.can(by, Action.APPROVE, article.unit):
        # The portal never shows an edit nobody with the publishing right has seen: the
        # article goes back to draft until a leader publishes it again.
        article.state, article.published_at, article.published_by = ArticleState.DRAFT, None, None
        return audit.update(
            article,
            before,
            by=by,
            verb="unpublish_on_edit",
            note=_("Tin đã đăng được sửa nên trở lại bản nháp, chờ lãnh đạo đăng lại."),
        )
    note = _("Sửa tin bài đang đăng.") if article.is_published and changed else ""
    return audit.update(article, before, by=by, note=note)


@transaction.atomic
def article_publish(*, article: Article, by: User) -> Article:
    """Publish on the commune's public portal page; a leader (approve right) decides."""
    access.require(by, Action.APPROVE, article.unit)
    if article.is_published:
        raise ValidationError(_("Tin bài đã được đăng."))
    if not article.body.strip() or not article.headline.strip():
        raise ValidationError(_("Tin bài chưa có tiêu đề hoặc nội dung nên chưa đăng được."))
    return audit.transition(
        article,
        "state",
        ArticleState.PUBLISHED,
        by=by,
        published_at=timezone.now(),
        published_by=by,
    )


@transaction.atomic
def article_unpublish(*, article: Article, by: User) -> Article:
    access.require(by, Action.APPROVE, article.unit)
    if not article.is_published:
        raise ValidationError(_("Tin bài chưa đăng."))
    return audit.transition(
        article, "state", ArticleState.DRAFT, by=by, published_at=None, published_by=None
    )


# Generated files --------------------------------------------------------------------------


@transaction.atomic
def generated_file_save(
    *, conference: Conference, kind: str, filename: str, data: bytes, by: User | None, job=None
) -> GeneratedFile:
    """Keep a generated file. `by` is None only for background jobs, whose starter was
    checked when the job was started."""
    if by is not None:
        access.require(by, Action.VIEW, conference.unit)
    generated = GeneratedFile(
        unit=conference.unit, conference=conference, kind=kind, size=len(data), job=job
    )
    generated.file.save(filename, ContentFile(data), save=False)
    return audit.create(generated, by=by, clean=False)


# Results from the office's spreadsheet ----------------------------------------------------

RESULT_COLUMNS = [
    Column("indicator_code", "Mã chỉ tiêu"),
    Column("value", "Thực hiện", kind="number", required=False),
    Column("numerator", "Tử số", kind="number", required=False),
    Column("denominator", "Mẫu số", kind="number", required=False),
    Column("estimate", "Ước thực hiện", required=False, max_length=10),
    Column("note", "Ghi chú", required=False, max_length=500),
]
YES = {"x", "có", "co", "1", "true", "ước", "uoc"}


def _import_problem(row: dict, indicators: dict[str, Indicator], seen: dict) -> str | None:
    """Why a spreadsheet row cannot be saved (unknown code, code already seen, no figure),
    or None. Records the row's code in `seen`."""
    line = row["_row"]
    code = row["indicator_code"].strip().upper()
    if code not in indicators:
        return _("Dòng %(row)s, cột A (Mã chỉ tiêu): không có chỉ tiêu mã “%(code)s”.") % {
            "row": line,
            "code": row["indicator_code"],
        }
    if code in seen:
        return _("Dòng %(row)s: chỉ tiêu %(code)s đã có ở dòng %(first)s.") % {
            "row": line,
            "code": code,
            "first": seen[code],
        }
    seen[code] = line
    if row["value"] is None and row["numerator"] is None:
        return _("Dòng %(row)s: chưa điền số thực hiện (hoặc tử số, mẫu số).") % {"row": line}
    return None


def _import_save(row: dict, indicator: Indicator, expected_version: int, **cell) -> list[str]:
    """Save one spreadsheet row through the targets module; the refusals, each naming its row."""
    try:
        with transaction.atomic():
            targets_services.result_save(
                indicator=indicator,
                expected_version=expected_version,
                value=row["value"] if row["numerator"] is None else None,
                numerator=row["numerator"],
                denominator=row["denominator"],
                is_estimate=(row["estimate"] or "").strip().lower() in YES,
                note=row["note"] or "",
                **cell,
            )
    except ValidationError as exc:
        return [
            _("Dòng %(row)s: %(message)s") % {"row": row["_row"], "message": message}
            for message in exc.messages
        ]
    return []


@transaction.atomic
def results_import_xlsx(*, unit: Unit, year: int, period: str, data: bytes, by: User) -> int:
    """Import a commune's results for a year from the office's .xlsx (columns: Mã chỉ tiêu,
    Thực hiện, Tử số, Mẫu số, Ước thực hiện, Ghi chú). Each row is saved through the targets
    module's result_save; any row refused means nothing is saved and every message names its
    row. Returns the number of results saved."""
    access.require(by, Action.ENTER, unit)
    table = read_xlsx(data, RESULT_COLUMNS)
    errors = [str(error) for error in table.errors]
    codes = {row["indicator_code"].strip().upper() for row in table.rows}
    indicators = {i.code.upper(): i for i in Indicator.objects.filter(code__in=codes)}
    versions = {
        result.indicator_id: result.version
        for result in Result.objects.filter(
            unit=unit, year=year, period=period, indicator__in=indicators.values()
        )
    }
    seen: dict[str, int] = {}
    saved = 0
    for row in table.rows:
        problem = _import_problem(row, indicators, seen)
        if problem:
            errors.append(problem)
            continue
        indicator = indicators[row["indicator_code"].strip().upper()]
        refused = _import_save(
            row,
            indicator,
            versions.get(indicator.pk, 0),
            unit=unit,
            year=year,
            period=period,
            by=by,
        )
        errors.extend(refused)
        saved += not refused
    if errors:
        raise ValidationError(errors)
    if not saved:
        raise ValidationError(_("Tệp không có dòng số liệu nào."))
    return saved


# Background jobs --------------------------------------------------------------------------


@transaction.atomic
def job_start(
    *, kind: str, unit: Unit, by: User, year: int | None = None, params: dict | None = None
) -> Job:
    """Record a job and hand it to the runner once the transaction commits, so a worker
    never looks for a row that is not saved yet."""
    from . import tasks

    if kind == JobKind.PROVINCE_DOCUMENTS:
        access.require(by, Action.EDIT, unit)
        if year is None:
            raise ValidationError({"year": _("Chưa chọn năm.")})
    elif kind == JobKind.REPORT_PDF:
        access.require(by, Action.VIEW, unit)
        if not (params or {}).get("conference_id"):
            raise ValidationError(_("Chưa chọn hội nghị."))
    else:
        raise ValidationError(_("Loại việc không hợp lệ."))
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
    """Count a job's steps (one conference each) and mark it running; a job with nothing to
    do is finished at once with a plain message. Returns the job and its steps."""
    job = Job.objects.select_related("unit").get(pk=job_id)
    steps = selectors.job_conference_ids(job)
    Job.objects.filter(pk=job_id).update(
        total=len(steps), done=0, state=JobState.RUNNING, started_at=timezone.now()
    )
    if not steps:
        Job.objects.filter(pk=job_id).update(
            state=JobState.DONE,
            finished_at=timezone.now(),
            errors=[f"Chưa có hội nghị tổng kết năm {job.year} nào trong {job.unit.name}."],
        )
    return job, steps


def job_step_run(job_id: int, conference_id: int) -> None:
    """Make one conference's documents for a job and count the step done, whatever happens:
    a failure becomes a message in the job's errors, never a stuck progress bar."""
    errors: list[str] = []
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
    _job_step_done(job_id, errors)


def _failure_message(exc: Exception) -> str:
    if isinstance(exc, NotReady):
        return exc.message
    messages = getattr(exc, "messages", None)
    return "; ".join(messages) if messages else str(exc) or exc.__class__.__name__


def conference_documents_make(job: Job, conference: Conference) -> None:
    """One step of a job: the conference's report in each layout asked for (DOCX, and PDF
    when asked), and for a province job its article unless one is already published. A
    report that lacks a required part is skipped and named (NotReady) after the rest is done."""
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


def _job_step_done(job_id: int, errors: list[str]) -> None:
    """Count a step done (the counter is updated in SQL, so parallel steps never lose one)
    and finish the job after its last step: failed when every step failed."""
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


__all__ = [
    "FileKind",
    "article_generate",
    "article_publish",
    "article_unpublish",
    "article_update",
    "conference_documents_make",
    "generated_file_save",
    "job_begin",
    "job_start",
    "job_step_run",
    "results_import_xlsx",
]
