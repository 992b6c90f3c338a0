"""Screens of the rulebook: every dated row, and adding or correcting one."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.web import save_form

from .. import selectors, services
from ..forms import LegalDocumentForm, RuleForm
from .common import form_page, units_for


@login_required
def rulebook(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "emulation/rulebook.html",
        {
            "groups": selectors.rulebook_page(request.user),
            "documents": selectors.legal_documents(),
            "can_edit_documents": access.is_superuser(request.user),
            "can_administer": access.can_anywhere(request.user, Action.ADMINISTER),
        },
    )


def _rule_fields(data: dict) -> dict:
    return {name: data.get(name) for name in services.RULE_FIELDS}


@login_required
def rule_create(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.ADMINISTER):
        raise PermissionDenied
    initial = {}
    source = request.GET.get("from", "")
    if source.isdigit():
        rule = selectors.visible_rules(request.user).filter(pk=source).first()
        if rule is not None:
            initial = {name: getattr(rule, name) for name in services.RULE_FIELDS}
            initial["effective_from"] = timezone.localdate()
    form = RuleForm(
        request.POST or None, units=units_for(request, Action.ADMINISTER), initial=initial
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.rule_create(by=request.user, **_rule_fields(d)),
        _("Đã thêm quy định mới; quy định áp dụng từ ngày hiệu lực."),
    ):
        return redirect("emulation:rulebook")
    return form_page(request, form, _("Thêm quy định"))


@login_required
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rule = selectors.get_rule_for(request.user, pk)
    if rule.unit is None and not access.is_superuser(request.user):
        raise PermissionDenied(_("Chỉ quản trị hệ thống mới sửa được quy định toàn quốc."))
    if rule.unit is not None:
        access.require(request.user, Action.ADMINISTER, rule.unit)
    form = RuleForm(
        request.POST or None,
        units=units_for(request, Action.ADMINISTER),
        initial={name: getattr(rule, name) for name in services.RULE_FIELDS},
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.rule_update(rule=rule, by=request.user, **_rule_fields(d)),
        _("Đã lưu quy định."),
    ):
        return redirect("emulation:rulebook")
    return form_page(request, form, _("Sửa quy định"))


@login_required
def legal_document_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Add or correct a legal document the rulebook cites (system administrators)."""
    if not access.is_superuser(request.user):
        raise PermissionDenied(_("Chỉ quản trị hệ thống mới sửa được văn bản pháp luật."))
    document = selectors.get_legal_document(pk) if pk is not None else None
    initial = (
        {name: getattr(document, name) for name in services.DOCUMENT_FIELDS} if document else {}
    )
    form = LegalDocumentForm(request.POST or None, initial=initial)
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.legal_document_save(by=request.user, document=document, **d),
        _("Đã lưu văn bản pháp luật."),
    ):
        return redirect(reverse("emulation:rulebook") + "#van-ban")
    return form_page(request, form, _("Văn bản pháp luật"))
