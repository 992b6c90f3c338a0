"""Awards recorded by count: the list with its form, one record with its recipient list
imported from a spreadsheet, and deletion."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.web import run_action, save_form, show_errors

from .. import selectors, services
from ..forms import AwardRecordForm, RecipientsImportForm
from .common import communes_for, page_year


@login_required
def records(request: HttpRequest) -> HttpResponse:
    year = page_year(request)
    communes = communes_for(request)
    form = AwardRecordForm(
        request.POST or None,
        communes=communes,
        initial={"year": year, "commune": communes.first() if communes.count() == 1 else None},
    )
    if request.method == "POST":
        record = save_form(
            request,
            form,
            lambda d: services.record_create(
                commune=d["commune"], by=request.user, **form.record_fields()
            ),
            _("Đã ghi quyết định khen thưởng theo số lượng."),
        )
        if record:
            return redirect("emulation:record", pk=record.pk)
    return render(
        request,
        "emulation/records.html",
        {
            "year": year,
            "records": selectors.records_list(request.user, year)[:300],
            "form": form if communes.exists() else None,
        },
    )


@login_required
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.get_record_for(request.user, pk)
    return render(
        request,
        "emulation/record.html",
        {
            "record": record,
            "body_label": selectors.record_body_label(record, record.commune),
            "sentence": selectors.record_sentences([record], record.commune)[0],
            "recipients": record.recipients.select_related(
                "person__unit", "collective", "household_group"
            ),
            "can_edit": access.can(request.user, Action.EDIT, record.commune),
            "import_form": RecipientsImportForm(),
            "columns": [column.header for column in services.RECIPIENT_COLUMNS],
        },
    )


@login_required
@require_POST
def record_recipients(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.get_record_for(request.user, pk, Action.EDIT)
    form = RecipientsImportForm(request.POST, request.FILES)
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("emulation:record", pk=pk)
    try:
        count = services.recipients_import_xlsx(
            record=record, data=form.cleaned_data["file"].read(), by=request.user
        )
    except ValidationError as exc:
        show_errors(request, exc, heading=_("Chưa nhập ai vì danh sách có lỗi:"), limit=50)
        return redirect("emulation:record", pk=pk)
    messages.success(request, _("Đã nhập danh sách %(n)s người, tập thể.") % {"n": count})
    return redirect("emulation:record", pk=pk)


@login_required
@require_POST
def record_delete(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.get_record_for(request.user, pk, Action.EDIT)
    year = record.year
    if run_action(
        request,
        lambda: services.record_delete(record=record, by=request.user) or True,
        _("Đã xóa quyết định."),
    ):
        return redirect(f"{redirect('emulation:records').url}?year={year}")
    return redirect("emulation:record", pk=pk)
