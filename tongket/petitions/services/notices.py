"""Conclusion notices: of one session or of the whole round, numbered from the body's book,
listing the commune's items by priority with whom they are assigned to and by when."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.units import audit
from tongket.units.choices import DocumentType
from tongket.units.models import Person, User
from tongket.units.numbering import number_take

from ..choices import PLAN_BODIES, Competence, State
from ..models import ConclusionNotice, NoticeItem, Plan, Recommendation, Session
from ._common import check_signer, require_edit_in_commune


def notice_items(plan: Plan, session: Session | None) -> list[Recommendation]:
    """The commune's items of a session (or the round), most urgent first."""
    items = Recommendation.objects.filter(plan=plan, competence=Competence.COMMUNE)
    if session is not None:
        items = items.filter(session=session)
    return list(items.order_by("priority", "deadline", "id"))


@transaction.atomic
def _check_notice(
    plan: Plan, session: Session | None, *, body: str, issued_on: datetime.date, conclusions: str
) -> None:
    """What a notice needs before a number is taken: a body that issues notices, a held session
    of this plan (or the round) dated before the notice, and a conclusion text."""
    if body not in PLAN_BODIES:
        raise ValidationError({"body": _("Thông báo do Đảng ủy hoặc UBND ban hành.")})
    if session is not None:
        if session.plan_id != plan.pk:
            raise ValidationError({"session": _("Buổi làm việc không thuộc kế hoạch này.")})
        if not session.is_held:
            raise ValidationError(
                {"session": _("Buổi làm việc chưa được ghi nhận là đã làm việc.")}
            )
        if issued_on < session.date:
            raise ValidationError({"issued_on": _("Thông báo phải ban hành sau buổi làm việc.")})
    elif issued_on < plan.period_start:
        raise ValidationError({"issued_on": _("Thông báo phải ban hành sau khi bắt đầu làm việc.")})
    if not (conclusions or "").strip():
        raise ValidationError({"conclusions": _("Chưa nhập nội dung kết luận.")})


def notice_create(
    *,
    plan: Plan,
    by: User,
    issued_on: datetime.date,
    acknowledged: str,
    conclusions: str,
    session: Session | None = None,
    body: str | None = None,
    signer: Person | None = None,
    number: int | None = None,
) -> ConclusionNotice:
    """Issue the conclusion notice of a session or of the round. Every item of the commune's
    competence must have been assigned first: the notice is where each one is given to
    someone, with a deadline and a priority."""
    require_edit_in_commune(by, plan.unit)
    body = body or plan.body
    _check_notice(plan, session, body=body, issued_on=issued_on, conclusions=conclusions)
    check_signer(body, plan.unit, signer, issued_on)
    items = notice_items(plan, session)
    unassigned = [item for item in items if item.state == State.NEW]
    if unassigned:
        raise ValidationError(
            {
                "conclusions": _(
                    "Các kiến nghị %(ids)s chưa được giao xử lý: hãy giao đơn vị hoặc người, hạn "
                    "và mức ưu tiên trước khi ra thông báo kết luận."
                )
                % {"ids": ", ".join(f"#{item.pk}" for item in unassigned)}
            }
        )
    what = session.unit.name if session is not None else _("các đơn vị")
    issued = number_take(
        unit=plan.unit,
        body=body,
        doc_type=DocumentType.NOTICE,
        on=issued_on,
        by=by,
        number=number,
        subject=_("Kết luận buổi làm việc với %(what)s") % {"what": what},
        ref=f"petitions.Plan:{plan.pk}",
    )
    notice = audit.create(
        ConclusionNotice(
            unit=plan.unit,
            plan=plan,
            session=session,
            body=body,
            issued_on=issued_on,
            number=issued,
            acknowledged=(acknowledged or "").strip(),
            conclusions=conclusions.strip(),
            signer=signer,
            created_by=by,
        ),
        by=by,
    )
    NoticeItem.objects.bulk_create(
        NoticeItem(notice=notice, recommendation=item, order=index)
        for index, item in enumerate(items, start=1)
    )
    audit.record(
        by=by,
        action="update",
        obj=notice,
        changes={"items": [None, [item.pk for item in items]]},
    )
    return notice
