"""The number of queries of each page stays the same whatever the number of units and
indicators (an N+1 fails here)."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from tongket.targets import services
from tongket.units import services as unit_services
from tongket.units.choices import UnitKind

from .conftest import YEAR, save


def _grow(world, catalogue, n):
    """Add n indicators and n communes with plans and results."""
    by = world.root
    for i in range(n):
        version = services.indicator_create(
            owner=world.province,
            code=f"X{n}{i}",
            year=YEAR,
            name=f"Chỉ tiêu {i}",
            group="economy",
            by=by,
            rollup="sum" if i % 2 else "weighted_mean",
            weight_indicator=None if i % 2 else catalogue.households,
        )
        commune = unit_services.unit_create(
            code=f"C{n}{i}", name=f"Xã {n} {i}", kind=UnitKind.XA, parent=world.province, by=by
        )
        for unit in (world.a, commune):
            services.plan_set(
                unit=unit, indicator=version.indicator, year=YEAR, value=D("5"), by=by
            )
            save(unit, version.indicator, by, i)
            save(unit, version.indicator, by, i, year=YEAR)


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


PAGES = [
    ("targets:unit", "a", "officer_a"),
    ("targets:grid", "a", "officer_a"),
    ("targets:province", "province", "province_officer"),
    ("targets:board", "province", "province_officer"),
]


@pytest.mark.parametrize(("name", "unit", "user"), PAGES)
def test_queries_do_not_grow_with_units_or_indicators(
    world, figures, login, name, unit, user, django_assert_num_queries
):
    client = login(getattr(world, user))
    url = reverse(name, args=[getattr(world, unit).pk]) + f"?year={YEAR}"
    _grow(world, figures, 2)
    small = _count(client, url)
    _grow(world, figures, 7)
    with django_assert_num_queries(small):
        client.get(url)


def test_api_achievement_queries_do_not_grow(world, figures, login, django_assert_num_queries):
    client = login(world.officer_a)
    url = f"/api/v1/targets/achievement?unit={world.a.pk}&year={YEAR}"
    _grow(world, figures, 2)
    small = _count(client, url)
    _grow(world, figures, 6)
    with django_assert_num_queries(small):
        client.get(url)
