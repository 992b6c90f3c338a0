"""Screens of the council stage: members, sessions, the nominations put before them, the
vote count, the approval of the result and the minutes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.web import run_action, save_form, show_errors

from .. import selectors, services
from ..forms import (
    ApproveForm,
    CouncilMemberForm,
    MinutesInfoForm,
    ScheduleForm,
    SessionForm,
)
from .common import communes_for, form_page, page_year, people_for


@login_required
def council(request: HttpRequest) -> HttpResponse:
    year = page_year(request)
    communes = communes_for(request)
    form = CouncilMemberForm(
        request.POST or None,
        communes=communes,
        people=people_for(request, Action.EDIT),
        initial={"year": year},
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.council_member_add(by=request.user, **d),
        _("Đã thêm thành viên Hội đồng."),
    ):
        return redirect(f"{request.path}?year={form.cleaned_data['year']}")
    members = [
        (commune, selectors.council_members(commune, year))
        for commune in communes_for(request, Action.VIEW)[:20]
    ]
    return render(
        request,
        "emulation/council.html",
        {
            "year": year,
            "members": members,
            "sessions": selectors.sessions_for(request.user).filter(year=year),
            "form": form if communes.exists() else None,
        },
    )


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    communes = communes_for(request)
    if not communes.exists():
        raise PermissionDenied
    form = SessionForm(
        request.POST or None,
        communes=communes,
        initial={"year": page_year(request), "held_on": timezone.localdate()},
    )
    session = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.session_create(by=request.user, **d),
        _("Đã lập phiên họp Hội đồng."),
    )
    if session:
        return redirect("emulation:session", pk=session.pk)
    return form_page(request, form, _("Phiên họp Hội đồng Thi đua – Khen thưởng"))


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk)
    user = request.user
    can_edit = access.can(user, Action.EDIT, session.commune)
    page = selectors.session_page(session, with_waiting=can_edit)
    schedule = ScheduleForm(nominations=selectors.waiting_nominations(session))
    return render(
        request,
        "emulation/session.html",
        {
            "page": page,
            "session": session,
            "can_edit": can_edit,
            "can_approve": access.can(user, Action.APPROVE, session.commune),
            "schedule": schedule,
            "minutes_form": MinutesInfoForm(
                initial={name: getattr(session, name) for name in services.MINUTES_FIELDS}
            ),
            "approve": ApproveForm(
                initial={"signed_on": timezone.localdate()},
                people=selectors.signer_candidates(session.commune),
            ),
        },
    )


@login_required
@require_POST
def session_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk)
    form = ScheduleForm(request.POST, nominations=selectors.waiting_nominations(session))
    if form.is_valid():
        run_action(
            request,
            lambda: services.session_add_nominations(
                session=session, nominations=form.cleaned_data["nominations"], by=request.user
            ),
            _("Đã đưa các đề nghị ra Hội đồng."),
        )
    else:
        messages.error(request, _("Chọn ít nhất một đề nghị."))
    return redirect("emulation:session", pk=pk)


@login_required
@require_POST
def session_votes(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk)
    votes, bad = {}, []
    for ballot in selectors.session_ballots(session):
        raw = request.POST.get(f"votes-{ballot.pk}", "").strip()
        if raw == "":
            continue
        if not raw.isdigit():
            bad.append(
                _("%(who)s: số phiếu “%(raw)s” không phải số nguyên.")
                % {"who": ballot.nomination.nominee_name, "raw": raw}
            )
            continue
        votes[ballot.pk] = int(raw)
    if bad:
        show_errors(request, bad)
    else:
        run_action(
            request,
            lambda: services.ballots_record(session=session, votes=votes, by=request.user),
            _("Đã ghi kết quả bỏ phiếu."),
        )
    return redirect("emulation:session", pk=pk)


@login_required
@require_POST
def session_approve(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk)
    form = ApproveForm(request.POST, people=selectors.signer_candidates(session.commune))
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("emulation:session", pk=pk)
    decision = run_action(
        request,
        lambda: services.council_result_approve(
            session=session, by=request.user, **form.cleaned_data
        ),
        _("Đã ban hành quyết định khen thưởng."),
    )
    if decision:
        return redirect("emulation:decision", pk=decision.pk)
    return redirect("emulation:session", pk=pk)


@login_required
def session_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for(request.user, pk)
    return render(
        request,
        "emulation/minutes.html",
        {"page": selectors.session_page(session, with_waiting=False), "session": session},
    )


@login_required
@require_POST
def session_minutes_info(request: HttpRequest, pk: int) -> HttpResponse:
    """Record what the minutes need: place, chair, secretary, start and end time."""
    session = selectors.get_session_for(request.user, pk)
    form = MinutesInfoForm(request.POST)
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("emulation:session", pk=pk)
    run_action(
        request,
        lambda: services.session_minutes_update(
            session=session, by=request.user, **form.cleaned_data
        ),
        _("Đã lưu thông tin biên bản."),
    )
    return redirect("emulation:session", pk=pk)


@login_required
@require_POST
def session_minutes_number(request: HttpRequest, pk: int) -> HttpResponse:
    """Give the minutes their number from the UBND's book."""
    session = selectors.get_session_for(request.user, pk)
    run_action(
        request,
        lambda: services.session_minutes_number_take(session=session, by=request.user),
        _("Đã cấp số biên bản."),
    )
    return redirect("emulation:session", pk=pk)
