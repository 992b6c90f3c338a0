"""Writes of a recommendation's life inside the commune: raised (at a session or by a unit),
classified, merged, assigned, worked on, resolved, and its answer published."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.units import audit
from tongket.units.choices import Action
from tongket.units.models import Person, Unit, User

from ..choices import OPEN_STATES, Competence, Priority, State
from ..models import Assignment, Recommendation, Session, Source
from ._common import (
    acts_inside_commune,
    check_department,
    check_in_commune,
    check_not_future,
    check_person_in_commune,
    commune_of,
    province_of,
    require_commune_side,
    require_edit_in_commune,
)
from .privacy import mask_names


def _check_classification(item: Recommendation) -> None:
    if not (item.text or "").strip():
        raise ValidationError({"text": _("Chưa nhập nội dung kiến nghị.")})
    if item.competence == Competence.DEPARTMENT and item.department is None:
        raise ValidationError({"department": _("Hãy chọn sở, ngành có thẩm quyền.")})
    if item.competence != Competence.DEPARTMENT:
        item.department = None
    check_department(province_of(item.commune), item.department, "department")


def _may_raise(by: User, unit: Unit, commune: Unit) -> None:
    """A unit's reporter raises its own items (enter right); the commune's officers any."""
    if acts_inside_commune(by, Action.EDIT, unit, commune):
        return
    require_commune_side(by, Action.ENTER, unit, commune)


@transaction.atomic
def recommendation_create(
    *,
    by: User,
    text: str,
    field: str,
    competence: str,
    session: Session | None = None,
    unit: Unit | None = None,
    department: Unit | None = None,
    person: Person | None = None,
    person_name: str = "",
    received_on: datetime.date | None = None,
) -> Recommendation:
    """A recommendation raised at a held session (by the session's unit) or by a unit on
    another day. Its first source records who raised it and in what words."""
    if session is not None:
        unit = session.unit
        received_on = session.date
    if unit is None:
        raise ValidationError({"unit": _("Chưa chọn đơn vị kiến nghị.")})
    commune = commune_of(unit)
    if commune is None:
        raise ValidationError(
            {"unit": _("Kiến nghị phải do một xã, phường hay đơn vị trực thuộc nêu.")}
        )
    _may_raise(by, unit, commune)
    if session is not None and not session.is_held:
        raise ValidationError(
            {"text": _("Hãy ghi nhận buổi làm việc (đã làm việc) trước khi ghi kiến nghị.")}
        )
    received_on = received_on or datetime.date.today()
    check_not_future(received_on, "received_on", _("Ngày tiếp nhận"))
    check_person_in_commune(commune, person, "person")
    item = Recommendation(
        commune=commune,
        unit=unit,
        plan=session.plan if session is not None else None,
        session=session,
        text=(text or "").strip(),
        field=field,
        competence=competence,
        department=department,
        received_on=received_on,
        created_by=by,
    )
    _check_classification(item)
    audit.create(item, by=by)
    source = Source(
        recommendation=item,
        unit=unit,
        session=session,
        person=person,
        person_name=(person_name or (person.full_name if person else "")).strip(),
        text=item.text,
        received_on=received_on,
    )
    audit.create(source, by=by)
    return item


def _check_open(item: Recommendation) -> None:
    if item.state not in OPEN_STATES:
        raise ValidationError(
            _("Kiến nghị đang ở tình trạng “%(state)s” nên không sửa được.")
            % {"state": item.get_state_display()}
        )


@transaction.atomic
def recommendation_classify(
    *,
    item: Recommendation,
    by: User,
    text: str,
    field: str,
    competence: str,
    department: Unit | None = None,
) -> Recommendation:
    """Correct the wording, field or competence of an item that is still open."""
    require_edit_in_commune(by, item.commune)
    _check_open(item)
    if competence != Competence.COMMUNE and item.state != State.NEW:
        raise ValidationError(
            {
                "competence": _(
                    "Kiến nghị đã giao xử lý tại xã, phường; hãy giữ thẩm quyền của xã, phường "
                    "hoặc giải quyết xong trước."
                )
            }
        )
    before = audit.snapshot(item)
    item.text, item.field = (text or "").strip(), field
    item.competence, item.department = competence, department
    _check_classification(item)
    return audit.update(item, before, by=by)


@transaction.atomic
def recommendation_merge(
    *, target: Recommendation, others: list[Recommendation], by: User
) -> Recommendation:
    """Merge identical or near-identical items into `target`: their sources move to it (every
    unit that raised the matter stays on record and is told the answer), then they go."""
    require_edit_in_commune(by, target.commune)
    others = [other for other in others if other.pk != target.pk]
    if not others:
        raise ValidationError(_("Chọn ít nhất một kiến nghị khác để gộp."))
    _check_open(target)
    for other in others:
        if other.commune_id != target.commune_id:
            raise ValidationError(_("Chỉ gộp được các kiến nghị của cùng một xã, phường."))
        if other.state not in OPEN_STATES:
            raise ValidationError(
                _("Kiến nghị #%(pk)s đã %(state)s nên không gộp được.")
                % {"pk": other.pk, "state": other.get_state_display().lower()}
            )
        if other.notice_lines.exists():
            raise ValidationError(
                _("Kiến nghị #%(pk)s đã có trong thông báo kết luận nên không gộp được.")
                % {"pk": other.pk}
            )
    merged_ids = [other.pk for other in others]
    for source in Source.objects.filter(recommendation__in=others):
        before = audit.snapshot(source)
        source.recommendation = target
        audit.update(source, before, by=by, verb="merge")
    for other in others:
        audit.delete(other, by=by, note=_("Gộp vào kiến nghị #%(pk)s.") % {"pk": target.pk})
    audit.record(
        by=by,
        action="update",
        obj=target,
        verb="merge",
        changes={"merged": [None, merged_ids]},
        note=_("Gộp các kiến nghị %(ids)s.") % {"ids": ", ".join(f"#{pk}" for pk in merged_ids)},
    )
    return target


def _check_assignees(item: Recommendation, unit: Unit | None, person: Person | None) -> None:
    if unit is None and person is None:
        raise ValidationError({"assignee_unit": _("Hãy chọn đơn vị hoặc người được giao.")})
    check_in_commune(
        item.commune,
        unit,
        "assignee_unit",
        _("Đơn vị được giao phải thuộc %(commune)s.") % {"commune": item.commune.name},
    )
    check_person_in_commune(item.commune, person, "assignee_person")


def _check_deadline(item: Recommendation, deadline: datetime.date | None, reason: str) -> None:
    if deadline is None:
        raise ValidationError({"deadline": _("Chưa nhập hạn giải quyết.")})
    if deadline < item.received_on:
        raise ValidationError({"deadline": _("Hạn giải quyết phải sau ngày tiếp nhận.")})
    plan = item.plan
    if plan is not None and deadline > plan.period_end and not reason.strip():
        raise ValidationError(
            {
                "reason": _("Hạn %(deadline)s quá ngày kết thúc kế hoạch (%(end)s): hãy ghi lý do.")
                % {
                    "deadline": deadline.strftime("%d/%m/%Y"),
                    "end": plan.period_end.strftime("%d/%m/%Y"),
                }
            }
        )


@transaction.atomic
def recommendation_assign(
    *,
    item: Recommendation,
    by: User,
    deadline: datetime.date | None,
    priority: int = Priority.NORMAL,
    assignee_unit: Unit | None = None,
    assignee_person: Person | None = None,
    reason: str = "",
) -> Recommendation:
    """Assign (or reassign) an item within the commune's competence to a commune department,
    a unit or a person, with a deadline and a priority. A deadline after the plan's end needs
    a reason. Every assignment is kept in the history."""
    require_edit_in_commune(by, item.commune)
    _check_open(item)
    if item.competence != Competence.COMMUNE:
        raise ValidationError(
            {
                "assignee_unit": _(
                    "Kiến nghị thuộc %(competence)s: hãy chuyển cấp trên, không giao xử lý tại "
                    "xã, phường."
                )
                % {"competence": item.get_competence_display().lower()}
            }
        )
    reason = (reason or "").strip()
    _check_assignees(item, assignee_unit, assignee_person)
    _check_deadline(item, deadline, reason)
    if priority not in Priority.values:
        raise ValidationError({"priority": _("Mức ưu tiên không hợp lệ.")})
    audit.create(
        Assignment(
            recommendation=item,
            assignee_unit=assignee_unit,
            assignee_person=assignee_person,
            deadline=deadline,
            priority=priority,
            reason=reason,
            assigned_by=by,
        ),
        by=by,
    )
    return audit.transition(
        item,
        "state",
        State.ASSIGNED,
        by=by,
        verb="assign",
        note=reason,
        assignee_unit=assignee_unit,
        assignee_person=assignee_person,
        deadline=deadline,
        priority=priority,
    )


def _require_worker(by: User, item: Recommendation) -> None:
    """The commune's officers, or the person the item is assigned to."""
    if acts_inside_commune(by, Action.EDIT, item.unit, item.commune):
        return
    if by.person_id and by.person_id == item.assignee_person_id:
        return
    raise PermissionDenied(_("Bạn không có quyền xử lý kiến nghị này."))


@transaction.atomic
def recommendation_start(*, item: Recommendation, by: User) -> Recommendation:
    _require_worker(by, item)
    if item.state != State.ASSIGNED:
        raise ValidationError(_("Chỉ kiến nghị đã giao mới chuyển sang đang xử lý."))
    return audit.transition(item, "state", State.IN_PROGRESS, by=by, verb="start")


def _inform_sources(item: Recommendation, on: datetime.date, by: User) -> None:
    """The units (and citizens) that raised the item are told the answer."""
    for source in item.sources.filter(informed_on__isnull=True):
        before = audit.snapshot(source)
        source.informed_on = on
        audit.update(source, before, by=by, verb="inform")


@transaction.atomic
def recommendation_resolve(
    *,
    item: Recommendation,
    by: User,
    answer: str,
    resolved_on: datetime.date | None = None,
) -> Recommendation:
    """Resolve an item of the commune's competence: never without the answer."""
    _require_worker(by, item)
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("Chưa nhập kết quả giải quyết, trả lời kiến nghị.")})
    if item.state not in (State.ASSIGNED, State.IN_PROGRESS):
        raise ValidationError(
            {"answer": _("Chỉ giải quyết được kiến nghị đã giao xử lý tại xã, phường.")}
        )
    resolved_on = resolved_on or datetime.date.today()
    check_not_future(resolved_on, "resolved_on", _("Ngày giải quyết"))
    if resolved_on < item.received_on:
        raise ValidationError({"resolved_on": _("Ngày giải quyết phải sau ngày tiếp nhận.")})
    audit.transition(
        item,
        "state",
        State.RESOLVED,
        by=by,
        verb="resolve",
        answer=answer,
        resolved_on=resolved_on,
        resolved_by=by,
    )
    _inform_sources(item, resolved_on, by)
    return item


