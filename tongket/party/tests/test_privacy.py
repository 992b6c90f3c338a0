"""Privacy through every URL and API path of the party module: members' records, admission
files and individual ratings are reached only with party-side grants. State-side personas
(the officer, leader and administrator of the same commune, a reporter, the officer of
commune B, the province officer) get a 404 on every one of them; they read counts only
(statistics of their commune, the province side by side). The party personas get in."""

from __future__ import annotations

import json

import pytest
from django.urls import get_resolver, reverse

from tongket.api.services import token_create
from tongket.party import services
from tongket.party.choices import Subject
from tongket.party.models import Transfer
from tongket.party.urls import urlpatterns as party_patterns

from .conftest import D, candidate, member, walk

STATE_PERSONAS = [
    "officer_a",
    "leader_a",
    "admin_a",
    "reporter_a1",
    "officer_b",
    "province_officer",
]
PARTY_PERSONAS = ["party_officer_a", "party_leader_a"]
COUNTS = {"party:statistics", "party:statistics_xlsx", "party:province", "party:province_xlsx"}


@pytest.fixture
def files(pw):
    """One of everything: a member, a file walked to the decision making them full, a
    rating, a transfer from B waiting for A's answer."""
    from tongket.party.services import admission_full_vote, admission_make_full

    record = member(pw, "Nguyễn Văn Riêng Tư", card_number="9001")
    admission = walk(pw, candidate(pw), upto="ceremony")
    admission = admission_full_vote(
        admission=admission, vote_on=D(2026, 4, 20), votes_for=3, full_members=3, by=pw.root
    )
    admission = admission_make_full(admission=admission, decision_on=D(2026, 5, 2), by=pw.root)
    rating = services.rating_self_assess(
        subject=Subject.MEMBER, year=2025, member=record, points=80, by=pw.root
    )
    from_b = member(pw, "Người Phường B", commune=pw.b, cell=pw.cell_b1)
    transfer = services.transfer_out(
        record=from_b, kind="official", on=D(2025, 5, 1), to_cell=pw.cell_a1, by=pw.root
    )
    assert isinstance(transfer, Transfer)
    second_b = member(pw, "Người Phường B Hai", commune=pw.b, cell=pw.cell_b1)
    second = services.transfer_out(
        record=second_b, kind="official", on=D(2025, 5, 1), to_cell=pw.cell_a1, by=pw.root
    )
    return {
        "member": record.pk,
        "admission": admission.pk,
        "rating": rating.pk,
        "transfer": transfer.pk,
        "transfer2": second.pk,
        "cell": pw.cell_a1.pk,
        "rule": 1,
    }


def party_urls(w, files) -> list[tuple[str, str, str]]:
    """(name, url, method) for every URL of the party app and the party documents."""
    args = {
        "member": ["member"],
        "member_update": ["member"],
        "member_event": ["member"],
        "member_move": ["member"],
        "member_transfer": ["member"],
        "member_return": ["member"],
        "member_badge": ["member"],
        "admission": ["admission"],
        "cell_type": ["cell"],
        "rating_propose": ["rating"],
        "rule_edit": ["rule"],
    }
    posts = {
        "cell_type",
        "member_update",
        "member_event",
        "member_move",
        "member_transfer",
        "member_return",
        "member_badge",
        "members_import",
        "transfer_answer",
        "admission_step",
        "rating_self",
        "rating_propose",
        "ratings_decide",
    }
    found = []
    for pattern in party_patterns:
        name = pattern.name
        if name == "transfer_answer":
            url = reverse("party:transfer_answer", args=[files["transfer"], "nhan"])
        elif name == "admission_step":
            url = reverse("party:admission_step", args=[files["admission"], "chi-bo-xet"])
        else:
            url = reverse(f"party:{name}", args=[files[key] for key in args.get(name, [])])
        query = f"?province={w.province.pk}" if "province" in name else f"?commune={w.a.pk}"
        found.append((f"party:{name}", url + query, "post" if name in posts else "get"))
    for name in ("party_admission_docx", "party_full_docx"):
        found.append(
            (f"documents:{name}", reverse(f"documents:{name}", args=[files["admission"]]), "get")
        )
    return found


def test_the_sweep_covers_every_party_url(pw, files):
    names = {name for name, _, _ in party_urls(pw, files)}
    resolver = get_resolver()
    party_names = {
        f"party:{key}"
        for key in resolver.namespace_dict["party"][1].reverse_dict
        if isinstance(key, str)
    }
    documents = {
        f"documents:{key}"
        for key in resolver.namespace_dict["documents"][1].reverse_dict
        if isinstance(key, str) and key.startswith("party_")
    }
    assert party_names | documents == names


