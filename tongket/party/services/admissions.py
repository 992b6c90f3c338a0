"""The admission pipeline's first steps: candidate → course certificate → two introducers →
the chi bộ's vote → the Đảng ủy's vote (the decision, the ceremony and making the member full
are in admission_decisions). Each step checks the rules in force on its date, refuses naming
the rule and its source, and saves nothing when it refuses."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from tongket.lib.dates import format_date
from tongket.units import audit
from tongket.units.choices import Action, PositionRole
from tongket.units.models import Person, Unit, User
from tongket.units.selectors import holders_on

from .. import ledger
from ..choices import (
    IN_PARTY,
    OPEN_ADMISSION_STATES,
    OUT_OF_PARTY,
    AdmissionState,
    Education,
    MemberKind,
    MemberStatus,
    RuleKind,
)
from ..models import Admission, Introducer, MemberEvent, PartyMember
from ..rules import Rulebook, refusal, share_reached, whole
from .common import check_cell, commune_of, not_ahead, not_before, require, require_committee
from .members import _person_for, check_age

COMMITTEE_ROLES = (
    PositionRole.PARTY_SECRETARY,
    PositionRole.PARTY_DEPUTY_SECRETARY,
    PositionRole.PARTY_STANDING_MEMBER,
    PositionRole.PARTY_COMMITTEE_MEMBER,
)
SIGNER_ROLES = (PositionRole.PARTY_SECRETARY, PositionRole.PARTY_DEPUTY_SECRETARY)


def _locked(admission: Admission) -> Admission:
    return (
        Admission.objects.select_for_update(of=("self",))
        .select_related("commune", "cell", "person")
        .get(pk=admission.pk)
    )


def _expect(admission: Admission, *states: str) -> None:
    if admission.state not in states:
        raise ValidationError(
            _("Hồ sơ đang ở bước “%(state)s”: chưa làm được bước này.")
            % {"state": admission.get_state_display().lower()}
        )


def _step_date(admission: Admission, day: datetime.date, field: str, label: str) -> None:
    not_ahead(day, field, label)
    not_before(day, admission.last_step_on(), field, label, _("bước trước của hồ sơ"))


def status_on(record: PartyMember, day: datetime.date) -> str:
    """A record's status on a date, replayed from its events (one query)."""
    rows = (
        record.events.filter(on__lte=day)
        .order_by("on", "id")
        .values_list("kind", "d_full", "d_probationary")
    )
    state = ledger.MemberState()
    for kind, d_full, d_probationary in rows:
        status_in = (
            MemberStatus.FULL
            if d_full > 0
            else MemberStatus.PROBATIONARY
            if d_probationary > 0
            else ""
        )
        state, _ = ledger.step(state, kind, status_in=status_in)
    return state.status


def full_members_on(cell: Unit, day: datetime.date) -> int:
    """Full members of a chi bộ on a date, from the events (one query)."""
    total = MemberEvent.objects.filter(cell=cell, on__lte=day).aggregate(n=Sum("d_full"))["n"]
    return int(total or 0)


def committee_size_on(commune: Unit, day: datetime.date) -> int:
    """Members of the Đảng ủy on a date: the people holding its seats (from positions)."""
    return len({position.person_id for position in holders_on(commune, COMMITTEE_ROLES, day)})


# Candidate, course, introducers ------------------------------------------------------------------


@transaction.atomic
def admission_create(
    *,
    cell: Unit,
    candidate_on: datetime.date,
    education: int,
    by: User,
    person: Person | None = None,
    full_name: str = "",
    birth_date: datetime.date | None = None,
    gender: str = "",
    education_exception: str = "",
) -> Admission:
    """Put a candidate (quần chúng ưu tú) on a chi bộ's list. A former member struck off or
    expelled starts a re-admission file on their old record."""
    commune = commune_of(cell)
    check_cell(cell, commune, candidate_on)
    require(by, Action.ENTER, cell)
    not_ahead(candidate_on, "candidate_on", _("Ngày vào danh sách"))
    if education not in Education.values:
        raise ValidationError({"education": _("Trình độ học vấn không hợp lệ.")})
    if person is None:
        if birth_date is None:
            raise ValidationError({"birth_date": _("Cần ngày sinh để xét tuổi đời.")})
        person = _person_for(
            commune=commune, full_name=full_name, birth_date=birth_date, gender=gender, by=by
        )
    if person.birth_date is None:
        raise ValidationError({"birth_date": _("Cần ngày sinh để xét tuổi đời.")})
    if Admission.objects.filter(person=person, state__in=OPEN_ADMISSION_STATES).exists():
        raise ValidationError(_("%(name)s đang có hồ sơ kết nạp.") % {"name": person.full_name})
    old = PartyMember.objects.filter(person=person, kind=MemberKind.MEMBER).first()
    if old is not None and old.status not in OUT_OF_PARTY:
        raise ValidationError(
            _("%(name)s đã có hồ sơ đảng viên (%(status)s): không lập hồ sơ kết nạp.")
            % {"name": person.full_name, "status": old.get_status_display().lower()}
        )
    admission = Admission(
        commune=commune,
        cell=cell,
        person=person,
        readmission=old,
        candidate_on=candidate_on,
        education=education,
        education_exception=education_exception.strip(),
    )
    return audit.create(admission, by=by)


