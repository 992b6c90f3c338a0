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

from ..choices import BODY_STYLE, AwardingBody, NominationState
from ..eligibility import award_check, decided_cap_checks
from ..models import Award, AwardDecision, Ballot, CouncilSession, Nomination, Rule
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
    _check_number(commune, body, number, signed_on)
    book = Rulebook.load(commune, signed_on)
    salary = _base_salary(book, signed_on)
    year = _one_year(nominations)
    _refuse_unawardable(nominations, commune=commune, body=body, book=book)
    style = BODY_STYLE[body]
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
    _write_awards(decision, nominations, book=book, by=by)
    _refuse_over_caps(nominations, commune=commune, year=year, book=book)
    return decision


def _check_number(commune: Unit, body: str, number: int, on: datetime.date) -> None:
    """The number is a positive whole number not yet used by this body this year."""
    if not number or number < 1:
        raise ValidationError({"number": _("Số quyết định phải là số nguyên dương.")})
    clash = AwardDecision.objects.filter(
        commune=commune, body=body, number_year=on.year, number=number
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
                    "year": on.year,
                    "day": clash.signed_on.strftime("%d/%m/%Y"),
                    "next": next_decision_number(commune, body, on),
                }
            }
        )


def _base_salary(book: Rulebook, on: datetime.date) -> Rule:
    salary = book.base_salary()
    if salary is None:
        raise ValidationError(
            _("Bộ quy định chưa có mức lương cơ sở áp dụng ngày %(day)s.")
            % {"day": on.strftime("%d/%m/%Y")}
        )
    return salary


def _one_year(nominations: list[Nomination]) -> int:
    years = {nomination.year for nomination in nominations}
    if len(years) > 1:
        raise ValidationError(_("Một quyết định chỉ khen thành tích của một năm."))
    return years.pop()


def _refuse_unawardable(
    nominations: list[Nomination], *, commune: Unit, body: str, book: Rulebook
) -> None:
    """Refuse the decision, naming every nomination the body may not award and why; a rule
    the rulebook lacks on the decision date is named once, however many nominations it
    stops. The ballots of all the nominations are read in one query."""
    ballots = {
        ballot.nomination_id: ballot
        for ballot in Ballot.objects.filter(nomination__in=[n.pk for n in nominations])
    }
    checks = [
        award_check(n, ballots.get(n.pk), commune=commune, body=body, book=book)
        for n in nominations
    ]
    errors: list[str] = []
    for check in checks:
        if check is not None and not (check.missing_rule and check.refusal in errors):
            errors.append(check.refusal)
    if errors:
        raise ValidationError(errors)


def _refuse_over_caps(
    nominations: list[Nomination], *, commune: Unit, year: int, book: Rulebook
) -> None:
    """Counted once the awards are written, the caps on the decision's titles and forms hold;
    otherwise the whole decision is refused (the transaction saves nothing)."""
    kinds = {nomination.award_kind for nomination in nominations}
    failed = [c.refusal for c in decided_cap_checks(book, commune, year, kinds) if not c.passed]
    if failed:
        raise ValidationError(failed)


def _write_awards(
    decision: AwardDecision, nominations: list[Nomination], *, book: Rulebook, by: User
) -> None:
    """One award per nomination, in the order given, its prize fixed from the coefficient
    and the base salary the decision copied; each nomination becomes decided."""
    for order, nomination in enumerate(nominations, start=1):
        coefficient = book.prize_coefficient(nomination.award_kind, nomination.recipient)
        audit.create(
            Award(
                decision=decision,
                nomination=nomination,
                order=order,
                coefficient=coefficient.value,
                coefficient_citation=coefficient.citation[:400],
                prize=_prize(coefficient.value, decision.base_salary),
            ),
            by=by,
        )
        audit.transition(
            nomination, "state", NominationState.DECIDED, by=by, note=decision.number_label
        )


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