@transaction.atomic
def recommendation_close(
    *, item: Recommendation, by: User, note: str = "", closed_on: datetime.date | None = None
) -> Recommendation:
    """Close a forwarded item once the level above answered: its answer becomes the item's,
    and the units that raised it are told."""
    require_edit_in_commune(by, item.commune)
    forwarding = getattr(item, "forwarding", None)
    if item.state != State.FORWARDED or forwarding is None:
        raise ValidationError(_("Chỉ đóng được kiến nghị đã chuyển cấp trên."))
    if not forwarding.is_answered:
        raise ValidationError(_("Cấp trên chưa trả lời kiến nghị này nên chưa đóng được."))
    closed_on = closed_on or datetime.date.today()
    check_not_future(closed_on, "closed_on", _("Ngày đóng"))
    if closed_on < forwarding.answered_on:
        raise ValidationError({"closed_on": _("Ngày đóng phải sau ngày cấp trên trả lời.")})
    answer = forwarding.answer
    if (note or "").strip():
        answer += "\n" + note.strip()
    audit.transition(
        item,
        "state",
        State.RESOLVED,
        by=by,
        verb="close",
        answer=answer,
        resolved_on=closed_on,
        resolved_by=by,
    )
    _inform_sources(item, closed_on, by)
    return item


