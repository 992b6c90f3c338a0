"""A reporter sees only their own work: their indicators, a warning naming the empty cells
before sending, breadcrumbs and menus that lead nowhere they cannot open; units that have
ended are never late and have no entry grid."""

from __future__ import annotations

import datetime

from django.urls import reverse

from tongket.targets import selectors, services
from tongket.targets.models import Submission
from tongket.units import services as unit_services

from .conftest import YEAR, save


def test_sending_with_empty_cells_names_them_and_asks_first(world, catalogue, login):
    save(world.group_a1, catalogue.households, world.reporter_a1, 120)
    client = login(world.reporter_a1)
    url = reverse("targets:submit", args=[world.group_a1.pk])
    page = client.post(url, {"year": YEAR, "period": "year"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Tổ dân phố số 1 còn 2/3 chỉ tiêu chưa nhập" in text
    assert "Tỷ lệ hộ nghèo" in text and "Tuyến phố văn minh" in text
    assert not Submission.objects.filter(unit=world.group_a1, state="submitted").exists()
    sent = client.post(url, {"year": YEAR, "period": "year", "confirm_empty": "1"})
    assert sent.status_code == 302
    assert Submission.objects.get(unit=world.group_a1).state == "submitted"


def test_a_full_grid_is_sent_without_a_question(world, catalogue, login):
    save(world.group_a1, catalogue.households, world.reporter_a1, 120)
    save(world.group_a1, catalogue.poverty, world.reporter_a1, "0.5")
    save(world.group_a1, catalogue.streets, world.reporter_a1, numerator=3, denominator=4)
    client = login(world.reporter_a1)
    url = reverse("targets:submit", args=[world.group_a1.pk])
    assert client.post(url, {"year": YEAR, "period": "year"}).status_code == 302
    assert Submission.objects.get(unit=world.group_a1).state == "submitted"


def test_a_reporters_breadcrumbs_and_menu_offer_nothing_they_cannot_open(world, catalogue, login):
    client = login(world.reporter_a1)
    grid = client.get(reverse("targets:grid", args=[world.group_a1.pk]) + f"?year={YEAR}")
    text = grid.content.decode()
    assert "Phường Hòa Bình" in text
    assert f'href="{reverse("units:detail", args=[world.a.pk])}"' not in text
    assert reverse("conferences:index") not in text
    index = client.get(reverse("targets:index")).content.decode()
    assert reverse("targets:board", args=[world.group_a1.pk]) not in index
    assert reverse("targets:rollup") not in index
    officer = login(world.officer_a).get(reverse("targets:index")).content.decode()
    assert reverse("conferences:index") in officer
    assert reverse("targets:board", args=[world.a.pk]) in officer


def test_a_unit_that_has_ended_has_no_entry_grid_and_is_not_late_on_the_board(
    world, catalogue, login
):
    unit_services.unit_merge(
        unit=world.group_a2, into=world.group_a1, on=datetime.date(YEAR, 9, 30), by=world.root
    )
    services.deadline_set(
        unit=world.a, year=YEAR, period="year", due=datetime.date(YEAR, 12, 20), by=world.officer_a
    )
    client = login(world.officer_a)
    assert client.get(reverse("targets:grid", args=[world.group_a2.pk])).status_code == 404
    rows = {
        row.unit.pk: row.status
        for row in selectors.submission_board(
            world.a, YEAR, "year", today=datetime.date(YEAR + 1, 1, 5)
        )
    }
    assert rows[world.group_a2.pk] == "ended"
    assert rows[world.group_a1.pk] == "late"


def test_the_weight_list_names_indicators_not_codes(world, catalogue, login):
    from tongket.targets.models import IndicatorVersion

    version = IndicatorVersion.objects.get(indicator=catalogue.poverty, year=YEAR)
    client = login(world.province_officer)
    body = client.get(reverse("targets:indicator_edit", args=[version.pk])).content.decode()
    weight = body.split('name="weight_indicator"', 1)[1].split("</select>", 1)[0]
    assert ">Tổng số hộ gia đình</option>" in weight
    assert ">VH10</option>" not in weight and "---------" not in weight
    kinds = body.split('name="reporting_kinds"', 1)[1].split("</select>", 1)[0]
    assert 'value="residential_group" selected' in kinds


def test_the_api_gives_a_tổ_dân_phố_only_the_indicators_it_reports(world, catalogue, login):
    client = login(world.reporter_a1)
    url = f"/api/v1/targets/indicators?unit={world.group_a1.pk}&year={YEAR}"
    codes = [row["code"] for row in client.get(url).json()]
    assert codes == ["VH10", "VH04", "VH02"]
    commune = login(world.officer_a).get(
        f"/api/v1/targets/indicators?unit={world.a.pk}&year={YEAR}"
    )
    assert "KT01" in [row["code"] for row in commune.json()]
