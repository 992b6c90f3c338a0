"""Reads for the document screens, the portal and the API (fixed query counts)."""

from __future__ import annotations

from django.db.models import QuerySet

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from .choices import ArticleState
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
