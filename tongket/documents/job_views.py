"""Background jobs on screen: the list (and starting a province's documents), a job's page
with its progress, files and errors, "Chạy lại" and "Hủy". A running job whose process died
is marked failed when it is looked at (services.job_fail_if_stale)."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units.web import run_action

from . import selectors, services
from .choices import JobKind
from .forms import ProvinceJobForm


@login_required
def jobs(request: HttpRequest) -> HttpResponse:
    units = selectors.job_units(request.user)
    today = datetime.date.today()
    form = ProvinceJobForm(
        request.POST or None,
        units=units,
        initial={"year": today.year - 1 if today.month < 7 else today.year, "unit": units.first()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            job = services.job_start(
                kind=JobKind.PROVINCE_DOCUMENTS,
                unit=form.cleaned_data["unit"],
                year=form.cleaned_data["year"],
                params={"pdf": form.cleaned_data["pdf"]},
                by=request.user,
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            return redirect("documents:job", pk=job.pk)
    listed = [services.job_fail_if_stale(item) for item in selectors.job_list(request.user)[:30]]
    return render(
        request,
        "documents/jobs.html",
        {"form": form, "jobs": listed, "can_start": units.exists()},
    )


@login_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    item = services.job_fail_if_stale(selectors.get_job_for(request.user, pk))
    return render(
        request,
        "documents/job.html",
        {"job": item, "files": selectors.job_files(item) if item.finished else []},
    )


@login_required
def job_progress(request: HttpRequest, pk: int) -> JsonResponse:
    item = services.job_fail_if_stale(selectors.get_job_for(request.user, pk))
    return JsonResponse(
        {
            "state": item.state,
            "state_label": item.get_state_display(),
            "total": item.total,
            "done": item.done,
            "percent": item.percent,
            "finished": item.finished,
            "errors": item.errors,
        }
    )


@login_required
@require_POST
def job_resume(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_job_for(request.user, pk)
    run_action(
        request,
        lambda: services.job_resume(job=item, by=request.user),
        _("Đã chạy lại các bước chưa xong."),
    )
    return redirect("documents:job", pk=item.pk)


@login_required
@require_POST
def job_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_job_for(request.user, pk)
    run_action(request, lambda: services.job_cancel(job=item, by=request.user), _("Đã hủy việc."))
    return redirect("documents:job", pk=item.pk)
