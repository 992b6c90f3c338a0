"""Screens of the text import: upload (with the document list), review and confirm,
discard, and the kept source file."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.web import run_action, show_errors, year_param

from .. import selectors, services
from ..choices import DocumentState
from ..forms import UploadForm, review_forms
from ..uploads import SizeCapHandler


def _units(request: HttpRequest):
    return access.units_for(request.user, Action.ENTER).order_by("path")


def _index_page(request: HttpRequest, form: UploadForm, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "documents": selectors.documents_list(request.user)[:100],
        "max_mb": services.max_upload_bytes() // 2**20,
    }
    return render(request, "textfacts/index.html", context, status=status)


@csrf_exempt
def index(request: HttpRequest) -> HttpResponse:
    """The size cap goes before Django reads the upload; CSRF is checked right after."""
    cap = SizeCapHandler(services.max_upload_bytes(), request)
    if request.method == "POST":
        request.upload_handlers.insert(0, cap)
    return _index(request, cap)


@csrf_protect
@login_required
def _index(request: HttpRequest, cap: SizeCapHandler) -> HttpResponse:
    units = _units(request)
    if request.method != "POST":
        initial = {
            "year": year_param(request) or datetime.date.today().year - 1,
            "unit": units.first(),
        }
        return _index_page(request, UploadForm(units=units, initial=initial))
    form = UploadForm(request.POST, request.FILES, units=units)
    if cap.refused:
        name, size = cap.refused
        form.is_valid()
        form.add_error("file", services.too_large_message(name, size))
        return _index_page(request, form, status=400)
    if not form.is_valid():
        return _index_page(request, form, status=400)
    data = form.cleaned_data
    try:
        document = services.document_read(
            unit=data["unit"],
            year=data["year"],
            period=data["period"],
            by=request.user,
            upload=data.get("file"),
            text=data.get("text") or "",
        )
    except ValidationError as error:
        form.add_service_errors(error)
        return _index_page(request, form, status=400)
    messages.success(request, _("Đã đọc văn bản: hãy xem lại từng số liệu rồi xác nhận hoặc bỏ."))
    return redirect("textfacts:review", pk=document.pk)


def _review_page(request, document, rows, forms_by_fact, versions, status=200) -> HttpResponse:
    return render(
        request,
        "textfacts/review.html",
        {
            "document": document,
            "rows": [(row, forms_by_fact.get(row.fact.pk)) for row in rows],
            "can_confirm": document.state == DocumentState.PROPOSED
            and access.can(request.user, Action.ENTER, document.unit),
            "indicator_codes": [
                (v.indicator.code, f"{v.indicator.code} – {v.name}") for v in versions
            ],
        },
        status=status,
    )


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    action = Action.ENTER if request.method == "POST" else Action.VIEW
    document = selectors.get_document_for(request.user, pk, action)
    versions, _matcher = selectors.catalogue_for(document.unit, document.year)
    rows = selectors.review_rows(document, versions)
    owner = selectors.commune_of(document.unit) or document.unit
    can_remember = access.can(request.user, Action.EDIT, owner)
    data = request.POST if request.method == "POST" else None
    forms_by_fact = review_forms(rows, versions, can_remember, data)
    if request.method != "POST":
        return _review_page(request, document, rows, forms_by_fact, versions)
    invalid = [form for form in forms_by_fact.values() if not form.is_valid()]
    if invalid:
        show_errors(request, [_("Có ô chưa đúng; xem các ô tô đỏ bên dưới. Chưa lưu gì.")])
        return _review_page(request, document, rows, forms_by_fact, versions, status=400)
    choices = {pk: form.choice() for pk, form in forms_by_fact.items()}
    try:
        counts = services.document_confirm(document=document, choices=choices, by=request.user)
    except ValidationError as error:
        show_errors(request, error, heading=_("Chưa lưu số liệu nào của văn bản này:"))
        return _review_page(request, document, rows, forms_by_fact, versions, status=400)
    messages.success(
        request,
        _("Đã xác nhận: lưu %(saved)s, giữ số đã có %(kept)s, bỏ %(rejected)s số liệu.") % counts,
    )
    return redirect("textfacts:review", pk=document.pk)


@login_required
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.get_document_for(request.user, pk, Action.ENTER)
    run_action(
        request,
        lambda: services.document_discard(document=document, by=request.user),
        _("Đã bỏ văn bản; không số liệu nào được lưu."),
    )
    return redirect("textfacts:review", pk=pk)


@login_required
def source_file(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.get_document_for(request.user, pk)
    if not document.file:
        raise Http404(_("Văn bản này được dán vào, không có tệp."))
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.original_name
    )