@transaction.atomic
def admission_course(
    *, admission: Admission, course_on: datetime.date, certificate_no: str, by: User
) -> Admission:
    """The course certificate (lớp bồi dưỡng nhận thức về Đảng) and its date; it may come
    before or after the introducers, and the chi bộ checks it when it votes."""
    admission = _locked(admission)
    require(by, Action.ENTER, admission.cell)
    _expect(admission, AdmissionState.CANDIDATE, AdmissionState.INTRODUCED)
    if admission.course_on is not None:
        raise ValidationError(_("Hồ sơ đã có giấy chứng nhận lớp bồi dưỡng."))
    _step_date(admission, course_on, "course_on", _("Ngày cấp giấy chứng nhận"))
    if not certificate_no.strip():
        raise ValidationError({"certificate_no": _("Ghi số giấy chứng nhận.")})
    state = (
        AdmissionState.COURSE_DONE
        if admission.state == AdmissionState.CANDIDATE
        else admission.state
    )
    return audit.transition(
        admission,
        "state",
        state,
        by=by,
        verb="course",
        course_on=course_on,
        course_certificate_no=certificate_no.strip()[:40],
    )


def _check_introducer(
    rules: Rulebook,
    admission: Admission,
    record: PartyMember,
    since: datetime.date,
    on: datetime.date,
) -> None:
    name = record.person.full_name
    if record.commune_id != admission.commune_id or record.kind != MemberKind.MEMBER:
        raise ValidationError(
            {"introducers": _("%(name)s không phải đảng viên của Đảng bộ.") % {"name": name}}
        )
    if record.person_id == admission.person_id:
        raise ValidationError({"introducers": _("Người vào Đảng không tự giới thiệu mình.")})
    full_rule = rules.require(RuleKind.INTRODUCER_FULL)
    status = status_on(record, on)
    if whole(full_rule.value) and status != MemberStatus.FULL:
        label = MemberStatus(status).label.lower() if status else _("chưa vào Đảng")
        raise refusal(
            full_rule,
            _("%(name)s ngày %(day)s là đảng viên %(status)s, không phải đảng viên chính thức.")
            % {"name": name, "day": format_date(on), "status": label},
            "introducers",
        )
    if status not in IN_PARTY:
        raise ValidationError(
            {"introducers": _("%(name)s không còn trong danh sách đảng viên.") % {"name": name}}
        )
    months_rule = rules.require(RuleKind.INTRODUCER_MONTHS)
    months = ledger.full_months(since, on)
    if months < whole(months_rule.value):
        raise refusal(
            months_rule,
            _(
                "%(name)s mới cùng công tác với người vào Đảng %(months)s tháng (từ "
                "%(since)s), cần ít nhất %(need)s tháng."
            )
            % {
                "name": name,
                "months": max(months, 0),
                "since": format_date(since),
                "need": whole(months_rule.value),
            },
            "introducers",
        )


@transaction.atomic
def admission_introduce(
    *,
    admission: Admission,
    introduced_on: datetime.date,
    introducers: Sequence[tuple[PartyMember, datetime.date]],
    by: User,
) -> Admission:
    """Record the introducers (người giới thiệu) and since when each has worked with the
    candidate: full members, as many as the rule asks, together long enough."""
    admission = _locked(admission)
    require(by, Action.ENTER, admission.cell)
    _expect(admission, AdmissionState.CANDIDATE, AdmissionState.COURSE_DONE)
    _step_date(admission, introduced_on, "introduced_on", _("Ngày giới thiệu"))
    rules = Rulebook.load(admission.commune, introduced_on)
    count_rule = rules.require(RuleKind.INTRODUCER_COUNT)
    records = [record for record, _ in introducers]
    if len({record.pk for record in records}) != len(records) or len(records) != whole(
        count_rule.value
    ):
        raise refusal(
            count_rule,
            _("Cần đúng %(n)s người giới thiệu khác nhau (đang có %(got)s).")
            % {"n": whole(count_rule.value), "got": len({record.pk for record in records})},
            "introducers",
        )
    for record, since in introducers:
        _check_introducer(rules, admission, record, since, introduced_on)
    for record, since in introducers:
        audit.create(Introducer(admission=admission, member=record, together_since=since), by=by)
    return audit.transition(
        admission, "state", AdmissionState.INTRODUCED, by=by, introduced_on=introduced_on
    )


# Votes ---------------------------------------------------------------------------------------


