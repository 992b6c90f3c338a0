"""Reads for the document screens, the background jobs, the portal and the API (fixed query
counts). Objects a user asks for by id come through the access layer (404 outside scope)."""

from __future__ import annotations

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from tongket.conferences.choices import ConferenceKind
from tongket.conferences.models import Conference, Photo
from tongket.emulation import selectors as emulation
from tongket.emulation.models import Award, AwardDecision, CouncilSession
from tongket.units import access
from tongket.units import selectors as unit_selectors
from tongket.units.choices import COMMUNE_KINDS, Action, UnitKind
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


PORTAL_LATEST = 3


def portal_front_page(per_commune: int = PORTAL_LATEST) -> list[dict]:
    """The portal's index: every commune with a published article, its province's name and
    its latest articles, newest first; two queries whatever the number of communes."""
    ranked = (
        Article.objects.filter(state=ArticleState.PUBLISHED, unit__kind__in=COMMUNE_KINDS)
        .select_related("unit")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("unit_id"),
                order_by=[F("published_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=per_commune)
        .order_by("unit__name_folded", "unit_id", "rank")
    )
    communes: dict[int, dict] = {}
    for item in ranked:
        entry = communes.setdefault(item.unit_id, {"unit": item.unit, "articles": []})
        entry["articles"].append(item)
    provinces = province_names([entry["unit"] for entry in communes.values()])
    for entry in communes.values():
        entry["province"] = provinces.get(entry["unit"].pk, "")
    return sorted(communes.values(), key=lambda e: (e["province"], e["unit"].name_folded))


def province_names(units) -> dict[int, str]:
    """The name of the province each unit lies in, by unit id, in one query."""
    known = unit_selectors.ancestors_of(units)
    names = {}
    for unit in units:
        found = [known[pk] for pk in unit.ancestor_ids if pk in known]
        names[unit.pk] = next((a.name for a in found if a.kind == UnitKind.PROVINCE), "")
    return names


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
