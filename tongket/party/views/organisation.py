"""Screens of the Đảng bộ's organisation: the dashboard, terms and congresses, chi bộ and
their types, the rulebook."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.lib.dates import DateFormatError, parse_date
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.web import save_form

from .. import selectors, services
from ..choices import PARTY_SIDE
from ..forms import CellTypeForm, RuleForm, TermForm
from ..models import Rule
from .common import has_party_scope, place_for, post_and_return


def _form_page(request, form, title: str, place=None, **context) -> HttpResponse:
    return render(
        request, "party/form.html", {"form": form, "title": title, "place": place, **context}
    )


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The party dashboard; a user with state-side grants only reads the counts."""
    if not has_party_scope(request):
        return redirect("party:statistics")
    place = place_for(request)
    today = timezone.localdate()
    records = selectors.members_list(request.user, commune=place.commune)
    stats = selectors.party_statistics(place.commune, today.year)
    return render(
        request,
        "party/index.html",
        {
            "place": place,
            "stats": stats,
            "year": today.year,
            "members_count": records.count(),
            "overdue": selectors.overdue_steps(
                place.commune,
                selectors.admissions_for(request.user, place.commune),
                records,
            ),
            "incoming": selectors.transfers_incoming(request.user).filter(
                to_cell__parent=place.commune
            ),
            "communes": selectors.party_communes(request.user)[:200],
        },
    )


@login_required
def terms(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    if not place.whole:
        raise Http404
    return render(
        request,
        "party/terms.html",
        {"place": place, "terms": selectors.terms_page(place.commune)},
    )


@login_required
def term_create(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    if not place.can_edit:
        raise PermissionDenied
    form = TermForm(request.POST or None)
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.term_record(commune=place.commune, by=request.user, **d),
        _("Đã ghi nhiệm kỳ; số văn bản của Đảng ủy đánh lại từ số 1 trong nhiệm kỳ mới."),
    ):
        return redirect(f"{reverse('party:terms')}?{place.query}")
    return _form_page(request, form, _("Ghi nhiệm kỳ Đảng ủy"), place)


def _day(request):
    raw = request.GET.get("on", "")
    if not raw:
        return timezone.localdate()
    try:
        return parse_date(raw)
    except DateFormatError:
        return timezone.localdate()


@login_required
def cells(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    if not place.whole:
        raise Http404
    return render(
        request,
        "party/cells.html",
        {
            "place": place,
            "page": selectors.cells_page(place.commune, _day(request)),
            "form": CellTypeForm() if place.can_edit else None,
        },
    )


@login_required
@require_POST
def cell_type(request: HttpRequest, pk: int) -> HttpResponse:
    cell = selectors.party_unit_for(request.user, pk)
    return post_and_return(
        request,
        CellTypeForm(request.POST),
        lambda d: services.cell_type_set(cell=cell, by=request.user, **d),
        _("Đã lưu loại chi bộ."),
        f"{reverse('party:cells')}?commune={cell.parent_id}",
    )


@login_required
def rulebook(request: HttpRequest) -> HttpResponse:
    _require_party_user(request)
    communes = selectors.party_communes(request.user)
    return render(
        request,
        "party/rulebook.html",
        {
            "groups": selectors.rulebook_page(communes.first()),
            "can_administer": access.is_superuser(request.user)
            or access.can_anywhere(request.user, Action.ADMINISTER, PARTY_SIDE),
        },
    )


def _rule_units(request):
    return selectors.party_units(request.user, Action.ADMINISTER).order_by("path")


def _rule_fields(data: dict) -> dict:
    return {name: data.get(name) for name in services.RULE_FIELDS}


def _require_party_user(request: HttpRequest) -> None:
    """The rulebook's screens are the party side's (404 for a state-side user)."""
    if not (has_party_scope(request) or access.is_superuser(request.user)):
        raise Http404


@login_required
def rule_create(request: HttpRequest) -> HttpResponse:
    _require_party_user(request)
    if not (
        access.is_superuser(request.user)
        or access.can_anywhere(request.user, Action.ADMINISTER, PARTY_SIDE)
    ):
        raise PermissionDenied
    initial = {}
    source = request.GET.get("from", "")
    if source.isdigit():
        rule = Rule.objects.filter(pk=source).first()
        if rule is not None:
            initial = {name: getattr(rule, name) for name in services.RULE_FIELDS}
            initial["effective_from"] = timezone.localdate()
    form = RuleForm(request.POST or None, units=_rule_units(request), initial=initial)
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.rule_create(by=request.user, **_rule_fields(d)),
        _("Đã thêm quy định; quy định áp dụng từ ngày hiệu lực."),
    ):
        return redirect("party:rulebook")
    return _form_page(request, form, _("Thêm quy định công tác Đảng"))


@login_required
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_party_user(request)
    rule = Rule.objects.filter(pk=pk).select_related("unit").first()
    if rule is None:
        raise Http404
    if rule.unit is None and not access.is_superuser(request.user):
        raise PermissionDenied(_("Chỉ quản trị hệ thống mới sửa được quy định toàn quốc."))
    if rule.unit is not None:
        access.require(request.user, Action.ADMINISTER, rule.unit, PARTY_SIDE)
    form = RuleForm(
        request.POST or None,
        units=_rule_units(request),
        initial={name: getattr(rule, name) for name in services.RULE_FIELDS},
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.rule_update(rule=rule, by=request.user, **_rule_fields(d)),
        _("Đã lưu quy định."),
    ):
        return redirect("party:rulebook")
    return _form_page(request, form, _("Sửa quy định công tác Đảng"))
