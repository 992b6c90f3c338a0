"""Downloads of the petitions documents and the round's article screens. Thin: fetch through
the petitions selectors (which go through the access layer), write, respond."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.petitions import selectors
from tongket.petitions.models import ConclusionNotice
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.downloads import DOCX, XLSX, download
from tongket.units.web import run_action

from .. import services
from ..forms import ArticleForm
from ..models import Article
from . import (
    notice_docx,
    notice_filename,
    plan_docx,
    plan_filename,
    report_docx,
    report_filename,
    report_xlsx,
    round_article_generate,
)


@login_required
def plan_download(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for(request.user, pk)
    return download(plan_docx(plan), plan_filename(plan), DOCX)


@login_required
def notice_download(request: HttpRequest, pk: int) -> HttpResponse:
    notice = access.get_for(
        ConclusionNotice.objects.select_related(
            "unit__parent", "plan__number", "session__unit", "number", "signer"
        ),
        request.user,
        pk,
    )
    return download(notice_docx(notice), notice_filename(notice), DOCX)


@login_required
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report_for(request.user, pk)
    return download(report_docx(report), report_filename(report, "docx"), DOCX)


@login_required
def report_list_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report_for(request.user, pk)
    return download(report_xlsx(report), report_filename(report, "xlsx"), XLSX)


@login_required
@require_POST
def article_generate(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for(request.user, pk, Action.EDIT)
    article = run_action(
        request,
        lambda: round_article_generate(plan=plan, by=request.user),
        _("Đã viết tin bài từ số liệu đợt làm việc; hãy đọc lại và sửa nếu cần."),
    )
    if article is None:
        return redirect("petitions:plan", pk=pk)
    return redirect("documents:petition_article", pk=article.pk)


def _article(request: HttpRequest, pk, action: str = Action.VIEW) -> Article:
    return access.get_for(
        Article.objects.filter(round__isnull=False).select_related("round__number", "unit"),
        request.user,
        pk,
        action,
    )


@login_required
def article(request: HttpRequest, pk: int) -> HttpResponse:
    item = _article(request, pk)
    can_edit = access.can(request.user, Action.EDIT, item.unit)
    form = ArticleForm(
        request.POST or None,
        initial={"headline": item.headline, "body": item.body, "byline": item.byline},
    )
    if request.method == "POST":
        access.require(request.user, Action.EDIT, item.unit)
        if form.is_valid():
            try:
                services.article_update(article=item, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_service_errors(exc)
            else:
                messages.success(request, _("Đã lưu tin bài."))
                return redirect("documents:petition_article", pk=pk)
    return render(
        request,
        "documents/petition_article.html",
        {
            "article": item,
            "form": form,
            "can_edit": can_edit,
            "can_approve": access.can(request.user, Action.APPROVE, item.unit),
        },
    )


@login_required
@require_POST
def article_publish(request: HttpRequest, pk: int) -> HttpResponse:
    item = _article(request, pk, Action.APPROVE)
    run_action(
        request,
        lambda: services.article_publish(article=item, by=request.user),
        _("Đã đăng tin bài lên cổng thông tin."),
    )
    return redirect("documents:petition_article", pk=pk)


@login_required
@require_POST
def article_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    item = _article(request, pk, Action.APPROVE)
    run_action(
        request,
        lambda: services.article_unpublish(article=item, by=request.user),
        _("Đã gỡ tin bài khỏi cổng thông tin."),
    )
    return redirect("documents:petition_article", pk=pk)
