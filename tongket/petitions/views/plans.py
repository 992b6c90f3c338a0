"""Screens of the planning stage: plans, their delegation, sessions and what was recorded,
the items raised at a session, and the conclusion notices."""

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
from tongket.units.web import run_action, save_form, year_param

from .. import selectors, services
from ..forms import (
    DelegationForm,
    IssueForm,
    NoticeForm,
    PlanForm,
    RecommendationForm,
    RecordForm,
    SessionForm,
)
from ..models import ConclusionNotice, DelegationMember
from ..services._common import acts_inside_commune, province_of
from ._common import form_errors_to_messages

PLAN_FIELDS = (
    "body",
    "issued_on",
    "subject",
    "period_start",
    "period_end",
    "legal_bases",
    "purpose",
    "content",
    "signer",
)
SESSION_FIELDS = ("unit", "date", "start_time", "place", "unit_attendees")


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    year = year_param(request, "nam")
    return render(
        request,
        "petitions/plans.html",
        {
            "plans": selectors.plan_list(request.user, year=year)[:200],
            "year": year,
            "can_create": selectors.communes_for(request.user).exists(),
        },
    )


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    units = selectors.communes_for(request.user)
    if not units.exists():
        raise PermissionDenied(_("Bạn không có quyền lập kế hoạch ở xã, phường nào."))
    today = datetime.date.today()
    initial = {"body": Body.PARTY_COMMITTEE, "issued_on": today, "unit": units.first()}
    form = PlanForm(
        request.POST or None,
        units=units,
        signers=selectors.signer_choices(units.first()),
        initial=initial,
    )
    if request.method == "POST":
        plan = save_form(
            request,
            form,
            lambda d: services.plan_create(
                unit=d["unit"], by=request.user, **{name: d[name] for name in PLAN_FIELDS}
            ),
            _("Đã lập kế hoạch; hãy chọn đoàn công tác và lịch làm việc."),
        )
        if plan is not None:
            return redirect("petitions:plan", pk=plan.pk)
    return render(
        request, "petitions/form.html", {"form": form, "title": _("Lập kế hoạch làm việc")}
    )


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for(request.user, pk, Action.EDIT)
    form = PlanForm(
        request.POST or None,
        units=selectors.communes_for(request.user),
        signers=selectors.signer_choices(plan.unit),
        initial={name: getattr(plan, name) for name in PLAN_FIELDS},
        lock_unit=True,
    )
    if request.method == "POST":
        saved = save_form(
            request,
            form,
            lambda d: services.plan_update(
                plan=plan, by=request.user, **{name: d[name] for name in PLAN_FIELDS}
            ),
            _("Đã lưu kế hoạch."),
        )
        if saved is not None:
            return redirect("petitions:plan", pk=plan.pk)
    return render(
        request,
        "petitions/form.html",
        {"form": form, "title": _("Sửa kế hoạch"), "back": plan},
    )


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for(request.user, pk)
    can_edit = access.can(request.user, Action.EDIT, plan.unit)
    return render(
        request,
        "petitions/plan.html",
        {
            "plan": plan,
            "page": selectors.plan_page(plan, request.user),
            "stats": selectors.round_statistics(plan),
            "can_edit": can_edit,
            "issue_form": IssueForm(),
            "delegation_form": DelegationForm(positions=selectors.delegation_candidates(plan))
            if can_edit
            else None,
        },
    )


@login_required
@require_POST
def plan_issue(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for(request.user, pk, Action.EDIT)
    form = IssueForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("petitions:plan", pk=pk)
    run_action(
        request,
        lambda: services.plan_issue(plan=plan, by=request.user, number=form.cleaned_data["number"]),
        _("Đã lấy số cho kế hoạch."),
    )
    return redirect("petitions:plan", pk=pk)


@login_required
@require_POST
def delegation_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for(request.user, pk, Action.EDIT)
    form = DelegationForm(request.POST, positions=selectors.delegation_candidates(plan))
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("petitions:plan", pk=pk)
    position = form.cleaned_data["position"]
    run_action(
        request,
        lambda: services.delegation_add(
            plan=plan, position=position, leads=form.cleaned_data["leads"], by=request.user
        ),
        _("Đã thêm %(name)s vào đoàn công tác.") % {"name": position.person.full_name},
    )
    return redirect("petitions:plan", pk=pk)


@login_required
@require_POST
def delegation_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    member = access.get_for(
        DelegationMember.objects.filter(plan_id=pk).select_related("plan__unit"),
        request.user,
        member_pk,
        Action.EDIT,
    )
    run_action(
        request,
        lambda: services.delegation_remove(member=member, by=request.user),
        _("Đã bỏ thành viên khỏi đoàn công tác."),
    )
    return redirect("petitions:plan", pk=pk)


@login_required
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for(request.user, pk, Action.EDIT)
    form = SessionForm(
        request.POST or None,
        units=selectors.session_units(plan),
        initial={"date": plan.period_start, "start_time": datetime.time(8, 0)},
    )
    if request.method == "POST":
        session = save_form(
            request,
            form,
            lambda d: services.session_create(
                plan=plan, by=request.user, **{name: d[name] for name in SESSION_FIELDS}
            ),
            _("Đã thêm buổi làm việc vào lịch."),
        )
        if session is not None:
            return redirect("petitions:plan", pk=plan.pk)
    return render(
        request,
        "petitions/form.html",
        {"form": form, "title": _("Thêm buổi làm việc"), "back": plan},
    )


@login_required
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk, Action.EDIT)
    form = SessionForm(
        request.POST or None,
        units=selectors.session_units(session.plan),
        initial={name: getattr(session, name) for name in SESSION_FIELDS},
    )
    if request.method == "POST":
        saved = save_form(
            request,
            form,
            lambda d: services.session_update(
                session=session, by=request.user, **{name: d[name] for name in SESSION_FIELDS}
            ),
            _("Đã lưu buổi làm việc."),
        )
        if saved is not None:
            return redirect("petitions:session", pk=session.pk)
    return render(
        request,
        "petitions/form.html",
        {"form": form, "title": _("Sửa buổi làm việc"), "back": session.plan},
    )


