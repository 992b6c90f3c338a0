"""Each person's own list (officer: assigned to me; reporter: what my unit raised and the
answers; leader: what is overdue; both levels: forwarded items unanswered too long), the
commune's list with its filters, the year's statistics and the policy settings."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action, UnitKind
from tongket.units.selectors import paginate
from tongket.units.web import save_form, year_param

from .. import selectors, services
from ..choices import Competence, Field, State
from ..forms import PolicyForm
from ..models import PetitionPolicy
from ._common import int_param

ABOVE_SUBUNITS = (*COMMUNE_KINDS, UnitKind.PROVINCE, UnitKind.DISTRICT)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    today = datetime.date.today()
    reporter_units = access.root_units_for(user, Action.ENTER).exclude(kind__in=ABOVE_SUBUNITS)
    context = {
        "today": today,
        "assigned": selectors.assigned_to(user, today),
        "raised": selectors.raised_by_my_units(user, limit=100) if reporter_units.exists() else [],
        "is_reporter": reporter_units.exists(),
        "overdue": list(selectors.overdue_items(user, today)[:100])
        if access.can_anywhere(user, Action.APPROVE)
        else [],
        "is_leader": access.can_anywhere(user, Action.APPROVE),
        "flagged": list(selectors.flagged_forwardings(user, today)[:100]),
        "is_province": selectors.province_units(user).exists(),
        "can_plan": selectors.communes_for(user).exists(),
        "can_administer": access.can_anywhere(user, Action.ADMINISTER),
    }
    return render(request, "petitions/home.html", context)


def _filters(request: HttpRequest) -> selectors.Filters:
    return selectors.Filters(
        state=request.GET.get("tinh-trang", ""),
        field=request.GET.get("linh-vuc", "")
        if request.GET.get("linh-vuc") in Field.values
        else "",
        competence=request.GET.get("tham-quyen", ""),
        unit=int_param(request, "don-vi"),
        plan=int_param(request, "dot"),
        query=request.GET.get("q", "")[:100],
        overdue=request.GET.get("qua-han") == "1",
        year=year_param(request, "nam"),
    )


@login_required
def item_list(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    items = selectors.recommendation_list(request.user, filters)
    return render(
        request,
        "petitions/list.html",
        {
            "page": paginate(items, request.GET.get("trang"), per_page=50),
            "filters": filters,
            "states": State.choices,
            "fields": Field.choices,
            "competences": Competence.choices,
            "today": datetime.date.today(),
            "can_forward": selectors.communes_for(request.user).exists(),
        },
    )


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    communes = access.units_for(request.user).communes().order_by("name_folded")
    unit_id = int_param(request, "don-vi")
    commune = communes.filter(pk=unit_id).first() if unit_id else communes.first()
    year = year_param(request, "nam") or datetime.date.today().year
    stats = selectors.year_statistics(commune, year) if commune else None
    return render(
        request,
        "petitions/statistics.html",
        {"stats": stats, "communes": communes[:200], "commune": commune, "year": year},
    )


@login_required
def policy(request: HttpRequest) -> HttpResponse:
    units = (
        access.units_for(request.user, Action.ADMINISTER)
        .filter(kind__in=[*COMMUNE_KINDS, UnitKind.PROVINCE], valid_to__isnull=True)
        .order_by("path")
    )
    if not units.exists():
        raise PermissionDenied(_("Chỉ quản trị của tỉnh hoặc xã, phường mới sửa cài đặt này."))
    chosen = units.filter(pk=int_param(request, "don-vi") or 0).first() or units.first()
    current = PetitionPolicy.objects.filter(unit=chosen).first()
    form = PolicyForm(
        request.POST or None,
        units=units,
        initial={
            "unit": chosen,
            "answer_days": current.answer_days if current else None,
            "citizen_hourly_limit": current.citizen_hourly_limit if current else None,
        },
    )
    if request.method == "POST":
        saved = save_form(
            request,
            form,
            lambda d: services.policy_set(
                unit=d["unit"],
                by=request.user,
                answer_days=d["answer_days"],
                citizen_hourly_limit=d["citizen_hourly_limit"],
            ),
            _("Đã lưu cài đặt."),
        )
        if saved is not None:
            return redirect(f"{request.path}?don-vi={saved.unit_id}")
    return render(
        request,
        "petitions/policy.html",
        {"form": form, "unit": chosen, "effective": selectors.policy_for(chosen)},
    )
