"""The party API over the same services: each endpoint allowed for the right persona and
refused (400 with the rule, 403, 404; never 500) otherwise, nothing saved on refusal."""

import json

from tongket.api.services import token_create
from tongket.party.models import Admission, PartyMember, QualityRating

from .conftest import D, candidate, member, saved_rows, walk

BASE = "/api/v1/party"


def auth(user):
    _, raw = token_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client, url, user, data):
    headers = user if isinstance(user, dict) else auth(user)
    return client.post(url, json.dumps(data), content_type="application/json", **headers)


def get(client, url, user):
    return client.get(url, **auth(user))


def test_the_office_adds_a_member_and_reads_it_back(client, pw):
    response = post(
        client,
        f"{BASE}/members",
        pw.party_officer_a,
        {
            "commune_id": pw.a.pk,
            "cell_id": pw.cell_a1.pk,
            "full_name": "Qua API",
            "birth_date": "1985-01-01",
            "admitted_on": "2010-02-03",
            "full_on": "2011-02-03",
            "card_number": "5005",
        },
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    detail = get(client, f"{BASE}/members/{pk}", pw.party_officer_a).json()
    assert detail["status"] == "full" and [e["kind"] for e in detail["events"]] == [
        "admitted",
        "made_full",
    ]
    listing = get(client, f"{BASE}/members?commune={pw.a.pk}&q=qua api", pw.cell_secretary_a).json()
    assert [row["id"] for row in listing] == [pk]


def test_a_bad_member_comes_back_as_400_with_the_rule_and_nothing_saved(client, pw):
    office = auth(pw.party_officer_a)  # the token's own audit row comes before
    before = saved_rows()
    response = post(
        client,
        f"{BASE}/members",
        office,
        {
            "commune_id": pw.a.pk,
            "cell_id": pw.cell_a1.pk,
            "full_name": "Vội",
            "birth_date": "1985-01-01",
            "admitted_on": "2012-02-03",
            "full_on": "2012-06-03",
        },
    )
    assert response.status_code == 400 and "Thời gian dự bị" in response.json()["detail"]
    assert saved_rows() == before


def test_a_cell_secretary_cannot_add_members(client, pw):
    response = post(
        client,
        f"{BASE}/members",
        pw.cell_secretary_a,
        {
            "commune_id": pw.a.pk,
            "cell_id": pw.cell_a1.pk,
            "full_name": "Không",
            "admitted_on": "2010-02-03",
        },
    )
    assert response.status_code == 403
    assert not PartyMember.objects.exists()


def test_the_admission_steps_through_the_api_and_refuse_with_the_rule(client, pw):
    response = post(
        client,
        f"{BASE}/admissions",
        pw.cell_secretary_a,
        {
            "cell_id": pw.cell_a1.pk,
            "full_name": "Ứng Viên",
            "birth_date": "2008-01-01",
            "education": 3,
            "candidate_on": "2025-01-05",
        },
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    course = post(
        client,
        f"{BASE}/admissions/{pk}/course",
        pw.cell_secretary_a,
        {"on": "2025-03-01", "certificate_no": "7"},
    )
    assert course.json()["state"] == "course_done"
    first, second = member(pw, "Giới Thiệu Một"), member(pw, "Giới Thiệu Hai")
    introduce = post(
        client,
        f"{BASE}/admissions/{pk}/introduce",
        pw.cell_secretary_a,
        {
            "on": "2025-03-11",
            "introducers": [
                {"member_id": first.pk, "together_since": "2023-01-01"},
                {"member_id": second.pk, "together_since": "2023-01-01"},
            ],
        },
    )
    assert introduce.status_code == 200, introduce.content
    vote = post(
        client,
        f"{BASE}/admissions/{pk}/cell-vote",
        pw.cell_secretary_a,
        {"on": "2025-03-21", "votes_for": 2},
    )
    assert vote.status_code == 400 and "chưa đủ 18 tuổi" in vote.json()["detail"]
    assert Admission.objects.get(pk=pk).state == "introduced"


def test_a_cell_secretary_cannot_take_the_committees_steps(client, pw):
    admission = walk(pw, candidate(pw), upto="cell_vote")
    response = post(
        client,
        f"{BASE}/admissions/{admission.pk}/committee-vote",
        pw.cell_secretary_a,
        {"on": "2025-03-31", "votes_for": 5},
    )
    assert response.status_code == 403
    response = post(
        client,
        f"{BASE}/admissions/{admission.pk}/committee-vote",
        pw.party_leader_a,
        {"on": "2025-03-31", "votes_for": 5},
    )
    assert response.status_code == 200 and response.json()["state"] == "committee_approved"


def test_an_unknown_step_is_404(client, pw):
    admission = candidate(pw)
    response = post(
        client, f"{BASE}/admissions/{admission.pk}/fly", pw.party_officer_a, {"on": "2025-03-01"}
    )
    assert response.status_code == 404


def test_ratings_through_the_api_with_the_cap(client, pw):
    ids = []
    for i in range(3):
        record = member(pw, f"Xếp Loại {i}")
        response = post(
            client,
            f"{BASE}/ratings/self",
            pw.cell_secretary_a,
            {
                "subject": "member",
                "year": 2025,
                "member_id": record.pk,
                "points": 95 if i == 0 else 80,
            },
        )
        assert response.status_code == 201, response.content
        ids.append(response.json()["id"])
    levels = {str(ids[0]): "excellent", str(ids[1]): "good", str(ids[2]): "good"}
    response = post(
        client,
        f"{BASE}/ratings/decide",
        pw.party_officer_a,
        {"commune_id": pw.a.pk, "year": 2025, "decided_on": "2025-12-20", "levels": levels},
    )
    assert response.status_code == 400 and "thừa 1" in response.json()["detail"]
    assert not QualityRating.objects.filter(state="decided").exists()
    response = post(
        client,
        f"{BASE}/ratings/decide",
        pw.cell_secretary_a,
        {
            "commune_id": pw.a.pk,
            "year": 2025,
            "decided_on": "2025-12-20",
            "levels": {str(ids[1]): "good"},
        },
    )
    assert response.status_code == 403


def test_the_transfer_is_accepted_only_by_the_receiving_office(client, pw):
    record = member(pw, "Đi Phường B")
    response = post(
        client,
        f"{BASE}/members/{record.pk}/transfer",
        pw.party_officer_a,
        {"kind": "official", "on": "2025-05-01", "to_cell_id": pw.cell_b1.pk},
    )
    pk = response.json()["transfer_id"]
    assert post(client, f"{BASE}/transfers/{pk}/accept", pw.party_officer_a, {}).status_code == 404
    incoming = get(client, f"{BASE}/transfers/incoming", pw.party_officer_b).json()
    assert [row["id"] for row in incoming] == [pk]
    accepted = post(client, f"{BASE}/transfers/{pk}/accept", pw.party_officer_b, {})
    assert accepted.json()["state"] == "accepted"
    assert (
        get(client, f"{BASE}/members/{record.pk}", pw.party_officer_b).json()["commune_id"]
        == pw.b.pk
    )
    assert get(client, f"{BASE}/members/{record.pk}", pw.party_officer_a).status_code == 404


def test_the_statistics_and_province_endpoints(client, pw):
    member(pw, "Một")
    stats = get(client, f"{BASE}/statistics?commune={pw.a.pk}&year=2025", pw.leader_a).json()
    assert stats["total"] == 1 and stats["sentences"][0] == "Đến 31/12/2025, Đảng bộ có 1 đảng viên"
    rows = get(
        client, f"{BASE}/province?province={pw.province.pk}&year=2025", pw.province_officer
    ).json()
    assert {row["commune_id"]: row["total"] for row in rows} == {pw.a.pk: 1, pw.b.pk: 0}
    assert (
        get(
            client, f"{BASE}/province?province={pw.province.pk}&year=2025", pw.officer_a
        ).status_code
        == 404
    )


def test_badges_terms_and_rulebook(client, pw):
    member(pw, "Ba Mươi Năm", admitted=D(1995, 3, 1), full=D(1996, 3, 1))
    badges = get(client, f"{BASE}/badges?commune={pw.a.pk}", pw.party_officer_a).json()
    assert badges["award_on"] is not None
    terms = get(client, f"{BASE}/terms?commune={pw.a.pk}", pw.party_leader_a)
    assert terms.status_code == 200
    assert get(client, f"{BASE}/terms?commune={pw.a.pk}", pw.cell_secretary_a).status_code == 404
    rules = get(client, f"{BASE}/rulebook", pw.cell_secretary_a).json()
    age = next(row for row in rules if row["kind"] == "admission_min_age" and row["in_force"])
    assert "232-QĐ/TW" in age["citation"]
