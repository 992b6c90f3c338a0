"""Screens of one recommendation: its page (sources, assignments, history), and the buttons
and forms of its life inside the commune."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.web import run_action, save_form

from .. import selectors, services
from ..choices import Competence, State
from ..forms import (
    AssignForm,
    ClassifyForm,
    CloseForm,
    MergeForm,
    ResolveForm,
    UnitRecommendationForm,
)
from ..services._common import acts_inside_commune, province_of
from ._common import form_errors_to_messages


def _item(request: HttpRequest, pk, action: str = Action.VIEW):
    return selectors.get_recommendation_for(request.user, pk, action)


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    user = request.user
    commune_side = acts_inside_commune(user, Action.EDIT, item.unit, item.commune)
    may_work = services.may_work_on(user, item)
    forwarding = getattr(item, "forwarding", None)
    return render(
        request,
        "petitions/item.html",
        {
            "item": item,
            "page": selectors.item_page(item),
            "forwarding": forwarding,
            "commune_side": commune_side,
            "may_work": may_work,
            "may_publish": acts_inside_commune(user, Action.APPROVE, item.commune, item.commune),
            "is_open": item.state in (State.NEW, State.ASSIGNED, State.IN_PROGRESS),
            "resolve_form": ResolveForm() if may_work else None,
            "close_form": CloseForm() if commune_side else None,
            "merge_form": MergeForm(candidates=selectors.merge_candidates(item))
            if commune_side and item.state in (State.NEW, State.ASSIGNED, State.IN_PROGRESS)
            else None,
            "competence_commune": item.competence == Competence.COMMUNE,
        },
    )


@login_required
def item_create(request: HttpRequest) -> HttpResponse:
    """A unit raises an item outside a session (a reporter for their tổ dân phố)."""
    units = access.units_for(request.user, Action.ENTER).filter(
        parent__kind__in=["xa", "phuong", "dac_khu"], valid_to__isnull=True
    )
    if not units.exists():
        raise PermissionDenied(_("Bạn không nhập kiến nghị cho đơn vị nào."))
    first = units.first()
    form = UnitRecommendationForm(
        request.POST or None,
        units=units.order_by("name_folded"),
        departments=selectors.departments_of(province_of(first.parent)),
    )
    if request.method == "POST":
        item = save_form(
            request,
            form,
            lambda d: services.recommendation_create(
                by=request.user,
                unit=d["unit"],
                text=d["text"],
                field=d["field"],
                competence=d["competence"],
                department=d["department"],
                person_name=d["person_name"],
            ),
            _("Đã ghi kiến nghị của đơn vị."),
        )
        if item is not None:
            return redirect("petitions:item", pk=item.pk)
    return render(
        request, "petitions/form.html", {"form": form, "title": _("Ghi kiến nghị của đơn vị")}
    )


@login_required
def item_classify(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk, Action.EDIT)
    form = ClassifyForm(
        request.POST or None,
        departments=selectors.departments_of(province_of(item.commune)),
        initial={
            "text": item.text,
            "field": item.field,
            "competence": item.competence,
            "department": item.department,
        },
    )
    if request.method == "POST":
        saved = save_form(
            request,
            form,
            lambda d: services.recommendation_classify(item=item, by=request.user, **d),
            _("Đã lưu phân loại kiến nghị."),
        )
        if saved is not None:
            return redirect("petitions:item", pk=pk)
    return render(
        request,
        "petitions/form.html",
        {"form": form, "title": _("Phân loại kiến nghị"), "item": item},
    )


@login_required
def item_assign(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk, Action.EDIT)
    form = AssignForm(
        request.POST or None,
        units=selectors.assignee_units(item.commune),
        people=selectors.commune_people(item.commune),
        initial={
            "assignee_unit": item.assignee_unit,
            "assignee_person": item.assignee_person,
            "deadline": item.deadline or (item.plan.period_end if item.plan else None),
            "priority": item.priority,
        },
    )
    if request.method == "POST":
        saved = save_form(
            request,
            form,
            lambda d: services.recommendation_assign(item=item, by=request.user, **d),
            _("Đã giao xử lý kiến nghị."),
        )
        if saved is not None:
            return redirect("petitions:item", pk=pk)
    return render(
        request,
        "petitions/form.html",
        {"form": form, "title": _("Giao xử lý kiến nghị"), "item": item},
    )


@login_required
@require_POST
def item_start(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    run_action(
        request,
        lambda: services.recommendation_start(item=item, by=request.user),
        _("Đã chuyển sang đang xử lý."),
    )
    return redirect("petitions:item", pk=pk)


@login_required
@require_POST
def item_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    form = ResolveForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("petitions:item", pk=pk)
    run_action(
        request,
        lambda: services.recommendation_resolve(item=item, by=request.user, **form.cleaned_data),
        _("Đã ghi kết quả giải quyết; đơn vị kiến nghị được báo kết quả."),
    )
    return redirect("petitions:item", pk=pk)


@login_required
@require_POST
def item_close(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk, Action.EDIT)
    form = CloseForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    run_action(
        request,
        lambda: services.recommendation_close(item=item, by=request.user, note=note),
        _("Đã đóng kiến nghị theo trả lời của cấp trên; đơn vị kiến nghị được báo kết quả."),
    )
    return redirect("petitions:item", pk=pk)


@login_required
@require_POST
def item_merge(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk, Action.EDIT)
    form = MergeForm(request.POST, candidates=selectors.merge_candidates(item))
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("petitions:item", pk=pk)
    run_action(
        request,
        lambda: services.recommendation_merge(
            target=item, others=list(form.cleaned_data["others"]), by=request.user
        ),
        _("Đã gộp kiến nghị; mọi đơn vị đã nêu đều được giữ làm nguồn."),
    )
    return redirect("petitions:item", pk=pk)


@login_required
@require_POST
def item_publish(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk, Action.APPROVE)
    run_action(
        request,
        lambda: services.answer_publish(item=item, by=request.user),
        _("Đã công khai trả lời trên cổng thông tin (đã ẩn tên người nêu)."),
    )
    return redirect("petitions:item", pk=pk)


@login_required
@require_POST
def item_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk, Action.APPROVE)
    run_action(
        request,
        lambda: services.answer_unpublish(item=item, by=request.user),
        _("Đã gỡ trả lời khỏi cổng thông tin."),
    )
    return redirect("petitions:item", pk=pk)
