"""The admission pipeline's later steps: the decision (numbered in the Đảng ủy's book,
signed by whoever held the position), the ceremony that starts the member record, the vote
and the decision making the member full after the probation, and closing a file. Each step
checks the rules in force on its date and saves nothing when it refuses."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib.dates import format_date
from tongket.units import audit, numbering
from tongket.units.choices import Action, Body, DocumentType, PositionRole
from tongket.units.models import Unit, User
from tongket.units.selectors import holder_on

from .. import ledger
from ..choices import (
    OPEN_ADMISSION_STATES,
    PARTY_SIDE,
    AdmissionState,
    EventKind,
    MemberStatus,
    RuleKind,
)
from ..models import Admission, PartyMember
from ..rules import Rulebook, refusal, whole
from .admissions import (
    SIGNER_ROLES,
    _check_vote,
    _expect,
    _locked,
    _step_date,
    full_members_on,
)
from .common import check_cell, require, require_committee
from .members import event_append


def signer_on(commune: Unit, day: datetime.date) -> tuple[str, str]:
    """Who signs "T/M ĐẢNG ỦY" on a date: the Bí thư, else a Phó Bí thư (name, title)."""
    for role in SIGNER_ROLES:
        position = holder_on(commune, role, day)
        if position is not None:
            return position.person.full_name, str(PositionRole(role).label)
    raise ValidationError(
        {
            "decision_on": _(
                "Ngày %(day)s không có Bí thư hoặc Phó Bí thư Đảng ủy giữ chức vụ để ký: "
                "hãy nhập chức vụ trong mục Đơn vị."
            )
            % {"day": format_date(day)}
        }
    )


def _take_number(
    admission: Admission, on: datetime.date, number: int | None, subject: str, by: User
):
    return numbering.number_take(
        unit=admission.commune,
        body=Body.PARTY_COMMITTEE,
        doc_type=DocumentType.DECISION,
        on=on,
        by=by,
        number=number,
        subject=subject,
        ref=f"party.Admission:{admission.pk}",
        side=PARTY_SIDE,
    )


@transaction.atomic
def admission_decide(
    *, admission: Admission, decision_on: datetime.date, by: User, number: int | None = None
) -> Admission:
    """The admission decision, numbered in the Đảng ủy's book for the term ("15-QĐ/ĐU"),
    signed by the Bí thư (or a Phó Bí thư) holding the position that day."""
    admission = _locked(admission)
    require_committee(by, admission.commune)
    _expect(admission, AdmissionState.COMMITTEE_APPROVED)
    _step_date(admission, decision_on, "decision_on", _("Ngày quyết định"))
    name, title = signer_on(admission.commune, decision_on)
    issued = _take_number(
        admission,
        decision_on,
        number,
        _("Về việc kết nạp đảng viên %(name)s") % {"name": admission.person.full_name},
        by,
    )
    return audit.transition(
        admission,
        "state",
        AdmissionState.DECIDED,
        by=by,
        decision=issued,
        decision_on=decision_on,
        signer_name=name,
        signer_title=title,
    )


@transaction.atomic
def admission_ceremony(*, admission: Admission, ceremony_on: datetime.date, by: User) -> Admission:
    """The chi bộ holds the ceremony: the member record begins (or, for a re-admission,
    resumes) as dự bị on this day."""
    admission = _locked(admission)
    require(by, Action.ENTER, admission.cell)
    _expect(admission, AdmissionState.DECIDED)
    _step_date(admission, ceremony_on, "ceremony_on", _("Ngày lễ kết nạp"))
    check_cell(admission.cell, admission.commune, ceremony_on)
    if admission.readmission_id:
        record = admission.readmission
        kind = EventKind.READMITTED
    else:
        record = audit.create(
            PartyMember(
                person=admission.person,
                commune=admission.commune,
                cell=admission.cell,
                education=admission.education,
            ),
            by=by,
        )
        kind = EventKind.ADMITTED
    event_append(
        record=record,
        kind=kind,
        on=ceremony_on,
        cell=admission.cell,
        by=by,
        document=_("Quyết định số %(n)s") % {"n": admission.decision},
        issued_number=admission.decision,
    )
    record.refresh_from_db()
    return audit.transition(
        admission, "state", AdmissionState.ADMITTED, by=by, ceremony_on=ceremony_on, member=record
    )


def probation_end(admission: Admission) -> datetime.date:
    rules = Rulebook.load(admission.commune, admission.ceremony_on)
    rule = rules.require(RuleKind.PROBATION_MONTHS)
    return ledger.add_months(admission.ceremony_on, whole(rule.value))


@transaction.atomic
def admission_full_vote(
    *,
    admission: Admission,
    vote_on: datetime.date,
    votes_for: int,
    by: User,
    full_members: int | None = None,
) -> Admission:
    """After the probation the chi bộ considers making the member full."""
    admission = _locked(admission)
    require(by, Action.ENTER, admission.cell)
    _expect(admission, AdmissionState.ADMITTED)
    _step_date(admission, vote_on, "vote_on", _("Ngày chi bộ xét công nhận chính thức"))
    rules = Rulebook.load(admission.commune, admission.ceremony_on)
    probation = rules.require(RuleKind.PROBATION_MONTHS)
    ends = ledger.add_months(admission.ceremony_on, whole(probation.value))
    if vote_on < ends:
        raise refusal(
            probation,
            _("Chưa hết %(m)s tháng dự bị (từ lễ kết nạp %(start)s đến %(end)s).")
            % {
                "m": whole(probation.value),
                "start": format_date(admission.ceremony_on),
                "end": format_date(ends),
            },
            "vote_on",
        )
    record = admission.member
    if record.status != MemberStatus.PROBATIONARY:
        raise ValidationError(_("Đảng viên không còn là đảng viên dự bị trong danh sách."))
    total = full_members if full_members is not None else full_members_on(record.cell, vote_on)
    share = Rulebook.load(admission.commune, vote_on).require(RuleKind.FULL_VOTE_SHARE)
    _check_vote(share, votes_for, total, _("đảng viên chính thức"))
    return audit.transition(
        admission,
        "state",
        AdmissionState.FULL_PROPOSED,
        by=by,
        full_vote_on=vote_on,
        full_full_members=total,
        full_votes_for=votes_for,
    )


@transaction.atomic
def admission_make_full(
    *, admission: Admission, decision_on: datetime.date, by: User, number: int | None = None
) -> Admission:
    """The decision making the member full, numbered in the Đảng ủy's book; the member is
    full from the day the probation ended."""
    admission = _locked(admission)
    require_committee(by, admission.commune)
    _expect(admission, AdmissionState.FULL_PROPOSED)
    _step_date(admission, decision_on, "decision_on", _("Ngày quyết định"))
    name, title = signer_on(admission.commune, decision_on)
    issued = _take_number(
        admission,
        decision_on,
        number,
        _("Về việc công nhận đảng viên chính thức đối với đồng chí %(name)s")
        % {"name": admission.person.full_name},
        by,
    )
    event_append(
        record=admission.member,
        kind=EventKind.MADE_FULL,
        on=probation_end(admission),
        by=by,
        document=_("Quyết định số %(n)s") % {"n": issued},
        issued_number=issued,
    )
    return audit.transition(
        admission,
        "state",
        AdmissionState.FULL,
        by=by,
        full_decision=issued,
        full_decision_on=decision_on,
        full_signer_name=name,
        full_signer_title=title,
    )


@transaction.atomic
def admission_close(*, admission: Admission, on: datetime.date, reason: str, by: User) -> Admission:
    """Stop a file. A dự bị member not made full is struck off the list (the Đảng ủy's
    decision) on the same day."""
    admission = _locked(admission)
    if admission.state not in OPEN_ADMISSION_STATES:
        raise ValidationError(_("Hồ sơ đã kết thúc."))
    if not reason.strip():
        raise ValidationError({"reason": _("Ghi lý do dừng xem xét.")})
    _step_date(admission, on, "on", _("Ngày dừng"))
    if admission.member_id:
        require_committee(by, admission.commune)
        event_append(
            record=admission.member,
            kind=EventKind.STRUCK_OFF,
            on=on,
            by=by,
            note=reason,
        )
    else:
        require(by, Action.ENTER, admission.cell)
    return audit.transition(
        admission,
        "state",
        AdmissionState.CLOSED,
        by=by,
        closed_on=on,
        closed_reason=reason.strip()[:300],
    )
