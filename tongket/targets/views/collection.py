"""Collection and approval: the entry grid and its cells, sending a period's figures up,
approving, returning and reopening them, and the board of who has sent (with deadlines)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.selectors import breadcrumbs
from tongket.units.web import run_action, save_form, show_errors

from .. import selectors, services
from ..choices import Period, Qualifier
from ..forms import CellForm, DeadlineForm, ReasonForm
from ..models import Submission
from . import common

# What a cell form posts, as result_save takes it.
CELL_FIELDS = (
    "value",
    "numerator",
    "denominator",
    "is_estimate",
    "note",
    "qualifier",
    "percent_of_plan",
)


@login_required
def entry_grid(request: HttpRequest, pk: int) -> HttpResponse:
    unit, years, year, period = common.unit_year_period(request, pk)
    _require_existing(unit)
    grid = selectors.entry_grid(unit, year, period)
    return render(
        request,
        "targets/grid.html",
        {
            "unit": unit,
            "trail": breadcrumbs(unit),
            "grid": grid,
            "year": year,
            "years": years,
            "period": period,
            "periods": Period.choices,
            "qualifiers": Qualifier.choices,
            "can_enter": access.can(request.user, Action.ENTER, unit) and not grid.locked,
            "can_approve": access.can(request.user, Action.APPROVE, unit),
            "reason_form": ReasonForm(),
            "due": selectors.deadline_for(unit, year, period),
        },
    )


def _require_existing(unit) -> None:
    """A unit that has ended (merged, abolished) has no entry grid: its figures stay
    readable on its dashboard."""
    if not unit.is_active:
        raise Http404(_("Đơn vị đã sáp nhập hoặc giải thể; không còn nhập số liệu."))


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _cell_answer(request: HttpRequest, status: int, payload: dict, back: str) -> HttpResponse:
    """JSON for the grid's script; for a plain form post, the message and back to the grid."""
    if _wants_json(request):
        return JsonResponse(payload, status=status)
    if payload["ok"]:
        messages.success(request, payload["message"])
    else:
        show_errors(request, payload["errors"])
    return redirect(back)


def _refused(exc: ValidationError) -> dict:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return {"ok": False, "errors": errors}


@login_required
@require_POST
def cell_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Save one cell of the grid through result_save and answer with what happened: with
    Accept: application/json (the grid's script) as JSON (200, 400, 403, 409 with the
    current cell); a plain form post comes back to the grid with a message."""
    unit = access.get_unit_for(request.user, pk)
    _require_existing(unit)
    year, period = common.year(request), common.period(request)
    back = common.url("grid", unit.pk, year=year, period=period)
    form = CellForm(request.POST)
    if not form.is_valid():
        errors = {k: [str(m) for m in v] for k, v in form.errors.items()}
        return _cell_answer(request, 400, {"ok": False, "errors": errors}, back)
    data = form.cleaned_data
    version = selectors.version_of(unit, data["indicator"], year)
    if version is None:
        raise Http404(_("Không tìm thấy chỉ tiêu."))
    try:
        result = services.result_save(
            unit=unit,
            indicator=version.indicator,
            year=year,
            period=period,
            by=request.user,
            expected_version=data["version"],
            **{name: data[name] for name in CELL_FIELDS},
        )
    except services.ConflictError as exc:
        current = selectors.cell_state(version, exc.current)
        conflict = {"ok": False, "conflict": True, "errors": exc.message_dict, "current": current}
        return _cell_answer(request, 409, conflict, back)
    except ValidationError as exc:
        return _cell_answer(request, 400, _refused(exc), back)
    except PermissionDenied as exc:
        if not _wants_json(request):
            raise
        return _cell_answer(request, 403, {"ok": False, "errors": {"__all__": [str(exc)]}}, back)
    saved = {"ok": True, "message": _("Đã lưu."), **selectors.cell_state(version, result)}
    return _cell_answer(request, 200, saved, back)


def _back_to_grid(submission: Submission) -> HttpResponse:
    return redirect(
        common.url("grid", submission.unit_id, year=submission.year, period=submission.period)
    )


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, pk, Action.ENTER)
    _require_existing(unit)
    year, period = common.year(request), common.period(request)
    if request.POST.get("confirm_empty") != "1":
        grid = selectors.entry_grid(unit, year, period)
        empty = grid.empty_rows
        if empty and not grid.locked and len(empty) < len(grid.rows):
            return render(
                request,
                "targets/submit_confirm.html",
                {"unit": unit, "trail": breadcrumbs(unit), "grid": grid, "empty": empty},
            )
    run_action(
        request,
        lambda: services.submission_submit(unit=unit, year=year, period=period, by=request.user),
        _("Đã gửi số liệu lên cấp trên."),
    )
    return _back_to_grid(Submission(unit=unit, year=year, period=period))


def _decide(request: HttpRequest, pk: int, decide, done: str, *, with_reason: bool) -> HttpResponse:
    """One of the approver's buttons on a submission (with the reason typed when the service
    asks for one), then back to the unit's grid."""
    submission = selectors.get_submission_for(request.user, pk, Action.APPROVE)
    extra = {"reason": request.POST.get("reason", "")} if with_reason else {}
    run_action(request, lambda: decide(submission=submission, by=request.user, **extra), done)
    return _back_to_grid(submission)


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    done = _("Đã duyệt; số liệu được khóa.")
    return _decide(request, pk, services.submission_approve, done, with_reason=False)


@login_required
@require_POST
def send_back(request: HttpRequest, pk: int) -> HttpResponse:
    done = _("Đã trả lại số liệu cho đơn vị.")
    return _decide(request, pk, services.submission_return, done, with_reason=True)


@login_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    done = _("Đã mở lại số liệu để sửa.")
    return _decide(request, pk, services.submission_reopen, done, with_reason=True)


@login_required
def board(request: HttpRequest, pk: int) -> HttpResponse:
    """Who has submitted, who is late, who was returned, for one period."""
    parent, years, year, period = common.unit_year_period(request, pk)
    can_set = access.can(request.user, Action.EDIT, parent)
    form = DeadlineForm(request.POST or None, initial={"period": period})
    if request.method == "POST":
        if not can_set:
            raise PermissionDenied
        saved = save_form(
            request,
            form,
            lambda d: services.deadline_set(
                unit=parent, year=year, period=d["period"], due=d["due"], by=request.user
            ),
            _("Đã đặt hạn nộp."),
        )
        if saved:
            return redirect(common.url("board", parent.pk, year=year, period=saved.period))
    rows = selectors.submission_board(parent, year, period)
    return render(
        request,
        "targets/board.html",
        {
            "unit": parent,
            "trail": breadcrumbs(parent),
            "year": year,
            "years": years,
            "period": period,
            "periods": Period.choices,
            "rows": rows,
            "form": form,
            "can_set": can_set,
            "can_import": access.can(request.user, Action.ENTER, parent),
            "due": rows[0].due if rows else None,
        },
    )
