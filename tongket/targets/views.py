"""Screens for indicators, plans, results, approval and dashboards. Views parse input, call
one service or selector and render; rights come from the access layer only."""

from __future__ import annotations

import datetime
from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action, UnitKind
from tongket.units.downloads import xlsx_download
from tongket.units.models import Unit
from tongket.units.selectors import breadcrumbs, unit_tree
from tongket.units.web import run_action, year_param

from . import exports, selectors, services
from .achievement import format_value
from .choices import IndicatorGroup, Period
from .forms import (
    AssignForm,
    CellForm,
    DeadlineForm,
    IndicatorForm,
    PlanImportForm,
    ReasonForm,
)
from .models import Indicator, IndicatorVersion, Plan, Submission


def _year(request: HttpRequest, default: int | None = None) -> int:
    year = year_param(request, low=selectors.FIRST_YEAR, high=selectors.LAST_YEAR)
    return year or default or datetime.date.today().year


def _period(request: HttpRequest) -> str:
    period = request.GET.get("period") or request.POST.get("period") or Period.YEAR
    return period if period in Period.values else Period.YEAR


def _default_year(unit: Unit, years: list[int] | None = None) -> int:
    """The latest past year with an indicator set: a year is reviewed after it ends, so in
    January the dashboards open on the year just finished."""
    today = datetime.date.today()
    years = selectors.years_with_data(unit) if years is None else years
    past = [year for year in years if year < today.year]
    return past[0] if past else today.year


def _years(unit: Unit) -> list[int]:
    years = selectors.years_with_data(unit)
    return years or [datetime.date.today().year]


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "targets/index.html", {"nodes": unit_tree(request.user)})


# One unit ------------------------------------------------------------------------------


@login_required
def unit_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, pk)
    years = _years(unit)
    year = _year(request, _default_year(unit, years))
    period = _period(request)
    rows = selectors.unit_year_achievements(unit, year, period)
    if request.GET.get("format") == "xlsx":
        return xlsx_download(
            exports.achievements_xlsx(unit, year, period, rows),
            f"chi-tieu-{unit.code}-{year}-{period}.xlsx",
        )
    chart = {
        "labels": [row.indicator_name for row in rows if row.percent_of_plan is not None],
        "percents": [float(row.percent_of_plan) for row in rows if row.percent_of_plan is not None],
        "trend": selectors.unit_trend(unit, year),
        "names": {row.indicator_code: row.indicator_name for row in rows},
        "percentLabel": _("% kế hoạch"),
        "resultLabel": _("Thực hiện"),
        "planLabel": _("Kế hoạch"),
    }
    submission = Submission.objects.filter(unit=unit, year=year, period=period).first()
    documents = Counter(row.plan_document for row in rows if row.plan_document)
    return render(
        request,
        "targets/unit_dashboard.html",
        {
            "unit": unit,
            "main_plan_document": documents.most_common(1)[0][0] if documents else "",
            "trail": breadcrumbs(unit),
            "year": year,
            "years": years,
            "period": period,
            "periods": Period.choices,
            "rows": rows,
            "chart": chart,
            "submission": submission,
            "is_province": unit.kind == UnitKind.PROVINCE,
            "can_enter": access.can(request.user, Action.ENTER, unit),
        },
    )


@login_required
def entry_grid(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, pk)
    years = _years(unit)
    year = _year(request, _default_year(unit, years))
    period = _period(request)
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
            "can_enter": access.can(request.user, Action.ENTER, unit) and not grid.locked,
            "can_approve": access.can(request.user, Action.APPROVE, unit),
            "reason_form": ReasonForm(),
            "due": selectors.deadline_for(unit, year, period),
        },
    )


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _cell_payload(version: IndicatorVersion, result) -> dict:
    if result is None or not result.pk:
        return {"version": 0, "value": "", "numerator": "", "denominator": "", "display": ""}

    def text(value):
        return format_value_plain(value)

    return {
        "version": result.version,
        "value": text(result.value),
        "numerator": text(result.numerator),
        "denominator": text(result.denominator),
        "is_estimate": result.is_estimate,
        "note": result.note,
        "display": format_value(
            version, result.value, numerator=result.numerator, denominator=result.denominator
        ),
    }


def format_value_plain(value) -> str:
    from tongket.lib.numbers import format_number

    return format_number(value.normalize()) if value is not None else ""


