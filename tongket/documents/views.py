"""Screens and downloads of the documents module: a conference's report and article, the
results import, background jobs and their files, and the award documents (decision,
certificates, council minutes). Thin: parse, call one service or selector, respond."""

from __future__ import annotations

import dataclasses
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.conferences import selectors as conference_selectors
from tongket.emulation import selectors as emulation
from tongket.emulation.models import AwardDecision
from tongket.lib.text import slug
from tongket.units import access
from tongket.units.choices import Action, DocumentType
from tongket.units.downloads import DOCX, PDF, XLSX, download
from tongket.units.web import run_action, show_errors

from . import awards, office, recipients, selectors, services
from .choices import JobKind
from .data import report_data, report_layout
from .forms import ArticleForm, ProvinceJobForm, RecipientsForm, ResultsImportForm
from .issuing import NotReady
from .report import (
    achievement_table,
    plan_table,
    report_docx,
    report_filename,
    report_issue,
    report_xlsx,
)
from .report.document import BODIES, half_year
from .wording import missing_sentences, summary_sentence


def _layout(request: HttpRequest) -> str | None:
    value = request.GET.get("mau", "")
    return value if value in ("state", "party") else None


def not_ready(request: HttpRequest, exc: NotReady, back: str) -> HttpResponse:
    """A page naming what a document lacks, each with a link to where it is filled in
    (409: the document cannot be made in the present state of the data)."""
    return render(
        request,
        "documents/not_ready.html",
        {"error": exc, "back": back},
        status=409,
    )


def _document(request: HttpRequest, build, filename, content_type: str, back: str):
    """Build a document and send it, or say what it lacks."""
    try:
        data = build()
    except NotReady as exc:
        return not_ready(request, exc, back)
    return download(data, filename() if callable(filename) else filename, content_type)


@login_required
def conference(request: HttpRequest, pk: int) -> HttpResponse:
    item = conference_selectors.get_conference_for(request.user, pk)
    data = report_data(item, _layout(request))
    return render(
        request,
        "documents/conference.html",
        {
            "conference": item,
            "data": data,
            "layouts": report_layouts(data),
            "summary": _screen_summary(data),
            "missing": missing_sentences(data),
            "numeric": (3, 4, 5),
            "achievement_rows": achievement_table(data),
            "plan_rows": plan_table(data),
            "article": selectors.article_for(item),
            "files": selectors.conference_files(item),
            "can_edit": access.can(request.user, Action.EDIT, item.unit),
            "can_enter": access.can(request.user, Action.ENTER, item.unit),
            "can_approve": access.can(request.user, Action.APPROVE, item.unit),
            "import_form": ResultsImportForm(),
        },
    )


def _screen_summary(data) -> str:
    """The year's verdicts, or for a six-month review how many indicators have first-half
    figures (measured against the annual plan, without a verdict)."""
    if not half_year(data):
        return summary_sentence(data)
    measured = sum(1 for row in data.achievements if row.result is not None)
    return _(
        "Sáu tháng đầu năm %(year)s: %(measured)s/%(total)s chỉ tiêu có số liệu thực hiện, "
        "so với kế hoạch năm."
    ) % {"year": data.year, "measured": measured, "total": len(data.achievements)}


LAYOUT_LABELS = {"state": _("Báo cáo của UBND"), "party": _("Báo cáo của Đảng ủy")}


def report_layouts(data) -> list[dict]:
    """The report's layouts for this conference (the organisers' bodies), each with its file
    name and what it still lacks."""
    organisers = data.conference.organisers
    wanted = {"state": ["state"], "party": ["party"]}.get(organisers, ["state", "party"])
    layouts = []
    for layout in wanted:
        shaped = dataclasses.replace(data, layout=layout)
        layouts.append(
            {
                "layout": layout,
                "label": LAYOUT_LABELS[layout],
                "filename": report_filename(shaped, "docx"),
                "missing": report_issue(shaped).missing,
            }
        )
    return layouts


@login_required
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    item = conference_selectors.get_conference_for(request.user, pk)
    data = report_data(item, _layout(request))
    back = reverse("documents:conference", args=[pk])
    return _document(request, lambda: report_docx(data), report_filename(data, "docx"), DOCX, back)


@login_required
def report_tables(request: HttpRequest, pk: int) -> HttpResponse:
    item = conference_selectors.get_conference_for(request.user, pk)
    data = report_data(item)
    return download(report_xlsx(data), report_filename(data, "xlsx"), XLSX)


@login_required
@require_POST
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    item = conference_selectors.get_conference_for(request.user, pk)
    chosen = request.POST.get("mau", "")
    layout = report_layout(item, chosen if chosen in ("state", "party") else None)
    issue = report_issue(report_data(item, layout))
    if issue.missing:
        back = reverse("documents:conference", args=[pk])
        return not_ready(request, NotReady("báo cáo", issue.missing), back)
    job = services.job_start(
        kind=JobKind.REPORT_PDF,
        unit=item.unit,
        year=item.year,
        params={"conference_id": item.pk, "layout": layout},
        by=request.user,
    )
    return redirect("documents:job", pk=job.pk)


