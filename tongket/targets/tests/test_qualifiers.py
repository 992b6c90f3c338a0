"""A result's qualifier ("trên", "gần", "khoảng", "hơn") and a result known only as % of
plan (issue 10): stored as given, never turned into an invented value, shown in every output
(grid, dashboard, report table, API, xlsx; the article has its own tests)."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from tongket.api.services import token_create
from tongket.targets import selectors
from tongket.targets.models import Result

from .conftest import YEAR


def save(unit, indicator, by, value=None, *, qualifier="", percent_of_plan=None, **extra):
    """Save a cell through the service (the qualifier is a word, not a number)."""
    from tongket.targets import services

    current = Result.objects.filter(unit=unit, indicator=indicator, year=YEAR).first()
    return services.result_save(
        unit=unit,
        indicator=indicator,
        year=YEAR,
        period="year",
        by=by,
        expected_version=current.version if current else 0,
        value=None if value is None else Decimal(value),
        qualifier=qualifier,
        percent_of_plan=None if percent_of_plan is None else Decimal(percent_of_plan),
        **extra,
    )


pytestmark = pytest.mark.django_db


@pytest.fixture
def qualified(world, figures):
    """Revenue "trên 12,4 tỷ đồng"; poverty rate known only as 112% of plan."""
    c = figures
    save(world.a, c.revenue, world.officer_a, "12.4", is_estimate=True, qualifier="tren")
    Result.objects.filter(unit=world.a, indicator=c.poverty, year=YEAR).delete()
    save(world.a, c.poverty, world.officer_a, None, percent_of_plan="112")
    return c


def _row(world, code):
    return next(
        r for r in selectors.unit_year_achievements(world.a, YEAR) if r.indicator_code == code
    )


def test_a_qualified_result_keeps_its_value_and_says_its_qualifier(world, qualified):
    row = _row(world, "KT01")
    assert row.result == Decimal("12.4") and row.qualifier == "tren"
    assert row.result_text == "trên 12,4 tỷ đồng"
    assert row.percent_text == "104%" and row.verdict == "vuot"


def test_a_percent_only_result_invents_no_value(world, qualified):
    row = _row(world, "VH04")
    assert row.result is None and row.result_text == ""
    assert row.percent_only and row.percent_text == "112%" and row.verdict == "vuot"
    assert Result.objects.get(unit=world.a, indicator=qualified.poverty, year=YEAR).value is None


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"value": "12", "percent_of_plan": "104"}, "percent_of_plan", "Đã có số thực hiện"),
        ({"percent_of_plan": "-3"}, "percent_of_plan", "% kế hoạch phải từ 0 đến 10.000."),
        ({"value": "12", "qualifier": "nhieu"}, "qualifier", "Từ chỉ mức phải là"),
        ({"qualifier": "gan"}, "qualifier", "Chưa có số thực hiện để ghi “gần”."),
    ],
)
def test_a_bad_qualifier_or_percent_is_refused_and_nothing_is_saved(
    world, catalogue, fields, field, message
):
    value = fields.pop("value", None)
    with pytest.raises(ValidationError) as caught:
        save(world.a, catalogue.revenue, world.officer_a, value, **fields)
    assert caught.value.message_dict[field][0].startswith(message)
    assert not Result.objects.filter(indicator=catalogue.revenue, year=YEAR).exists()


def test_the_grid_saves_and_shows_the_qualifier_and_the_percent(world, catalogue, login):
    client = login(world.officer_a)
    url = f"/chi-tieu/don-vi/{world.a.pk}/nhap/o/"
    base = {"year": YEAR, "period": "year", "version": 0}
    saved = client.post(
        url,
        {**base, "indicator": catalogue.revenue.pk, "value": "36", "qualifier": "tren"},
        HTTP_ACCEPT="application/json",
    ).json()
    assert saved["ok"] and saved["display"] == "trên 36 tỷ đồng" and saved["qualifier"] == "tren"
    only = client.post(
        url,
        {**base, "indicator": catalogue.households.pk, "percent_of_plan": "112"},
        HTTP_ACCEPT="application/json",
    ).json()
    assert only["ok"] and only["display"] == "112% kế hoạch" and only["value"] == ""
    grid = client.get(f"/chi-tieu/don-vi/{world.a.pk}/nhap/?year={YEAR}").content.decode()
    assert 'value="tren" selected' in grid and 'name="percent_of_plan"' in grid


def test_dashboard_api_and_xlsx_show_them(world, qualified, login, client):
    page = login(world.officer_a).get(f"/chi-tieu/don-vi/{world.a.pk}/?year={YEAR}")
    text = page.content.decode()
    assert "trên 12,4 tỷ đồng" in text and "chỉ báo % KH" in text
    workbook = login(world.officer_a).get(f"/chi-tieu/don-vi/{world.a.pk}/?year={YEAR}&format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True) if row[0]}
    assert rows["KT01"][-2:] == ("trên", "trên 12,4 tỷ đồng")
    assert rows["VH04"][-1] == "112% kế hoạch"
    _, raw = token_create(user=world.officer_a)
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    api = {
        row["indicator_code"]: row
        for row in client.get(
            "/api/v1/targets/achievement", {"unit": world.a.pk, "year": YEAR}
        ).json()
    }
    assert api["KT01"]["result_text"] == "trên 12,4 tỷ đồng" and api["KT01"]["qualifier"] == "tren"
    assert api["VH04"]["percent_only"] and api["VH04"]["percent_of_plan"] == "112.0"
    results = client.get("/api/v1/targets/results", {"unit": world.a.pk, "year": YEAR}).json()
    assert {r["indicator_code"]: r["qualifier"] for r in results}["KT01"] == "tren"


def test_the_api_writes_a_percent_only_result(world, catalogue, client):
    _, raw = token_create(user=world.officer_a)
    response = client.put(
        "/api/v1/targets/results",
        {"unit": world.a.pk, "indicator": "KT01", "year": YEAR, "percent_of_plan": "112"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 200 and response.json()["value"] is None
    assert Decimal(response.json()["percent_of_plan"]) == Decimal("112")
