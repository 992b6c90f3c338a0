"""Error pages with DEBUG off: each triggered for real and answered in Vietnamese, a page on
the screens and JSON under /api/."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.fixture(autouse=True)
def debug_off(settings):
    settings.DEBUG = False


def test_a_bad_host_gets_the_vietnamese_400_page(client, world):
    response = client.get("/", HTTP_HOST="ke-gia-mao.example")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Yêu cầu không hợp lệ" in body
    assert "Bad Request" not in body


def test_a_bad_host_on_the_api_gets_json(client, world):
    response = client.get("/api/v1/units/", HTTP_HOST="ke-gia-mao.example")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Yêu cầu không hợp lệ")


def test_a_forbidden_page_is_the_vietnamese_403(login, world):
    response = login(world.officer_a).get("/quan-tri/")
    assert response.status_code == 403
    assert "Bạn không có quyền truy cập trang này" in response.content.decode()


def test_an_unknown_page_is_the_vietnamese_404(login, world):
    response = login(world.officer_a).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_a_server_error_is_the_vietnamese_500_page(client, world, monkeypatch):
    from tongket.units import selectors

    monkeypatch.setattr(selectors, "unit_tree", lambda user: 1 / 0)
    client.raise_request_exception = False
    client.force_login(world.officer_a)
    response = client.get("/don-vi/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Đã có lỗi hệ thống" in body
    assert "Server Error" not in body


def test_a_form_without_its_csrf_token_gets_the_vietnamese_csrf_page(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/dang-nhap/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in body
    assert "CSRF verification failed" not in body


def test_an_api_session_write_without_csrf_is_a_vietnamese_json_403(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.officer_a)
    response = client.post("/api/v1/conferences/", "{}", content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert "Failed" not in response.json()["detail"]
