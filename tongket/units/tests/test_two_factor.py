"""Two-factor sign-in: enrolment with a QR code drawn on the server, the code step after the
password (nothing else is reachable before it, the API included), recovery codes, the
administrators' policy that requires it of administrators and leaders, and their reset."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tongket.units.models import AuditEntry, TwoFactorPolicy
from tongket.units.security import twofactor


def code_for(device: TOTPDevice, *, later: int = 0) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + later
    return f"{totp.token():06d}"


def sign_in(client: Client, user, password: str, next_url: str = "/"):
    return client.post(
        reverse("login"), {"username": user.username, "password": password, "next": next_url}
    )


def enrol(client: Client) -> tuple[TOTPDevice, list[str]]:
    """Walk the enrolment screen as a person would; returns the device and recovery codes."""
    page = client.get(reverse("units:two_factor"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user_id=client.session["_auth_user_id"], confirmed=False)
    response = client.post(
        reverse("units:two_factor"), {"action": "confirm", "token": code_for(device)}
    )
    assert response.status_code == 200, response.content
    codes = list(
        StaticToken.objects.filter(device__user=device.user).values_list("token", flat=True)
    )
    return device, codes


@pytest.fixture
def enrolled(world, client):
    """The officer of A with an authenticator app set up, signed out again."""
    client.force_login(world.officer_a)
    device, codes = enrol(client)
    client.logout()
    return device, codes


# Enrolment -----------------------------------------------------------------------------------


def test_the_setup_page_draws_the_qr_code_itself_and_shows_the_key(login, world):
    body = login(world.officer_a).get(reverse("units:two_factor")).content.decode()
    assert "<svg" in body and 'id="qr-code"' in body
    assert "http" not in body.split('id="qr-code"')[1].split("</svg>")[0].replace(
        "http://www.w3.org", ""
    )
    device = TOTPDevice.objects.get(user=world.officer_a)
    assert not device.confirmed
    assert twofactor.secret_text(device).split()[0] in body


def test_a_wrong_first_code_enables_nothing(login, world):
    client = login(world.officer_a)
    client.get(reverse("units:two_factor"))
    response = client.post(reverse("units:two_factor"), {"action": "confirm", "token": "000000"})
    assert "Mã không đúng" in response.content.decode()
    assert not twofactor.has_two_factor(world.officer_a)


def test_the_right_first_code_enables_it_shows_ten_recovery_codes_once_and_is_audited(login, world):
    client = login(world.officer_a)
    device, codes = enrol(client)
    assert device.user == world.officer_a
    device.refresh_from_db()
    assert device.confirmed
    assert len(codes) == 10
    page = client.get(reverse("units:two_factor")).content.decode()
    assert codes[0] not in page
    assert "Còn 10 mã dự phòng" in page
    assert AuditEntry.objects.filter(verb="enable_two_factor", unit=world.a).exists()


# Signing in with it --------------------------------------------------------------------------


def test_after_the_password_only_the_code_step_is_reachable(client, world, enrolled):
    response = sign_in(client, world.officer_a, world.password, next_url="/don-vi/")
    assert response.status_code == 302
    page = client.get("/don-vi/")
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("units:two_factor_verify"))
    assert client.get(reverse("units:two_factor")).status_code == 302
    api = client.get("/api/v1/units/")
    assert api.status_code == 401
    assert "xác thực hai bước" in api.json()["detail"]


def test_the_right_code_opens_the_session_and_goes_where_the_user_was_going(
    client, world, enrolled
):
    device, _ = enrolled
    sign_in(client, world.officer_a, world.password)
    response = client.post(
        reverse("units:two_factor_verify"),
        {"token": code_for(device, later=30), "next": "/don-vi/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/don-vi/"
    assert client.get("/don-vi/").status_code == 200
    assert client.get("/api/v1/units/").status_code == 200


def test_a_wrong_code_is_refused_and_audited(client, world, enrolled):
    sign_in(client, world.officer_a, world.password)
    response = client.post(reverse("units:two_factor_verify"), {"token": "123456"})
    assert response.status_code == 200
    assert "Mã không đúng" in response.content.decode()
    assert client.get("/don-vi/").status_code == 302
    entry = AuditEntry.objects.filter(action="login_failed").latest("id")
    assert entry.note.startswith("Sai mã xác thực hai bước")
    assert entry.unit == world.a


def test_a_recovery_code_works_once(client, world, enrolled):
    _, codes = enrolled
    sign_in(client, world.officer_a, world.password)
    client.post(reverse("units:two_factor_verify"), {"token": codes[0]})
    assert client.get("/don-vi/").status_code == 200
    client.logout()
    sign_in(client, world.officer_a, world.password)
    later = timezone.now() + datetime.timedelta(minutes=1)  # past django-otp's slow-down
    with mock.patch("django.utils.timezone.now", return_value=later):
        client.post(reverse("units:two_factor_verify"), {"token": codes[0]})
    assert client.get("/don-vi/").status_code == 302


def test_an_unenrolled_user_signs_in_with_the_password_alone(client, world):
    sign_in(client, world.officer_a, world.password)
    assert client.get("/don-vi/").status_code == 200


def test_the_user_turns_it_off_when_no_policy_requires_it(login, world):
    client = login(world.officer_a)
    enrol(client)
    client.post(reverse("units:two_factor"), {"action": "disable"})
    assert not twofactor.has_two_factor(world.officer_a)
    assert AuditEntry.objects.filter(verb="disable_two_factor").exists()


def test_new_recovery_codes_replace_the_old_ones(login, world):
    client = login(world.officer_a)
    _, old = enrol(client)
    response = client.post(reverse("units:two_factor"), {"action": "codes"})
    assert old[0] not in response.content.decode()
    assert not StaticToken.objects.filter(token__in=old).exists()
    assert StaticToken.objects.filter(device__user=world.officer_a).count() == 10


# The administrators' policy ------------------------------------------------------------------


def test_an_administrator_requires_it_for_administrators_of_their_unit(login, world):
    client = login(world.admin_a)
    response = client.post(
        reverse("units:security_policy"), {"unit": world.a.pk, "require_admins": "on"}
    )
    assert response.status_code == 302
    policy = TwoFactorPolicy.objects.get(unit=world.a)
    assert policy.require_admins and not policy.require_leaders
    assert AuditEntry.objects.filter(model="units.twofactorpolicy", unit=world.a).exists()


def test_a_required_user_is_sent_to_enrolment_before_anything_else(client, world):
    twofactor.two_factor_policy_set(
        unit=world.a, require_admins=True, require_leaders=False, by=world.admin_a
    )
    sign_in(client, world.admin_a, world.password)
    page = client.get("/quan-tri/")
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("units:two_factor"))
    assert "yêu cầu tài khoản này" in client.get(reverse("units:two_factor")).content.decode()
    assert client.get("/api/v1/units/").status_code == 401
    enrol(client)
    assert client.get("/quan-tri/").status_code == 200


def test_a_required_user_cannot_turn_it_off(login, world):
    twofactor.two_factor_policy_set(
        unit=world.province, require_admins=False, require_leaders=True, by=world.root
    )
    client = login(world.leader_a)
    enrol(client)
    response = client.post(reverse("units:two_factor"), {"action": "disable"}, follow=True)
    assert "bắt buộc" in response.content.decode()
    assert twofactor.has_two_factor(world.leader_a)


def test_the_policy_reaches_only_the_roles_and_units_it_names(world):
    twofactor.two_factor_policy_set(
        unit=world.a, require_admins=False, require_leaders=True, by=world.admin_a
    )
    assert twofactor.two_factor_required(world.leader_a)
    assert not twofactor.two_factor_required(world.admin_a)
    assert not twofactor.two_factor_required(world.officer_a)
    assert not twofactor.two_factor_required(world.officer_b)


def test_the_system_wide_policy_is_for_the_system_administrator_only(login, world):
    response = login(world.admin_a).post(reverse("units:security_policy"), {"require_admins": "on"})
    assert response.status_code == 200
    assert not TwoFactorPolicy.objects.exists()
    with pytest.raises(PermissionDenied):
        twofactor.two_factor_policy_set(
            unit=None, require_admins=True, require_leaders=True, by=world.admin_a
        )
    twofactor.two_factor_policy_set(
        unit=None, require_admins=True, require_leaders=False, by=world.root
    )
    assert twofactor.two_factor_required(world.admin_a)
    assert twofactor.two_factor_required(world.root)


def test_an_administrator_cannot_set_another_communes_policy(login, world):
    response = login(world.admin_a).post(
        reverse("units:security_policy"), {"unit": world.b.pk, "require_admins": "on"}
    )
    assert response.status_code == 200
    with pytest.raises(PermissionDenied):
        twofactor.two_factor_policy_set(
            unit=world.b, require_admins=True, require_leaders=True, by=world.admin_a
        )
    assert not TwoFactorPolicy.objects.exists()


@pytest.mark.parametrize("persona", ["officer_a", "leader_a", "reporter_a1"])
def test_the_policy_screen_is_forbidden_without_the_administrator_role(login, world, persona):
    assert login(getattr(world, persona)).get(reverse("units:security_policy")).status_code == 403


def test_the_policy_screen_lists_only_policies_in_scope(login, world):
    client = login(world.admin_a)  # signed in before the policy binds administrators
    twofactor.two_factor_policy_set(
        unit=world.b, require_admins=True, require_leaders=True, by=world.root
    )
    twofactor.two_factor_policy_set(
        unit=world.a, require_admins=True, require_leaders=False, by=world.root
    )
    body = client.get(reverse("units:security_policy")).content.decode()
    policies = body.split('id="policies"')[1]
    assert "Phường Hòa Bình" in policies and "Phường Đậu Liêu" not in policies


# An administrator's reset -------------------------------------------------------------------


def test_an_administrator_resets_a_lost_second_factor_in_scope(login, world, enrolled):
    client = login(world.admin_a)
    response = client.post(reverse("units:two_factor_reset", args=[world.officer_a.pk]))
    assert response.status_code == 302
    assert not twofactor.has_two_factor(world.officer_a)
    assert AuditEntry.objects.filter(verb="reset_two_factor", actor=world.admin_a).exists()


def test_a_reset_outside_the_administrators_scope_is_a_404(login, world):
    client = login(world.officer_b)
    enrol(client)
    response = login(world.admin_a).post(
        reverse("units:two_factor_reset", args=[world.officer_b.pk])
    )
    assert response.status_code == 404
    assert twofactor.has_two_factor(world.officer_b)


def test_a_reset_by_someone_who_only_views_is_a_403(login, world, enrolled):
    response = login(world.leader_a).post(
        reverse("units:two_factor_reset", args=[world.officer_a.pk])
    )
    assert response.status_code == 403
    assert twofactor.has_two_factor(world.officer_a)


def test_the_user_cannot_disable_through_the_service_when_required(world):
    twofactor.two_factor_policy_set(
        unit=world.a, require_admins=True, require_leaders=False, by=world.admin_a
    )
    with pytest.raises(ValidationError):
        twofactor.two_factor_disable(user=world.admin_a, by=world.admin_a)


@pytest.mark.parametrize(
    "url", ["/tai-khoan/hai-buoc/", "/dang-nhap/xac-thuc/", "/quan-tri/bao-mat/", "/khoa-api/"]
)
def test_the_security_screens_ask_a_visitor_to_sign_in(client, world, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_policy_list_keeps_its_query_count(login, world, django_assert_num_queries):
    client = login(world.root)
    twofactor.two_factor_policy_set(
        unit=world.a, require_admins=True, require_leaders=False, by=world.root
    )
    client.get(reverse("units:security_policy"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("units:security_policy"))
    for unit in (world.b, world.province, world.group_a1, world.group_a2, world.group_b1):
        twofactor.two_factor_policy_set(
            unit=unit, require_admins=False, require_leaders=True, by=world.root
        )
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("units:security_policy"))
