"""Every write of the documents module: articles, generated files, imports, jobs."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.conferences.models import Conference
from tongket.lib.xlsx import Column, read_xlsx
from tongket.targets import services as targets_services
from tongket.targets.models import Indicator, Result
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from . import article as article_writer
from .choices import ArticleState, FileKind, JobKind, JobState
from .data import report_data
from .models import Article, GeneratedFile, Job

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
    existing.generated_at = now
    return audit.update(existing, before, by=by, verb="generate", note=_("Viết lại từ số liệu."))


@transaction.atomic
def article_update(*, article: Article, headline: str, body: str, byline: str, by: User) -> Article:
    access.require(by, Action.EDIT, article.unit)
    headline, body, byline = (headline or "").strip(), (body or "").strip(), (byline or "").strip()
    errors = {}
    if not headline:
        errors["headline"] = _("Tiêu đề tin bài không được để trống.")
    if not body:
        errors["body"] = _("Nội dung tin bài không được để trống.")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(article)
    article.headline, article.body, article.byline = headline, body, byline
    article.edited_at = timezone.now()
    return audit.update(article, before, by=by)


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
        line = row["_row"]
        code = row["indicator_code"].strip().upper()
        indicator = indicators.get(code)
        if indicator is None:
            errors.append(
                _("Dòng %(row)s, cột A (Mã chỉ tiêu): không có chỉ tiêu mã “%(code)s”.")
                % {"row": line, "code": row["indicator_code"]}
            )
            continue
        if code in seen:
            errors.append(
                _("Dòng %(row)s: chỉ tiêu %(code)s đã có ở dòng %(first)s.")
                % {"row": line, "code": code, "first": seen[code]}
            )
            continue
        seen[code] = line
        if row["value"] is None and row["numerator"] is None:
            errors.append(
                _("Dòng %(row)s: chưa điền số thực hiện (hoặc tử số, mẫu số).") % {"row": line}
            )
            continue
        try:
            with transaction.atomic():
                targets_services.result_save(
                    unit=unit,
                    indicator=indicator,
                    year=year,
                    period=period,
                    by=by,
                    expected_version=versions.get(indicator.pk, 0),
                    value=row["value"] if row["numerator"] is None else None,
                    numerator=row["numerator"],
                    denominator=row["denominator"],
                    is_estimate=(row["estimate"] or "").strip().lower() in YES,
                    note=row["note"] or "",
                )
            saved += 1
        except ValidationError as exc:
            for message in exc.messages:
                errors.append(_("Dòng %(row)s: %(message)s") % {"row": line, "message": message})
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


def job_fail(job: Job, message: str) -> None:
    """Mark a job failed with a message (used by the runner, which has no user)."""
    Job.objects.filter(pk=job.pk).update(
        state=JobState.FAILED, errors=[*job.errors, message], finished_at=timezone.now()
    )


__all__ = [
    "FileKind",
    "article_generate",
    "article_publish",
    "article_unpublish",
    "article_update",
    "generated_file_save",
    "job_start",
    "results_import_xlsx",
]
