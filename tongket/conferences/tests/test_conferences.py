"""Conferences: created and edited through the services, guests with their titles on the
day, photos that must be real images, and every screen allowed and forbidden."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tongket.conferences import selectors, services
from tongket.conferences.models import Conference, Guest, Photo
from tongket.units.models import AuditEntry

from .builders import CONFERENCE_DAY, make_conference, official, png_bytes

pytestmark = pytest.mark.django_db


def test_officer_creates_a_conference_and_it_is_audited(world):
    conference = make_conference(world)
    assert conference.unit == world.a
    assert AuditEntry.objects.filter(
        model="conferences.conference", object_id=str(conference.pk)
    ).exists()
    assert conference.part_of_day == "Sáng"
    assert conference.subject == "tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026"


def test_officer_of_another_commune_cannot_create_one_here(world):
    with pytest.raises(PermissionDenied):
        make_conference(world, by=world.officer_b)
    assert not Conference.objects.exists()


def test_a_conference_needs_a_venue_and_a_commune(world):
    with pytest.raises(ValidationError) as error:
        make_conference(world, venue="  ")
    assert "địa điểm" in str(error.value)
    with pytest.raises(ValidationError):
        make_conference(world, unit=world.group_a1)


def test_guest_gets_the_title_held_on_the_conference_date(world, conference, guest_person):
    guest = services.guest_add(conference=conference, person=guest_person, by=world.officer_a)
    assert guest.title == "Phó Chủ tịch UBND tỉnh"
    assert str(guest) == "Trần Văn Minh, Phó Chủ tịch UBND tỉnh"


def test_guest_without_a_title_on_that_date_is_refused_with_a_clear_message(world, conference):
    retired = official(world, "Hà Văn Cũ", "Chủ tịch UBND tỉnh", end=datetime.date(2024, 12, 31))
    with pytest.raises(ValidationError) as error:
        services.guest_add(conference=conference, person=retired, by=world.officer_a)
    message = error.value.message_dict["person"][0]
    assert "Hà Văn Cũ không giữ chức vụ nào vào ngày 09/01/2026" in message
    assert not Guest.objects.exists()


def test_moving_the_date_rereads_titles_and_refuses_when_a_guest_had_none(world, conference):
    person = official(world, "Lý Thị Mới", "Giám đốc Sở Nội vụ", start=datetime.date(2026, 1, 1))
    services.guest_add(conference=conference, person=person, by=world.officer_a)
    with pytest.raises(ValidationError) as error:
        services.conference_update(
            conference=conference, date=datetime.date(2025, 12, 20), by=world.officer_a
        )
    assert "Lý Thị Mới" in error.value.message_dict["date"][0]
    conference.refresh_from_db()
    assert conference.date == CONFERENCE_DAY


def test_a_guest_from_another_commune_cannot_be_invited(world, conference):
    outsider = official(world, "Ngô Văn Ngoài", "Chủ tịch UBND phường", unit=world.b)
    with pytest.raises(ValidationError):
        services.guest_add(conference=conference, person=outsider, by=world.officer_a)


def test_photo_must_be_a_real_image(world, conference):
    with pytest.raises(ValidationError) as error:
        services.photo_add(
            conference=conference, data=b"%PDF-1.4 not an image", caption="Ảnh", by=world.officer_a
        )
    assert "không phải là ảnh" in error.value.message_dict["image"][0]
    assert not Photo.objects.exists()


def test_photo_too_large_is_refused(world, conference, monkeypatch):
    monkeypatch.setattr(services, "MAX_PHOTO_BYTES", 100)
    with pytest.raises(ValidationError) as error:
        services.photo_add(
            conference=conference, data=png_bytes((200, 200)), caption="Ảnh", by=world.officer_a
        )
    assert "quá lớn" in error.value.message_dict["image"][0]


def test_photo_needs_a_caption(world, conference):
    with pytest.raises(ValidationError) as error:
        services.photo_add(conference=conference, data=png_bytes(), caption=" ", by=world.officer_a)
    assert "chú thích" in error.value.message_dict["caption"][0]


def test_photo_is_kept_with_its_size(world, conference, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = services.photo_add(
        conference=conference, data=png_bytes((64, 48)), caption="Toàn cảnh", by=world.officer_a
    )
    assert (photo.width, photo.height, photo.content_type) == (64, 48, "image/png")
    assert photo.image.read().startswith(b"\x89PNG")


# Screens ----------------------------------------------------------------------------------


def test_index_lists_only_conferences_in_scope(world, login, conference):
    make_conference(world, unit=world.b, by=world.officer_b, venue="Nhà văn hóa")
    response = login(world.officer_a).get(reverse("conferences:index"))
    assert response.status_code == 200
    assert list(response.context["conferences"]) == [conference]


@pytest.mark.parametrize("param", ["year", "nam"])
def test_index_filters_by_year_under_the_new_name_and_the_old_one(world, login, conference, param):
    make_conference(world, year=2024, date=datetime.date(2025, 1, 8), venue="Nhà văn hóa")
    client = login(world.officer_a)
    response = client.get(reverse("conferences:index"), {param: 2025})
    assert list(response.context["conferences"]) == [conference]
    assert response.context["year"] == 2025
    assert 'name="year"' in response.content.decode()


def test_index_query_count_does_not_grow_with_conferences(world, login, django_assert_num_queries):
    client = login(world.officer_a)
    make_conference(world)
    client.get(reverse("conferences:index"))
    # the menu's work-list count is part of every page: measured, not hard-coded
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("conferences:index"))
    for n in range(5):
        make_conference(world, venue=f"Hội trường {n}")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("conferences:index"))


def test_officer_creates_a_conference_through_the_form(world, login):
    client = login(world.officer_a)
    response = client.post(
        reverse("conferences:create"),
        {
            "unit": world.a.pk,
            "kind": "year_review",
            "organisers": "both",
            "year": 2025,
            "date": "2026-01-09",
            "start_time": "08:00",
            "venue": "Hội trường",
            "directions": "Giữ vững an ninh\nPhát triển kinh tế",
        },
    )
    conference = Conference.objects.get()
    assert response.status_code == 302
    assert conference.direction_items == ["Giữ vững an ninh", "Phát triển kinh tế"]


def test_create_form_is_forbidden_to_a_viewer_without_edit_rights(world, login):
    assert login(world.leader_a).get(reverse("conferences:create")).status_code == 403


def test_detail_is_visible_in_scope_and_404_elsewhere(world, login, conference, client):
    assert (
        login(world.leader_a).get(reverse("conferences:detail", args=[conference.pk])).status_code
        == 200
    )
    client.logout()
    assert (
        login(world.officer_b).get(reverse("conferences:detail", args=[conference.pk])).status_code
        == 404
    )


def test_leader_may_see_but_not_edit(world, login, conference):
    client = login(world.leader_a)
    assert client.get(reverse("conferences:edit", args=[conference.pk])).status_code == 403


def test_edit_form_saves_changes(world, login, conference):
    client = login(world.officer_a)
    response = client.post(
        reverse("conferences:edit", args=[conference.pk]),
        {
            "kind": "year_review",
            "organisers": "state",
            "year": 2025,
            "date": "2026-01-09",
            "start_time": "14:00",
            "venue": "Hội trường mới",
        },
    )
    assert response.status_code == 302
    conference.refresh_from_db()
    assert conference.venue == "Hội trường mới" and conference.part_of_day == "Chiều"


def test_guest_screen_shows_the_missing_title_message(world, login, conference):
    person = official(
        world,
        "Đinh Văn Rỗng",
        "Chánh Văn phòng",
        start=datetime.date(2015, 1, 1),
        end=datetime.date(2020, 1, 1),
    )
    client = login(world.officer_a)
    response = client.post(
        reverse("conferences:guest_add", args=[conference.pk]), {"person": person.pk}, follow=True
    )
    assert "không giữ chức vụ nào vào ngày 09/01/2026" in response.content.decode()


def test_guest_screen_adds_and_removes(world, login, conference, guest_person):
    client = login(world.officer_a)
    client.post(reverse("conferences:guest_add", args=[conference.pk]), {"person": guest_person.pk})
    guest = Guest.objects.get()
    page = client.get(reverse("conferences:detail", args=[conference.pk])).content.decode()
    assert "đồng chí Trần Văn Minh, Phó Chủ tịch UBND tỉnh" in page
    client.post(reverse("conferences:guest_remove", args=[conference.pk, guest.pk]))
    assert not Guest.objects.exists()


def test_other_commune_cannot_add_guests(world, login, conference, guest_person):
    response = login(world.officer_b).post(
        reverse("conferences:guest_add", args=[conference.pk]), {"person": guest_person.pk}
    )
    assert response.status_code == 404


def test_photo_upload_refuses_a_text_file_with_a_message(
    world, login, conference, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = login(world.officer_a)
    upload = SimpleUploadedFile("anh.jpg", b"hello", content_type="image/jpeg")
    response = client.post(
        reverse("conferences:photo_add", args=[conference.pk]),
        {"image": upload, "caption": "Ảnh"},
        follow=True,
    )
    assert "không phải là ảnh JPEG hoặc PNG" in response.content.decode()
    assert not Photo.objects.exists()


def test_photo_upload_and_view_and_delete(world, login, conference, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login(world.officer_a)
    upload = SimpleUploadedFile("anh.png", png_bytes(), content_type="image/png")
    client.post(
        reverse("conferences:photo_add", args=[conference.pk]),
        {"image": upload, "caption": "Toàn cảnh"},
    )
    photo = Photo.objects.get()
    response = client.get(reverse("conferences:photo_file", args=[conference.pk, photo.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    client.logout()
    other = login(world.officer_b)
    assert (
        other.get(reverse("conferences:photo_file", args=[conference.pk, photo.pk])).status_code
        == 404
    )
    other.logout()
    client = login(world.officer_a)
    client.post(reverse("conferences:photo_delete", args=[conference.pk, photo.pk]))
    assert not Photo.objects.exists()


def test_guest_candidates_include_the_province_but_not_other_communes(world, guest_person):
    outsider = official(world, "Ngô Văn Ngoài", "Chủ tịch UBND phường", unit=world.b)
    candidates = set(selectors.guest_candidates(world.a))
    assert guest_person in candidates and outsider not in candidates