@pytest.mark.parametrize("persona", STATE_PERSONAS)
def test_state_side_personas_get_404_on_every_record_url(client, pw, files, persona):
    client.force_login(getattr(pw, persona))
    leaks = []
    for name, url, method in party_urls(pw, files):
        if name in COUNTS or name == "party:index":
            continue
        status = getattr(client, method)(url).status_code
        if status != 404:
            leaks.append(f"{method.upper()} {url} → {status}")
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize(
    "persona, commune_counts, province_counts",
    [
        ("officer_a", 200, 404),
        ("leader_a", 200, 404),
        ("admin_a", 200, 404),
        ("reporter_a1", 404, 404),
        ("officer_b", 404, 404),
        ("province_officer", 200, 200),
        ("party_officer_a", 200, 404),
    ],
)
def test_counts_are_read_on_either_side_within_scope(
    client, pw, persona, commune_counts, province_counts
):
    client.force_login(getattr(pw, persona))
    assert (
        client.get(reverse("party:statistics"), {"commune": pw.a.pk}).status_code == commune_counts
    )
    assert (
        client.get(reverse("party:province"), {"province": pw.province.pk}).status_code
        == province_counts
    )


def test_a_state_side_user_lands_on_the_counts(client, pw):
    client.force_login(pw.officer_a)
    response = client.get(reverse("party:index"))
    assert response.status_code == 302 and response["Location"] == reverse("party:statistics")


@pytest.mark.parametrize("persona", PARTY_PERSONAS)
def test_the_dang_uy_office_and_leaders_get_in(client, pw, files, persona):
    client.force_login(getattr(pw, persona))
    refused = []
    for name, url, method in party_urls(pw, files):
        if name in (
            "party:province",
            "party:province_xlsx",
            "party:rule_create",
            "party:rule_edit",
        ):
            continue
        status = getattr(client, method)(url).status_code
        # A leader reads everything; what only the office writes answers 403 (never 404).
        allowed = status in (200, 302) or (persona == "party_leader_a" and status == 403)
        if not allowed:
            refused.append(f"{method.upper()} {url} → {status}")
    assert not refused, "\n".join(refused)


def test_a_cell_secretary_reads_their_cell_and_nothing_else(client, pw, files):
    other = member(pw, "Chi Bộ Khác", cell=pw.cell_a2)
    client.force_login(pw.cell_secretary_a)
    assert client.get(reverse("party:member", args=[files["member"]])).status_code == 200
    assert client.get(reverse("party:member", args=[other.pk])).status_code == 404
    assert client.get(reverse("party:admission", args=[files["admission"]])).status_code == 200
    listing = client.get(reverse("party:members"), {"commune": pw.a.pk}).content.decode()
    assert "Nguyễn Văn Riêng Tư" in listing and "Chi Bộ Khác" not in listing
    assert client.get(reverse("party:terms"), {"commune": pw.a.pk}).status_code == 404


def test_the_other_communes_party_office_gets_404_on_as_records(client, pw, files):
    client.force_login(pw.party_officer_b)
    for name in ("member", "admission"):
        assert client.get(reverse(f"party:{name}", args=[files[name]])).status_code == 404
    assert client.get(reverse("party:members"), {"commune": pw.a.pk}).status_code == 404


def test_the_audit_log_shows_party_rows_only_to_the_party_side(client, pw, files):
    client.force_login(pw.leader_a)
    body = client.get(reverse("units:audit")).content.decode()
    assert "Nguyễn Văn Riêng Tư" not in body
    client.force_login(pw.party_leader_a)
    body = client.get(reverse("units:audit")).content.decode()
    assert "Nguyễn Văn Riêng Tư" in body


# The API --------------------------------------------------------------------------------------

BASE = "/api/v1/party"


def api_calls(w, files) -> list[tuple[str, str, str, dict | None]]:
    """(operation, method, path, body) for every endpoint of the party router."""
    return _member_calls(w, files) + _admission_and_rating_calls(w, files)


