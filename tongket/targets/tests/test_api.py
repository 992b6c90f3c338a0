from decimal import Decimal as D

import pytest

from tongket.api.services import token_create
from tongket.targets import selectors

from .conftest import YEAR


@pytest.fixture
def api(client):
    def _api(user):
        _token, raw = token_create(user=user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
        return client

    return _api


def test_api_achievement_returns_the_same_figures_as_the_screens(world, figures, api, login):
    response = api(world.officer_a).get(
        "/api/v1/targets/achievement", {"unit": world.a.pk, "year": YEAR}
    )
    assert response.status_code == 200
    rows = {row["indicator_code"]: row for row in response.json()}
    screen = {r.indicator_code: r for r in selectors.unit_year_achievements(world.a, YEAR)}
    assert set(rows) == set(screen)
    for code, row in screen.items():
        percent = rows[code]["percent_of_plan"]
        assert (D(percent) if percent is not None else None) == row.percent_of_plan
        assert rows[code]["verdict"] == row.verdict and rows[code]["status"] == row.status
        assert rows[code]["result_text"] == row.result_text
    assert D(rows["KT01"]["percent_of_plan"]) == D("104.0")
    assert rows["KT01"]["result_text"] == "12,4 tỷ đồng"
    html = login(world.officer_a).get(f"/chi-tieu/don-vi/{world.a.pk}/?year={YEAR}")
    assert "104%" in html.content.decode()


def test_api_refuses_another_communes_data(world, figures, api):
    response = api(world.officer_b).get(
        "/api/v1/targets/achievement", {"unit": world.a.pk, "year": YEAR}
    )
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Không tìm thấy")


def test_api_without_token_is_unauthorised(world, figures, client):
    response = client.get("/api/v1/targets/indicators", {"unit": world.a.pk, "year": YEAR})
    assert response.status_code == 401


def test_api_lists_indicators_plans_and_results(world, figures, api):
    client = api(world.officer_a)
    indicators = client.get("/api/v1/targets/indicators", {"unit": world.a.pk, "year": YEAR})
    assert [i["code"] for i in indicators.json()] == ["KT01", "VH10", "VH04", "VH02"]
    plans = client.get("/api/v1/targets/plans", {"unit": world.a.pk, "year": YEAR}).json()
    assert plans[0]["plan_text"] == "11,92 tỷ đồng"
    results = client.get("/api/v1/targets/results", {"unit": world.a.pk, "year": YEAR}).json()
    assert {r["indicator_code"] for r in results} == {"KT01", "VH10", "VH04", "VH02"}


def test_api_writes_results_through_the_same_service(world, catalogue, api):
    client = api(world.officer_a)
    body = {"unit": world.a.pk, "indicator": "KT01", "year": YEAR, "value": "12.4", "version": 0}
    saved = client.put("/api/v1/targets/results", body, content_type="application/json")
    assert saved.status_code == 200 and saved.json()["version"] == 1
    conflict = client.put(
        "/api/v1/targets/results", body | {"value": "13"}, content_type="application/json"
    )
    assert conflict.status_code == 409
    assert "vừa lưu ô này với giá trị 12,4 tỷ đồng" in conflict.json()["detail"]
    assert D(conflict.json()["current"]["value"]) == D("12.4")
    negative = client.put(
        "/api/v1/targets/results",
        body | {"value": "-1", "version": 1},
        content_type="application/json",
    )
    assert negative.status_code == 400 and "âm" in negative.json()["detail"]


def test_api_result_write_by_another_commune_is_refused(world, catalogue, api):
    body = {"unit": world.a.pk, "indicator": "KT01", "year": YEAR, "value": "1", "version": 0}
    response = api(world.officer_b).put(
        "/api/v1/targets/results", body, content_type="application/json"
    )
    assert response.status_code == 404
    leader = api(world.leader_a).put(
        "/api/v1/targets/results", body, content_type="application/json"
    )
    assert leader.status_code == 403


def test_api_plan_assignment_needs_the_level_above(world, catalogue, api):
    body = {
        "unit": world.a.pk,
        "indicator": "KT01",
        "year": YEAR,
        "value": "11.92",
        "document": "QĐ 45",
    }
    assert (
        api(world.officer_a)
        .put("/api/v1/targets/plans", body, content_type="application/json")
        .status_code
        == 403
    )
    ok = api(world.province_officer).put(
        "/api/v1/targets/plans", body, content_type="application/json"
    )
    assert ok.status_code == 200 and ok.json()["plan_text"] == "11,92 tỷ đồng"


def test_api_ranking_matches_the_province_screen(world, figures, api):
    response = api(world.province_officer).get(
        "/api/v1/targets/ranking",
        {"province": world.province.pk, "year": YEAR, "indicator": "KT01"},
    )
    assert [(r["rank"], r["unit_name"]) for r in response.json()] == [
        (1, "Phường Hòa Bình"),
        (2, "Phường Đậu Liêu"),
    ]
    assert (
        api(world.officer_a)
        .get(
            "/api/v1/targets/ranking",
            {"province": world.province.pk, "year": YEAR, "indicator": "KT01"},
        )
        .status_code
        == 404
    )


def test_openapi_document_lists_the_targets_endpoints(world, client):
    client.force_login(world.officer_a)
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/targets/achievement" in paths and "/api/v1/targets/results" in paths


# Partial updates: a field left out keeps the stored value --------------------------------


def _put(client, url, body):
    return client.put(url, body, content_type="application/json")


def test_a_plan_put_without_document_keeps_the_stored_document(world, catalogue, api):
    client = api(world.province_officer)
    body = {"unit": world.a.pk, "indicator": "KT01", "year": YEAR, "value": "11.92"}
    assert _put(client, "/api/v1/targets/plans", body | {"document": "QĐ 45"}).status_code == 200
    changed = _put(client, "/api/v1/targets/plans", body | {"value": "12"})
    assert changed.status_code == 200
    assert changed.json()["document"] == "QĐ 45"
    assert changed.json()["plan_text"] == "12 tỷ đồng"
    cleared = _put(client, "/api/v1/targets/plans", body | {"document": ""})
    assert cleared.json()["document"] == ""


def test_a_result_put_without_a_field_keeps_what_the_cell_holds(world, catalogue, api):
    client = api(world.officer_a)
    body = {"unit": world.a.pk, "indicator": "KT01", "year": YEAR, "version": 0}
    first = _put(
        client,
        "/api/v1/targets/results",
        body | {"value": "12.4", "note": "Số của Chi cục Thuế", "is_estimate": True},
    )
    assert first.status_code == 200, first.content
    noted = _put(client, "/api/v1/targets/results", body | {"version": 1, "value": "13"})
    assert noted.status_code == 200, noted.content
    assert noted.json()["note"] == "Số của Chi cục Thuế"
    assert noted.json()["is_estimate"] is True
    kept = _put(client, "/api/v1/targets/results", body | {"version": 2, "note": "Đã rà soát"})
    assert D(kept.json()["value"]) == D("13") and kept.json()["note"] == "Đã rà soát"
    cleared = _put(client, "/api/v1/targets/results", body | {"version": 3, "value": None})
    assert cleared.json()["value"] is None


def test_a_body_field_the_document_does_not_declare_is_refused(world, catalogue, api):
    body = {"unit": world.a.pk, "indicator": "KT01", "year": YEAR, "value": "1", "extra": 1}
    response = _put(api(world.province_officer), "/api/v1/targets/plans", body)
    assert response.status_code == 422
    assert response.json()["errors"]["extra"] == ["Trường này không có trong tài liệu API."]
