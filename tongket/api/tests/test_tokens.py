"""API tokens: a user's own screen (list, name, create shown once, revoke), expiry, the
administrator's screen within scope, the revoke command, and the 401 answers."""

from __future__ import annotations

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tongket.api.models import ApiToken, hash_token
from tongket.api.services import token_create
from tongket.units.models import AuditEntry


def _api(client, raw):
    return client.get("/api/v1/units/", HTTP_AUTHORIZATION=f"Bearer {raw}")


def _raw_from(response) -> str:
    body = response.content.decode()
    start = body.index('id="raw-token"')
    value = body.index('value="', body.rindex("<input", 0, start)) + len('value="')
    return body[value : body.index('"', value)]


# A user's own tokens ------------------------------------------------------------------------


def test_a_user_creates_a_named_token_shown_once_and_stored_only_as_a_hash(login, world):
    client = login(world.officer_a)
    response = client.post(reverse("tokens:list"), {"name": "Bảng tính văn phòng", "days": 90})
    assert response.status_code == 200
    raw = _raw_from(response)
    token = ApiToken.objects.get(user=world.officer_a)
    assert token.name == "Bảng tính văn phòng"
    assert token.key_hash == hash_token(raw) and raw not in token.key_hash
    expected = timezone.now() + datetime.timedelta(days=90)
    assert abs((token.expires_at - expected).total_seconds()) < 60
    assert AuditEntry.objects.filter(model="api.apitoken", verb="create_api_token").count() == 1
    again = client.get(reverse("tokens:list")).content.decode()
    assert raw not in again
    assert "Bảng tính văn phòng" in again
    assert _api(client, raw).status_code == 200


def test_the_default_lifetime_is_a_setting(world, settings):
    settings.API_TOKEN_DAYS = 30
    token, _ = token_create(user=world.officer_a)
    days = (token.expires_at - timezone.now()).total_seconds() / 86400
    assert 29.9 < days <= 30


def test_a_used_token_records_when_it_was_last_used(client, world):
    token, raw = token_create(user=world.officer_a)
    assert token.last_used_at is None
    assert _api(client, raw).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_user_revokes_their_token_and_it_answers_401_in_vietnamese(login, world, client):
    token, raw = token_create(user=world.officer_a)
    browser = login(world.officer_a)
    response = browser.post(reverse("tokens:revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked and token.revoked_at is not None
    assert AuditEntry.objects.filter(verb="revoke_api_token", actor=world.officer_a).exists()
    browser.logout()
    answer = _api(client, raw)
    assert answer.status_code == 401
    assert answer.json()["detail"].startswith("Khóa API này đã bị thu hồi")


def test_a_user_cannot_revoke_someone_elses_token_from_their_own_screen(login, world):
    token, _ = token_create(user=world.officer_b)
    response = login(world.officer_a).post(reverse("tokens:revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert not token.revoked


def test_an_expired_token_answers_401_saying_so(client, world):
    _token, raw = token_create(user=world.officer_a, days=1)
    later = timezone.now() + datetime.timedelta(days=1, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        answer = _api(client, raw)
    assert answer.status_code == 401
    assert answer.json()["detail"].startswith("Khóa API này đã hết hạn")
    assert _api(client, raw).status_code == 200  # the day before, it still worked


def test_a_wrong_token_answers_401_in_vietnamese(client, world):
    answer = _api(client, "tk_khong-dung")
    assert answer.status_code == 401
    assert "Khóa API không đúng" in answer.json()["detail"]


def test_a_token_name_with_a_control_character_is_refused(login, world):
    response = login(world.officer_a).post(reverse("tokens:list"), {"name": "a\x00", "days": 9})
    assert response.status_code == 200
    assert "U+0000" in response.content.decode()
    assert not ApiToken.objects.exists()


# Administrators -----------------------------------------------------------------------------


def test_an_administrator_lists_tokens_in_scope_only(login, world):
    token_create(user=world.officer_a, name="khóa của A")
    token_create(user=world.officer_b, name="khóa của B")
    body = login(world.admin_a).get(reverse("tokens:admin")).content.decode()
    assert "khóa của A" in body
    assert "khóa của B" not in body


def test_an_administrator_revokes_a_token_in_scope_and_it_is_audited(login, world, client):
    token, _raw = token_create(user=world.officer_a)
    response = login(world.admin_a).post(reverse("tokens:admin_revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked
    entry = AuditEntry.objects.get(verb="revoke_api_token")
    assert (entry.actor, entry.unit) == (world.admin_a, world.a)


def test_a_token_outside_the_administrators_scope_is_a_404(login, world):
    token, _ = token_create(user=world.officer_b)
    response = login(world.admin_a).post(reverse("tokens:admin_revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert not token.revoked


@pytest.mark.parametrize("persona", ["officer_a", "leader_a", "reporter_a1"])
def test_the_administrators_screen_is_forbidden_to_other_roles(login, world, persona):
    token, _ = token_create(user=world.officer_a)
    client = login(getattr(world, persona))
    assert client.get(reverse("tokens:admin")).status_code == 403
    assert client.post(reverse("tokens:admin_revoke", args=[token.pk])).status_code in (403, 404)
    token.refresh_from_db()
    assert not token.revoked


def test_the_administrators_list_keeps_its_query_count(login, world, django_assert_num_queries):
    client = login(world.admin_a)
    client.get(reverse("tokens:admin"))
    token_create(user=world.officer_a)
    with CaptureQueriesContext(connection) as small:  # the menu's count is on every page
        client.get(reverse("tokens:admin"))
    for user in (world.officer_a, world.leader_a, world.reporter_a1, world.admin_a) * 5:
        token_create(user=user)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("tokens:admin"))


# The command --------------------------------------------------------------------------------


def _command(*args) -> str:
    out = StringIO()
    call_command("revoke_api_token", *args, stdout=out)
    return out.getvalue()


def test_the_command_is_a_dry_run_unless_for_real(world):
    token, _ = token_create(user=world.officer_a, name="máy chủ tỉnh")
    output = _command("--user", "canbo_a")
    assert "Sẽ thu hồi" in output and "Chạy thử: 1 khóa" in output
    token.refresh_from_db()
    assert not token.revoked
    assert "Đã thu hồi" in _command("--user", "canbo_a", "--for-real")
    token.refresh_from_db()
    assert token.revoked
    entry = AuditEntry.objects.get(verb="revoke_api_token")
    assert entry.actor is None


def test_the_command_revokes_by_prefix(world, client):
    _keep, kept_raw = token_create(user=world.officer_a)
    _token, raw = token_create(user=world.officer_a)
    _command("--prefix", raw[:10], "--for-real")
    assert _api(client, raw).status_code == 401
    assert _api(client, kept_raw).status_code == 200


def test_the_command_refuses_a_too_short_prefix_or_nothing_to_revoke(world):
    with pytest.raises(CommandError, match="ít nhất 4"):
        _command("--prefix", "ab")
    with pytest.raises(CommandError, match="Không có khóa"):
        _command("--user", "khong_co_ai")