def _member_calls(w, files) -> list[tuple[str, str, str, dict | None]]:
    a, day = w.a.pk, "2025-06-01"
    return [
        ("GET /statistics", "get", f"{BASE}/statistics?commune={a}&year=2025", None),
        ("GET /province", "get", f"{BASE}/province?province={w.province.pk}&year=2025", None),
        ("GET /rulebook", "get", f"{BASE}/rulebook", None),
        ("GET /terms", "get", f"{BASE}/terms?commune={a}", None),
        ("GET /members", "get", f"{BASE}/members?commune={a}", None),
        ("GET /members/{pk}", "get", f"{BASE}/members/{files['member']}", None),
        (
            "POST /members",
            "post",
            f"{BASE}/members",
            {"commune_id": a, "cell_id": w.cell_a1.pk, "full_name": "X", "admitted_on": day},
        ),
        (
            "POST /members/{pk}/events",
            "post",
            f"{BASE}/members/{files['member']}/events",
            {"kind": "exempted", "on": day},
        ),
        (
            "POST /members/{pk}/move",
            "post",
            f"{BASE}/members/{files['member']}/move",
            {"to_cell_id": w.cell_a2.pk, "on": day},
        ),
        (
            "POST /members/{pk}/transfer",
            "post",
            f"{BASE}/members/{files['member']}/transfer",
            {"kind": "official", "on": day, "to_place": "X"},
        ),
        (
            "POST /members/{pk}/badges",
            "post",
            f"{BASE}/members/{files['member']}/badges",
            {"milestone": 30, "awarded_on": day},
        ),
        ("GET /transfers/incoming", "get", f"{BASE}/transfers/incoming", None),
        ("POST /transfers/{pk}/accept", "post", f"{BASE}/transfers/{files['transfer']}/accept", {}),
        (
            "POST /transfers/{pk}/refuse",
            "post",
            f"{BASE}/transfers/{files['transfer2']}/refuse",
            {},
        ),
        ("GET /badges", "get", f"{BASE}/badges?commune={a}", None),
    ]


def _admission_and_rating_calls(w, files) -> list[tuple[str, str, str, dict | None]]:
    a, day = w.a.pk, "2025-06-01"
    return [
        ("GET /admissions", "get", f"{BASE}/admissions?commune={a}", None),
        ("GET /admissions/{pk}", "get", f"{BASE}/admissions/{files['admission']}", None),
        (
            "POST /admissions",
            "post",
            f"{BASE}/admissions",
            {
                "cell_id": w.cell_a1.pk,
                "full_name": "Y",
                "birth_date": "2000-01-01",
                "education": 3,
                "candidate_on": day,
            },
        ),
        (
            "POST /admissions/{pk}/{step}",
            "post",
            f"{BASE}/admissions/{files['admission']}/close",
            {"on": day, "reason": "x"},
        ),
        ("GET /ratings", "get", f"{BASE}/ratings?commune={a}&year=2025", None),
        (
            "POST /ratings/self",
            "post",
            f"{BASE}/ratings/self",
            {"subject": "member", "year": 2025, "member_id": files["member"], "points": 80},
        ),
        (
            "POST /ratings/{pk}/propose",
            "post",
            f"{BASE}/ratings/{files['rating']}/propose",
            {"level": "good"},
        ),
        (
            "POST /ratings/decide",
            "post",
            f"{BASE}/ratings/decide",
            {
                "commune_id": a,
                "year": 2025,
                "decided_on": "2025-12-20",
                "levels": {str(files["rating"]): "good"},
            },
        ),
    ]


def call(client, user, method, path, body):
    _, raw = token_create(user=user)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    if method == "get":
        return client.get(path, **headers)
    return client.post(path, json.dumps(body or {}), content_type="application/json", **headers)


def test_the_api_sweep_covers_every_endpoint(pw, files):
    from tongket.party.api import router

    operations = {
        f"{method} {path.replace('{int:pk}', '{pk}')}"
        for path, view in router.path_operations.items()
        for operation in view.operations
        for method in operation.methods
    }
    assert operations == {name for name, _, _, _ in api_calls(pw, files)}


@pytest.mark.parametrize("persona", STATE_PERSONAS)
def test_state_side_personas_get_404_on_every_api_record_path(client, pw, files, persona):
    user = getattr(pw, persona)
    leaks = []
    for name, method, path, body in api_calls(pw, files):
        if name in ("GET /statistics", "GET /province"):
            continue
        response = call(client, user, method, path, body)
        if response.status_code != 404:
            leaks.append(f"{name} → {response.status_code} {response.content[:120]}")
        elif method == "get" and name.endswith("/incoming"):
            pass
    assert not leaks, "\n".join(leaks)


def test_the_party_office_uses_every_api_endpoint(client, pw, files):
    refused = []
    for name, method, path, body in api_calls(pw, files):
        if name == "GET /province":
            continue
        response = call(client, pw.party_officer_a, method, path, body)
        if response.status_code not in (200, 201, 400):
            refused.append(f"{name} → {response.status_code} {response.content[:200]}")
    assert not refused, "\n".join(refused)


def test_the_api_counts_answer_state_side_users_of_the_commune(client, pw, files):
    response = call(
        client, pw.officer_a, "get", f"{BASE}/statistics?commune={pw.a.pk}&year=2025", None
    )
    assert response.status_code == 200 and response.json()["total"] == 4
    response = call(
        client, pw.officer_b, "get", f"{BASE}/statistics?commune={pw.a.pk}&year=2025", None
    )
    assert response.status_code == 404
