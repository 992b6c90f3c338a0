"""The public portal: no login, only published articles, the commune's figures, photos of
published articles only, readable on a phone and printable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tongket.conferences import services as conference_services
from tongket.conferences.tests.builders import png_bytes
from tongket.documents import services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def published(world, year_end):
    conference_services.photo_add(
        conference=year_end, data=png_bytes(), caption="Toàn cảnh hội nghị", by=world.officer_a
    )
    article = services.article_generate(conference=year_end, by=world.officer_a)
    return services.article_publish(article=article, by=world.leader_a)


def test_commune_page_lists_published_articles_and_figures_without_login(client, published):
    response = client.get(reverse("portal:commune", args=[published.unit.code]))
    page = response.content.decode()
    assert response.status_code == 200
    assert published.headline in page
    assert "12,4 tỷ đồng" in page and "104,2%" in page
    assert "chưa có số liệu" in page and "chưa giao kế hoạch" in page
    assert 'name="viewport"' in page and "portal.css" in page


@pytest.mark.parametrize("param", ["year", "nam"])
def test_commune_page_opens_the_year_asked_for_also_from_old_nam_links(
    client, world, published, param
):
    url = reverse("portal:commune", args=[published.unit.code])
    assert client.get(url).context["year"] == 2025
    response = client.get(url, {param: 2024})
    assert response.context["year"] == 2024
    assert "Kết quả thực hiện các chỉ tiêu năm 2024" in response.content.decode()
    assert 'name="year"' in response.content.decode()
    assert client.get(url, {param: 1990}).context["year"] == 2025


def test_article_page_shows_text_and_photo(client, published):
    response = client.get(reverse("portal:article", args=[published.unit.code, published.pk]))
    page = response.content.decode()
    assert "Sáng ngày 09/01/2026" in page and "Toàn cảnh hội nghị" in page
    photo = published.conference.photos.get()
    image = client.get(reverse("portal:photo", args=[photo.pk]))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"


def test_draft_articles_and_their_photos_are_not_public(client, world, year_end):
    photo = conference_services.photo_add(
        conference=year_end, data=png_bytes(), caption="Ảnh", by=world.officer_a
    )
    article = services.article_generate(conference=year_end, by=world.officer_a)
    assert client.get(reverse("portal:article", args=[world.a.code, article.pk])).status_code == 404
    assert client.get(reverse("portal:photo", args=[photo.pk])).status_code == 404
    page = client.get(reverse("portal:commune", args=[world.a.code])).content.decode()
    assert article.headline not in page


def test_article_of_one_commune_is_not_shown_under_another(client, world, published):
    url = reverse("portal:article", args=[world.b.code, published.pk])
    assert client.get(url).status_code == 404


def test_unknown_commune_is_404(client, db):
    assert client.get(reverse("portal:commune", args=["KHONG-CO"])).status_code == 404


def test_index_lists_communes_with_published_articles(client, world, published):
    page = client.get(reverse("portal:index")).content.decode()
    assert world.a.name in page and world.b.name not in page


def test_print_css_hides_navigation(client, published):
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("portal/portal.css")).read_text(encoding="utf-8")
    assert "@media print" in css and "@media (max-width: 576px)" in css


def test_portal_page_query_count_is_fixed(client, world, published, django_assert_num_queries):
    url = reverse("portal:commune", args=[world.a.code])
    client.get(url)
    # commune, years, articles, the data stamp (one aggregate per kind of row): the figures
    # come from the cache on a repeat
    with django_assert_num_queries(7):
        client.get(url)
