"""Reads of citizens' submissions (for moderation) and of the answers published on the
portal (public: the text with names hidden, never who sent it)."""

from __future__ import annotations

from django.db.models import QuerySet

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..choices import SubmissionState
from ..models import CitizenSubmission, Recommendation


def submission_list(
    user: User, state: str = SubmissionState.PENDING
) -> QuerySet[CitizenSubmission]:
    submissions = access.restrict(
        CitizenSubmission.objects.select_related("commune", "source__recommendation"),
        user,
        Action.EDIT,
    )
    if state in SubmissionState.values:
        submissions = submissions.filter(state=state)
    return submissions.order_by("submitted_at", "id")


def get_submission_for(user: User, pk, action: str = Action.VIEW) -> CitizenSubmission:
    return access.get_for(CitizenSubmission.objects.select_related("commune"), user, pk, action)


def published_answers(commune: Unit) -> QuerySet[Recommendation]:
    """A commune's published answers, newest first (public: no user)."""
    return (
        Recommendation.objects.filter(commune=commune, published_at__isnull=False)
        .select_related("unit")
        .order_by("-published_at", "-id")
    )
