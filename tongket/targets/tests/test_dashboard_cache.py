"""The dashboards are computed once per data version and stay live: the page changes right
after a result, plan, indicator or unit changes; a browser holding the current page gets 304;
queries per page stay the same as the data grows, whether the figures come from the cache or
are computed."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tongket.targets import selectors, services
from tongket.targets.models import IndicatorVersion
from tongket.units import services as unit_services

from .conftest import YEAR, save
from .test_queries import _grow


def _province(world, **query):
    query = {"year": YEAR, "indicator": "KT01", **query}
    return (
        reverse("targets:province", args=[world.province.pk])
        + "?"
        + "&".join(f"{k}={v}" for k, v in query.items())
    )


def _queries(client, url, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return len(captured.captured_queries), response


def test_province_page_changes_right_after_a_result_is_saved(world, figures, login):
    client = login(world.province_officer)
    first = client.get(_province(world)).content.decode()
    assert "7 tỷ đồng" in first and "87,5%" in first
    save(world.b, figures.revenue, world.officer_b, "9")
    page = client.get(_province(world)).content.decode()
    assert "9 tỷ đồng" in page and "112,5%" in page and "87,5%" not in page
    assert "21,4 tỷ đồng" in page  # the province's roll-up moved too


def test_a_repeat_is_served_from_the_cache(world, figures, login):
    client = login(world.province_officer)
    cold, _ = _queries(client, _province(world))
    warm, response = _queries(client, _province(world))
    assert response.status_code == 200 and warm < cold


@pytest.mark.parametrize("change", ["plan", "plan_deleted", "indicator", "commune"])
def test_province_page_follows_plans_indicators_and_communes(world, figures, login, change):
    client = login(world.province_officer)
    before = client.get(_province(world)).content.decode()
    if change == "plan":
        services.plan_set(
            unit=world.b, indicator=figures.revenue, year=YEAR, value=D("14"), by=world.root
        )
        expected, gone = "50%", "87,5%"
    elif change == "plan_deleted":
        services.plan_set(
            unit=world.b, indicator=figures.revenue, year=YEAR, value=None, by=world.root
        )
        expected, gone = "Chưa có kế hoạch", "87,5%"
    elif change == "indicator":
        version = IndicatorVersion.objects.get(indicator=figures.revenue, year=YEAR)
        services.indicator_version_update(
            version=version, name="Thu ngân sách trên địa bàn xã", by=world.province_officer
        )
        expected, gone = "Thu ngân sách trên địa bàn xã", "Tổng thu ngân sách nhà nước"
    else:
        unit_services.unit_update(
            unit=world.b,
            by=world.root,
            code=world.b.code,
            name="Phường Đậu Liêu Mới",
            kind=world.b.kind,
            parent=world.province,
        )
        expected, gone = "Phường Đậu Liêu Mới", None
    assert gone is None or gone in before
    after = client.get(_province(world)).content.decode()
    assert expected in after and expected not in before
    assert gone is None or gone not in after


def test_matching_if_none_match_gets_304_until_the_data_changes(world, figures, login):
    client = login(world.province_officer)
    first = client.get(_province(world))
    etag = first["ETag"]
    assert "private" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    again = client.get(_province(world), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    assert (
        client.get(_province(world, group="culture_society"), HTTP_IF_NONE_MATCH=etag).status_code
        == 200
    )
    save(world.b, figures.revenue, world.officer_b, "9")
    changed = client.get(_province(world), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "112,5%" in changed.content.decode()


def test_another_persons_etag_is_not_theirs(world, figures, client):
    client.force_login(world.province_officer)
    etag = client.get(_province(world))["ETag"]
    client.force_login(world.root)
    assert client.get(_province(world), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_unit_dashboard_and_portal_answer_304_and_follow_results(world, figures, login):
    client = login(world.officer_a)
    url = reverse("targets:unit", args=[world.a.pk]) + f"?year={YEAR}"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    save(world.a, figures.revenue, world.officer_a, "13.1")
    page = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert page.status_code == 200 and "13,1 tỷ đồng" in page.content.decode()

    portal = reverse("portal:commune", args=[world.a.code]) + f"?year={YEAR}"
    client.logout()
    public = client.get(portal)
    assert "13,1 tỷ đồng" in public.content.decode()
    assert client.get(portal, HTTP_IF_NONE_MATCH=public["ETag"]).status_code == 304
    save(world.a, figures.revenue, world.officer_a, "13.2")
    assert "13,2 tỷ đồng" in client.get(portal, HTTP_IF_NONE_MATCH=public["ETag"]).content.decode()


def test_rollup_page_answers_304_and_follows_results(world, figures, login):
    client = login(world.root)
    url = reverse("targets:rollup") + f"?year={YEAR}&indicator=KT01"
    first = client.get(url)
    assert "19,4 tỷ đồng" in first.content.decode()
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    save(world.b, figures.revenue, world.officer_b, "9")
    assert "21,4 tỷ đồng" in client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).content.decode()


def test_a_cache_that_fails_costs_the_computation_not_the_page(world, figures, login, monkeypatch):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "get", broken)
    page = login(world.province_officer).get(_province(world))
    assert page.status_code == 200 and "87,5%" in page.content.decode()


def test_stamps_move_with_every_kind_of_write(world, figures):
    stamp = selectors.stamps.province_stamp(world.province, YEAR)
    save(world.a, figures.households, world.officer_a, 1001)
    moved = selectors.stamps.province_stamp(world.province, YEAR)
    assert moved != stamp
    assert selectors.stamps.province_stamp(world.province, YEAR) == moved
    unit = selectors.stamps.unit_stamp(world.b, YEAR - 4, YEAR)
    assert unit == selectors.stamps.unit_stamp(world.b, YEAR - 4, YEAR)
    services.plan_set(unit=world.b, indicator=figures.poverty, year=YEAR, value=None, by=world.root)
    assert selectors.stamps.unit_stamp(world.b, YEAR - 4, YEAR) != unit


PAGES = [
    ("province", "province_officer", lambda w: _province(w)),
    ("unit", "officer_a", lambda w: reverse("targets:unit", args=[w.a.pk]) + f"?year={YEAR}"),
    ("rollup", "root", lambda w: reverse("targets:rollup") + f"?year={YEAR}&indicator=KT01"),
    ("portal", None, lambda w: reverse("portal:commune", args=[w.a.code]) + f"?year={YEAR}"),
]


@pytest.mark.parametrize(("name", "user", "url"), PAGES, ids=[p[0] for p in PAGES])
def test_queries_stay_the_same_as_data_grows_cold_and_warm(
    world, figures, client, name, user, url, django_assert_num_queries
):
    if user:
        client.force_login(getattr(world, user))
    _grow(world, figures, 2)
    cold, _ = _queries(client, url(world))
    warm, response = _queries(client, url(world))
    assert response.status_code == 200
    _grow(world, figures, 8)
    with django_assert_num_queries(cold):
        client.get(url(world))
    with django_assert_num_queries(warm):
        client.get(url(world))
