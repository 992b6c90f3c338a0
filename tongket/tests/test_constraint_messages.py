"""A broken database constraint is said as its rule in Vietnamese, on screens and in the API,
never as Django's "Constraint “…” is violated."."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from tongket.api.services import token_create
from tongket.conferences import services as conference_services
from tongket.conferences.models import Conference
from tongket.units.messages import constraint_messages, uses_default_message

pytestmark = pytest.mark.django_db


def test_every_constraint_has_a_vietnamese_message():
    known = constraint_messages()
    missing = [
        f"{model.__name__}.{constraint.name}"
        for model in apps.get_models()
        if model.__module__.startswith("tongket.")
        for constraint in model._meta.constraints
        if uses_default_message(constraint) and constraint.name not in known
    ]
    assert missing == []


def test_a_conference_year_before_1945_is_refused_in_vietnamese_by_the_service(world):
    with pytest.raises(ValidationError) as refused:
        conference_services.conference_create(
            unit=world.a,
            by=world.officer_a,
            year=1900,
            date=datetime.date(1900, 12, 20),
            venue="Hội trường",
            kind="year_review",
            organisers="both",
        )
    text = " ".join(refused.value.messages)
    assert "Năm tổng kết phải từ năm 1945 trở đi." in text
    assert "Constraint" not in text and "violated" not in text


def test_the_api_refuses_a_year_before_1945_in_vietnamese_before_the_service(client, world):
    _, raw = token_create(user=world.officer_a)
    body = {"unit_id": world.a.pk, "year": 1900, "date": "1900-12-20", "venue": "Hội trường"}
    response = client.post(
        "/api/v1/conferences/",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 422
    assert response.json()["errors"]["year"] == ["Giá trị phải từ 1945 trở lên."]
    assert not Conference.objects.exists()


def test_a_year_filter_outside_the_kept_years_is_a_422_not_a_server_error(client, world):
    _, raw = token_create(user=world.officer_a)
    response = client.get("/api/v1/petitions/", {"year": -412}, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 422
    assert response.json()["errors"]["year"] == ["Giá trị phải từ 1945 trở lên."]