def _check_candidate(rules: Rulebook, admission: Admission, on: datetime.date) -> None:
    """What the chi bộ must check on the day it considers the candidate."""
    check_age(
        commune=admission.commune, birth_date=admission.person.birth_date, on=on, field="vote_on"
    )
    education = rules.require(RuleKind.ADMISSION_EDUCATION)
    if admission.education < whole(education.value) and not admission.education_exception:
        raise refusal(
            education,
            _(
                "Trình độ học vấn “%(has)s” thấp hơn “%(need)s” và hồ sơ không ghi trường "
                "hợp ngoại lệ."
            )
            % {
                "has": Education(admission.education).label,
                "need": Education(whole(education.value)).label,
            },
            "education",
        )
    course = rules.require(RuleKind.COURSE_CERTIFICATE)
    if whole(course.value) and admission.course_on is None:
        raise refusal(course, _("Chưa có giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng."))
    for introducer in admission.introducers.select_related("member__person"):
        _check_introducer(rules, admission, introducer.member, introducer.together_since, on)
    if admission.readmission_id:
        rule = rules.require(RuleKind.READMISSION_MONTHS)
        left_on = admission.readmission.left_on
        months = ledger.full_months(left_on, on) if left_on else 0
        if months < whole(rule.value):
            raise refusal(
                rule,
                _("Mới ra khỏi Đảng %(months)s tháng (từ %(left)s), cần ít nhất %(need)s tháng.")
                % {"months": months, "left": format_date(left_on), "need": whole(rule.value)},
                "vote_on",
            )


def _check_vote(rule, votes_for: int, total: int, who: str) -> None:
    if votes_for > total:
        raise ValidationError(
            {
                "votes_for": _("Số đồng ý (%(v)s) lớn hơn %(who)s (%(t)s).")
                % {"v": votes_for, "who": who, "t": total}
            }
        )
    if not share_reached(votes_for, total, rule.value):
        raise refusal(
            rule,
            _("%(v)s/%(t)s %(who)s đồng ý, chưa đạt tỷ lệ %(share)s%%.")
            % {
                "v": votes_for,
                "t": total,
                "who": who,
                "share": f"{rule.value.normalize():f}".replace(".", ","),
            },
            "votes_for",
        )


@transaction.atomic
def admission_cell_vote(
    *,
    admission: Admission,
    vote_on: datetime.date,
    votes_for: int,
    by: User,
    full_members: int | None = None,
) -> Admission:
    """The chi bộ considers the candidate: age, education, certificate, introducers and (for
    a re-admission) the time since leaving are checked on this day; the share of its full
    members in favour (counted from the events unless given) must reach the rule's."""
    admission = _locked(admission)
    require(by, Action.ENTER, admission.cell)
    _expect(admission, AdmissionState.INTRODUCED)
    _step_date(admission, vote_on, "vote_on", _("Ngày chi bộ xét"))
    rules = Rulebook.load(admission.commune, vote_on)
    _check_candidate(rules, admission, vote_on)
    total = full_members if full_members is not None else full_members_on(admission.cell, vote_on)
    _check_vote(
        rules.require(RuleKind.CELL_VOTE_SHARE), votes_for, total, _("đảng viên chính thức")
    )
    return audit.transition(
        admission,
        "state",
        AdmissionState.CELL_APPROVED,
        by=by,
        cell_vote_on=vote_on,
        cell_full_members=total,
        cell_votes_for=votes_for,
    )


@transaction.atomic
def admission_committee_vote(
    *,
    admission: Admission,
    vote_on: datetime.date,
    votes_for: int,
    by: User,
    members: int | None = None,
) -> Admission:
    """The Đảng ủy considers the chi bộ's proposal: the share of its members (the people
    holding its seats that day, unless given) in favour must reach the rule's."""
    admission = _locked(admission)
    require_committee(by, admission.commune)
    _expect(admission, AdmissionState.CELL_APPROVED)
    _step_date(admission, vote_on, "vote_on", _("Ngày Đảng ủy xét"))
    rules = Rulebook.load(admission.commune, vote_on)
    total = members if members is not None else committee_size_on(admission.commune, vote_on)
    if total <= 0:
        raise ValidationError(
            {
                "members": _(
                    "Chưa có cấp ủy viên nào giữ chức vụ ngày %(day)s: nhập số cấp ủy viên "
                    "hoặc chức vụ của Ban Chấp hành."
                )
                % {"day": format_date(vote_on)}
            }
        )
    _check_vote(rules.require(RuleKind.COMMITTEE_VOTE_SHARE), votes_for, total, _("cấp ủy viên"))
    return audit.transition(
        admission,
        "state",
        AdmissionState.COMMITTEE_APPROVED,
        by=by,
        committee_vote_on=vote_on,
        committee_members=total,
        committee_votes_for=votes_for,
    )
