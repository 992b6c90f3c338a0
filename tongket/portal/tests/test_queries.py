"""Queries per page stay fixed as the data grows: the conference's documents page and the
public commune and article pages, measured before and after adding indicators, guests,
photos and articles."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tongket.conferences import services as conference_services
from tongket.conferences.tests.builders import make_conference, official, png_bytes
from tongket.documents import services
from tongket.targets import services as targets


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _count(client, url) -> int:
    client.get(url)  # warm caches (scope, content types)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow(world, conference, n: int) -> None:
    for i in range(n):
        version = targets.indicator_create(
            owner=None,
            code=f"THEM{i}",
            year=2025,
            name=f"Chỉ tiêu thêm {i}",
            group="economy",
            unit_of_measure="tỷ đồng",
            decimals=1,
            featured=True,
            by=world.root,
        )
        targets.plan_set(
            unit=world.a,
            indicator=version.indicator,
            year=2025,
            value=Decimal(10 + i),
            by=world.root,
        )
        targets.result_save(
            unit=world.a,
            indicator=version.indicator,
            year=2025,
            period="year",
            value=Decimal(11 + i),
            expected_version=0,
            by=world.officer_a,
        )
        guest = official(world, f"Khách {i}", f"Trưởng ban {i}")
        conference_services.guest_add(conference=conference, person=guest, by=world.officer_a)
        conference_services.photo_add(
            conference=conference, data=png_bytes(), caption=f"Ảnh {i}", by=world.officer_a
        )


def _publish(world, conference):
    article = services.article_generate(conference=conference, by=world.officer_a)
    return services.article_publish(article=article, by=world.leader_a)


def test_document_and_portal_pages_do_not_grow_with_the_data(client, world, indicators):
    conference = make_conference(world)
    article = _publish(world, conference)
    client.force_login(world.officer_a)
    urls = [
        reverse("documents:conference", args=[conference.pk]),
        reverse("portal:commune", args=[world.a.code]),
        reverse("portal:article", args=[world.a.code, article.pk]),
    ]
    small = [_count(client, url) for url in urls]
    services.article_unpublish(article=article, by=world.leader_a)
    _grow(world, conference, 6)
    for year in (2023, 2024):
        held = datetime.date(year + 1, 1, 9)  # a year's review meets in it or the next
        _publish(world, make_conference(world, year=year, date=held, venue=f"Hội trường {year}"))
    article = _publish(world, conference)
    urls[2] = reverse("portal:article", args=[world.a.code, article.pk])
    large = [_count(client, url) for url in urls]
    assert large == small
