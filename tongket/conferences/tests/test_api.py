"""The conferences API's guest endpoint: the same service, scope and messages as the screen."""

import json

from tongket.api.services import token_create
from tongket.conferences.models import Guest


def _post(client, user, url, body):
    _, raw = token_create(user=user)
    return client.post(
        url, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )


def test_officer_invites_a_guest_with_the_title_held_that_day(
    client, world, conference, guest_person
):
    url = f"/api/v1/conferences/{conference.pk}/guests"
    response = _post(client, world.officer_a, url, {"person_id": guest_person.pk})
    assert response.status_code == 201
    assert response.json()["guests"][0]["title"] == "Phó Chủ tịch UBND tỉnh"


def test_another_communes_officer_cannot_invite_and_nothing_is_saved(
    client, world, conference, guest_person
):
    url = f"/api/v1/conferences/{conference.pk}/guests"
    assert _post(client, world.officer_b, url, {"person_id": guest_person.pk}).status_code == 404
    assert _post(client, world.leader_a, url, {"person_id": guest_person.pk}).status_code == 403
    assert not Guest.objects.exists()


def test_a_malformed_body_is_a_422_in_vietnamese(client, world, conference):
    url = f"/api/v1/conferences/{conference.pk}/guests"
    response = _post(client, world.officer_a, url, {"person_id": "không phải số"})
    assert response.status_code == 422
    assert response.json()["detail"] == "Dữ liệu gửi lên không hợp lệ."
