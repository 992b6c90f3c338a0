"""Reads of the council stage: the sessions a user may see (their communes', and those of
the councils they sit on), one session with its members and ballots, a year's members."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..choices import NominationState
from ..models import Ballot, CouncilMember, CouncilSession, Nomination
from .common import NOMINATION_RELATED


def sessions_for(user: User) -> QuerySet[CouncilSession]:
    """Sessions the user may see: those of communes in their view, and those of the councils
    they sit on (a council member sees only the sessions of their council)."""
    condition = access.scope_q(CouncilSession, user, Action.VIEW)
    if condition is None:
        return CouncilSession.objects.select_related("commune")
    memberships = Q()
    if user.person_id:
        pairs = CouncilMember.objects.filter(person_id=user.person_id).values_list(
            "commune_id", "year"
        )
        for commune_id, year in pairs:
            memberships |= Q(commune_id=commune_id, year=year)
    if memberships:
        condition |= memberships
    return CouncilSession.objects.filter(condition).select_related("commune")


def get_session_for(user: User, pk) -> CouncilSession:
    """One session the user may see (see `sessions_for`); any other: 404."""
    session = sessions_for(user).filter(pk=pk).first()
    if session is None:
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))
    return session


def waiting_nominations(session: CouncilSession) -> QuerySet[Nomination]:
    """The commune's nominations of the session's year sent and not yet before the council."""
    return Nomination.objects.filter(
        commune=session.commune_id, year=session.year, state=NominationState.SUBMITTED
    ).select_related(*NOMINATION_RELATED)


def session_ballots(session: CouncilSession) -> list[Ballot]:
    """The session's ballots with the nominees' names (one query)."""
    return list(
        session.ballots.select_related(
            *(f"nomination__{name}" for name in NOMINATION_RELATED), "nomination__award"
        )
    )


def is_council_member(user: User, session: CouncilSession) -> bool:
    return (
        bool(user.person_id)
        and CouncilMember.objects.filter(
            commune=session.commune_id, year=session.year, person_id=user.person_id
        ).exists()
    )


@dataclass
class SessionPage:
    session: CouncilSession
    members: list[CouncilMember]
    ballots: list[Ballot]
    waiting: list[Nomination]

    @property
    def passed(self) -> list[Ballot]:
        return [ballot for ballot in self.ballots if ballot.passed]

    @property
    def failed(self) -> list[Ballot]:
        return [b for b in self.ballots if b.votes_for is not None and not b.passed]


def session_page(session: CouncilSession, *, with_waiting: bool = True) -> SessionPage:
    members = list(
        CouncilMember.objects.filter(commune=session.commune, year=session.year).select_related(
            "person"
        )
    )
    waiting = list(waiting_nominations(session)) if with_waiting else []
    return SessionPage(session, members, session_ballots(session), waiting)


def council_members(commune: Unit, year: int) -> list[CouncilMember]:
    return list(
        CouncilMember.objects.filter(commune=commune, year=year).select_related("person__unit")
    )