@login_required
@require_POST
def cell_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Save one cell of the grid. With Accept: application/json (the grid's script) the
    answer is JSON; a plain form post comes back to the grid with a message."""
    unit = access.get_unit_for(request.user, pk)
    year, period = _year(request), _period(request)
    form = CellForm(request.POST)
    grid_url = (
        reverse("targets:grid", args=[unit.pk]) + "?" + urlencode({"year": year, "period": period})
    )
    status, payload = 200, {}
    if not form.is_valid():
        status = 400
        payload = {"ok": False, "errors": {k: [str(m) for m in v] for k, v in form.errors.items()}}
    else:
        data = form.cleaned_data
        indicator = Indicator.objects.filter(pk=data["indicator"]).first()
        version = selectors.version_of(unit, indicator, year) if indicator else None
        if version is None:
            raise Http404(_("Không tìm thấy chỉ tiêu."))
        try:
            result = services.result_save(
                unit=unit,
                indicator=indicator,
                year=year,
                period=period,
                by=request.user,
                expected_version=data["version"],
                value=data["value"],
                numerator=data["numerator"],
                denominator=data["denominator"],
                is_estimate=data["is_estimate"],
                note=data["note"],
            )
            payload = {"ok": True, "message": _("Đã lưu."), **_cell_payload(version, result)}
        except services.ConflictError as exc:
            status = 409
            payload = {
                "ok": False,
                "conflict": True,
                "errors": exc.message_dict,
                "current": _cell_payload(version, exc.current),
            }
        except ValidationError as exc:
            status = 400
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
            payload = {"ok": False, "errors": errors}
        except PermissionDenied as exc:
            if not _wants_json(request):
                raise
            status, payload = 403, {"ok": False, "errors": {"__all__": [str(exc)]}}
    if _wants_json(request):
        return JsonResponse(payload, status=status)
    if payload.get("ok"):
        messages.success(request, payload["message"])
    else:
        for field_messages in payload["errors"].values():
            for message in field_messages:
                messages.error(request, message)
    return redirect(grid_url)


def _back_to_grid(submission: Submission) -> HttpResponse:
    url = reverse("targets:grid", args=[submission.unit_id])
    return redirect(f"{url}?{urlencode({'year': submission.year, 'period': submission.period})}")


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, pk, Action.ENTER)
    year, period = _year(request), _period(request)
    run_action(
        request,
        lambda: services.submission_submit(unit=unit, year=year, period=period, by=request.user),
        _("Đã gửi số liệu lên cấp trên."),
    )
    return _back_to_grid(Submission(unit=unit, year=year, period=period))


def _submission_for(request: HttpRequest, pk: int) -> Submission:
    return access.get_for(
        Submission.objects.select_related("unit"), request.user, pk, Action.APPROVE
    )


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission_for(request, pk)
    run_action(
        request,
        lambda: services.submission_approve(submission=submission, by=request.user),
        _("Đã duyệt; số liệu được khóa."),
    )
    return _back_to_grid(submission)


@login_required
@require_POST
def send_back(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission_for(request, pk)
    reason = request.POST.get("reason", "")
    run_action(
        request,
        lambda: services.submission_return(submission=submission, reason=reason, by=request.user),
        _("Đã trả lại số liệu cho đơn vị."),
    )
    return _back_to_grid(submission)


@login_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission_for(request, pk)
    reason = request.POST.get("reason", "")
    run_action(
        request,
        lambda: services.submission_reopen(submission=submission, reason=reason, by=request.user),
        _("Đã mở lại số liệu để sửa."),
    )
    return _back_to_grid(submission)


# Province ------------------------------------------------------------------------------


def _group(request: HttpRequest) -> str:
    group = request.GET.get("group", "")
    return group if group in IndicatorGroup.values else IndicatorGroup.ECONOMY


@login_required
def province_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    """Communes side by side: the matrix for one group, the roll-up, and the ranking of one
    indicator."""
    province = access.get_unit_for(request.user, pk)
    years = _years(province)
    year = _year(request, _default_year(province, years))
    period = _period(request)
    versions = selectors.indicator_set(province, year)
    if request.GET.get("format") == "xlsx":
        board = selectors.province_board(province, year, period, versions)
        return xlsx_download(
            exports.province_xlsx(board), f"so-sanh-{province.code}-{year}-{period}.xlsx"
        )
    group = _group(request)
    shown = [v for v in versions if v.group == group]
    code = request.GET.get("indicator", "")
    chosen = next((v for v in versions if v.indicator.code == code), None) or (
        shown[0] if shown else None
    )
    if chosen is not None and chosen not in shown:
        shown.append(chosen)
    board = selectors.province_board(province, year, period, shown)
    column = board.column(chosen.indicator.code) if chosen else None
    ranked = selectors.ranking(column, board.communes) if column else []
    chart = {
        "labels": [r.unit.name for r in ranked if r.row.percent_of_plan is not None],
        "percents": [
            float(r.row.percent_of_plan) for r in ranked if r.row.percent_of_plan is not None
        ],
        "percentLabel": _("% kế hoạch"),
    }
    return render(
        request,
        "targets/province.html",
        {
            "unit": province,
            "trail": breadcrumbs(province),
            "year": year,
            "years": years,
            "period": period,
            "periods": Period.choices,
            "group": group,
            "groups": IndicatorGroup.choices,
            "board": board,
            "matrix": [
                (commune, [column.cells[commune.pk] for column in board.columns])
                for commune in board.communes
            ],
            "all_versions": versions,
            "chosen": chosen,
            "column": column,
            "ranked": ranked,
            "chart": chart,
            "can_assign": access.can(request.user, Action.EDIT, province),
        },
    )


@login_required
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    """A province officer sets every commune's plan for one group of indicators at once."""
    parent = access.get_unit_for(request.user, pk, Action.EDIT)
    year = _year(request, datetime.date.today().year)
    group = _group(request)
    versions = [v for v in selectors.indicator_set(parent, year) if v.group == group]
    communes = selectors.communes_of(parent, year)
    plans = {
        (p.unit_id, p.indicator_id): p for p in Plan.objects.filter(unit__parent=parent, year=year)
    }
    existing_document = next((p.document for p in plans.values() if p.document), "")
    form = AssignForm(
        request.POST or None,
        communes=communes,
        versions=versions,
        plans=plans,
        initial={"document": existing_document},
    )
    if request.method == "POST" and form.is_valid():
        entries = [
            services.PlanEntry(commune, version.indicator, value, place=commune.name)
            for commune, version, value in form.entries()
        ]
        try:
            count = services.plan_assign_bulk(
                parent=parent,
                year=year,
                entries=entries,
                document=form.cleaned_data["document"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("Đã lưu %(n)s kế hoạch.") % {"n": count})
            return redirect(f"{request.path}?{urlencode({'year': year, 'group': group})}")
    return render(
        request,
        "targets/assign.html",
        {
            "unit": parent,
            "trail": breadcrumbs(parent),
            "year": year,
            "years": _years(parent),
            "group": group,
            "groups": IndicatorGroup.choices,
            "versions": versions,
            "form": form,
            "import_form": PlanImportForm(),
        },
    )


@login_required
def assign_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the plans as an .xlsx to fill in. POST: import it (all or nothing)."""
    parent = access.get_unit_for(request.user, pk, Action.EDIT)
    year = _year(request, datetime.date.today().year)
    if request.method != "POST":
        communes = selectors.communes_of(parent, year)
        versions = selectors.indicator_set(parent, year)
        plans = {
            (p.unit_id, p.indicator_id): p
            for p in Plan.objects.filter(unit__parent=parent, year=year)
        }
        return xlsx_download(
            exports.plan_template_xlsx(parent, year, communes, versions, plans),
            f"ke-hoach-{parent.code}-{year}.xlsx",
        )
    form = PlanImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            count = services.plans_import_xlsx(
                parent=parent,
                year=year,
                data=form.cleaned_data["file"].read(),
                document=form.cleaned_data["document"],
                by=request.user,
            )
        except ValidationError as exc:
            messages.error(request, _("Không nhập được tệp; chưa lưu gì. Các lỗi:"))
            for message in exc.messages[:50]:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã nhập %(n)s kế hoạch từ tệp.") % {"n": count})
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(reverse("targets:assign", args=[parent.pk]) + "?" + urlencode({"year": year}))


@login_required
def board(request: HttpRequest, pk: int) -> HttpResponse:
    """Who has submitted, who is late, who was returned, for one period."""
    parent = access.get_unit_for(request.user, pk)
    years = _years(parent)
    year = _year(request, _default_year(parent, years))
    period = _period(request)
    can_set = access.can(request.user, Action.EDIT, parent)
    form = DeadlineForm(request.POST or None, initial={"period": period})
    if request.method == "POST":
        if not can_set:
            raise PermissionDenied
        if form.is_valid():
            services.deadline_set(
                unit=parent,
                year=year,
                period=form.cleaned_data["period"],
                due=form.cleaned_data["due"],
                by=request.user,
            )
            messages.success(request, _("Đã đặt hạn nộp."))
            return redirect(
                f"{request.path}?{urlencode({'year': year, 'period': form.cleaned_data['period']})}"
            )
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
            "due": rows[0].due if rows else None,
        },
    )


@login_required
def rollup(request: HttpRequest) -> HttpResponse:
    """One indicator rolled up over every commune the user can see (the whole country for a
    national officer), with the breakdown per province."""
    roots = list(selectors.scope_roots(request.user)[:1])
    if not roots:
        raise PermissionDenied
    year = _year(request, _default_year(roots[0]))
    period = _period(request)
    versions = selectors.indicator_set(roots[0], year)
    code = request.GET.get("indicator", "")
    version = next((v for v in versions if v.indicator.code == code), None) or (
        versions[0] if versions else None
    )
    report = selectors.indicator_rollup(request.user, version, year, period) if version else None
    return render(
        request,
        "targets/rollup.html",
        {
            "year": year,
            "period": period,
            "periods": Period.choices,
            "versions": versions,
            "version": version,
            "report": report,
            "rows": [
                (
                    area,
                    format_value(
                        version,
                        value.value,
                        numerator=value.numerator,
                        denominator=value.denominator,
                    ),
                    value.units,
                )
                for area, value in (report.by_area if report else [])
            ],
        },
    )


# Catalogue -----------------------------------------------------------------------------


def _catalogue_unit(request: HttpRequest) -> Unit:
    raw = request.GET.get("unit", "") or request.POST.get("unit", "")
    if raw.isdigit():
        return access.get_unit_for(request.user, raw)
    root = selectors.scope_roots(request.user).first()
    if root is None:
        raise Http404
    return root


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    unit = _catalogue_unit(request)
    year = _year(request, datetime.date.today().year)
    if request.method == "POST":
        try:
            created = services.indicator_year_copy(
                year=year, by=request.user, owner=unit if unit.parent_id else None
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Đã sao chép %(n)s chỉ tiêu từ năm %(year)s.")
                % {"n": len(created), "year": year - 1},
            )
        return redirect(f"{request.path}?{urlencode({'unit': unit.pk, 'year': year})}")
    versions = selectors.indicator_set(unit, year, include_retired=True)
    return render(
        request,
        "targets/catalogue.html",
        {
            "unit": unit,
            "year": year,
            "years": sorted({*_years(unit), year, year + 1}, reverse=True),
            "versions": versions,
            "can_edit": access.can(request.user, Action.EDIT, unit),
            "editable": {
                v.pk
                for v in versions
                if (
                    v.indicator.owner is not None
                    and access.can(request.user, Action.EDIT, v.indicator.owner)
                )
                or (v.indicator.owner is None and access.is_superuser(request.user))
            },
        },
    )


def _indicator_form_data(data: dict) -> dict:
    return {name: data[name] for name in services.VERSION_FIELDS if name in data}


@login_required
def indicator_create(request: HttpRequest) -> HttpResponse:
    owner = _catalogue_unit(request)
    access.require(request.user, Action.EDIT, owner)
    year = _year(request, datetime.date.today().year)
    weights = Indicator.objects.filter(versions__in=selectors.indicator_set(owner, year))
    form = IndicatorForm(request.POST or None, weights=weights)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.indicator_create(
                owner=owner,
                code=data["code"],
                year=year,
                by=request.user,
                **_indicator_form_data(data),
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("Đã thêm chỉ tiêu."))
            return redirect(
                reverse("targets:catalogue") + "?" + urlencode({"unit": owner.pk, "year": year})
            )
    title = _("Thêm chỉ tiêu năm %(year)s của %(unit)s") % {"year": year, "unit": owner.name}
    return render(request, "targets/form.html", {"form": form, "title": title})


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    version = access.get_for(
        IndicatorVersion.objects.select_related("indicator", "indicator__owner"), request.user, pk
    )
    owner = version.indicator.owner
    if owner is None and not access.is_superuser(request.user):
        raise PermissionDenied
    if owner is not None:
        access.require(request.user, Action.EDIT, owner)
    weights = Indicator.objects.exclude(pk=version.indicator_id)
    if owner is not None:
        weights = weights.filter(versions__in=selectors.indicator_set(owner, version.year))
    initial = {name: getattr(version, name) for name in services.VERSION_FIELDS}
    initial["code"] = version.indicator.code
    form = IndicatorForm(request.POST or None, weights=weights, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_version_update(
                version=version, by=request.user, **_indicator_form_data(form.cleaned_data)
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("Đã lưu chỉ tiêu (các năm khác giữ nguyên)."))
            query = {"year": version.year, **({"unit": owner.pk} if owner else {})}
            return redirect(reverse("targets:catalogue") + "?" + urlencode(query))
    title = _("Sửa chỉ tiêu %(code)s năm %(year)s") % {
        "code": version.indicator.code,
        "year": version.year,
    }
    return render(request, "targets/form.html", {"form": form, "title": title})