@transaction.atomic
def answer_publish(*, item: Recommendation, by: User) -> Recommendation:
    """Publish a resolved item's answer on the portal; the names of those who raised it are
    hidden in the published text (a leader decides, as for articles)."""
    require_commune_side(by, Action.APPROVE, item.commune, item.commune)
    if item.state != State.RESOLVED:
        raise ValidationError(_("Chỉ công khai được trả lời của kiến nghị đã giải quyết."))
    if item.published_at is not None:
        raise ValidationError(_("Trả lời đã được công khai."))
    names = [
        source.person_name or (source.person.full_name if source.person_id else "")
        for source in item.sources.select_related("person")
    ]
    before = audit.snapshot(item)
    item.public_question = mask_names(item.text, names)
    item.published_at = timezone.now()
    return audit.update(item, before, by=by, verb="publish")


@transaction.atomic
def answer_unpublish(*, item: Recommendation, by: User) -> Recommendation:
    require_commune_side(by, Action.APPROVE, item.commune, item.commune)
    if item.published_at is None:
        raise ValidationError(_("Trả lời chưa được công khai."))
    before = audit.snapshot(item)
    item.public_question, item.published_at = "", None
    return audit.update(item, before, by=by, verb="unpublish")


def may_work_on(user: User, item: Recommendation) -> bool:
    """For screens: whether the buttons to work on an item are offered."""
    try:
        _require_worker(user, item)
    except PermissionDenied:
        return False
    return True
