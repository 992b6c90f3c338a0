"""The public portal: no login. A page per commune with its published articles and its
figures for the year, each article's page, and the photos of published articles only."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from tongket.documents import selectors as documents
from tongket.targets import selectors as targets
from tongket.units.web import not_modified, with_etag, year_param


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/index.html", {"communes": documents.public_communes()})


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
    return render(
        request,
        "portal/article.html",
        {
            "unit": unit,
            "article": item,
            "blocks": item.blocks(item.conference.photos.all() if item.conference_id else []),
        },
    )


def photo(request: HttpRequest, pk: int) -> FileResponse:
    item = documents.public_photo(pk)
    return FileResponse(item.image.open("rb"), content_type=item.content_type)
