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

from tongket.units import access, audit, numbering
from tongket.units.choices import Action, Body, DocumentType, PositionRole
from tongket.units.models import Person, Unit, User
from tongket.units.selectors import holders_on

from ..choices import BODY_STYLE, AwardingBody, NominationState
from ..eligibility import award_check, decided_cap_checks
from ..models import Award, AwardDecision, Ballot, CouncilSession, Nomination, Rule
from ..rules import Rulebook
from .common import fresh_nominations

# The book each awarding body numbers its decisions in (units.numbering): the Chủ tịch UBND's
# decisions in the UBND's book (per year), the Đảng ủy's in its own (per committee term). The
# province's decisions are numbered by the province and only recorded here.
BOOKS = {
    AwardingBody.CHAIRMAN: Body.PEOPLES_COMMITTEE,
    AwardingBody.PARTY_COMMITTEE: Body.PARTY_COMMITTEE,
}
SIGNER_ROLES = {
    AwardingBody.CHAIRMAN: (PositionRole.COMMITTEE_CHAIR, PositionRole.COMMITTEE_VICE_CHAIR),
    AwardingBody.PROVINCE_CHAIRMAN: (
        PositionRole.COMMITTEE_CHAIR,
        PositionRole.COMMITTEE_VICE_CHAIR,
    ),
    AwardingBody.PARTY_COMMITTEE: (
        PositionRole.PARTY_SECRETARY,
        PositionRole.PARTY_DEPUTY_SECRETARY,
    ),
}
SIGNER_TITLES = {
    PositionRole.COMMITTEE_CHAIR: "Chủ tịch",
    PositionRole.COMMITTEE_VICE_CHAIR: "Phó Chủ tịch",
    PositionRole.PARTY_SECRETARY: "Bí thư",
    PositionRole.PARTY_DEPUTY_SECRETARY: "Phó Bí thư",
}


def issuing_unit(commune: Unit, body: str) -> Unit:
    """Whose decision it is: the province's chairman decides for the province."""
    if body == AwardingBody.PROVINCE_CHAIRMAN and commune.parent is not None:
        return commune.parent
    return commune


def next_decision_number(commune: Unit, body: str, on: datetime.date) -> int:
    """The next free number of the body's decisions on a date (its book's series)."""
    if body in BOOKS:
        return numbering.next_number(commune, BOOKS[body], DocumentType.DECISION, on)
    used = AwardDecision.objects.filter(commune=commune, body=body, number_year=on.year)
    return (max(used.values_list("number", flat=True), default=0)) + 1


def decision_signer(
    commune: Unit, body: str, on: datetime.date, signer: Person | None
) -> tuple[Person | None, str]:
    """Who signs a decision on a date and as what (the role held then): the person chosen,
    who must hold the head's or a deputy's position; else the head. (None, "") when nobody
    holds it: the decision is recorded, its document waits for the position."""
    unit = issuing_unit(commune, body)
    head, deputy = SIGNER_ROLES[body]
    held = holders_on(unit, [head, deputy], on)
    if signer is None:
        position = next((p for p in held if p.role == head), None)
        return (position.person, position.role) if position else (None, "")
    position = next((p for p in held if p.person_id == signer.pk), None)
    if position is None:
        raise ValidationError(
            {
                "signer": _(
                    "%(name)s không giữ chức %(head)s hay %(deputy)s của %(unit)s vào ngày %(day)s."
                )
                % {
                    "name": signer.full_name,
                    "head": PositionRole(head).label,
                    "deputy": PositionRole(deputy).label,
                    "unit": unit.name,
                    "day": on.strftime("%d/%m/%Y"),
                }
            }
        )
    return position.person, position.role


def _prize(coefficient: Decimal, base_salary: int) -> int:
    return int((coefficient * base_salary).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@transaction.atomic
def decision_create(
    *,
    commune: Unit,
    body: str,
    signed_on: datetime.date,
    nominations: Iterable[Nomination],
    by: User,
    number: int | None = None,
    signer: Person | None = None,
    signer_name: str = "",
    signer_title: str = "",
    subject: str = "",
    session: CouncilSession | None = None,
) -> AwardDecision:
    """Issue an award decision: its number taken from the body's book (the next free one,
    or the one typed if free), the signer holding the position on the date, every awardee
    passed the council vote and falls within the body's power, the caps hold, and each
    prize is the coefficient × the base salary in force on the decision date."""
    access.require(by, Action.APPROVE, commune)
    if body not in AwardingBody.values:
        raise ValidationError({"body": _("Cấp khen thưởng không hợp lệ.")})
    nominations = fresh_nominations(nominations)
    if not nominations:
        raise ValidationError(_("Quyết định cần ít nhất một người, tập thể được khen."))
    book = Rulebook.load(commune, signed_on)
    salary = _base_salary(book, signed_on)
    year = _one_year(nominations)
    _refuse_unawardable(nominations, commune=commune, body=body, book=book)
    person, role = decision_signer(commune, body, signed_on, signer)
    if person is None and not signer_name.strip():
        raise ValidationError({"signer": _("Chưa chọn người ký quyết định.")})
    subject = subject.strip() or _("Về việc khen thưởng thành tích năm %(year)s") % {"year": year}
    issued = _take_number(commune, body, number, signed_on, subject=subject, by=by)
    style = BODY_STYLE[body]
    decision = audit.create(
        AwardDecision(
            commune=commune,
            body=body,
            number=issued.number if issued else number,
            number_year=signed_on.year,
            issued_number=issued,
            year=year,
            signed_on=signed_on,
            signer=person,
            signer_role=role,
            signer_name=person.full_name if person else signer_name.strip(),
            signer_title=SIGNER_TITLES.get(role) or signer_title.strip() or style["signer_title"],
            subject=subject,
            base_salary=int(salary.value),
            base_salary_citation=salary.citation[:400],
            session=session,
        ),
        by=by,
    )
    _write_awards(decision, nominations, book=book, by=by)
    _refuse_over_caps(nominations, commune=commune, year=year, book=book)
    return decision


def _take_number(
    commune: Unit, body: str, number: int | None, on: datetime.date, *, subject: str, by: User
):
    """The decision's number from its body's book; the province's decisions keep the number
    the province gave (checked against the ones recorded here)."""
    if number is not None and number < 1:
        raise ValidationError({"number": _("Số quyết định phải là số nguyên dương.")})
    if body not in BOOKS:
        if number is None:
            raise ValidationError({"number": _("Chưa nhập số quyết định của tỉnh.")})
        _check_number(commune, body, number, on)
        return None
    return numbering.number_take(
        unit=commune,
        body=BOOKS[body],
        doc_type=DocumentType.DECISION,
        on=on,
        by=by,
        number=number,
        subject=subject,
        action=Action.APPROVE,
    )


def _check_number(commune: Unit, body: str, number: int, on: datetime.date) -> None:
    """A province decision's number is not recorded twice for the same year."""
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
    signed_on: datetime.date,
    by: User,
    number: int | None = None,
    signer: Person | None = None,
    signer_name: str = "",
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
        signer=signer,
        signer_name=signer_name,
        signer_title=signer_title,
        nominations=passed,
        by=by,
        session=session,
    )
