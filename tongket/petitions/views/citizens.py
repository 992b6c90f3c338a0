"""Moderating what citizens sent from the portal."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units.choices import Action
from tongket.units.models import Unit
from tongket.units.web import run_action

from .. import selectors, services
from ..choices import SubmissionState
from ..forms import AcceptForm, RejectForm
from ..services._common import province_of
from ._common import form_errors_to_messages


def _accept_form(submission, data=None) -> AcceptForm:
    commune = submission.commune
    return AcceptForm(
        data,
        units=Unit.objects.filter(Q(parent=commune) | Q(pk=commune.pk))
        .filter(valid_to__isnull=True)
        .order_by("depth", "name_folded"),
        departments=selectors.departments_of(province_of(commune)),
        initial={"unit": commune, "text": submission.text, "competence": "commune"},
    )


@login_required
def submissions(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("tinh-trang", SubmissionState.PENDING)
    return render(
        request,
        "petitions/submissions.html",
        {
            "submissions": selectors.submission_list(request.user, state)[:200],
            "state": state,
            "states": SubmissionState.choices,
        },
    )


@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.get_submission_for(request.user, pk, Action.EDIT)
    return render(
        request,
        "petitions/submission.html",
        {
            "submission": submission,
            "accept_form": _accept_form(submission),
            "reject_form": RejectForm(),
        },
    )


@login_required
def submission_photo(request: HttpRequest, pk: int) -> FileResponse:
    submission = selectors.get_submission_for(request.user, pk, Action.EDIT)
    if not submission.photo:
        raise Http404(_("Không có ảnh."))
    return FileResponse(submission.photo.open("rb"), content_type=submission.photo_type)


@login_required
@require_POST
def submission_accept(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.get_submission_for(request.user, pk, Action.EDIT)
    form = _accept_form(submission, request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("petitions:submission", pk=pk)
    item = run_action(
        request,
        lambda: services.submission_accept(
            submission=submission, by=request.user, **form.cleaned_data
        ),
        _("Đã tiếp nhận ý kiến vào danh sách kiến nghị."),
    )
    if item is not None:
        return redirect("petitions:item", pk=item.pk)
    return redirect("petitions:submission", pk=pk)


@login_required
@require_POST
def submission_reject(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.get_submission_for(request.user, pk, Action.EDIT)
    form = RejectForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    run_action(
        request,
        lambda: services.submission_reject(submission=submission, by=request.user, reason=reason),
        _("Đã ghi lý do không tiếp nhận."),
    )
    return redirect("petitions:submissions")
