"""The API over the same services: every endpoint allowed for the right persona and
refused (400/403/404, never 500) otherwise."""

import json

from tongket.api.services import token_create
from tongket.emulation.models import Nomination

from .conftest import nominate, register, vote_through

BASE = "/api/v1/emulation"


def auth(user):
    _, raw = token_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client, url, user, data):
    return client.post(url, json.dumps(data), content_type="application/json", **auth(user))


def test_the_rulebook_lists_dated_rows_with_citations(client, em):
    rows = client.get(f"{BASE}/rulebook", **auth(em.world.officer_b)).json()
    salary = next(row for row in rows if row["kind"] == "base_salary")
    assert salary["value"] == "2340000.0000" or float(salary["value"]) == 2_340_000
    assert "Nghị định 73/2024/NĐ-CP" in salary["citation"] and salary["in_force"]


def test_a_reporter_nominates_and_submits_through_the_api(client, em):
    register(em, em.people[0], "ldtt")
    response = post(
        client,
        f"{BASE}/nominations",
        em.world.reporter_a1,
        {
            "unit_id": em.world.group_a1.pk,
            "year": 2025,
            "award_kind": "ldtt",
            "person_id": em.people[0].pk,
            "achievement": "Gương mẫu.",
            "submit": True,
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["state"] == "submitted"


def test_an_unregistered_title_comes_back_as_400_with_the_citation(client, em):
    response = post(
        client,
        f"{BASE}/nominations",
        em.world.officer_a,
        {
            "unit_id": em.world.a.pk,
            "year": 2025,
            "award_kind": "ldtt",
            "person_id": em.people[0].pk,
            "achievement": "x",
            "submit": True,
        },
    )
    assert response.status_code == 400
    assert "chưa đăng ký thi đua" in response.json()["detail"]
    assert not Nomination.objects.exists()


def test_another_communes_officer_cannot_nominate_in_phuong_a(client, em):
    response = post(
        client,
        f"{BASE}/nominations",
        em.world.officer_b,
        {
            "unit_id": em.world.a.pk,
            "year": 2025,
            "award_kind": "ldtt",
            "person_id": em.people[0].pk,
            "achievement": "x",
        },
    )
    assert response.status_code == 404


def test_nomination_detail_lists_the_checks_and_hides_from_other_communes(client, em):
    nomination = nominate(em, em.people[0], "ldtt")
    url = f"{BASE}/nominations/{nomination.pk}"
    body = client.get(url, **auth(em.world.officer_a)).json()
    assert body["state"] == "submitted" and all(check["passed"] for check in body["checks"])
    assert client.get(url, **auth(em.world.officer_b)).status_code == 404
    listing = client.get(f"{BASE}/nominations?year=2025", **auth(em.world.officer_b)).json()
    assert listing == []


def test_submit_and_return_need_the_right_role(client, em):
    nomination = nominate(em, em.people[0], "ldtt", submit=False)
    viewer_refused = post(
        client, f"{BASE}/nominations/{nomination.pk}/submit", em.world.leader_a, {}
    )
    assert viewer_refused.status_code == 403
    assert (
        post(
            client, f"{BASE}/nominations/{nomination.pk}/submit", em.world.officer_a, {}
        ).status_code
        == 200
    )
    assert (
        post(
            client,
            f"{BASE}/nominations/{nomination.pk}/return",
            em.world.reporter_a1,
            {"reason": "thiếu hồ sơ"},
        ).status_code
        == 403
    )
    returned = post(
        client,
        f"{BASE}/nominations/{nomination.pk}/return",
        em.world.officer_a,
        {"reason": "Thiếu hồ sơ"},
    )
    assert returned.json()["state"] == "returned"


def test_registration_endpoint_is_scoped(client, em):
    data = {
        "unit_id": em.world.group_a1.pk,
        "year": 2025,
        "award_kind": "ldtt",
        "person_id": em.people[0].pk,
    }
    assert post(client, f"{BASE}/registrations", em.world.officer_b, data).status_code == 404
    assert post(client, f"{BASE}/registrations", em.world.reporter_a1, data).status_code == 201


def test_votes_over_the_council_size_are_400_and_approval_needs_a_leader(client, em):
    nominations = [nominate(em, person, "ldtt") for person in em.people[:2]]
    session = vote_through(em, nominations[:1])
    from tongket.emulation import services

    [ballot] = services.session_add_nominations(
        session=session, nominations=nominations[1:], by=em.world.root
    )
    too_many = post(
        client,
        f"{BASE}/sessions/{session.pk}/votes",
        em.world.officer_a,
        {"votes": {str(ballot.pk): 9}},
    )
    assert (
        too_many.status_code == 400 and "lớn hơn số thành viên có mặt" in too_many.json()["detail"]
    )
    assert (
        post(
            client,
            f"{BASE}/sessions/{session.pk}/votes",
            em.world.officer_b,
            {"votes": {str(ballot.pk): 5}},
        ).status_code
        == 404
    )
    assert post(
        client,
        f"{BASE}/sessions/{session.pk}/votes",
        em.world.officer_a,
        {"votes": {str(ballot.pk): 5}},
    ).json() == {"recorded": 1, "passed": 1}
    approve = {
        "body": "chairman",
        "number": 4,
        "signed_on": "2026-01-09",
        "signer_name": "Lê Thị Thu Hà",
    }
    assert (
        post(
            client, f"{BASE}/sessions/{session.pk}/approve", em.world.officer_a, approve
        ).status_code
        == 403
    )
    decision = post(client, f"{BASE}/sessions/{session.pk}/approve", em.world.leader_a, approve)
    assert decision.status_code == 201
    assert decision.json()["total"] == 1_404_000
    assert decision.json()["total_in_words"] == "Một triệu bốn trăm linh bốn nghìn đồng"
    assert client.get(f"{BASE}/sessions", **auth(em.world.officer_b)).json() == []


def test_decisions_statistics_and_pledges_endpoints(client, em, decided):
    listing = client.get(f"{BASE}/decisions?year=2025", **auth(em.world.leader_a)).json()
    assert {d["number_label"] for d in listing} == {"3/QĐ-UBND", "12-QĐ/ĐU"}
    assert client.get(f"{BASE}/decisions?year=2025", **auth(em.world.officer_b)).json() == []
    stats = client.get(
        f"{BASE}/statistics?unit={em.world.a.pk}&year=2025", **auth(em.world.leader_a)
    ).json()
    assert "Đảng ủy phường khen thưởng 1 cá nhân." in stats["sentences"]
    assert (
        client.get(
            f"{BASE}/statistics?unit={em.world.a.pk}&year=2025", **auth(em.world.officer_b)
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"{BASE}/pledges-signed?unit={em.world.a.pk}&year=2026", **auth(em.world.leader_a)
        ).json()
        == []
    )
    assert (
        client.get(
            f"{BASE}/pledges-signed?unit={em.world.a.pk}&year=2026", **auth(em.world.officer_b)
        ).status_code
        == 404
    )


def test_decision_endpoint_refuses_a_used_number(client, em, decided):
    nomination = nominate(em, em.people[9], "ldtt")
    vote_through(em, [nomination])
    data = {
        "commune_id": em.world.a.pk,
        "body": "chairman",
        "number": 3,
        "signed_on": "2026-02-01",
        "signer_name": "Lê Thị Thu Hà",
        "nomination_ids": [nomination.pk],
    }
    response = post(client, f"{BASE}/decisions", em.world.leader_a, data)
    assert response.status_code == 400 and "đã cấp" in response.json()["detail"]
    data["number"] = 4
    assert post(client, f"{BASE}/decisions", em.world.officer_b, data).status_code == 404
    assert post(client, f"{BASE}/decisions", em.world.leader_a, data).status_code == 201
