"""Screens of sending items up: the commune compiles its report to the province; the
province's list of forwarded items, its receipt, department and answer."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action, Body
from tongket.units.web import run_action, save_form

from .. import selectors, services
from ..choices import Field
from ..forms import AnswerForm, DepartmentForm, ForwardSelectionForm, ReportForm
from ..services._common import province_of
from ._common import form_errors_to_messages, int_param


@login_required
def forward(request: HttpRequest) -> HttpResponse:
    """Compile the commune's items beyond its competence into a report to the province."""
    communes = selectors.communes_for(request.user)
    if not communes.exists():
        raise PermissionDenied(_("Bạn không có quyền chuyển kiến nghị của xã, phường nào."))
    commune = communes.filter(pk=int_param(request, "don-vi") or 0).first() or communes.first()
    departments = selectors.departments_of(province_of(commune))
    items = selectors.forwardable_items(commune)
    data = request.POST or None
    report_form = ReportForm(
        data,
        signers=selectors.signer_choices(commune),
        initial={"body": Body.PEOPLES_COMMITTEE, "issued_on": datetime.date.today()},
    )
    selection = ForwardSelectionForm(data, items=items, departments=departments)
    if request.method == "POST" and selection.is_valid():
        chosen = selection.chosen()
        report = save_form(
            request,
            report_form,
            lambda d: services.report_create(
                commune=commune,
                by=request.user,
                items=[services.ForwardItem(item, level, dep) for item, level, dep in chosen],
                issued_on=d["issued_on"],
                body=d["body"],
                number=d["number"],
                subject=d["subject"],
                signer=d["signer"],
            ),
            _("Đã lập báo cáo và chuyển kiến nghị lên tỉnh."),
        )
        if report is not None:
            return redirect("petitions:report", pk=report.pk)
    return render(
        request,
        "petitions/forward.html",
        {
            "commune": commune,
            "communes": communes,
            "form": report_form,
            "selection": selection,
            "reports": selectors.report_list(request.user).filter(commune=commune)[:20],
        },
    )


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report_for(request.user, pk)
    return render(
        request,
        "petitions/report.html",
        {"report": report, "items": selectors.report_items(report)},
    )


def _filters(request: HttpRequest) -> selectors.ForwardedFilters:
    age = int_param(request, "tuoi")
    answer = request.GET.get("tra-loi", "waiting")
    return selectors.ForwardedFilters(
        field=request.GET.get("linh-vuc", ""),
        commune=int_param(request, "xa"),
        min_age=age if age in selectors.AGE_CHOICES else None,
        answer=answer if answer in selectors.ANSWER_FILTERS else "waiting",
        page=request.GET.get("trang") or 1,
    )


@login_required
def forwarded(request: HttpRequest) -> HttpResponse:
    """Every forwarded item the user may see (the province: all of its communes')."""
    filters = _filters(request)
    return render(
        request,
        "petitions/forwarded.html",
        {
            "result": selectors.forwarded_list(request.user, filters),
            "filters": filters,
            "fields": Field.choices,
            "communes": selectors.filter_communes(request.user),
            "ages": selectors.AGE_CHOICES,
        },
    )


@login_required
def forwarding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    forwarding = selectors.get_forwarding_for(request.user, pk)
    province_side = access.can(request.user, Action.EDIT, forwarding.report.province)
    departments = selectors.departments_of(forwarding.report.province)
    return render(
        request,
        "petitions/forwarding.html",
        {
            "forwarding": forwarding,
            "item": forwarding.recommendation,
            "sources": list(forwarding.recommendation.sources.select_related("unit")),
            "province_side": province_side,
            "department_form": DepartmentForm(
                departments=departments, initial={"department": forwarding.department}
            ),
            "answer_form": AnswerForm(initial={"answer": forwarding.answer}),
        },
    )


@login_required
@require_POST
def forwarding_receive(request: HttpRequest, pk: int) -> HttpResponse:
    forwarding = selectors.get_forwarding_for(request.user, pk, Action.EDIT)
    run_action(
        request,
        lambda: services.forwarding_receive(forwarding=forwarding, by=request.user),
        _("Đã tiếp nhận kiến nghị."),
    )
    return redirect("petitions:forwarding", pk=pk)


@login_required
@require_POST
def forwarding_assign(request: HttpRequest, pk: int) -> HttpResponse:
    forwarding = selectors.get_forwarding_for(request.user, pk, Action.EDIT)
    form = DepartmentForm(
        request.POST, departments=selectors.departments_of(forwarding.report.province)
    )
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("petitions:forwarding", pk=pk)
    run_action(
        request,
        lambda: services.forwarding_assign(
            forwarding=forwarding, department=form.cleaned_data["department"], by=request.user
        ),
        _("Đã giao sở, ngành xử lý."),
    )
    return redirect("petitions:forwarding", pk=pk)


@login_required
@require_POST
def forwarding_answer(request: HttpRequest, pk: int) -> HttpResponse:
    forwarding = selectors.get_forwarding_for(request.user, pk, Action.EDIT)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("petitions:forwarding", pk=pk)
    run_action(
        request,
        lambda: services.forwarding_answer(
            forwarding=forwarding, by=request.user, **form.cleaned_data
        ),
        _("Đã trả lời; xã, phường nhận được trả lời để đóng kiến nghị."),
    )
    return redirect("petitions:forwarding", pk=pk)
