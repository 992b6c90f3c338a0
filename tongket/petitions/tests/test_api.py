"""The petitions API: the same services, scope and Vietnamese messages as the screens, with
an allowed and a forbidden persona for each endpoint."""

from __future__ import annotations

import json

import pytest

from tongket.api.services import token_create
from tongket.petitions.choices import Competence, State
from tongket.petitions.models import Forwarding, ProvinceReport, Recommendation

from .builders import END, raise_item

pytestmark = pytest.mark.django_db


def _call(client, user, method, url, body=None):
    _, raw = token_create(user=user)
    kwargs = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    if body is not None:
        kwargs.update(data=json.dumps(body), content_type="application/json")
    return getattr(client, method)(url, **kwargs)


def test_an_officer_records_an_item_at_a_session_and_an_outsider_cannot(client, world, session_a1):
    body = {
        "session_id": session_a1.pk,
        "text": "Lắp đèn chiếu sáng ngõ 9",
        "field": "urban",
        "competence": "commune",
    }
    assert _call(client, world.officer_b, "post", "/api/v1/petitions/", body).status_code == 404
    assert not Recommendation.objects.exists()
    response = _call(client, world.officer_a, "post", "/api/v1/petitions/", body)
    assert response.status_code == 201
    assert response.json()["sources"][0]["unit"] == "Tổ dân phố số 1"


def test_assign_and_resolve_never_without_an_answer(client, world, people, session_a1):
    item = raise_item(world, session_a1)
    url = f"/api/v1/petitions/{item.pk}"
    assign = {"assignee_unit_id": people.office.pk, "deadline": str(END), "priority": 1}
    assert _call(client, world.leader_a, "post", url + "/assign", assign).status_code == 403
    assert _call(client, world.officer_a, "post", url + "/assign", assign).status_code == 200
    response = _call(client, world.officer_a, "post", url + "/resolve", {"answer": "  "})
    assert response.status_code == 400
    assert "Chưa nhập kết quả giải quyết" in response.json()["detail"]
    item.refresh_from_db()
    assert item.state == State.ASSIGNED
    response = _call(client, world.officer_a, "post", url + "/resolve", {"answer": "Đã lắp."})
    assert response.json()["state"] == "resolved"


def test_forward_assign_department_answer_and_close(client, world, people, session_a1):
    item = raise_item(world, session_a1, text="Tỉnh xây cầu", competence=Competence.PROVINCE)
    report = {
        "commune_id": world.a.pk,
        "body": "peoples_committee",
        "issued_on": "2025-10-01",
        "items": [{"recommendation_id": item.pk, "level": None}],
    }
    response = _call(client, world.officer_a, "post", "/api/v1/petitions/reports", report)
    assert response.status_code == 400 and "chưa chọn cấp nhận" in response.json()["detail"]
    assert not ProvinceReport.objects.exists()
    report["items"][0]["level"] = "province"
    # The item is internal to the commune: the province cannot even see it.
    as_province = _call(client, world.province_officer, "post", "/api/v1/petitions/reports", report)
    assert as_province.status_code == 404
    assert not ProvinceReport.objects.exists()
    response = _call(client, world.officer_a, "post", "/api/v1/petitions/reports", report)
    assert response.status_code == 201 and response.json()["number"] == "1/BC-UBND"
    forwarding = Forwarding.objects.get()

    listing = _call(client, world.province_officer, "get", "/api/v1/petitions/forwarded")
    assert [row["recommendation_id"] for row in listing.json()] == [item.pk]
    assert _call(client, world.officer_b, "get", "/api/v1/petitions/forwarded").json() == []

    url = f"/api/v1/petitions/forwarded/{forwarding.pk}"
    body = {"department_id": people.department.pk}
    assert _call(client, world.officer_a, "post", url + "/department", body).status_code == 403
    assert (
        _call(client, world.province_officer, "post", url + "/department", body).json()[
            "department"
        ]
        == "Sở Xây dựng"
    )
    answer = {"answer": "Đã đưa vào kế hoạch.", "answered_on": "2025-11-01"}
    assert _call(client, world.officer_b, "post", url + "/answer", answer).status_code == 404
    assert _call(client, world.province_officer, "post", url + "/answer", answer).status_code == 200

    close = f"/api/v1/petitions/{item.pk}/close"
    assert _call(client, world.province_officer, "post", close, {}).status_code == 403
    assert _call(client, world.officer_a, "post", close, {}).json()["state"] == "resolved"


def test_the_list_and_one_item_follow_the_scope(client, world, session_a1):
    item = raise_item(world, session_a1)
    assert len(_call(client, world.reporter_a1, "get", "/api/v1/petitions/").json()) == 1
    assert _call(client, world.officer_b, "get", "/api/v1/petitions/").json() == []
    assert (
        _call(client, world.province_officer, "get", f"/api/v1/petitions/{item.pk}").status_code
        == 404
    )
    assert _call(client, world.officer_a, "get", f"/api/v1/petitions/{item.pk}").status_code == 200


def test_statistics_for_a_commune_in_scope_only(client, world, session_a1):
    raise_item(world, session_a1)
    url = f"/api/v1/petitions/statistics?unit={world.a.pk}&year=2025"
    response = _call(client, world.officer_a, "get", url)
    assert response.json()["received"] == 1
    assert response.json()["sentences"][0].startswith("Qua 1 buổi làm việc")
    assert _call(client, world.officer_b, "get", url).status_code == 404


def test_my_list_holds_what_is_assigned_to_me(client, world, people, session_a1):
    item = raise_item(world, session_a1)
    world.officer_a.person = people.clerk
    world.officer_a.save()
    from tongket.petitions import services

    services.recommendation_assign(
        item=item, by=world.officer_a, deadline=END, assignee_person=people.clerk
    )
    assert [
        row["id"] for row in _call(client, world.officer_a, "get", "/api/v1/petitions/mine").json()
    ] == [item.pk]
    assert _call(client, world.officer_b, "get", "/api/v1/petitions/mine").json() == []
