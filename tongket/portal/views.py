"""The public portal: no login. A page per commune with its published articles and its
figures for the year, each article's page, and the photos of published articles only."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import Truncator

from tongket.documents import selectors as documents
from tongket.targets import selectors as targets
from tongket.units.web import not_modified, with_etag, year_param

SHARE_DESCRIPTION = 200  # characters: what Facebook and Zalo show under a shared link


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/index.html", {"communes": documents.portal_front_page()})


def commune(request: HttpRequest, code: str) -> HttpResponse:
    """The commune's articles and public figures for a year: the one asked for (?year=, or
    ?nam= in links published before) when it has data, else the latest article's year."""
    unit = documents.public_commune(code)
    years = targets.years_with_data(unit)
    year = year_param(request, low=0, high=9999)
    year = year if year in years else None
    articles = list(documents.published_articles(unit)[:30])
    if year is None:
        latest = articles[0] if articles else None
        year = (latest.conference or latest.round).year if latest else (years[0] if years else None)
    stamp = targets.public_stamp(unit, year) if year else ""
    etag, unchanged = not_modified(
        request,
        stamp,
        years,
        [(a.pk, a.headline, a.body, a.published_at) for a in articles],
    )
    if unchanged:
        return unchanged
    rows = targets.public_figures(unit, year, stamp) if year else []
    response = render(
        request,
        "portal/commune.html",
        {"unit": unit, "articles": articles, "year": year, "years": years, "rows": rows},
    )
    return with_etag(response, etag)


def article(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    unit = documents.public_commune(code)
    item = documents.published_article(unit, pk)
    blocks = item.blocks(item.conference.photos.all() if item.conference_id else [])
    photos = [photo for kind, photo in blocks if kind == "photo"]
    return render(
        request,
        "portal/article.html",
        {
            "unit": unit,
            "province": documents.province_names([unit])[unit.pk],
            "article": item,
            "blocks": blocks,
            "share": share_tags(request, item, photos[0] if photos else None),
        },
    )


def share_tags(request: HttpRequest, item, photo) -> dict[str, str]:
    """Open Graph tags: what a social network shows when the article's link is shared."""
    paragraphs = item.paragraphs
    return {
        "title": item.headline,
        "description": Truncator(paragraphs[0] if paragraphs else "").chars(SHARE_DESCRIPTION),
        "url": request.build_absolute_uri(),
        "image": request.build_absolute_uri(reverse("portal:photo", args=[photo.pk]))
        if photo
        else "",
    }


def photo(request: HttpRequest, pk: int) -> FileResponse:
    item = documents.public_photo(pk)
    return FileResponse(item.image.open("rb"), content_type=item.content_type)
