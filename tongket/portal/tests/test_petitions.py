"""Citizens on the portal: a recommendation sent to the commune (CSRF on, honeypot, photo
checked, a flood answered 429), held for moderation, accepted into the list or rejected;
a resolved item's answer published with the name hidden."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tongket.petitions import services
from tongket.petitions.choices import Competence, Field, State, SubmissionState
from tongket.petitions.models import CitizenSubmission, Recommendation
from tongket.petitions.tests.builders import png_bytes
from tongket.units import services as unit_services
from tongket.units.choices import UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    yield
    cache.clear()


def _url(world):
    return reverse("portal:petition", args=[world.a.code])


def _post(client, world, **extra):
    data = {
        "name": "Nguyễn Thị Hoa",
        "phone": "0912 345 678",
        "email": "",
        "home": "Tổ dân phố số 1",
        "text": "Cống thoát nước ngõ 7 bị tắc, nhà bà Nguyễn Thị Hoa ngập mỗi khi mưa.",
        "website": "",
    }
    data.update(extra)
    return client.post(_url(world), data, REMOTE_ADDR=extra.pop("address", "10.0.0.1"))


def test_a_citizen_sends_a_recommendation_held_for_moderation(client, world):
    assert client.get(_url(world)).status_code == 200
    response = _post(client, world, photo=SimpleUploadedFile("cong.png", png_bytes()))
    assert response.status_code == 200
    assert 'id="thanks"' in response.content.decode()
    submission = CitizenSubmission.objects.get()
    assert submission.state == SubmissionState.PENDING and submission.photo_type == "image/png"
    assert not Recommendation.objects.exists()


def test_the_form_is_protected_by_csrf(world):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(_url(world), {"name": "A", "phone": "1", "text": "B"})
    assert response.status_code == 403
    assert not CitizenSubmission.objects.exists()


def test_a_robot_filling_the_honeypot_saves_nothing(client, world):
    response = _post(client, world, website="http://spam.example")
    assert response.status_code == 200
    assert not CitizenSubmission.objects.exists()


def test_a_contact_is_required(client, world):
    response = _post(client, world, phone="")
    assert "số điện thoại hoặc thư điện tử" in response.content.decode()
    assert not CitizenSubmission.objects.exists()


def test_a_file_that_is_not_an_image_is_refused(client, world):
    response = _post(client, world, photo=SimpleUploadedFile("a.png", b"%PDF-1.4 not an image"))
    assert "không phải là ảnh JPEG hoặc PNG" in response.content.decode()
    gif = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (10, 10)).save(gif, format="GIF")
    response = _post(client, world, photo=SimpleUploadedFile("a.gif", gif.getvalue()))
    assert "không phải là ảnh JPEG hoặc PNG" in response.content.decode()
    assert not CitizenSubmission.objects.exists()


def test_an_oversize_upload_is_refused_with_the_size_message(client, world):
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (services.MAX_PHOTO_BYTES + 10))
    response = _post(client, world, photo=big)
    assert "Ảnh quá lớn" in response.content.decode()
    assert not CitizenSubmission.objects.exists()


def _bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG file that claims a huge picture (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_a_decompression_bomb_is_refused_with_the_size_message(client, world):
    for size in ((20_000, 20_000), (60_000, 60_000)):
        response = _post(client, world, photo=SimpleUploadedFile("bom.png", _bomb_png(*size)))
        assert response.status_code == 200
        assert "Ảnh quá lớn" in response.content.decode(), size
    assert not CitizenSubmission.objects.exists()


def test_a_flood_is_answered_429_in_vietnamese_and_saves_nothing(client, world):
    for _ in range(3):
        assert _post(client, world).status_code == 200
    response = _post(client, world)
    assert response.status_code == 429
    assert "quá nhiều kiến nghị trong một giờ" in response.content.decode()
    assert CitizenSubmission.objects.count() == 3
    assert _post(client, world, address="10.0.0.2").status_code == 200


def test_the_limit_is_the_communes_policy(client, world):
    services.policy_set(unit=world.a, by=world.admin_a, answer_days=None, citizen_hourly_limit=1)
    assert _post(client, world).status_code == 200
    assert _post(client, world).status_code == 429
    assert CitizenSubmission.objects.count() == 1


def test_an_officer_accepts_a_submission_into_the_list_with_the_citizen_as_source(client, world):
    _post(client, world)
    submission = CitizenSubmission.objects.get()
    client.force_login(world.officer_a)
    page = reverse("petitions:submission", args=[submission.pk])
    assert client.get(page).status_code == 200
    response = client.post(
        reverse("petitions:submission_accept", args=[submission.pk]),
        {
            "unit": world.group_a1.pk,
            "text": "Nạo vét cống thoát nước ngõ 7",
            "field": Field.ENVIRONMENT,
            "competence": Competence.COMMUNE,
        },
    )
    assert response.status_code == 302
    item = Recommendation.objects.get()
    source = item.sources.get()
    assert (item.unit, source.submission, source.person_name) == (
        world.group_a1,
        submission,
        "Nguyễn Thị Hoa",
    )
    submission.refresh_from_db()
    assert submission.state == SubmissionState.ACCEPTED


def test_submissions_stay_with_the_commune(client, world):
    _post(client, world)
    submission = CitizenSubmission.objects.get()
    for persona in ("officer_b", "province_officer", "reporter_a1"):
        client.force_login(getattr(world, persona))
        assert client.get(reverse("petitions:submission", args=[submission.pk])).status_code == 404
        assert "Nguyễn Thị Hoa" not in client.get(reverse("petitions:submissions")).content.decode()
    client.force_login(world.officer_a)
    response = client.post(
        reverse("petitions:submission_reject", args=[submission.pk]), {"reason": ""}
    )
    submission.refresh_from_db()
    assert submission.state == SubmissionState.PENDING
    client.post(reverse("petitions:submission_reject", args=[submission.pk]), {"reason": "Trùng"})
    submission.refresh_from_db()
    assert submission.state == SubmissionState.REJECTED
    assert response.status_code == 302


def test_a_published_answer_shows_on_the_portal_with_the_name_hidden(client, world):
    office = unit_services.unit_create(
        code="P-A-VP", name="Văn phòng", kind=UnitKind.AGENCY, parent=world.a, by=world.root
    )
    _post(client, world)
    item = services.submission_accept(
        submission=CitizenSubmission.objects.get(),
        by=world.officer_a,
        unit=world.a,
        field=Field.ENVIRONMENT,
        competence=Competence.COMMUNE,
    )
    services.recommendation_assign(
        item=item,
        by=world.officer_a,
        deadline=world.today + timedelta(days=10),
        assignee_unit=office,
    )
    services.recommendation_resolve(item=item, by=world.officer_a, answer="Đã nạo vét cống ngõ 7.")
    answers = reverse("portal:petition_answers", args=[world.a.code])
    assert "Đã nạo vét" not in client.get(answers).content.decode()
    services.answer_publish(item=item, by=world.leader_a)
    body = client.get(answers).content.decode()
    assert "Đã nạo vét cống ngõ 7." in body
    assert "Hoa" not in body and "(đã ẩn tên)" in body
    item.refresh_from_db()
    assert item.state == State.RESOLVED
