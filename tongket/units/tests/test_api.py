from tongket.api.services import token_create


def _auth(user):
    _, raw = token_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_api_requires_a_token(client, world):
    response = client.get("/api/v1/units/")
    assert response.status_code == 401
    assert "khóa API" in response.json()["detail"]


def test_api_rejects_a_wrong_token(client, world):
    response = client.get("/api/v1/units/", HTTP_AUTHORIZATION="Bearer tk_wrong")
    assert response.status_code == 401


def test_api_lists_units_in_scope_only(client, world):
    response = client.get("/api/v1/units/", **_auth(world.officer_a))
    codes = {unit["code"] for unit in response.json()}
    assert codes == {"P-A", "P-A-T1", "P-A-T2"}


def test_api_search_ignores_diacritics(client, world):
    response = client.get("/api/v1/units/", {"q": "dau lieu"}, **_auth(world.province_officer))
    assert [unit["name"] for unit in response.json()] == ["Phường Đậu Liêu"]


def test_api_unit_outside_scope_is_404(client, world):
    response = client.get(f"/api/v1/units/{world.b.pk}", **_auth(world.officer_a))
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Không tìm thấy")


def test_api_unit_in_scope(client, world):
    response = client.get(f"/api/v1/units/{world.a.pk}", **_auth(world.officer_a))
    assert response.status_code == 200
    assert response.json()["kind_label"] == "Phường"


def test_openapi_document_is_served(client, world):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/units/" in response.json()["paths"]


def test_create_api_token_command_prints_a_working_token(client, world):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("create_api_token", "canbo_a", stdout=out)
    token = out.getvalue().strip()
    response = client.get("/api/v1/units/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200


def test_create_api_token_for_unknown_user_fails_cleanly(world):
    import pytest
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="Không có tài khoản"):
        call_command("create_api_token", "khong_co")


def test_api_write_conflict_is_a_409_in_vietnamese(client, world, monkeypatch):
    from django.db import IntegrityError

    from tongket.units import selectors

    def racing(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(selectors, "unit_search", racing)
    response = client.get("/api/v1/units/", {"q": "x"}, **_auth(world.officer_a))
    assert response.status_code == 409
    assert "người khác" in response.json()["detail"]
