"""What a past year's conference needs (issue 10): a time that may stay empty, guests typed
by name and title, speeches, the discussion, the author, photo placement, awards by count.
Every screen and endpoint: allowed for the commune's officer, 404 outside, 403 without the
right, nothing saved when refused."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tongket.api.services import token_create
from tongket.conferences import services
from tongket.conferences.models import Guest, Speech
from tongket.emulation.models import AwardRecord

from .builders import png_bytes

pytestmark = pytest.mark.django_db


def test_a_conference_may_have_no_time(world, conference):
    services.conference_update(conference=conference, start_time=None, by=world.officer_a)
    conference.refresh_from_db()
    assert conference.start_time is None and conference.part_of_day == ""


def test_officer_types_a_guest_and_records_a_speech(world, conference, login):
    client = login(world.officer_a)
    client.post(
        reverse("conferences:guest_add_named", args=[conference.pk]),
        {"name": "đồng chí Vũ Văn An", "title": "Phó Chủ tịch HĐND thành phố"},
    )
    guest = Guest.objects.get()
    assert (guest.full_name, guest.title, guest.person) == (
        "Vũ Văn An",
        "Phó Chủ tịch HĐND thành phố",
        None,
    )
    client.post(
        reverse("conferences:speech_add", args=[conference.pk]),
        {
            "kind": "direction",
            "guest": guest.pk,
            "content": "đề nghị phường tập trung thu ngân sách",
        },
    )
    speech = Speech.objects.get()
    assert speech.speaker_name == "Vũ Văn An" and speech.speaker_title == guest.title
    page = client.get(reverse("conferences:detail", args=[conference.pk])).content.decode()
    assert "đề nghị phường tập trung thu ngân sách" in page


def test_a_speech_without_speaker_or_content_is_refused(world, conference, login):
    client = login(world.officer_a)
    response = client.post(
        reverse("conferences:speech_add", args=[conference.pk]),
        {"kind": "direction", "content": "đề nghị"},
        follow=True,
    )
    assert "Chưa chọn khách mời hoặc nhập tên người phát biểu." in response.content.decode()
    assert not Speech.objects.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("conferences:guest_add_named", {"name": "Vũ Văn An", "title": "Phó Chủ tịch"}),
        ("conferences:speech_add", {"kind": "direction", "speaker_name": "A", "content": "x"}),
        (
            "conferences:award_record_add",
            {"year": 2025, "number": "1/QĐ", "signed_on": "2026-01-08", "body": "joint",
             "form_name": "giấy khen", "collectives": 1, "individuals": 1},
        ),
    ],
)  # fmt: skip
def test_other_communes_and_leaders_cannot_write_and_nothing_is_saved(
    world, conference, login, client, name, data
):
    url = reverse(name, args=[conference.pk])
    assert login(world.officer_b).post(url, data).status_code == 404
    client.logout()
    assert login(world.leader_a).post(url, data).status_code == 403
    assert not Guest.objects.exists() and not Speech.objects.exists()
    assert not AwardRecord.objects.exists()
    client.logout()
    assert login(world.officer_a).post(url, data).status_code == 302


def test_an_award_by_count_entered_on_the_conference_is_marked_handed_out(world, conference, login):
    login(world.officer_a).post(
        reverse("conferences:award_record_add", args=[conference.pk]),
        {"year": 2025, "number": "215-QĐ/ĐU", "signed_on": "2026-01-08",
         "body": "party_committee", "form_name": "giấy khen", "collectives": 5,
         "individuals": 14},
    )  # fmt: skip
    record = AwardRecord.objects.get()
    assert list(conference.award_records.all()) == [record]


def test_photo_placement_is_set_by_the_communes_editors_only(world, conference, login, client):
    photo = services.photo_add(
        conference=conference, data=png_bytes(), caption="Toàn cảnh", by=world.officer_a
    )
    url = reverse("conferences:photo_place", args=[conference.pk, photo.pk])
    assert login(world.officer_b).post(url, {"placement": "awards"}).status_code == 404
    client.logout()
    assert login(world.officer_a).post(url, {"placement": "awards"}).status_code == 302
    photo.refresh_from_db()
    assert photo.placement == "awards"


def test_the_api_records_typed_guests_and_speeches(world, conference, client):
    _, raw = token_create(user=world.officer_a)
    headers = {"content_type": "application/json", "HTTP_AUTHORIZATION": f"Bearer {raw}"}
    guests = f"/api/v1/conferences/{conference.pk}/guests"
    body = {"name": "Vũ Văn An", "title": "Phó Chủ tịch HĐND thành phố"}
    response = client.post(guests, json.dumps(body), **headers)
    assert response.status_code == 201 and response.json()["guests"][0]["person_id"] is None
    speeches = f"/api/v1/conferences/{conference.pk}/speeches"
    guest = Guest.objects.get()
    answer = client.post(
        speeches, json.dumps({"guest_id": guest.pk, "content": "đề nghị tập trung"}), **headers
    )
    assert answer.status_code == 201
    assert answer.json()["speeches"][0]["speaker_name"] == "Vũ Văn An"
    _, other = token_create(user=world.officer_b)
    refused = client.post(
        speeches,
        json.dumps({"speaker_name": "X", "content": "y"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {other}",
    )
    assert refused.status_code == 404 and Speech.objects.count() == 1
