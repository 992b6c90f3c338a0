"""The portal's front page (latest articles of every commune, under the province's name) and
an article page as it is shared and printed: photos where the text places them, Open Graph
tags, a masthead and a print style that keeps the article on one page."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tongket.conferences import services as conference_services
from tongket.conferences.tests.builders import make_conference, png_bytes
from tongket.documents import services

pytestmark = pytest.mark.django_db


class Tags(HTMLParser):
    """The <meta> tags and the order of the article's paragraphs and photos."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.body: list[tuple[str, str]] = []
        self._in_p = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        elif tag == "img":
            self.body.append(("photo", attrs.get("alt", "")))
        self._in_p = tag == "p"

    def handle_data(self, data):
        if self._in_p and data.strip():
            self.body.append(("text", data.strip()))
            self._in_p = False


def parse(response) -> Tags:
    tags = Tags()
    tags.feed(response.content.decode())
    return tags


def publish(conference, by, leader):
    article = services.article_generate(conference=conference, by=by)
    return services.article_publish(article=article, by=leader)


@pytest.fixture
def photographed(world, year_end):
    lead = conference_services.photo_add(
        conference=year_end, data=png_bytes(), caption="Toàn cảnh hội nghị", by=world.officer_a
    )
    awards = conference_services.photo_add(
        conference=year_end,
        data=png_bytes(colour="red"),
        caption="Trao giấy khen",
        placement="end",
        by=world.officer_a,
    )
    return publish(year_end, world.officer_a, world.leader_a), lead, awards


def test_front_page_lists_each_communes_latest_articles_under_its_province(client, world):
    earlier = []
    for year in (2022, 2023, 2024, 2025):
        conference = make_conference(world, year=year, date=datetime.date(year + 1, 1, 9))
        earlier.append(publish(conference, world.officer_a, world.leader_a))
    other = make_conference(world, unit=world.b, by=world.officer_b)
    other_article = publish(other, world.officer_b, world.root)
    page = client.get(reverse("portal:index")).content.decode()
    section_b = page[page.index('id="commune-P-B"') : page.index('id="commune-P-A"')]
    section_a = page[page.index('id="commune-P-A"') :]  # communes by name: Đậu Liêu first
    assert "Tỉnh Thử Nghiệm" in section_a and "Tỉnh Thử Nghiệm" in section_b
    shown = [a.pk for a in earlier if f"/tin/{a.pk}/" in section_a]
    assert shown == [a.pk for a in earlier[1:]]  # the three latest; the oldest left out
    assert section_a.index(f"/tin/{earlier[3].pk}/") < section_a.index(f"/tin/{earlier[1].pk}/")
    assert f"/P-B/tin/{other_article.pk}/" in section_b
    assert world.group_a1.name not in page


def test_front_page_takes_two_queries_whatever_the_number_of_communes(
    client, world, django_assert_num_queries
):
    publish(make_conference(world), world.officer_a, world.leader_a)
    with django_assert_num_queries(2):
        client.get(reverse("portal:index"))
    publish(make_conference(world, unit=world.b, by=world.officer_b), world.officer_b, world.root)
    with django_assert_num_queries(2):
        assert "Phường Đậu Liêu" in client.get(reverse("portal:index")).content.decode()


def test_front_page_without_articles_says_so(client, db):
    assert "Chưa có tin bài nào được đăng." in client.get(reverse("portal:index")).content.decode()


def test_article_places_each_photo_where_the_text_puts_it(client, photographed):
    article = photographed[0]
    tags = parse(client.get(reverse("portal:article", args=[article.unit.code, article.pk])))
    photos = [i for i, (kind, _) in enumerate(tags.body) if kind == "photo"]
    assert [tags.body[i][1] for i in photos] == ["Toàn cảnh hội nghị", "Trao giấy khen"]
    assert tags.body[photos[0] - 1][1].startswith("Sáng ngày")  # after the opening paragraph
    assert photos[0] == 1 and photos[1] > photos[0] + 2  # the other one further down


def test_article_has_share_tags_with_title_description_and_image(client, photographed):
    article, lead, _ = photographed
    tags = parse(client.get(reverse("portal:article", args=[article.unit.code, article.pk])))
    assert tags.meta["og:title"] == article.headline
    assert tags.meta["og:type"] == "article"
    description = tags.meta["og:description"]
    assert description.startswith("Sáng ngày 09/01/2026") and len(description) <= 200
    assert tags.meta["og:image"] == "http://testserver" + reverse("portal:photo", args=[lead.pk])
    assert tags.meta["og:url"].endswith(f"/tin/{article.pk}/")
    assert client.get(tags.meta["og:image"].removeprefix("http://testserver")).status_code == 200


def test_article_without_photo_shares_no_image(client, world, year_end):
    article = publish(year_end, world.officer_a, world.leader_a)
    tags = parse(client.get(reverse("portal:article", args=[article.unit.code, article.pk])))
    assert "og:image" not in tags.meta and tags.meta["og:title"] == article.headline


def test_article_prints_with_its_masthead_on_one_page(client, photographed):
    article = photographed[0]
    page = client.get(reverse("portal:article", args=[article.unit.code, article.pk]))
    html = page.content.decode()
    masthead = re.search(
        r'<header class="[^"]*d-print-block[^"]*" id="masthead">(.*?)</header>', html, re.S
    )
    assert (
        masthead
        and "Tỉnh Thử Nghiệm" in masthead.group(1)
        and "Phường Hòa Bình" in masthead.group(1)
    )
    assert re.search(r'<footer class="[^"]*d-print-none', html)
    css = Path(finders.find("portal/portal.css")).read_text(encoding="utf-8")
    printed = css[css.index("@media print") :]
    assert "@page" in printed and "size: A4" in printed
    assert re.search(r"\.portal-article-body \{[^}]*column-count: 2", printed)
    assert re.search(r"\.portal-photo img \{[^}]*max-height: 4\.5cm", printed)
