"""Screens of the nominations stage: registrations, past awards, nominations (one by one or
from a spreadsheet), their submission, return and evidence."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.selectors import paginate
from tongket.units.web import run_action, save_form

from .. import selectors, services
from ..choices import NominationState
from ..forms import (
    EvidenceForm,
    ImportForm,
    NominationForm,
    PastAwardForm,
    RegistrationForm,
    ReturnForm,
)
from .common import form_page, page_year, people_for, units_for


@login_required
def registrations(request: HttpRequest) -> HttpResponse:
    year = page_year(request)
    form = RegistrationForm(
        request.POST or None,
        units=units_for(request),
        people=people_for(request),
        initial={"year": year, "registered_on": timezone.localdate()},
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.registration_create(
            unit=d["unit"],
            year=d["year"],
            award_kind=d["award_kind"],
            registered_on=d["registered_on"],
            by=request.user,
            **form.nominee(),
        ),
        _("Đã đăng ký thi đua."),
    ):
        return redirect(f"{request.path}?year={form.cleaned_data['year']}")
    return render(
        request,
        "emulation/registrations.html",
        {
            "year": year,
            "registrations": selectors.registrations_list(request.user, year),
            "form": form if access.can_anywhere(request.user, Action.ENTER) else None,
        },
    )


@login_required
def past_awards(request: HttpRequest) -> HttpResponse:
    form = PastAwardForm(
        request.POST or None,
        units=units_for(request, Action.EDIT),
        people=people_for(request, Action.EDIT),
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.past_award_create(
            unit=d["unit"],
            year=d["year"],
            award_kind=d["award_kind"],
            decision_ref=d["decision_ref"],
            by=request.user,
            **form.nominee(),
        ),
        _("Đã ghi nhận khen thưởng năm trước."),
    ):
        return redirect("emulation:past_awards")
    return render(
        request,
        "emulation/past_awards.html",
        {
            "past": selectors.past_awards_list(request.user)[:500],
            "form": form if access.can_anywhere(request.user, Action.EDIT) else None,
        },
    )


@login_required
def nominations(request: HttpRequest) -> HttpResponse:
    year = page_year(request)
    state = request.GET.get("state", "")
    if state not in NominationState.values:
        state = ""
    listing = selectors.nominations_list(request.user, year=year, state=state)
    return render(
        request,
        "emulation/nominations.html",
        {
            "year": year,
            "state": state,
            "states": NominationState.choices,
            "page": paginate(listing, request.GET.get("page")),
            "can_enter": access.can_anywhere(request.user, Action.ENTER),
        },
    )


@login_required
def nomination_create(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.ENTER):
        raise PermissionDenied
    form = NominationForm(
        request.POST or None,
        units=units_for(request),
        people=people_for(request),
        movements=selectors.movements_list(request.user),
        initial={"year": page_year(request), "recipient": "individual"},
    )
    nomination = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.nomination_create(
            unit=d["unit"],
            year=d["year"],
            award_kind=d["award_kind"],
            achievement=d["achievement"],
            movement=d["movement"],
            by=request.user,
            **form.nominee(),
        ),
        _("Đã lập đề nghị (dự thảo). Kiểm tra điều kiện rồi gửi."),
    )
    if nomination:
        return redirect("emulation:nomination", pk=nomination.pk)
    return form_page(request, form, _("Đề nghị khen thưởng"))


@login_required
def nomination_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a draft or a returned nomination before sending it (again)."""
    nomination = selectors.get_nomination_for(request.user, pk, Action.ENTER)
    initial = {
        "unit": nomination.unit_id,
        "year": nomination.year,
        "award_kind": nomination.award_kind_id,
        "recipient": nomination.recipient,
        "person": nomination.person_id,
        "collective": nomination.collective_id,
        "household_name": nomination.household_name,
        "household_group": nomination.household_group_id,
        "movement": nomination.movement_id,
        "achievement": nomination.achievement,
    }
    form = NominationForm(
        request.POST or None,
        units=units_for(request).filter(pk=nomination.unit_id),
        people=people_for(request),
        movements=selectors.movements_list(request.user),
        initial=initial,
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.nomination_update(
            nomination=nomination,
            by=request.user,
            year=d["year"],
            award_kind=d["award_kind"],
            achievement=d["achievement"],
            movement=d["movement"],
            **form.nominee(),
        ),
        _("Đã lưu đề nghị."),
    ):
        return redirect("emulation:nomination", pk=pk)
    return form_page(request, form, _("Sửa đề nghị khen thưởng"))


@login_required
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = selectors.get_nomination_for(request.user, pk)
    user = request.user
    return render(
        request,
        "emulation/nomination.html",
        {
            "page": selectors.nomination_page(nomination),
            "n": nomination,
            "can_enter": access.can(user, Action.ENTER, nomination.unit),
            "can_check": access.can(user, Action.EDIT, nomination.commune),
            "evidence_form": EvidenceForm(),
            "return_form": ReturnForm(),
        },
    )


@login_required
@require_POST
def nomination_submit(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = selectors.get_nomination_for(request.user, pk, Action.ENTER)
    run_action(
        request,
        lambda: services.nomination_submit(nomination=nomination, by=request.user),
        _("Đã gửi đề nghị."),
    )
    return redirect("emulation:nomination", pk=pk)


@login_required
@require_POST
def nomination_return(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = selectors.get_nomination_for(request.user, pk)
    run_action(
        request,
        lambda: services.nomination_return(
            nomination=nomination, reason=request.POST.get("reason", ""), by=request.user
        ),
        _("Đã trả lại đề nghị."),
    )
    return redirect("emulation:nomination", pk=pk)


@login_required
@require_POST
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = selectors.get_nomination_for(request.user, pk, Action.ENTER)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chưa chọn tệp."))
    else:
        run_action(
            request,
            lambda: services.evidence_add(
                nomination=nomination, upload=form.cleaned_data["file"], by=request.user
            ),
            _("Đã thêm minh chứng."),
        )
    return redirect("emulation:nomination", pk=pk)


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = selectors.get_evidence_for(request.user, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Tệp không còn trên máy chủ.")) from None
    return FileResponse(handle, as_attachment=True, filename=evidence.original_name)


@login_required
def nomination_import(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.ENTER):
        raise PermissionDenied
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        units=units_for(request),
        initial={"year": page_year(request)},
    )
    created = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.nominations_import(
            unit=d["unit"], year=d["year"], data=d["file"].read(), by=request.user
        ),
        _("Đã nhập và gửi các đề nghị."),
    )
    if created:
        return redirect(f"{reverse('emulation:nominations')}?year={form.cleaned_data['year']}")
    return form_page(request, form, _("Nhập danh sách đề nghị từ Excel"), multipart=True)
