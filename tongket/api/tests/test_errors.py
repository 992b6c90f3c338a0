"""The API's edge: strings with control characters are refused with a Vietnamese 422 before
anything is read or written, for every write endpoint and every string field; every error,
a server error included, answers JSON."""

from __future__ import annotations

import datetime
import json

import pytest

from tongket.api.api import api
from tongket.api.services import token_create
from tongket.conferences import services as conference_services
from tongket.conferences.models import Conference
from tongket.documents import services as document_services
from tongket.units.models import AuditEntry

DAY = datetime.date(2026, 1, 9)


def _send(client, user, method, url, body, **extra):
    _, raw = token_create(user=user)
    payload = body if isinstance(body, bytes) else json.dumps(body)
    return client.generic(
        method,
        url,
        payload,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
        **extra,
    )


def _conference_body(world, **fields):
    body = {"unit_id": world.a.pk, "year": 2025, "date": "2026-01-09", "venue": "Hội trường"}
    body.update(fields)
    return body


def test_a_nul_in_a_conference_venue_is_a_422_in_vietnamese_and_nothing_saved(client, world):
    body = _conference_body(world, venue="Hội\x00trường")
    response = _send(client, world.officer_a, "POST", "/api/v1/conferences/", body)
    assert response.status_code == 422
    assert response.json()["detail"] == "Dữ liệu gửi lên có ký tự không được phép."
    assert "U+0000" in response.json()["errors"]["venue"][0]
    assert not Conference.objects.exists()


def test_a_line_break_in_a_single_line_field_is_refused_by_the_service(client, world):
    body = _conference_body(world, venue="Hội\ntrường")
    response = _send(client, world.officer_a, "POST", "/api/v1/conferences/", body)
    assert response.status_code == 400
    assert "một dòng" in response.json()["errors"]["venue"][0]
    assert not Conference.objects.exists()


def test_line_breaks_in_a_long_text_are_kept(client, world):
    body = _conference_body(world, directions="An ninh\nKinh tế")
    response = _send(client, world.officer_a, "POST", "/api/v1/conferences/", body)
    assert response.status_code == 201, response.content
    assert Conference.objects.get().directions == "An ninh\nKinh tế"


def test_a_nul_in_an_article_headline_leaves_the_article_as_it_was(client, world):
    conference = conference_services.conference_create(
        unit=world.a,
        by=world.officer_a,
        year=2025,
        date=DAY,
        venue="Hội trường",
        kind="year_review",
        organisers="both",
    )
    article = document_services.article_generate(conference=conference, by=world.officer_a)
    body = {"headline": "Tổng kết\x00", "body": "Nội dung"}
    url = f"/api/v1/documents/articles/{article.pk}"
    response = _send(client, world.officer_a, "PUT", url, body)
    assert response.status_code == 422
    assert "headline" in response.json()["errors"]
    article.refresh_from_db()
    assert "\x00" not in article.headline


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"unit_id": 1, "venue": "H\xe1i"}', "UTF-8"),
        (b"{not json", "JSON"),
    ],
)
def test_an_unreadable_body_is_a_400_in_vietnamese(client, world, body, expected):
    response = _send(client, world.officer_a, "POST", "/api/v1/conferences/", body)
    assert response.status_code == 400
    assert expected in response.json()["detail"]
    assert not Conference.objects.exists()


def test_a_lone_surrogate_escaped_in_json_is_refused(client, world):
    body = b'{"unit_id": 1, "year": 2025, "date": "2026-01-09", "venue": "H\\ud800i"}'
    response = _send(client, world.officer_a, "POST", "/api/v1/conferences/", body)
    assert response.status_code == 422
    assert "U+D800" in response.json()["errors"]["venue"][0]


# Every write endpoint, every string field -----------------------------------------------


def _resolve(schema: dict, components: dict) -> dict:
    if "$ref" in schema:
        return _resolve(components[schema["$ref"].rsplit("/", 1)[1]], components)
    if "allOf" in schema:
        return _resolve(schema["allOf"][0], components)
    return schema


def _example(schema: dict, components: dict, world):
    schema = _resolve(schema, components)
    if "anyOf" in schema:
        return _example(schema["anyOf"][0], components, world)
    kind = schema.get("type")
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "object":
        return {
            name: _example(sub, components, world)
            for name, sub in schema.get("properties", {}).items()
        }
    if kind == "array":
        return [_example(schema.get("items", {}), components, world)]
    if kind == "integer":
        return world.a.pk
    if kind == "number":
        return 1
    if kind == "boolean":
        return True
    return {"date": "2026-01-09", "time": "08:00:00", "date-time": "2026-01-09T08:00:00"}.get(
        schema.get("format", ""), "chữ"
    )


def _string_paths(value, place=()):
    """Every place in an example body that holds a string."""
    if isinstance(value, str):
        yield place
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _string_paths(item, (*place, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _string_paths(item, (*place, index))


def _with_nul(body, place):
    body = json.loads(json.dumps(body))
    target = body
    for part in place[:-1]:
        target = target[part]
    target[place[-1]] = "ab\x00cd"
    return body


def _write_operations():
    schema = api.get_openapi_schema()
    components = schema.get("components", {}).get("schemas", {})
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            if method in ("post", "put", "patch") and "application/json" in content:
                yield method.upper(), path, content["application/json"]["schema"], components


def test_every_write_endpoint_refuses_a_nul_in_every_string_field(client, world):
    before = AuditEntry.objects.count()
    failures, checked = [], 0
    for method, path, schema, components in _write_operations():
        url = path.replace("{pk}", str(world.a.pk))
        example = _example(schema, components, world)
        for place in _string_paths(example):
            response = _send(client, world.officer_a, method, url, _with_nul(example, place))
            checked += 1
            where = ".".join(str(part) for part in place)
            errors = response.json().get("errors", {}) if response.status_code == 422 else {}
            if where not in errors:
                failures.append(f"{method} {url} {where}: {response.status_code}")
    assert checked >= 15
    assert not failures, "\n".join(failures)
    assert AuditEntry.objects.filter(model="api.apitoken").count() == (
        AuditEntry.objects.count() - before
    )


# Every error is JSON ------------------------------------------------------------------------


def test_an_unknown_api_address_is_a_404_in_json(login, world):
    response = login(world.officer_a).get("/api/v1/khong-co/")
    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy hoặc bạn không có quyền xem."


def test_a_wrong_method_is_a_405_in_json(login, world):
    response = login(world.officer_a).delete("/api/v1/units/")
    assert response.status_code == 405
    assert "DELETE" in response.json()["detail"]


def test_a_server_error_in_the_api_is_json_not_a_page(client, world, monkeypatch):
    from tongket.units import selectors

    def broken(*args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(selectors, "unit_search", broken)
    client.raise_request_exception = False
    client.force_login(world.officer_a)
    response = client.get("/api/v1/units/?q=hoa")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "lỗi hệ thống" in response.json()["detail"]


def test_a_server_error_in_the_api_still_fails_a_test_loudly(client, world, monkeypatch):
    from tongket.units import selectors

    monkeypatch.setattr(selectors, "unit_search", lambda *a, **k: 1 / 0)
    client.force_login(world.officer_a)
    with pytest.raises(ZeroDivisionError):
        client.get("/api/v1/units/?q=hoa")