@login_required
@require_POST
def results_import(request: HttpRequest, pk: int) -> HttpResponse:
    item = conference_selectors.get_conference_for(request.user, pk)
    form = ResultsImportForm(request.POST, request.FILES)
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("documents:conference", pk=pk)
    upload = form.cleaned_data["file"]
    period = "h1" if item.kind == "half_year_review" else "year"
    try:
        count = services.results_import_xlsx(
            unit=item.unit, year=item.year, period=period, data=upload.read(), by=request.user
        )
    except ValidationError as exc:
        show_errors(request, exc, heading=_("Chưa nhập số liệu nào vì tệp có lỗi:"), limit=50)
        return redirect("documents:conference", pk=pk)
    messages.success(request, _("Đã nhập %(count)s kết quả.") % {"count": count})
    return redirect("documents:conference", pk=pk)


@login_required
@require_POST
def article_generate(request: HttpRequest, pk: int) -> HttpResponse:
    item = conference_selectors.get_conference_for(request.user, pk, Action.EDIT)
    article = run_action(
        request,
        lambda: services.article_generate(conference=item, by=request.user),
        _("Đã viết tin bài từ số liệu; hãy đọc lại và sửa nếu cần."),
    )
    if article is None:
        return redirect("documents:conference", pk=pk)
    return redirect("documents:article", pk=article.pk)


