"""Sending items up and following them to their answer: the commune's report to the province,
the province's receipt, its assignment to a department, its answer."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.units import access, audit
from tongket.units.choices import Action, DocumentType
from tongket.units.models import Person, Unit, User
from tongket.units.numbering import number_take

from ..choices import OPEN_STATES, PLAN_BODIES, Competence, ForwardLevel, State
from ..models import Forwarding, ProvinceReport, Recommendation
from ._common import (
    check_department,
    check_not_future,
    check_signer,
    province_of,
    require_edit_in_commune,
)


@dataclass
class ForwardItem:
    """One item to send up, the level that receives it and, for a department, which one."""

    recommendation: Recommendation
    level: str | None
    department: Unit | None = None


def _check_item(commune: Unit, province: Unit, entry: ForwardItem) -> None:
    item = entry.recommendation
    label = f"#{item.pk}"
    if item.commune_id != commune.pk:
        raise ValidationError(
            _("Kiến nghị %(label)s không thuộc %(commune)s.")
            % {"label": label, "commune": commune.name}
        )
    existing = (
        Forwarding.objects.filter(recommendation=item).select_related("report__number").first()
    )
    if existing is not None:
        raise ValidationError(
            _("Kiến nghị %(label)s đã được chuyển cấp trên theo báo cáo số %(number)s.")
            % {"label": label, "number": existing.report.number_label}
        )
    if item.state not in OPEN_STATES:
        raise ValidationError(
            _("Kiến nghị %(label)s đã %(state)s nên không chuyển lên.")
            % {"label": label, "state": item.get_state_display().lower()}
        )
    if item.competence == Competence.COMMUNE:
        raise ValidationError(
            _(
                "Kiến nghị %(label)s thuộc thẩm quyền của xã, phường: hãy giao xử lý, "
                "không chuyển lên."
            )
            % {"label": label}
        )
    if entry.level not in ForwardLevel.values:
        raise ValidationError(
            {"level": _("Kiến nghị %(label)s chưa chọn cấp nhận.") % {"label": label}}
        )
    if entry.level == ForwardLevel.DEPARTMENT and entry.department is None:
        raise ValidationError(
            {"department": _("Kiến nghị %(label)s chưa chọn sở, ngành nhận.") % {"label": label}}
        )
    check_department(province, entry.department, "department")


@transaction.atomic
def report_create(
    *,
    commune: Unit,
    by: User,
    items: list[ForwardItem],
    issued_on: datetime.date,
    body: str,
    subject: str = "",
    signer: Person | None = None,
    number: int | None = None,
) -> ProvinceReport:
    """Compile items beyond the commune's competence into a numbered report to the province
    and forward each of them: never one twice, never without the level that receives it."""
    require_edit_in_commune(by, commune)
    if body not in PLAN_BODIES:
        raise ValidationError({"body": _("Báo cáo do Đảng ủy hoặc UBND ban hành.")})
    if not items:
        raise ValidationError(_("Chưa chọn kiến nghị nào để chuyển cấp trên."))
    province = province_of(commune)
    if province is None:
        raise ValidationError(_("Xã, phường này không thuộc tỉnh nào trong tongket."))
    check_not_future(issued_on, "issued_on", _("Ngày báo cáo"))
    check_signer(body, commune, signer, issued_on)
    if len({entry.recommendation.pk for entry in items}) != len(items):
        raise ValidationError(_("Một kiến nghị được chọn hai lần."))
    for entry in items:
        _check_item(commune, province, entry)
    subject = (subject or "").strip() or _(
        "Tổng hợp kiến nghị của cử tri, các đơn vị vượt thẩm quyền giải quyết của %(commune)s"
    ) % {"commune": commune.name[:1].lower() + commune.name[1:]}
    issued = number_take(
        unit=commune,
        body=body,
        doc_type=DocumentType.REPORT,
        on=issued_on,
        by=by,
        number=number,
        subject=subject,
        ref="petitions.ProvinceReport",
    )
    report = audit.create(
        ProvinceReport(
            commune=commune,
            province=province,
            body=body,
            issued_on=issued_on,
            number=issued,
            subject=subject,
            signer=signer,
            created_by=by,
        ),
        by=by,
    )
    for entry in items:
        audit.create(
            Forwarding(
                recommendation=entry.recommendation,
                report=report,
                commune=commune,
                level=entry.level,
                department=entry.department if entry.level == ForwardLevel.DEPARTMENT else None,
                forwarded_on=issued_on,
                forwarded_by=by,
            ),
            by=by,
        )
        audit.transition(entry.recommendation, "state", State.FORWARDED, by=by, verb="forward")
    return report


def _require_province_side(by: User, forwarding: Forwarding) -> Unit:
    province = forwarding.report.province
    access.require(by, Action.EDIT, province)
    return province


def _locked(forwarding: Forwarding) -> Forwarding:
    """The forwarding read again under a row lock, with its item's current state."""
    return (
        Forwarding.objects.select_for_update(of=("self",))
        .select_related("recommendation", "report__province")
        .get(pk=forwarding.pk)
    )


def _check_not_closed(forwarding: Forwarding) -> None:
    if forwarding.recommendation.state != State.FORWARDED:
        raise ValidationError(_("Xã, phường đã đóng kiến nghị này."))


@transaction.atomic
def forwarding_receive(*, forwarding: Forwarding, by: User) -> Forwarding:
    forwarding = _locked(forwarding)
    _require_province_side(by, forwarding)
    if forwarding.received_at is not None:
        raise ValidationError(_("Kiến nghị đã được tiếp nhận."))
    before = audit.snapshot(forwarding)
    forwarding.received_at, forwarding.received_by = timezone.now(), by
    return audit.update(forwarding, before, by=by, verb="receive")


@transaction.atomic
def forwarding_assign(*, forwarding: Forwarding, department: Unit | None, by: User) -> Forwarding:
    """The province gives a forwarded item to one of its departments (receiving it if that
    was not done yet)."""
    forwarding = _locked(forwarding)
    province = _require_province_side(by, forwarding)
    _check_not_closed(forwarding)
    if department is None:
        raise ValidationError({"department": _("Hãy chọn sở, ngành được giao.")})
    check_department(province, department, "department")
    before = audit.snapshot(forwarding)
    now = timezone.now()
    if forwarding.received_at is None:
        forwarding.received_at, forwarding.received_by = now, by
    forwarding.department, forwarding.department_assigned_at = department, now
    return audit.update(forwarding, before, by=by, verb="assign_department")


@transaction.atomic
def forwarding_answer(
    *, forwarding: Forwarding, answer: str, by: User, answered_on: datetime.date | None = None
) -> Forwarding:
    """The level above answers; the answer reaches the commune, which closes the item."""
    forwarding = _locked(forwarding)
    _require_province_side(by, forwarding)
    _check_not_closed(forwarding)
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("Chưa nhập nội dung trả lời.")})
    answered_on = answered_on or datetime.date.today()
    check_not_future(answered_on, "answered_on", _("Ngày trả lời"))
    if answered_on < forwarding.forwarded_on:
        raise ValidationError({"answered_on": _("Ngày trả lời phải sau ngày chuyển lên.")})
    before = audit.snapshot(forwarding)
    if forwarding.received_at is None:
        forwarding.received_at, forwarding.received_by = timezone.now(), by
    forwarding.answer, forwarding.answered_on, forwarding.answered_by = answer, answered_on, by
    return audit.update(forwarding, before, by=by, verb="answer")
