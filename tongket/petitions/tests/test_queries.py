"""The lists people open every day keep their number of queries as items grow: the
province's list of forwarded items, each person's own page, a plan's page."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tongket.petitions import services
from tongket.petitions.choices import Competence, ForwardLevel
from tongket.petitions.services import ForwardItem
from tongket.units.choices import Body

from .builders import END, make_session, raise_item

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)  # warm the session and caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _grow(world, people, session, count: int, start: int = 0) -> None:
    items = []
    for i in range(start, start + count):
        up = raise_item(
            world, session, text=f"Kiến nghị gửi tỉnh {i}", competence=Competence.PROVINCE
        )
        local = raise_item(world, session, text=f"Kiến nghị tại phường {i}")
        services.recommendation_assign(
            item=local,
            by=world.officer_a,
            deadline=datetime.date(2025, 9, 1),
            assignee_unit=people.office,
            assignee_person=people.clerk,
        )
        items.append(ForwardItem(up, ForwardLevel.PROVINCE))
    services.report_create(
        commune=world.a,
        by=world.officer_a,
        items=items,
        issued_on=datetime.date(2025, 10, 1),
        body=Body.PEOPLES_COMMITTEE,
    )


@pytest.mark.parametrize(
    "persona, url",
    [
        ("province_officer", "petitions:forwarded"),
        ("officer_a", "petitions:forwarded"),
        ("province_officer", "petitions:home"),
        ("leader_a", "petitions:home"),
        ("reporter_a1", "petitions:home"),
        ("officer_a", "petitions:list"),
    ],
)
def test_a_list_keeps_its_query_count_as_items_grow(
    client, world, people, session_a1, persona, url
):
    world.officer_a.person = people.clerk
    world.officer_a.save()
    client.force_login(getattr(world, persona))
    _grow(world, people, session_a1, 2)
    small = _queries(client, reverse(url))
    _grow(world, people, session_a1, 12, start=2)
    assert _queries(client, reverse(url)) == small


def test_a_plans_page_keeps_its_query_count(client, world, people, plan):
    client.force_login(world.officer_a)
    services.delegation_add(plan=plan, position=people.secretary_position, by=world.officer_a)
    session = make_session(world, plan, world.group_a1)
    raise_item(world, session)
    url = reverse("petitions:plan", args=[plan.pk])
    small = _queries(client, url)
    session2 = make_session(world, plan, world.group_a2)
    for i in range(6):
        item = raise_item(world, session2, text=f"Kiến nghị {i}")
        services.recommendation_assign(
            item=item, by=world.officer_a, deadline=END, assignee_unit=people.office
        )
    services.delegation_add(plan=plan, position=people.council_position, by=world.officer_a)
    assert _queries(client, url) == small
