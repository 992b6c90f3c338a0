"""The OpenAPI document says what the API does: every error answer with the one error shape,
times as they are written, strings with the characters they may not carry, one component
per name; and the refusals it documents come in Vietnamese."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from ninja import Schema

from tongket.api.api import api
from tongket.api.openapi import TEXT_PATTERN
from tongket.api.services import token_create
from tongket.conferences import services as conference_services
from tongket.lib.text import forbidden_characters

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client, world):
    client.force_login(world.officer_a)
    return client.get("/api/v1/openapi.json").json()


def _send(client, user, method, url, body):
    _, raw = token_create(user=user)
    return client.generic(
        method,
        url,
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )


def test_every_operation_documents_its_error_answers_with_the_error_schema(document):
    error = {"$ref": "#/components/schemas/ErrorOut"}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            expected = {"400", "401", "404", "500"}
            if operation.get("parameters") or "requestBody" in operation:
                expected.add("422")
            if method in ("post", "put", "patch", "delete"):
                expected |= {"403", "409"}
            assert expected <= set(responses), (method, path, sorted(responses))
            for status in expected - {"409"}:
                schema = responses[status]["content"]["application/json"]["schema"]
                assert schema == error, (method, path, status)
    assert set(document["components"]["schemas"]["ErrorOut"]["required"]) == {"detail"}


def test_the_results_conflict_extends_the_error_schema(document):
    conflict = document["paths"]["/api/v1/targets/results"]["put"]["responses"]["409"]
    ref = conflict["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    properties = document["components"]["schemas"][ref]["properties"]
    assert {"detail", "errors", "current"} <= set(properties)


def test_no_two_api_shapes_share_a_component_name():
    """ninja names a component by its class: two classes of one name would print one
    shape for both (the party rulebook was documented as the emulation one)."""

    def shapes(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from shapes(sub)

    seen: dict[str, str] = {}
    for shape in shapes(Schema):
        if not shape.__module__.startswith("tongket."):
            continue
        assert seen.setdefault(shape.__name__, shape.__module__) == shape.__module__, shape.__name__
    schemas = api.get_openapi_schema()["components"]["schemas"]
    assert "key" in schemas["PartyRuleOut"]["properties"]
    assert "award_kind" in schemas["AwardRuleOut"]["properties"]


def test_start_time_is_documented_as_it_is_written(client, world, document):
    conference = document["components"]["schemas"]["ConferenceOut"]["properties"]["start_time"]
    declared = next(s for s in conference["anyOf"] if s.get("type") == "string")
    assert "format" not in declared
    conference_services.conference_create(
        unit=world.a,
        by=world.officer_a,
        year=2025,
        date=datetime.date(2026, 1, 9),
        start_time=datetime.time(8, 0),
        venue="Hội trường",
        kind="year_review",
        organisers="both",
    )
    answered = _send(client, world.officer_a, "GET", "/api/v1/conferences/", None)
    start = answered.json()[0]["start_time"]
    assert start == "08:00:00" and re.match(declared["pattern"], start)


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("8h", "Giờ phải viết dạng GG:PP"),
        ("08:00:00Z", "Giờ phải viết dạng GG:PP"),
        ("25:00", "Giờ phải viết dạng GG:PP"),
        (28800, "Kiểu giá trị không đúng tài liệu API."),
    ],
)
def test_a_start_time_not_written_as_documented_is_refused_in_vietnamese(
    client, world, start, message
):
    body = {
        "unit_id": world.a.pk,
        "year": 2025,
        "date": "2026-01-09",
        "venue": "Hội trường",
        "start_time": start,
    }
    response = _send(client, world.officer_a, "POST", "/api/v1/conferences/", body)
    assert response.status_code == 422
    assert response.json()["errors"]["start_time"][0].startswith(message)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("pdf", 0, "Cần true hoặc false."),
        ("year", True, "Kiểu giá trị không đúng tài liệu API."),
        ("unit_id", "5", "Kiểu giá trị không đúng tài liệu API."),
    ],
)
def test_a_value_of_another_json_type_is_refused(client, world, field, value, message):
    body = {"unit_id": world.province.pk, "year": 2025, field: value}
    response = _send(client, world.province_officer, "POST", "/api/v1/documents/jobs", body)
    assert response.status_code == 422
    assert response.json()["errors"][field] == [message]


def test_schema_refusals_are_in_vietnamese(client, world):
    response = _send(client, world.officer_a, "POST", "/api/v1/conferences/", {"year": 2025})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["unit_id"] == ["Thiếu trường bắt buộc."]
    assert errors["date"] == ["Thiếu trường bắt buộc."]


def test_free_strings_declare_the_characters_the_parser_refuses(document):
    venue = document["components"]["schemas"]["ConferenceIn"]["properties"]["venue"]
    assert venue["pattern"] == TEXT_PATTERN
    query = document["paths"]["/api/v1/units/"]["get"]["parameters"]
    assert next(p for p in query if p["name"] == "q")["schema"]["pattern"] == TEXT_PATTERN
    pattern = re.compile(TEXT_PATTERN)
    for code in [*range(0x00, 0xA0), 0xFFFD, 0xFFFE, 0xFFFF, 0x41, 0x1EA1, 0x1F600]:
        char = chr(code)
        refused = bool(forbidden_characters(char, multiline=True))
        assert (pattern.match(char) is None) == refused, hex(code)
