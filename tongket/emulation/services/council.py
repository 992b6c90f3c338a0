"""Writes of the council stage: the Hội đồng Thi đua – Khen thưởng's members for a year, its
sessions, the nominations put before it and the secret-ballot counts."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.units import access, audit, numbering
from tongket.units.choices import Action, Body, DocumentType
from tongket.units.models import IssuedNumber, Person, Unit, User

from ..choices import NominationState, RuleKind
from ..models import Ballot, CouncilMember, CouncilSession, Nomination
from ..rules import Rulebook
from .common import fresh_nominations, valid_year, within


@transaction.atomic
def council_member_add(
    *, commune: Unit, year: int, person: Person, role: str, by: User
) -> CouncilMember:
    access.require(by, Action.EDIT, commune)
    if not within(person.unit, commune):
        raise ValidationError(
            {
                "person": _("%(who)s không thuộc %(unit)s.")
                % {"who": person.full_name, "unit": commune.name}
            }
        )
    if CouncilMember.objects.filter(commune=commune, year=year, person=person).exists():
        raise ValidationError({"person": _("Người này đã là thành viên Hội đồng năm này.")})
    member = CouncilMember(commune=commune, year=valid_year(year), person=person, role=role.strip())
    return audit.create(member, by=by)


def council_size(commune: Unit, year: int) -> int:
    return CouncilMember.objects.filter(commune=commune, year=year).count()


@transaction.atomic
def session_create(
    *,
    commune: Unit,
    year: int,
    held_on: datetime.date,
    members_present: int,
    by: User,
    place: str = "",
    chair_name: str = "",
    secretary_name: str = "",
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
) -> CouncilSession:
    access.require(by, Action.EDIT, commune)
    _check_times(start_time, end_time)
    total = council_size(commune, year)
    if total == 0:
        raise ValidationError(_("Hội đồng năm %(year)s chưa có thành viên.") % {"year": year})
    if members_present > total:
        raise ValidationError(
            {
                "members_present": _(
                    "Số thành viên có mặt (%(present)s) lớn hơn số thành viên Hội đồng (%(total)s)."
                )
                % {"present": members_present, "total": total}
            }
        )
    session = CouncilSession(
        commune=commune,
        year=valid_year(year),
        held_on=held_on,
        members_present=members_present,
        place=place.strip(),
        chair_name=chair_name.strip(),
        secretary_name=secretary_name.strip(),
        start_time=start_time,
        end_time=end_time,
    )
    return audit.create(session, by=by)


def _check_times(start: datetime.time | None, end: datetime.time | None) -> None:
    if start is not None and end is not None and end <= start:
        raise ValidationError({"end_time": _("Giờ kết thúc phải sau giờ bắt đầu.")})


MINUTES_FIELDS = ("place", "chair_name", "secretary_name", "start_time", "end_time")


@transaction.atomic
def session_minutes_update(*, session: CouncilSession, by: User, **fields) -> CouncilSession:
    """What the minutes record of a meeting: place, who chaired, who took the minutes, when
    it began and ended."""
    access.require(by, Action.EDIT, session.commune)
    unknown = set(fields) - set(MINUTES_FIELDS)
    if unknown:
        raise TypeError(f"Unknown session fields: {sorted(unknown)}")
    before = audit.snapshot(session)
    for name, value in fields.items():
        setattr(session, name, (value or "").strip() if name.endswith(("name", "place")) else value)
    _check_times(session.start_time, session.end_time)
    return audit.update(session, before, by=by)


@transaction.atomic
def session_minutes_number_take(
    *, session: CouncilSession, by: User, number: int | None = None
) -> IssuedNumber:
    """The minutes' number: the council writes its documents in the UBND's number system
    (NĐ 30/2020: councils of a body share its book), in the minutes' (BB) series."""
    access.require(by, Action.EDIT, session.commune)
    if session.minutes_number_id:
        raise ValidationError({"number": _("Biên bản đã có số.")})
    issued = numbering.number_take(
        unit=session.commune,
        body=Body.PEOPLES_COMMITTEE,
        doc_type=DocumentType.MINUTES,
        on=session.held_on,
        by=by,
        number=number,
        subject=f"Biên bản họp Hội đồng Thi đua - Khen thưởng năm {session.year}",
        ref=f"emulation.CouncilSession:{session.pk}",
    )
    before = audit.snapshot(session)
    session.minutes_number = issued
    audit.update(session, before, by=by, verb="number", note=str(issued))
    return issued