def _item_form(session, data=None) -> RecommendationForm:
    return RecommendationForm(
        data,
        departments=selectors.departments_of(province_of(session.plan.unit)),
        people=selectors.commune_people(session.plan.unit),
    )


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk)
    can_edit = acts_inside_commune(request.user, Action.EDIT, session.unit, session.plan.unit)
    members = session.plan.delegation.select_related("person")
    return render(
        request,
        "petitions/session.html",
        {
            "session": session,
            "items": selectors.session_page_items(session, request.user),
            "present": list(session.delegation_present.select_related("person")),
            "can_edit": can_edit,
            "record_form": RecordForm(
                members=members,
                initial={
                    "report_summary": session.report_summary,
                    "difficulties": session.difficulties,
                    "unit_attendees": session.unit_attendees,
                    "delegation_present": list(session.delegation_present.all()),
                },
            )
            if can_edit
            else None,
            "item_form": _item_form(session) if can_edit and session.is_held else None,
            "notices": list(
                ConclusionNotice.objects.filter(session=session).select_related("number")
            ),
        },
    )


@login_required
@require_POST
def session_record(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk, Action.EDIT)
    form = RecordForm(request.POST, members=session.plan.delegation.all())
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("petitions:session", pk=pk)
    data = form.cleaned_data
    run_action(
        request,
        lambda: services.session_record(
            session=session,
            by=request.user,
            report_summary=data["report_summary"],
            difficulties=data["difficulties"],
            unit_attendees=data["unit_attendees"],
            delegation_present=list(data["delegation_present"]),
        ),
        _("Đã ghi nhận buổi làm việc."),
    )
    return redirect("petitions:session", pk=pk)


@login_required
@require_POST
def session_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk, Action.EDIT)
    form = _item_form(session, request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("petitions:session", pk=pk)
    data = form.cleaned_data
    run_action(
        request,
        lambda: services.recommendation_create(
            by=request.user,
            session=session,
            text=data["text"],
            field=data["field"],
            competence=data["competence"],
            department=data["department"],
            person=data["person"],
            person_name=data["person_name"],
        ),
        _("Đã ghi kiến nghị."),
    )
    return redirect("petitions:session", pk=pk)


def _notice(request: HttpRequest, plan, session) -> HttpResponse:
    today = datetime.date.today()
    form = NoticeForm(
        request.POST or None,
        signers=selectors.signer_choices(plan.unit),
        initial={"body": plan.body, "issued_on": today},
    )
    if request.method == "POST":
        notice = save_form(
            request,
            form,
            lambda d: services.notice_create(
                plan=plan,
                session=session,
                by=request.user,
                body=d["body"],
                issued_on=d["issued_on"],
                number=d["number"],
                acknowledged=d["acknowledged"],
                conclusions=d["conclusions"],
                signer=d["signer"],
            ),
            _("Đã ban hành thông báo kết luận."),
        )
        if notice is not None:
            return redirect("petitions:notice", pk=notice.pk)
    return render(
        request,
        "petitions/notice_form.html",
        {
            "form": form,
            "plan": plan,
            "session": session,
            "items": services.notice_items(plan, session),
        },
    )


@login_required
def session_notice(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk, Action.EDIT)
    return _notice(request, session.plan, session)


@login_required
def plan_notice(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for(request.user, pk, Action.EDIT)
    return _notice(request, plan, None)


@login_required
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notice = access.get_for(
        ConclusionNotice.objects.select_related(
            "plan__number", "session__unit", "number", "signer", "unit"
        ),
        request.user,
        pk,
    )
    return render(
        request,
        "petitions/notice.html",
        {
            "notice": notice,
            "lines": list(
                notice.lines.select_related(
                    "recommendation__assignee_unit",
                    "recommendation__assignee_person",
                    "recommendation__unit",
                )
            ),
        },
    )
