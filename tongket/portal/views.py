"""The public portal: no login. A page per commune with its published articles and its
figures for the year, each article's page, and the photos of published articles only."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tongket.conferences.models import Photo
from tongket.documents import selectors as documents
from tongket.documents.choices import ArticleState
from tongket.documents.models import Article
from tongket.targets import selectors as targets
from tongket.units.models import Unit


def _commune(code: str) -> Unit:
    return get_object_or_404(Unit.objects.communes(), code=code)


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/index.html", {"communes": documents.public_communes()})


def commune(request: HttpRequest, code: str) -> HttpResponse:
    unit = _commune(code)
    years = targets.years_with_data(unit)
    year_text = request.GET.get("nam", "")
    year = int(year_text) if year_text.isdigit() and int(year_text) in years else None
    articles = list(documents.published_articles(unit)[:30])
    if year is None:
        latest = articles[0] if articles else None
        year = (latest.conference or latest.round).year if latest else (years[0] if years else None)
    rows = [row for row in targets.unit_year_achievements(unit, year) if row.public] if year else []
    return render(
        request,
        "portal/commune.html",
        {"unit": unit, "articles": articles, "year": year, "years": years, "rows": rows},
    )


def article(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    unit = _commune(code)
    item = get_object_or_404(
        Article.objects.select_related("conference"),
        pk=pk,
        unit=unit,
        state=ArticleState.PUBLISHED,
    )
    return render(
        request,
        "portal/article.html",
        {
            "unit": unit,
            "article": item,
            "photos": item.conference.photos.all() if item.conference_id else [],
        },
    )


def photo(request: HttpRequest, pk: int) -> FileResponse:
    item = Photo.objects.filter(pk=pk, conference__article__state=ArticleState.PUBLISHED).first()
    if item is None:
        raise Http404("Không tìm thấy ảnh.")
    return FileResponse(item.image.open("rb"), content_type=item.content_type)
