"""Reads of the nominations stage: the lists of nominations, registrations and past awards a
user may see, the dashboard counts, and one nomination with its eligibility checks."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..choices import NominationState
from ..eligibility import Check, judge
from ..models import Award, Ballot, Evidence, Nomination, PastAward, Registration
from .common import NOMINATION_RELATED


def latest_year(user: User) -> int:
    """The latest year the user has nominations for; this year when they have none."""
    latest = access.restrict(Nomination.objects.all(), user).aggregate(y=Max("year"))
    return latest["y"] or timezone.localdate().year


def get_nomination_for(user: User, pk, action: str = Action.VIEW) -> Nomination:
    return access.get_for(Nomination.objects.select_related(*NOMINATION_RELATED), user, pk, action)


def get_evidence_for(user: User, pk) -> Evidence:
    return access.get_for(Evidence.objects.select_related("nomination__unit"), user, pk)


def nominations_list(
    user: User, *, year: int | None = None, state: str = "", unit: Unit | None = None
) -> QuerySet[Nomination]:
    listing = access.restrict(
        Nomination.objects.select_related(*NOMINATION_RELATED, "ballot"), user
    )
    if year:
        listing = listing.filter(year=year)
    if state:
        listing = listing.filter(state=state)
    if unit is not None:
        listing = listing.filter(unit__path__startswith=unit.path)
    return listing.order_by("award_kind__order", "state", "id")


def registrations_list(user: User, year: int) -> QuerySet[Registration]:
    return access.restrict(
        Registration.objects.filter(year=year).select_related(
            "unit", "award_kind", "person__unit", "collective", "household_group"
        ),
        user,
    ).order_by("award_kind__order", "unit__path", "id")


def past_awards_list(user: User) -> QuerySet[PastAward]:
    return access.restrict(
        PastAward.objects.select_related(
            "unit", "award_kind", "person", "collective", "household_group"
        ),
        user,
    )


@dataclass
class StateCount:
    state: str
    label: str
    count: int


def dashboard_counts(user: User, year: int) -> list[StateCount]:
    """Nominations the user can see for the year, by state (one query)."""
    counts = dict(
        access.restrict(Nomination.objects.filter(year=year), user)
        .values_list("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    return [
        StateCount(state, label, counts.get(state, 0)) for state, label in NominationState.choices
    ]


# One nomination -------------------------------------------------------------------------------


@dataclass
class NominationPage:
    nomination: Nomination
    checks: list[Check]
    evidence: list
    ballot: Ballot | None
    award: Award | None

    @property
    def eligible(self) -> bool:
        return all(check.passed for check in self.checks)


def nomination_page(nomination: Nomination) -> NominationPage:
    ballot = Ballot.objects.filter(nomination=nomination).select_related("session").first()
    award = Award.objects.filter(nomination=nomination).select_related("decision").first()
    return NominationPage(
        nomination=nomination,
        checks=judge(nomination),
        evidence=list(nomination.evidence.all()),
        ballot=ballot,
        award=award,
    )
