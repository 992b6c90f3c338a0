"""Reads for the conference screens, the documents and the API (fixed query counts)."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from tongket.emulation import selectors as emulation
from tongket.emulation.models import AwardDecision, AwardRecord
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Person, Unit, User

from .models import Conference, Guest, Photo, Speech


def conference_list(
    user: User, *, unit: Unit | None = None, year: int | None = None
) -> QuerySet[Conference]:
    """Conferences the user may see, newest first, with guest and photo counts (one query)."""
    conferences = access.restrict(Conference.objects.select_related("unit", "chair"), user)
    if unit is not None:
        conferences = conferences.filter(unit__path__startswith=unit.path)
    if year is not None:
        conferences = conferences.filter(year=year)
    return conferences.annotate(
        guest_count=Count("guests", distinct=True), photo_count=Count("photos", distinct=True)
    ).order_by("-date", "-id")


def conference_queryset() -> QuerySet[Conference]:
    """What a conference page or document needs in one go (4 queries once evaluated)."""
    return Conference.objects.select_related(
        "unit", "chair", "signer", "party_signer", "state_number", "party_number", "unit__parent"
    ).prefetch_related(
        Prefetch("guests", queryset=Guest.objects.select_related("person").order_by("order", "id")),
        Prefetch("photos", queryset=Photo.objects.order_by("order", "id")),
        Prefetch("speeches", queryset=Speech.objects.order_by("order", "id")),
    )


def get_conference_for(user: User, pk, action: str = Action.VIEW) -> Conference:
    return access.get_for(conference_queryset(), user, pk, action)


def get_guest_for(user: User, conference_pk, pk, action: str = Action.VIEW) -> Guest:
    """A guest of one conference, through the access layer (404 outside the user's scope)."""
    guests = Guest.objects.filter(conference_id=conference_pk).select_related("conference__unit")
    return access.get_for(guests, user, pk, action)


def get_photo_for(user: User, conference_pk, pk, action: str = Action.VIEW) -> Photo:
    """A photo of one conference, through the access layer (404 outside the user's scope)."""
    photos = Photo.objects.filter(conference_id=conference_pk).select_related("conference__unit")
    return access.get_for(photos, user, pk, action)


def get_speech_for(user: User, conference_pk, pk, action: str = Action.VIEW) -> Speech:
    """A speech of one conference, through the access layer (404 outside the user's scope)."""
    speeches = Speech.objects.filter(conference_id=conference_pk).select_related("conference__unit")
    return access.get_for(speeches, user, pk, action)


def guest_candidates(commune: Unit) -> QuerySet[Person]:
    """People who may chair, sign for or attend a commune's conference: those of the commune
    and its subunits, and officials of the levels above (the province)."""
    return (
        Person.objects.filter(
            Q(unit__path__startswith=commune.path) | Q(unit_id__in=commune.ancestor_ids)
        )
        .select_related("unit")
        .order_by("name_folded", "id")
    )


def communes_for(user: User, action: str = Action.EDIT) -> QuerySet[Unit]:
    """Communes where the user may hold (edit) conferences."""
    return access.units_for(user, action).communes().filter(valid_to__isnull=True).order_by("path")


def award_decision_choices(conference: Conference, user: User) -> QuerySet[AwardDecision]:
    """The commune's award decisions for the conference's year that the user may see."""
    return (
        emulation.decisions_list(user, conference.year)
        .filter(commune=conference.unit)
        .order_by("signed_on", "pk")
    )


def awarded_decisions(conference: Conference, user: User) -> QuerySet[AwardDecision]:
    """The decisions whose awards were handed out at the conference."""
    return award_decision_choices(conference, user).filter(conferences=conference)


def people_for_conferences(user: User, unit: Unit | None = None) -> QuerySet[Person]:
    """People offered as chair or signer: the commune's own people (those of the commune
    itself or holding a position in it), never a tổ dân phố's members or the province's
    officials (they are guests); before a commune is chosen, those of every commune the
    user may edit."""
    communes = [unit] if unit is not None else list(communes_for(user))
    return (
        Person.objects.filter(Q(unit__in=communes) | Q(positions__unit__in=communes))
        .distinct()
        .select_related("unit")
        .order_by("name_folded", "id")
    )


def award_record_choices(conference: Conference, user: User) -> QuerySet[AwardRecord]:
    """The commune's awards recorded by count for the conference's year that the user may
    see."""
    return (
        emulation.records_list(user, conference.year)
        .filter(commune=conference.unit)
        .order_by("signed_on", "pk")
    )


def awarded_records(conference: Conference, user: User) -> QuerySet[AwardRecord]:
    return award_record_choices(conference, user).filter(conferences=conference)
