"""Writes of the decisions stage: award decisions numbered per issuing body and year, each
award's prize (coefficient × the base salary in force on the decision date), and the approval
of a whole council result in one step."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..choices import BODY_STYLE, AwardingBody, NominationState, RuleKind
from ..eligibility import cap_check
from ..models import Award, AwardDecision, Ballot, CouncilSession, Nomination
from ..rules import Rulebook
from .common import fresh_nominations


def next_decision_number(commune: Unit, body: str, on: datetime.date) -> int:
    used = AwardDecision.objects.filter(commune=commune, body=body, number_year=on.year)
    return (max(used.values_list("number", flat=True), default=0)) + 1


def _prize(coefficient: Decimal, base_salary: int) -> int:
    return int((coefficient * base_salary).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@transaction.atomic
def decision_create(
    *,
    commune: Unit,
    body: str,
    number: int,
    signed_on: datetime.date,
    signer_name: str,
    nominations: Iterable[Nomination],
    by: User,
    signer_title: str = "",
    subject: str = "",
    session: CouncilSession | None = None,
) -> AwardDecision:
    """Issue an award decision: the number is free for this body and year, every awardee
    passed the council vote and falls within the body's power, the caps hold, and each
    prize is the coefficient × the base salary in force on the decision date."""
    access.require(by, Action.APPROVE, commune)
    if body not in AwardingBody.values:
        raise ValidationError({"body": _("Cấp khen thưởng không hợp lệ.")})
    nominations = fresh_nominations(nominations)
    if not nominations:
        raise ValidationError(_("Quyết định cần ít nhất một người, tập thể được khen."))
    if not number or number < 1:
        raise ValidationError({"number": _("Số quyết định phải là số nguyên dương.")})
    style = BODY_STYLE[body]
    clash = AwardDecision.objects.filter(
        commune=commune, body=body, number_year=signed_on.year, number=number
    ).first()
    if clash is not None:
        raise ValidationError(
            {
                "number": _(
                    "Số %(label)s năm %(year)s đã được dùng cho quyết định ngày "
                    "%(day)s. Số quyết định đánh theo từng cơ quan ban hành và từng năm, "
                    "bắt đầu lại từ ngày 01 tháng 01; số còn trống tiếp theo là %(next)s."
                )
                % {
                    "label": clash.number_label,
                    "year": signed_on.year,
                    "day": clash.signed_on.strftime("%d/%m/%Y"),
                    "next": next_decision_number(commune, body, signed_on),
                }
            }
        )
    book = Rulebook.load(commune, signed_on)
    salary = book.base_salary()
    if salary is None:
        raise ValidationError(
            _("Bộ quy định chưa có mức lương cơ sở áp dụng ngày %(day)s.")
            % {"day": signed_on.strftime("%d/%m/%Y")}
        )
    years = {nomination.year for nomination in nominations}
    if len(years) > 1:
        raise ValidationError(_("Một quyết định chỉ khen thành tích của một năm."))
    errors = []
    coefficients = []
    for nomination in nominations:
        if nomination.commune_id != commune.pk:
            errors.append(
                _("%(n)s không thuộc %(unit)s.") % {"n": nomination, "unit": commune.name}
            )
            continue
        ballot = Ballot.objects.filter(nomination=nomination).first()
        if nomination.state != NominationState.VOTED or ballot is None or not ballot.passed:
            errors.append(_("%(n)s chưa được Hội đồng bỏ phiếu đạt.") % {"n": nomination})
            continue
        body_rule = book.get(nomination.award_kind, RuleKind.AWARDING_BODY)
        if body_rule is None or body_rule.text != body:
            holder = (
                AwardingBody(body_rule.text).label
                if body_rule and body_rule.text in AwardingBody.values
                else _("chưa quy định")
            )
            errors.append(
                _(
                    "“%(kind)s” không thuộc thẩm quyền của %(body)s (thẩm quyền: %(holder)s). "
                    "(Căn cứ: %(citation)s.)"
                )
                % {
                    "kind": nomination.award_kind.name,
                    "body": AwardingBody(body).label,
                    "holder": holder,
                    "citation": body_rule.citation if body_rule else "—",
                }
            )
            continue
        coefficient = book.get(
            nomination.award_kind, RuleKind.PRIZE_COEFFICIENT, nomination.recipient
        )
        if coefficient is None:
            errors.append(
                _("Bộ quy định chưa có hệ số tiền thưởng của “%(kind)s”.")
                % {"kind": nomination.award_kind.name}
            )
            continue
        coefficients.append((nomination, coefficient))
    if errors:
        raise ValidationError(errors)
    year = years.pop()
    decision = audit.create(
        AwardDecision(
            commune=commune,
            body=body,
            number=number,
            number_year=signed_on.year,
            year=year,
            signed_on=signed_on,
            signer_name=signer_name.strip(),
            signer_title=signer_title.strip() or style["signer_title"],
            subject=subject.strip()
            or _("Về việc khen thưởng thành tích năm %(year)s") % {"year": year},
            base_salary=int(salary.value),
            base_salary_citation=salary.citation[:400],
            session=session,
        ),
        by=by,
    )
    for order, (nomination, coefficient) in enumerate(coefficients, start=1):
        audit.create(
            Award(
                decision=decision,
                nomination=nomination,
                order=order,
                coefficient=coefficient.value,
                coefficient_citation=coefficient.citation[:400],
                prize=_prize(coefficient.value, int(salary.value)),
            ),
            by=by,
        )
        audit.transition(
            nomination, "state", NominationState.DECIDED, by=by, note=decision.number_label
        )
    kinds = {nomination.award_kind for nomination in nominations}
    for kind in kinds:
        for rule in book.in_force(kind, RuleKind.CAP_SHARE):
            check = cap_check(rule, commune, year, adding=0, states=(NominationState.DECIDED,))
            if not check.passed:
                raise ValidationError(check.refusal)
    return decision


@transaction.atomic
def council_result_approve(
    *,
    session: CouncilSession,
    body: str,
    number: int,
    signed_on: datetime.date,
    signer_name: str,
    by: User,
    signer_title: str = "",
) -> AwardDecision:
    """Approve a whole council result in one step: one decision of `body` for every
    candidate of the session who passed and whose title or form that body awards."""
    access.require(by, Action.APPROVE, session.commune)
    book = Rulebook.load(session.commune, signed_on)
    passed = [
        ballot.nomination
        for ballot in session.ballots.select_related("nomination__award_kind").filter(
            passed=True, nomination__state=NominationState.VOTED
        )
        if book.awarding_body(ballot.nomination.award_kind) == body
    ]
    if not passed:
        raise ValidationError(
            _("Phiên họp không còn người, tập thể nào đạt chờ %(body)s quyết định.")
            % {"body": AwardingBody(body).label}
        )
    return decision_create(
        commune=session.commune,
        body=body,
        number=number,
        signed_on=signed_on,
        signer_name=signer_name,
        signer_title=signer_title,
        nominations=passed,
        by=by,
        session=session,
    )
