"""Reads for the document screens, the background jobs, the portal and the API (fixed query
counts). Objects a user asks for by id come through the access layer (404 outside scope)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from tongket.conferences.choices import ConferenceKind
from tongket.conferences.models import Conference, Photo
from tongket.emulation import selectors as emulation
from tongket.emulation.models import Award, AwardDecision, CouncilSession
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from .choices import ArticleState, JobKind
from .models import Article, GeneratedFile, Job


def article_for(conference) -> Article | None:
    return Article.objects.filter(conference=conference).first()


def conference_files(conference) -> list[GeneratedFile]:
    return list(
        GeneratedFile.objects.filter(conference=conference).order_by("-created_at", "-id")[:20]
    )


def job_list(user: User) -> QuerySet[Job]:
    return access.restrict(Job.objects.select_related("unit", "created_by"), user).order_by(
        "-created_at", "-id"
    )


def job_files(job: Job) -> list[GeneratedFile]:
    return list(
        GeneratedFile.objects.filter(job=job)
        .select_related("conference__unit")
        .order_by("conference__unit__path", "kind")
    )


def job_units(user: User) -> QuerySet[Unit]:
    """Units over which the user may start a province-wide job: provinces (and communes) in
    their editing scope."""
    return (
        access.units_for(user, Action.EDIT)
        .filter(kind__in=["province", "xa", "phuong", "dac_khu"], valid_to__isnull=True)
        .order_by("path")
    )


def published_articles(unit: Unit) -> QuerySet[Article]:
    """A commune's published articles, newest first (public: no user)."""
    return (
        Article.objects.filter(unit=unit, state=ArticleState.PUBLISHED)
        .select_related("conference", "round")
        .order_by("-published_at", "-id")
    )


def public_communes() -> QuerySet[Unit]:
    """Communes with at least one published article, for the portal's index."""
    return (
        Unit.objects.communes()
        .filter(pk__in=Article.objects.filter(state=ArticleState.PUBLISHED).values("unit_id"))
        .order_by("name_folded")
    )


# One object, through the access layer (404 outside the user's scope) ------------------------


def get_article_for(user: User, pk, action: str = Action.VIEW) -> Article:
    return access.get_for(Article.objects.select_related("conference", "unit"), user, pk, action)


def get_file_for(user: User, pk) -> GeneratedFile:
    return access.get_for(GeneratedFile.objects.all(), user, pk)


def get_job_for(user: User, pk) -> Job:
    return access.get_for(Job.objects.select_related("unit"), user, pk)


def get_award_decision_for(user: User, pk) -> AwardDecision:
    return access.get_for(
        AwardDecision.objects.select_related("commune__parent", "session"), user, pk
    )


def get_award_for(user: User, pk) -> Award:
    return access.get_for(
        Award.objects.select_related("decision__commune__parent", "nomination__person"), user, pk
    )


def get_session_for(user: User, pk) -> CouncilSession:
    """A council session for its minutes: those who may see the session (its commune or
    its members); 404 for anyone else."""
    session = emulation.sessions_for(user).filter(pk=pk).first()
    if session is None:
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))
    return session


# Background jobs ------------------------------------------------------------------------------


def job_conference_ids(job: Job) -> list[int]:
    """The conferences a job works on (one query): the one asked for, or the last year-end
    or half-year review of each commune under the job's unit that year."""
    if job.kind == JobKind.REPORT_PDF:
        return [int(job.params["conference_id"])]
    latest: dict[int, int] = {}
    conferences = (
        Conference.objects.filter(
            unit__path__startswith=job.unit.path,
            year=job.year,
            kind__in=[ConferenceKind.YEAR_REVIEW, ConferenceKind.HALF_YEAR_REVIEW],
        )
        .order_by("unit__path", "date", "id")
        .values_list("pk", "unit_id")
    )
    for pk, unit_id in conferences:
        latest[unit_id] = pk  # the last conference of each commune that year
    return list(latest.values())


def has_published_article(conference: Conference) -> bool:
    return Article.objects.filter(conference=conference, state=ArticleState.PUBLISHED).exists()


# The public portal (no user) ------------------------------------------------------------------


def public_commune(code: str) -> Unit:
    """A commune by its code, for its public page; 404 when there is none."""
    return get_object_or_404(Unit.objects.communes(), code=code)


def published_article(unit: Unit, pk) -> Article:
    """One of a commune's published articles; 404 for a draft or another commune's."""
    return get_object_or_404(
        Article.objects.select_related("conference"),
        pk=pk,
        unit=unit,
        state=ArticleState.PUBLISHED,
    )


def public_photo(pk) -> Photo:
    """A conference photo shown with a published article; 404 for any other."""
    photo = Photo.objects.filter(pk=pk, conference__article__state=ArticleState.PUBLISHED).first()
    if photo is None:
        raise Http404("Không tìm thấy ảnh.")
    return photo