@transaction.atomic
def session_add_nominations(
    *, session: CouncilSession, nominations: Iterable[Nomination], by: User
) -> list[Ballot]:
    """Put submitted nominations before the council: each gets a ballot carrying the council
    size and the vote threshold in force on the meeting day."""
    access.require(by, Action.EDIT, session.commune)
    book = Rulebook.load(session.commune, session.held_on)
    total = council_size(session.commune, session.year)
    ballots = []
    errors = []
    for nomination in fresh_nominations(nominations):
        if nomination.commune_id != session.commune_id or nomination.year != session.year:
            errors.append(_("%(n)s không thuộc năm, đơn vị của phiên họp.") % {"n": nomination})
            continue
        if nomination.state != NominationState.SUBMITTED:
            errors.append(_("%(n)s chưa được gửi hoặc đã được xét.") % {"n": nomination})
            continue
        rule = book.get(nomination.award_kind, RuleKind.COUNCIL_THRESHOLD)
        if rule is None:
            errors.append(
                _("Bộ quy định chưa có tỷ lệ phiếu cần đạt cho “%(kind)s”.")
                % {"kind": nomination.award_kind.name}
            )
            continue
        ballot = audit.create(
            Ballot(
                session=session,
                nomination=nomination,
                members_total=total,
                threshold=rule.value,
                threshold_operator=rule.operator or "gte",
                threshold_citation=rule.citation[:400],
            ),
            by=by,
        )
        audit.transition(nomination, "state", NominationState.IN_REVIEW, by=by)
        ballots.append(ballot)
    if errors:
        raise ValidationError(errors)
    return ballots


@transaction.atomic
def ballot_record(*, ballot: Ballot, votes_for: int, by: User) -> Ballot:
    """Record the secret-ballot count for one candidate. The votes can't exceed the members
    present, nor the council; the threshold is a share of ALL members."""
    ballot = (
        Ballot.objects.select_for_update()
        .select_related("session__commune", "nomination__award_kind")
        .get(pk=ballot.pk)
    )
    session = ballot.session
    access.require(by, Action.EDIT, session.commune)
    if ballot.nomination.state not in (NominationState.IN_REVIEW, NominationState.VOTED):
        raise ValidationError(_("Đề nghị này không còn chờ Hội đồng bỏ phiếu."))
    if votes_for is None or votes_for < 0:
        raise ValidationError({"votes_for": _("Số phiếu không hợp lệ.")})
    if votes_for > session.members_present or votes_for > ballot.members_total:
        raise ValidationError(
            {
                "votes_for": _(
                    "%(who)s: số phiếu đồng ý (%(votes)s) lớn hơn số thành viên có mặt "
                    "(%(present)s) của Hội đồng %(total)s thành viên."
                )
                % {
                    "who": ballot.nomination.nominee_name,
                    "votes": votes_for,
                    "present": session.members_present,
                    "total": ballot.members_total,
                }
            }
        )
    passed = ballot.reaches_threshold(votes_for)
    before = audit.snapshot(ballot)
    ballot.votes_for, ballot.passed = votes_for, passed
    audit.update(ballot, before, by=by)
    audit.transition(
        ballot.nomination,
        "state",
        NominationState.VOTED,
        by=by,
        note=_("%(votes)s/%(total)s phiếu đồng ý")
        % {"votes": votes_for, "total": ballot.members_total},
    )
    return ballot


@transaction.atomic
def ballots_record(*, session: CouncilSession, votes: dict[int, int], by: User) -> list[Ballot]:
    """Record the whole session's count at once; any bad count saves nothing."""
    access.require(by, Action.EDIT, session.commune)
    ballots = {ballot.pk: ballot for ballot in session.ballots.all()}
    errors, saved = [], []
    for ballot_id, count in votes.items():
        ballot = ballots.get(ballot_id)
        if ballot is None:
            errors.append(_("Phiếu không thuộc phiên họp này."))
            continue
        try:
            with transaction.atomic():
                saved.append(ballot_record(ballot=ballot, votes_for=count, by=by))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        transaction.set_rollback(True)
        raise ValidationError(errors)
    return saved
