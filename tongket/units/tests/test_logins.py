"""Signing in with a password: failures are counted per account and per address, a lock
lasts its minutes and then lifts (the clock is the only thing mocked), the lock is answered
in Vietnamese, and every failure is in the audit log for the account's administrators."""

from __future__ import annotations

import datetime
from contextlib import contextmanager
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tongket.units.choices import AuditAction
from tongket.units.models import AuditEntry

WRONG = "sai-mat-khau-123"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)


@contextmanager
def clock_at(moment: datetime.datetime):
    """Every clock tongket and django-axes read, set to `moment`."""
    with (
        mock.patch("django.utils.timezone.now", return_value=moment),
        mock.patch("axes.attempts.now", return_value=moment),
        mock.patch("axes.handlers.proxy.now", return_value=moment),
    ):
        yield


def sign_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_lock_the_account_with_a_vietnamese_message(client, world):
    for _ in range(4):
        assert sign_in(client, "canbo_a", WRONG).status_code == 200
    assert sign_in(client, "canbo_a", WRONG).status_code == 429  # the fifth locks
    response = sign_in(client, "canbo_a", world.password)
    assert response.status_code == 429
    body = response.content.decode()
    assert "bị tạm khóa đăng nhập 15 phút" in body
    assert 'id="login-form"' in body
    assert not signed_in(client)


def test_the_lock_lifts_after_its_minutes(client, world):
    start = timezone.now()
    with clock_at(start):
        for _ in range(5):
            sign_in(client, "canbo_a", WRONG)
    with clock_at(start + datetime.timedelta(minutes=14)):
        assert sign_in(client, "canbo_a", world.password).status_code == 429
    with clock_at(start + datetime.timedelta(minutes=15, seconds=1)):
        response = sign_in(client, "canbo_a", world.password)
    assert response.status_code == 302
    assert signed_in(client)


def test_fewer_failures_than_the_limit_do_not_lock(client, world):
    for _ in range(4):
        sign_in(client, "canbo_a", WRONG)
    assert sign_in(client, "canbo_a", world.password).status_code == 302


def test_a_success_resets_the_count(client, world):
    for _ in range(4):
        sign_in(client, "canbo_a", WRONG)
    assert sign_in(client, "canbo_a", world.password).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "canbo_a", WRONG)
    assert sign_in(client, "canbo_a", world.password).status_code == 302


def test_the_account_is_locked_whatever_address_the_failures_came_from(client, world):
    for number in range(5):
        sign_in(client, "canbo_a", WRONG, address=f"10.0.1.{number}")
    assert sign_in(client, "canbo_a", world.password, address="10.9.9.9").status_code == 429


def test_an_address_guessing_many_accounts_is_locked_for_every_account(client, world):
    for username in ("canbo_a", "lanhdao_a", "quantri_a", "baocao_a1", "khong_co"):
        sign_in(client, username, WRONG, address="10.6.6.6")
    assert sign_in(client, "canbo_b", world.password, address="10.6.6.6").status_code == 429
    assert sign_in(client, "canbo_b", world.password, address="10.7.7.7").status_code == 302


def test_the_limit_and_the_minutes_are_settings(client, world, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=3)
    sign_in(client, "canbo_a", WRONG)
    sign_in(client, "canbo_a", WRONG)
    response = sign_in(client, "canbo_a", world.password)
    assert response.status_code == 429
    assert "sai quá 2 lần" in response.content.decode()
    assert "3 phút" in response.content.decode()


def test_failed_sign_ins_and_the_lock_are_audited_under_the_accounts_unit(client, world):
    for _ in range(6):
        sign_in(client, "canbo_a", WRONG, address="10.3.3.3")
    failures = AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED)
    assert failures.count() == 6
    assert {entry.unit for entry in failures} == {world.a}
    assert "10.3.3.3" in failures.first().note
    assert "đang bị tạm khóa" in failures.order_by("-id").first().note
    assert AuditEntry.objects.filter(action=AuditAction.LOCKED_OUT).count() == 1


def test_an_administrator_sees_failed_sign_ins_in_the_audit_screen(client, world, login):
    sign_in(client, "canbo_a", WRONG)
    sign_in(client, "khong_ai_co", WRONG)
    body = login(world.admin_a).get(reverse("units:audit")).content.decode()
    assert "Đăng nhập sai" in body
    assert "canbo_a" in body
    assert "khong_ai_co" not in body  # no unit: only the system administrator sees it


def test_another_communes_failed_sign_ins_are_not_shown(client, world, login):
    sign_in(client, "canbo_b", WRONG)
    body = login(world.admin_a).get(reverse("units:audit")).content.decode()
    assert "canbo_b" not in body


def test_a_control_character_in_the_username_is_refused_before_checking(client, world):
    response = sign_in(client, "canbo\x00_a", world.password)
    assert response.status_code == 200
    assert "U+0000" in response.content.decode()
    assert not signed_in(client)


def test_demo_style_sign_in_through_the_form_still_works(client, world):
    response = sign_in(client, "canbo_a", world.password)
    assert response.status_code == 302
    assert client.get("/").status_code == 200
