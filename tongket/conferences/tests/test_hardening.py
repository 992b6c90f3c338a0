"""Hostile input to conferences: a meeting date far from the reviewed year, and a photo whose
pixel count is a decompression bomb."""

from __future__ import annotations

import datetime
import json
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from tongket.api.services import token_create
from tongket.conferences import services
from tongket.conferences.models import Conference, Photo

from .builders import make_conference


def huge_png(width: int = 30000, height: int = 30000) -> bytes:
    """A PNG whose header says width × height pixels (the pixels themselves are not there:
    Pillow judges the size from the header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


# The meeting date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day", [datetime.date(9999, 12, 31), datetime.date(2027, 1, 1), datetime.date(2024, 12, 31)]
)
def test_a_2025_review_refuses_a_date_outside_2025_and_2026(world, day):
    with pytest.raises(ValidationError) as refused:
        make_conference(world, year=2025, date=day)
    assert "từ 01/01/2025 đến 31/12/2026" in refused.value.message_dict["date"][0]
    assert not Conference.objects.exists()


@pytest.mark.parametrize("day", [datetime.date(2025, 11, 1), datetime.date(2026, 12, 31)])
def test_a_2025_review_accepts_the_reviewed_year_and_the_next(world, day):
    assert make_conference(world, year=2025, date=day).date == day


def test_moving_a_conference_to_9999_is_refused(world):
    conference = make_conference(world)
    with pytest.raises(ValidationError):
        services.conference_update(
            conference=conference, date=datetime.date(9999, 12, 31), by=world.officer_a
        )
    conference.refresh_from_db()
    assert conference.date == datetime.date(2026, 1, 9)


def test_the_api_answers_the_date_rule_in_vietnamese(client, world):
    _, raw = token_create(user=world.officer_a)
    body = {"unit_id": world.a.pk, "year": 2025, "date": "9999-12-31", "venue": "Hội trường"}
    response = client.post(
        "/api/v1/conferences/",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 400
    assert "31/12/2026" in response.json()["errors"]["date"][0]
    assert not Conference.objects.exists()


def test_the_form_shows_the_date_rule(world, login):
    response = login(world.officer_a).post(
        reverse("conferences:create"),
        {
            "unit": world.a.pk,
            "kind": "year_review",
            "organisers": "both",
            "year": 2025,
            "date": "9999-12-31",
            "start_time": "08:00",
            "venue": "Hội trường",
        },
    )
    assert response.status_code == 200
    assert "31/12/2026" in response.content.decode()
    assert not Conference.objects.exists()


def test_the_database_refuses_a_year_9999_date_written_around_the_service(world):
    conference = make_conference(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Conference.objects.filter(pk=conference.pk).update(date=datetime.date(9999, 12, 31))


# The photo's pixel count ------------------------------------------------------------------


def test_a_30000_by_30000_png_gets_the_size_message_not_not_an_image(world):
    conference = make_conference(world)
    with pytest.raises(ValidationError) as refused:
        services.photo_add(
            conference=conference, data=huge_png(), caption="Toàn cảnh", by=world.officer_a
        )
    message = refused.value.message_dict["image"][0]
    assert "kích thước quá lớn" in message
    assert "40.000.000 điểm ảnh" in message
    assert not Photo.objects.exists()


def test_an_image_just_over_the_limit_names_its_size(world):
    conference = make_conference(world)
    with pytest.raises(ValidationError) as refused:
        services.photo_add(
            conference=conference, data=huge_png(8000, 6000), caption="Ảnh", by=world.officer_a
        )
    assert "8.000 × 6.000 điểm ảnh" in refused.value.message_dict["image"][0]


def test_uploading_the_huge_png_on_the_screen_shows_the_size_message(world, login, settings):
    conference = make_conference(world)
    client = login(world.officer_a)
    upload = SimpleUploadedFile("to.png", huge_png(), content_type="image/png")
    response = client.post(
        reverse("conferences:photo_add", args=[conference.pk]),
        {"image": upload, "caption": "Toàn cảnh"},
        follow=True,
    )
    body = response.content.decode()
    assert "kích thước quá lớn" in body
    assert "không phải là ảnh" not in body
    assert not Photo.objects.exists()
