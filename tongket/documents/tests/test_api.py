"""The API calls the same services: allowed for the commune, refused elsewhere."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_report_docx_over_the_api(world, login, year_end, client):
    url = f"/api/v1/documents/conferences/{year_end.pk}/report.docx"
    response = login(world.leader_a).get(url)
    assert response.status_code == 200 and response.content[:2] == b"PK"
    client.logout()
    assert login(world.officer_b).get(url).status_code == 404


def test_article_generate_update_publish_over_the_api(world, login, year_end, client):
    officer = login(world.officer_a)
    created = officer.post(f"/api/v1/documents/conferences/{year_end.pk}/article")
    assert created.status_code == 201
    pk = created.json()["id"]
    empty = officer.put(
        f"/api/v1/documents/articles/{pk}",
        {"headline": "Tin", "body": " "},
        content_type="application/json",
    )
    assert empty.status_code == 400
    assert "Nội dung tin bài không được để trống." in empty.json()["detail"]
    assert officer.post(f"/api/v1/documents/articles/{pk}/publish").status_code == 403
    client.logout()
    assert login(world.officer_b).get(f"/api/v1/documents/articles/{pk}").status_code == 404
    client.logout()
    published = login(world.leader_a).post(f"/api/v1/documents/articles/{pk}/publish")
    assert published.status_code == 200 and published.json()["state"] == "published"


def test_job_over_the_api_is_refused_to_a_commune_officer(world, login):
    response = login(world.officer_a).post(
        "/api/v1/documents/jobs",
        {"unit_id": world.province.pk, "year": 2025},
        content_type="application/json",
    )
    assert response.status_code in (403, 404)


def test_conferences_api_lists_in_scope_and_creates(world, login, year_end, client):
    listing = login(world.officer_a).get("/api/v1/conferences/")
    assert [c["id"] for c in listing.json()] == [year_end.pk]
    assert listing.json()[0]["guests"][0]["title"] == "Phó Chủ tịch UBND tỉnh"
    client.logout()
    other = login(world.officer_b)
    assert other.get("/api/v1/conferences/").json() == []
    assert other.get(f"/api/v1/conferences/{year_end.pk}").status_code == 404
    refused = other.post(
        "/api/v1/conferences/",
        {"unit_id": world.a.pk, "year": 2025, "date": "2026-01-09", "venue": "Hội trường"},
        content_type="application/json",
    )
    assert refused.status_code == 404
    made = other.post(
        "/api/v1/conferences/",
        {"unit_id": world.b.pk, "year": 2025, "date": "2026-01-10", "venue": "Nhà văn hóa"},
        content_type="application/json",
    )
    assert made.status_code == 201


def test_an_article_put_with_the_headline_only_keeps_body_and_byline(world, login, year_end):
    officer = login(world.officer_a)
    pk = officer.post(f"/api/v1/documents/conferences/{year_end.pk}/article").json()["id"]
    url = f"/api/v1/documents/articles/{pk}"
    full = officer.put(
        url,
        {"headline": "Tin cũ", "body": "Nội dung đã biên tập", "byline": "Văn Hóa"},
        content_type="application/json",
    )
    assert full.status_code == 200, full.content
    edited = officer.put(url, {"headline": "Tin mới"}, content_type="application/json")
    assert edited.status_code == 200, edited.content
    assert edited.json()["headline"] == "Tin mới"
    assert edited.json()["body"] == "Nội dung đã biên tập"
    assert edited.json()["byline"] == "Văn Hóa"
