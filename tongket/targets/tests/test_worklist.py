"""The targets part of the home page's work list: approvals, late units, figures to enter;
and what a tổ dân phố reports (only the indicators its kind reports or it was given)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tongket.targets import selectors, services
from tongket.targets.worklist import approvals, late_units, to_enter
from tongket.units import services as unit_services

from .conftest import YEAR, save

AFTER = datetime.date(YEAR, 12, 21)
BEFORE = datetime.date(YEAR, 12, 1)


@pytest.fixture
def deadline(world, catalogue):
    return services.deadline_set(
        unit=world.province,
        year=YEAR,
        period="year",
        due=datetime.date(YEAR, 12, 20),
        by=world.province_officer,
    )


def test_a_reporter_sees_how_many_of_their_indicators_are_entered_and_the_deadline(
    world, catalogue, deadline
):
    save(world.group_a1, catalogue.households, world.reporter_a1, 120)
    items = to_enter(world.reporter_a1, BEFORE)
    assert [item.text for item in items] == [
        "Tổ dân phố số 1: 1/3 chỉ tiêu đã nhập, cả năm 2025, hạn 20/12/2025"
    ]
    assert items[0].url == reverse("targets:grid", args=[world.group_a1.pk]) + (
        f"?year={YEAR}&period=year"
    )
    assert not items[0].late
    assert to_enter(world.reporter_a1, AFTER)[0].late


def test_figures_sent_up_leave_the_reporters_list_and_wait_for_the_leader(
    world, catalogue, deadline
):
    save(world.group_a1, catalogue.households, world.reporter_a1, 120)
    services.submission_submit(unit=world.group_a1, year=YEAR, period="year", by=world.reporter_a1)
    assert to_enter(world.reporter_a1, BEFORE) == []
    waiting = approvals(world.leader_a, BEFORE)
    assert len(waiting) == 1
    assert "Duyệt số liệu cả năm 2025 của Tổ dân phố số 1" in waiting[0].text
    assert approvals(world.officer_b, BEFORE) == []
    assert approvals(world.reporter_a1, BEFORE) == []


def test_units_late_against_the_deadline_are_listed_for_the_level_above(world, catalogue, deadline):
    assert late_units(world.leader_a, BEFORE) == []
    late = late_units(world.leader_a, AFTER)
    assert len(late) == 1
    assert late[0].text.startswith("2 đơn vị chưa gửi số liệu cả năm 2025, hạn 20/12/2025")
    assert late[0].url.startswith(reverse("targets:board", args=[world.a.pk]))
    province = late_units(world.province_officer, AFTER)
    assert "2 đơn vị" in province[0].text and "Phường Hòa Bình" in province[0].text
    assert late_units(world.reporter_a1, AFTER) == []


def test_a_unit_that_has_ended_is_never_late(world, catalogue, deadline):
    unit_services.unit_merge(
        unit=world.group_a2, into=world.group_a1, on=datetime.date(YEAR, 9, 30), by=world.root
    )
    late = late_units(world.leader_a, AFTER)
    assert late[0].text.startswith("1 đơn vị chưa gửi")
    assert "Tổ dân phố số 2" not in late[0].text


def test_a_subordinate_unit_reports_only_what_its_kind_reports_or_it_was_given(world, catalogue):
    names = [v.indicator.code for v in selectors.reported_set(world.group_a1, YEAR)]
    assert names == ["VH10", "VH04", "VH02"]
    assert "KT01" in [v.indicator.code for v in selectors.reported_set(world.a, YEAR)]
    with pytest.raises(ValidationError, match="không báo cáo chỉ tiêu"):
        save(world.group_a1, catalogue.revenue, world.reporter_a1, 5)
    services.plan_set(
        unit=world.group_a1,
        indicator=catalogue.revenue,
        year=YEAR,
        value=Decimal(1),
        document="",
        by=world.officer_a,
    )
    assert "KT01" in [v.indicator.code for v in selectors.reported_set(world.group_a1, YEAR)]
    save(world.group_a1, catalogue.revenue, world.reporter_a1, 5)


def test_the_reporters_grid_shows_only_their_indicators(world, catalogue, login):
    client = login(world.reporter_a1)
    page = client.get(reverse("targets:grid", args=[world.group_a1.pk]) + f"?year={YEAR}")
    text = page.content.decode()
    assert "Tổng số hộ gia đình" in text
    assert "Tổng thu ngân sách" not in text


def test_the_worklist_queries_do_not_grow_with_units(
    world, catalogue, deadline, django_assert_num_queries
):
    from tongket.units.worklist import work_items

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            work_items(world.leader_a, AFTER)
        return len(captured.captured_queries)

    count()  # the first call also reads the user's grants, then kept on the user
    small = count()
    for n in range(5):
        unit_services.unit_create(
            code=f"P-A-X{n}",
            name=f"Tổ {n}",
            kind="residential_group",
            parent=world.a,
            by=world.root,
        )
    with django_assert_num_queries(small):
        work_items(world.leader_a, AFTER)
