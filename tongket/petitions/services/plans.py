"""Writes of the planning stage: the plan, its number, its delegation, its sessions and what
was recorded at each."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.units import audit
from tongket.units.choices import DocumentType, UnitKind
from tongket.units.models import Position, Unit, User
from tongket.units.numbering import number_take

from ..choices import (
    COMMUNE_DELEGATION_ROLES,
    GROUP_ORDER,
    MASS_DELEGATION_ROLES,
    PLAN_BODIES,
    SessionState,
)
from ..models import DelegationMember, Plan, Session
from ._common import check_signer, require_edit_in_commune

PLAN_FIELDS = (
    "body",
    "issued_on",
    "subject",
    "purpose",
    "legal_bases",
    "content",
    "period_start",
    "period_end",
    "signer",
)
# What an issued plan keeps: its number was taken for this body and date.
LOCKED_WHEN_ISSUED = ("body", "issued_on")
SESSION_FIELDS = ("unit", "date", "start_time", "place", "unit_attendees")


def _check_plan(plan: Plan) -> None:
    if not plan.unit.is_commune:
        raise ValidationError({"unit": _("Kế hoạch làm việc do xã, phường, đặc khu ban hành.")})
    if plan.body not in PLAN_BODIES:
        raise ValidationError({"body": _("Kế hoạch do Đảng ủy hoặc UBND ban hành.")})
    if not (plan.subject or "").strip():
        raise ValidationError({"subject": _("Chưa nhập trích yếu của kế hoạch.")})
    if plan.period_start and plan.period_end and plan.period_end < plan.period_start:
        raise ValidationError({"period_end": _("Ngày kết thúc phải sau ngày bắt đầu làm việc.")})
    if plan.issued_on and plan.period_end and plan.issued_on > plan.period_end:
        raise ValidationError(
            {"issued_on": _("Kế hoạch phải ban hành trước khi kết thúc đợt làm việc.")}
        )
    check_signer(plan.body, plan.unit, plan.signer, plan.issued_on)


@transaction.atomic
def plan_create(*, unit: Unit, by: User, **fields) -> Plan:
    require_edit_in_commune(by, unit)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"Unknown plan fields: {sorted(unknown)}")
    plan = Plan(unit=unit, created_by=by, **fields)
    plan.subject = (plan.subject or "").strip()
    _check_plan(plan)
    return audit.create(plan, by=by)


@transaction.atomic
def plan_update(*, plan: Plan, by: User, **fields) -> Plan:
    require_edit_in_commune(by, plan.unit)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"Unknown plan fields: {sorted(unknown)}")
    if plan.is_issued:
        changed = [
            name
            for name in LOCKED_WHEN_ISSUED
            if getattr(plan, name) != fields.get(name, getattr(plan, name))
        ]
        if changed:
            raise ValidationError(
                {
                    changed[0]: _(
                        "Kế hoạch đã ban hành với số %(number)s nên không đổi được cơ quan "
                        "ban hành hay ngày ban hành."
                    )
                    % {"number": plan.number_label}
                }
            )
    before = audit.snapshot(plan)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.subject = (plan.subject or "").strip()
    _check_plan(plan)
    outside = plan.sessions.exclude(date__range=(plan.period_start, plan.period_end))
    if outside.exists():
        raise ValidationError(
            {"period_end": _("Có buổi làm việc nằm ngoài thời gian mới của kế hoạch.")}
        )
    return audit.update(plan, before, by=by)


@transaction.atomic
def plan_issue(*, plan: Plan, by: User, number: int | None = None) -> Plan:
    """Give the plan its number from the body's book (the next free one, or the one typed,
    which the book checks)."""
    require_edit_in_commune(by, plan.unit)
    plan = Plan.objects.select_for_update().select_related("unit").get(pk=plan.pk)
    if plan.is_issued:
        raise ValidationError(_("Kế hoạch đã có số %(number)s.") % {"number": plan.number_label})
    issued = number_take(
        unit=plan.unit,
        body=plan.body,
        doc_type=DocumentType.PLAN,
        on=plan.issued_on,
        by=by,
        number=number,
        subject=plan.subject,
        ref=f"petitions.Plan:{plan.pk}",
    )
    before = audit.snapshot(plan)
    plan.number = issued
    return audit.update(plan, before, by=by, verb="issue")


def delegation_group(position: Position, commune: Unit) -> str | None:
    """The delegation group a position puts its holder in, or None when it does not."""
    if position.unit_id == commune.pk:
        return COMMUNE_DELEGATION_ROLES.get(position.role)
    if position.unit.parent_id == commune.pk and position.unit.kind == UnitKind.MASS_ORGANIZATION:
        return MASS_DELEGATION_ROLES.get(position.role)
    return None


@transaction.atomic
def delegation_add(
    *, plan: Plan, position: Position, by: User, leads: bool = False
) -> DelegationMember:
    """Add the holder of a position to the delegation, with the title held on the plan's
    date. Only positions of the Ban Thường vụ, the Thường trực HĐND, the UBND, the Ủy ban
    MTTQ and the heads of the đoàn thể qualify."""
    require_edit_in_commune(by, plan.unit)
    group = delegation_group(position, plan.unit)
    if group is None:
        raise ValidationError(
            {
                "position": _(
                    "Chức vụ “%(title)s” không thuộc Ban Thường vụ, Thường trực HĐND, UBND, "
                    "Ủy ban MTTQ hay người đứng đầu đoàn thể của %(commune)s."
                )
                % {"title": position.title, "commune": plan.unit.name}
            }
        )
    if not position.is_held_on(plan.issued_on):
        raise ValidationError(
            {
                "position": _("%(name)s không giữ chức vụ này vào ngày %(date)s.")
                % {
                    "name": position.person.full_name,
                    "date": plan.issued_on.strftime("%d/%m/%Y"),
                }
            }
        )
    if plan.delegation.filter(person_id=position.person_id).exists():
        raise ValidationError({"position": _("Người này đã có trong đoàn công tác.")})
    if leads:
        for member in plan.delegation.filter(leads=True):
            before = audit.snapshot(member)
            member.leads = False
            audit.update(member, before, by=by)
    order = GROUP_ORDER.index(group) * 100 + plan.delegation.filter(group=group).count()
    member = DelegationMember(
        plan=plan,
        person=position.person,
        position=position,
        title=position.title,
        group=group,
        leads=leads,
        order=order,
    )
    return audit.create(member, by=by)


@transaction.atomic
def delegation_remove(*, member: DelegationMember, by: User) -> None:
    require_edit_in_commune(by, member.plan.unit)
    audit.delete(member, by=by)


def _check_session(session: Session) -> None:
    plan = session.plan
    unit = session.unit
    if unit.parent_id != plan.unit_id or unit.is_commune:
        raise ValidationError(
            {
                "unit": _("Chỉ làm việc với đơn vị trực thuộc %(commune)s.")
                % {"commune": plan.unit.name}
            }
        )
    if not (session.place or "").strip():
        raise ValidationError({"place": _("Chưa nhập địa điểm làm việc.")})
    if session.date and not (plan.period_start <= session.date <= plan.period_end):
        raise ValidationError(
            {
                "date": _("Ngày làm việc phải trong thời gian của kế hoạch (%(start)s – %(end)s).")
                % {
                    "start": plan.period_start.strftime("%d/%m/%Y"),
                    "end": plan.period_end.strftime("%d/%m/%Y"),
                }
            }
        )
    clash = Session.objects.filter(plan=plan, unit=unit).exclude(pk=session.pk)
    if clash.exists():
        raise ValidationError({"unit": _("Kế hoạch đã có buổi làm việc với đơn vị này.")})


@transaction.atomic
def session_create(*, plan: Plan, by: User, **fields) -> Session:
    require_edit_in_commune(by, plan.unit)
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown session fields: {sorted(unknown)}")
    session = Session(plan=plan, **fields)
    session.place = (session.place or "").strip()
    _check_session(session)
    return audit.create(session, by=by)


@transaction.atomic
def session_update(*, session: Session, by: User, **fields) -> Session:
    require_edit_in_commune(by, session.plan.unit)
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown session fields: {sorted(unknown)}")
    if "unit" in fields and fields["unit"] != session.unit and session.recommendations.exists():
        raise ValidationError(
            {"unit": _("Buổi làm việc đã có kiến nghị nên không đổi được đơn vị.")}
        )
    before = audit.snapshot(session)
    for name, value in fields.items():
        setattr(session, name, value)
    session.place = (session.place or "").strip()
    _check_session(session)
    return audit.update(session, before, by=by)


@transaction.atomic
def session_record(
    *,
    session: Session,
    by: User,
    report_summary: str,
    difficulties: str = "",
    unit_attendees: str | None = None,
    delegation_present: list[DelegationMember] | None = None,
) -> Session:
    """Record that the session was held: who attended and the summary of the unit's report."""
    require_edit_in_commune(by, session.plan.unit)
    if session.date > datetime.date.today():
        raise ValidationError(
            {
                "report_summary": _("Buổi làm việc ngày %(date)s chưa diễn ra.")
                % {"date": session.date.strftime("%d/%m/%Y")}
            }
        )
    if not (report_summary or "").strip():
        raise ValidationError(
            {"report_summary": _("Chưa nhập tóm tắt báo cáo của đơn vị tại buổi làm việc.")}
        )
    present = list(delegation_present or [])
    if any(member.plan_id != session.plan_id for member in present):
        raise ValidationError(
            {"delegation_present": _("Thành viên được chọn không thuộc đoàn công tác.")}
        )
    before = audit.snapshot(session)
    session.report_summary = report_summary.strip()
    session.difficulties = (difficulties or "").strip()
    if unit_attendees is not None:
        session.unit_attendees = unit_attendees.strip()
    was_held = session.is_held
    session.state = SessionState.HELD
    audit.update(session, before, by=by, verb="record" if not was_held else "")
    old = sorted(session.delegation_present.values_list("pk", flat=True))
    new = sorted(member.pk for member in present)
    if old != new:
        session.delegation_present.set(present)
        audit.record(
            by=by, action="update", obj=session, changes={"delegation_present": [old, new]}
        )
    return session
