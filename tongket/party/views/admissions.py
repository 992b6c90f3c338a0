"""The admission pipeline's screens: the board of open files by step with the deadlines
passed, a file with the form of its next step, and each step posted to its service."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units.web import save_form

from .. import selectors, services
from ..choices import AdmissionState, MemberStatus
from ..forms import (
    AdmissionForm,
    CeremonyForm,
    CloseForm,
    CourseForm,
    DecisionForm,
    IntroduceForm,
    VoteForm,
)
from .common import place_for, place_in, post_and_return


@dataclass(frozen=True)
class Step:
    slug: str
    state: str  # the state the file must be in
    title: str
    form: type
    committee: bool  # the Đảng ủy's step (office or leader), else the chi bộ's


STEPS = [
    Step(
        "khoa-hoc", AdmissionState.CANDIDATE, _("Giấy chứng nhận lớp bồi dưỡng"), CourseForm, False
    ),
    Step("gioi-thieu", AdmissionState.COURSE_DONE, _("Người giới thiệu"), IntroduceForm, False),
    Step(
        "chi-bo-xet", AdmissionState.INTRODUCED, _("Chi bộ xét, đề nghị kết nạp"), VoteForm, False
    ),
    Step("dang-uy-xet", AdmissionState.CELL_APPROVED, _("Đảng ủy xét"), VoteForm, True),
    Step(
        "quyet-dinh", AdmissionState.COMMITTEE_APPROVED, _("Quyết định kết nạp"), DecisionForm, True
    ),
    Step("le-ket-nap", AdmissionState.DECIDED, _("Lễ kết nạp"), CeremonyForm, False),
    Step(
        "xet-chinh-thuc",
        AdmissionState.ADMITTED,
        _("Chi bộ xét công nhận chính thức"),
        VoteForm,
        False,
    ),
    Step(
        "chinh-thuc",
        AdmissionState.FULL_PROPOSED,
        _("Quyết định công nhận chính thức"),
        DecisionForm,
        True,
    ),
]
STEP_BY_SLUG = {step.slug: step for step in STEPS}
STEP_BY_STATE = {step.state: step for step in STEPS}


def _call(step: Step, admission, data: dict, by, form):
    calls = {
        "khoa-hoc": lambda: services.admission_course(admission=admission, by=by, **data),
        "gioi-thieu": lambda: services.admission_introduce(
            admission=admission,
            introduced_on=data["introduced_on"],
            introducers=form.introducers(),
            by=by,
        ),
        "chi-bo-xet": lambda: services.admission_cell_vote(
            admission=admission,
            vote_on=data["vote_on"],
            votes_for=data["votes_for"],
            full_members=data["total"],
            by=by,
        ),
        "dang-uy-xet": lambda: services.admission_committee_vote(
            admission=admission,
            vote_on=data["vote_on"],
            votes_for=data["votes_for"],
            members=data["total"],
            by=by,
        ),
        "quyet-dinh": lambda: services.admission_decide(admission=admission, by=by, **data),
        "le-ket-nap": lambda: services.admission_ceremony(admission=admission, by=by, **data),
        "xet-chinh-thuc": lambda: services.admission_full_vote(
            admission=admission,
            vote_on=data["vote_on"],
            votes_for=data["votes_for"],
            full_members=data["total"],
            by=by,
        ),
        "chinh-thuc": lambda: services.admission_make_full(admission=admission, by=by, **data),
    }
    return calls[step.slug]()


def _form(step: Step, request, admission, data=None):
    if step.form is IntroduceForm:
        members = selectors.members_list(
            request.user, commune=admission.commune, status=MemberStatus.FULL
        )
        return IntroduceForm(data, members=members)
    return step.form(data)


@login_required
def admissions(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    files = selectors.admissions_for(request.user, place.commune)
    records = selectors.members_list(request.user, commune=place.commune)
    return render(
        request,
        "party/admissions.html",
        {
            "place": place,
            "board": selectors.admissions_board(files),
            "overdue": selectors.overdue_steps(place.commune, files, records),
            "closed": files.filter(state__in=(AdmissionState.FULL, AdmissionState.CLOSED))[:50],
        },
    )


@login_required
def admission_create(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    if not place.can_enter:
        raise PermissionDenied
    form = AdmissionForm(request.POST or None, cells=place.cells)
    admission = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.admission_create(by=request.user, **d),
        _("Đã lập hồ sơ quần chúng ưu tú."),
    )
    if admission:
        return redirect("party:admission", pk=admission.pk)
    return render(
        request,
        "party/form.html",
        {"form": form, "title": _("Lập hồ sơ kết nạp"), "place": place},
    )


@login_required
def admission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    admission = selectors.get_admission_for(request.user, pk)
    place = place_in(request, admission.commune)
    step = STEP_BY_STATE.get(admission.state)
    if admission.state == AdmissionState.INTRODUCED and admission.course_on is None:
        step = STEP_BY_SLUG["khoa-hoc"]
    allowed = step is not None and (place.can_decide if step.committee else place.can_enter)
    return render(
        request,
        "party/admission.html",
        {
            "admission": admission,
            "place": place,
            "introducers": admission.introducers.select_related("member__person"),
            "step": step,
            "step_form": _form(step, request, admission) if allowed else None,
            "close_form": CloseForm()
            if place.can_enter and admission.state in STEP_BY_STATE
            else None,
            "steps": STEPS,
        },
    )


@login_required
@require_POST
def admission_step(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    admission = selectors.get_admission_for(request.user, pk)
    back = reverse("party:admission", args=[admission.pk])
    if slug == "dung":
        return post_and_return(
            request,
            CloseForm(request.POST),
            lambda d: services.admission_close(admission=admission, by=request.user, **d),
            _("Đã dừng xem xét hồ sơ."),
            back,
        )
    step = STEP_BY_SLUG.get(slug)
    if step is None:
        raise Http404
    form = _form(step, request, admission, request.POST)
    return post_and_return(
        request,
        form,
        lambda d: _call(step, admission, d, request.user, form),
        _("Đã ghi bước “%(step)s”.") % {"step": step.title},
        back,
    )