@login_required
def article(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_article_for(request.user, pk)
    if item.conference_id is None:  # the article of a round of working sessions
        return redirect("documents:petition_article", pk=pk)
    photos = list(item.conference.photos.all())
    can_edit = access.can(request.user, Action.EDIT, item.unit)
    form = ArticleForm(
        request.POST or None,
        initial={"headline": item.headline, "body": item.body, "byline": item.byline},
    )
    if request.method == "POST":
        if not can_edit:
            access.require(request.user, Action.EDIT, item.unit)
        if form.is_valid():
            try:
                services.article_update(
                    article=item,
                    headline=form.cleaned_data["headline"],
                    body=form.cleaned_data["body"],
                    byline=form.cleaned_data["byline"],
                    by=request.user,
                )
            except ValidationError as exc:
                form.add_service_errors(exc)
            else:
                saved = selectors.get_article_for(request.user, pk)
                if item.is_published and not saved.is_published:
                    messages.warning(
                        request,
                        _(
                            "Đã lưu. Tin bài trở lại bản nháp và rời cổng thông tin, chờ lãnh "
                            "đạo đăng lại."
                        ),
                    )
                else:
                    messages.success(request, _("Đã lưu tin bài."))
                return redirect("documents:article", pk=pk)
    return render(
        request,
        "documents/article.html",
        {
            "article": item,
            "form": form,
            "can_edit": can_edit,
            "can_approve": access.can(request.user, Action.APPROVE, item.unit),
            "photos": photos,
            "blocks": item.blocks(photos),
        },
    )


@login_required
@require_POST
def article_publish(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_article_for(request.user, pk, Action.APPROVE)
    run_action(
        request,
        lambda: services.article_publish(article=item, by=request.user),
        _("Đã đăng tin bài lên cổng thông tin."),
    )
    return redirect("documents:article", pk=pk)


@login_required
@require_POST
def article_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_article_for(request.user, pk, Action.APPROVE)
    run_action(
        request,
        lambda: services.article_unpublish(article=item, by=request.user),
        _("Đã gỡ tin bài khỏi cổng thông tin."),
    )
    return redirect("documents:article", pk=pk)


@login_required
def generated_file(request: HttpRequest, pk: int) -> FileResponse:
    item = selectors.get_file_for(request.user, pk)
    content_type = PDF if item.file.name.endswith(".pdf") else DOCX
    name = item.file.name.rsplit("/", 1)[-1]
    return FileResponse(
        item.file.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )


@login_required
def jobs(request: HttpRequest) -> HttpResponse:
    units = selectors.job_units(request.user)
    today = datetime.date.today()
    form = ProvinceJobForm(
        request.POST or None,
        units=units,
        initial={"year": today.year - 1 if today.month < 7 else today.year, "unit": units.first()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            job = services.job_start(
                kind=JobKind.PROVINCE_DOCUMENTS,
                unit=form.cleaned_data["unit"],
                year=form.cleaned_data["year"],
                params={"pdf": form.cleaned_data["pdf"]},
                by=request.user,
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            return redirect("documents:job", pk=job.pk)
    return render(
        request,
        "documents/jobs.html",
        {"form": form, "jobs": selectors.job_list(request.user)[:30], "can_start": units.exists()},
    )


@login_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_job_for(request.user, pk)
    return render(
        request,
        "documents/job.html",
        {"job": item, "files": selectors.job_files(item) if item.finished else []},
    )


@login_required
def job_progress(request: HttpRequest, pk: int) -> JsonResponse:
    item = selectors.get_job_for(request.user, pk)
    return JsonResponse(
        {
            "state": item.state,
            "state_label": item.get_state_display(),
            "total": item.total,
            "done": item.done,
            "percent": item.percent,
            "finished": item.finished,
            "errors": item.errors,
        }
    )


# Award documents --------------------------------------------------------------------------


def _pdf_download(request: HttpRequest, build, filename: str, back: str) -> HttpResponse:
    """A PDF made by LibreOffice as a download; a page naming what the document lacks; or a
    503 saying in Vietnamese why LibreOffice could not make it."""
    try:
        data = build()
    except NotReady as exc:
        return not_ready(request, exc, back)
    except office.OfficeConversionError as exc:
        return HttpResponse(
            _("Chưa tạo được tệp PDF: %(reason)s") % {"reason": exc},
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return download(data, filename, PDF)


@login_required
def decision_docx(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.get_award_decision_for(request.user, pk)
    page = emulation.decision_page(decision)
    back = reverse("emulation:decision", args=[pk])
    name = f"quyet-dinh-{_file_stem(decision)}.docx"
    return _document(request, lambda: awards.decision_docx(page), name, DOCX, back)


@login_required
def certificates_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.get_award_decision_for(request.user, pk)
    page = emulation.decision_page(decision)
    return _pdf_download(
        request,
        lambda: awards.certificates_pdf(page),
        f"giay-khen-{_file_stem(decision)}.pdf",
        reverse("emulation:decision", args=[pk]),
    )


@login_required
def minutes_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The council minutes, for those who may see the session (its commune or its members)."""
    session = selectors.get_session_for(request.user, pk)
    page = emulation.session_page(session, with_waiting=False)
    name = f"bien-ban-hoi-dong-{session.held_on:%Y-%m-%d}.docx"
    back = reverse("emulation:session", args=[pk])
    return _document(request, lambda: awards.minutes_docx(page), name, DOCX, back)


@login_required
def certificate_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    award = selectors.get_award_for(request.user, pk)
    page = emulation.decision_page(award.decision)
    chosen = [item for item in page.awards if item.pk == award.pk]
    name = slug(award.nomination.nominee_name)
    return _pdf_download(
        request,
        lambda: awards.certificates_pdf(page, chosen),
        f"giay-khen-{name}-{award.decision.year}.pdf",
        reverse("emulation:nomination", args=[award.nomination_id]),
    )


def _file_stem(decision: AwardDecision) -> str:
    return f"{slug(decision.number_label)}-{decision.signed_on.year}"


# Nơi nhận ----------------------------------------------------------------------------------


def _recipients_page(request, *, commune, body, doc_type, title, back, **target):
    """Edit one document's Nơi nhận (it keeps its own copy), and optionally the body's
    standing list for that kind of document."""
    access.require(request.user, Action.EDIT, commune)
    current = recipients.recipients_for(commune, body, doc_type, **target)
    form = RecipientsForm(request.POST or None, initial={"lines": "\n".join(current)})
    if request.method == "POST" and form.is_valid():
        lines = form.cleaned_data["lines"]
        try:
            recipients.recipients_save(
                commune=commune,
                body=body,
                doc_type=doc_type,
                lines=lines,
                by=request.user,
                **target,
            )
            if form.cleaned_data["standing"]:
                recipients.recipients_save(
                    commune=commune, body=body, doc_type=doc_type, lines=lines, by=request.user
                )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("Đã lưu nơi nhận."))
            return redirect(back)
    return render(
        request,
        "documents/recipients.html",
        {"form": form, "title": title, "back": back},
    )


@login_required
def report_recipients(request: HttpRequest, pk: int, layout: str) -> HttpResponse:
    item = conference_selectors.get_conference_for(request.user, pk, Action.EDIT)
    if layout not in LAYOUT_LABELS:
        raise Http404(_("Mẫu báo cáo không hợp lệ."))
    return _recipients_page(
        request,
        commune=item.unit,
        body=BODIES[layout],
        doc_type=DocumentType.REPORT,
        title=_("Nơi nhận – %(label)s") % {"label": LAYOUT_LABELS[layout]},
        back=reverse("documents:conference", args=[pk]),
        conference=item,
    )


@login_required
def decision_recipients(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.get_award_decision_for(request.user, pk)
    return _recipients_page(
        request,
        commune=decision.commune,
        body=awards.book_body(decision.body),
        doc_type=DocumentType.DECISION,
        title=_("Nơi nhận – Quyết định số %(n)s") % {"n": decision.number_label},
        back=reverse("emulation:decision", args=[pk]),
        decision=decision,
    )
