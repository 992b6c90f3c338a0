"""Two-factor sign-in: services and selectors.

A user enrols an authenticator app (a TOTP device, confirmed by a first code) and receives
one-time recovery codes (a static device). From then on, signing in takes the password, then
a code. Administrators set, per unit or for the whole system, whether its administrators
and/or leaders must use it; such a user who has not enrolled is sent to enrolment first.

Whether a signed-in session still owes that step is decided once, when the password step
succeeds, and kept in the session (PENDING_KEY), so a page costs no query for it.
"""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django_otp import verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .. import access, audit
from ..choices import Action, Role
from ..models import RoleGrant, TwoFactorPolicy, Unit, User

PENDING_KEY = "tongket_two_factor"
VERIFY = "verify"
ENROL = "enrol"
APP_DEVICE_NAME = "Ứng dụng xác thực"
CODES_DEVICE_NAME = "Mã dự phòng"


# Reads --------------------------------------------------------------------------------------


def app_device(user: User, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("id").first()


def has_two_factor(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def two_factor_required(user: User) -> bool:
    """Whether a policy makes this user sign in with a second factor: an administrator or a
    leader whose role lies on a unit that a policy (or the system-wide one) covers for that
    role. A system administrator is bound by the system-wide policy (two queries)."""
    policies = list(TwoFactorPolicy.objects.select_related("unit"))
    if not policies:
        return False
    roles_by_path: list[tuple[str, str]] = list(
        RoleGrant.objects.filter(user=user, role__in=[Role.ADMIN, Role.LEADER]).values_list(
            "role", "unit__path"
        )
    )
    if user.is_superuser:
        roles_by_path.append((Role.ADMIN, None))
    for policy in policies:
        for role, path in roles_by_path:
            wanted = policy.require_admins if role == Role.ADMIN else policy.require_leaders
            if not wanted:
                continue
            if policy.unit_id is None or (path is not None and path.startswith(policy.unit.path)):
                return True
    return False


def pending_step(user: User) -> str | None:
    """What a user who just gave the right password still owes: a code, enrolment, or
    nothing."""
    if has_two_factor(user):
        return VERIFY
    if two_factor_required(user):
        return ENROL
    return None


def policies_for(user: User) -> QuerySet[TwoFactorPolicy]:
    """The policies an administrator sees: those on units in their scope (and the
    system-wide one for a system administrator)."""
    return access.restrict(
        TwoFactorPolicy.objects.select_related("unit"), user, Action.ADMINISTER
    ).order_by("unit__path")


def qr_svg(device: TOTPDevice) -> str:
    """The device's setup link as an SVG QR code, drawn here (no outside service)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def secret_text(device: TOTPDevice) -> str:
    """The key as people type it into an app that cannot scan: base32 in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[index : index + 4] for index in range(0, len(key), 4))


# The session step --------------------------------------------------------------------------


@receiver(user_logged_in, dispatch_uid="tongket_two_factor_step")
def remember_pending_step(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    step = pending_step(user)
    if step:
        request.session[PENDING_KEY] = step
    else:
        request.session.pop(PENDING_KEY, None)


def step_done(request) -> None:
    request.session.pop(PENDING_KEY, None)


# Writes -------------------------------------------------------------------------------------


def _record(user: User, by: User | None, verb: str, note: str = "") -> None:
    audit.record(by=by or user, action="update", obj=user, verb=verb, note=note)


@transaction.atomic
def enrolment_start(*, user: User) -> TOTPDevice:
    """The app device being set up: the unconfirmed one, or a new one with a fresh key."""
    device = app_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def _new_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=CODES_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def enrolment_confirm(*, user: User, token: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the app with its first code; returns the device and the recovery codes (shown
    once). A wrong code changes nothing."""
    device = app_device(user, confirmed=False)
    if device is None:
        raise ValidationError({"token": _("Hãy mở lại trang thiết lập và quét mã QR mới.")})
    if not device.verify_token((token or "").strip()):
        raise ValidationError(
            {"token": _("Mã không đúng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng.")}
        )
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_codes(user)
    _record(user, user, "enable_two_factor")
    return device, codes


@transaction.atomic
def recovery_codes_renew(*, user: User) -> list[str]:
    """New recovery codes; the old ones stop working."""
    if not has_two_factor(user):
        raise ValidationError(_("Chưa bật xác thực hai bước."))
    codes = _new_codes(user)
    _record(user, user, "renew_recovery_codes")
    return codes


@transaction.atomic
def two_factor_disable(*, user: User, by: User) -> None:
    """Remove a user's second factor: the user themself (unless a policy requires it), or an
    administrator of their unit (a lost phone), after which the user enrols again."""
    if by.pk == user.pk:
        if two_factor_required(user):
            raise ValidationError(
                _("Quy định của đơn vị bắt buộc tài khoản này dùng xác thực hai bước.")
            )
    else:
        access.require(by, Action.ADMINISTER, user.unit)
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).delete()
    _record(user, by, "disable_two_factor" if by.pk == user.pk else "reset_two_factor")


def check_code(*, user: User, token: str) -> Device | None:
    """The confirmed device (app or recovery codes) that accepts the code, or None. Each
    device slows down after wrong codes (django-otp's throttling); a recovery code works
    once."""
    token = (token or "").replace(" ", "").strip()
    if not token:
        return None
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.filter(user=user, confirmed=True):
            verified = verify_token(user, device.persistent_id, token)
            if verified is not None:
                return verified
    return None


@transaction.atomic
def two_factor_policy_set(
    *, unit: Unit | None, require_admins: bool, require_leaders: bool, by: User
) -> TwoFactorPolicy:
    """Set who must use two-factor sign-in on a unit and below (None: the whole system, for
    a system administrator only)."""
    if unit is None:
        if not access.is_superuser(by):
            raise PermissionDenied(_("Chỉ quản trị hệ thống đặt được quy định cho toàn hệ thống."))
    else:
        access.require(by, Action.ADMINISTER, unit)
    existing = TwoFactorPolicy.objects.select_for_update()
    existing = existing.filter(unit__isnull=True) if unit is None else existing.filter(unit=unit)
    policy = existing.first()
    if policy is None:
        policy = TwoFactorPolicy(
            unit=unit, require_admins=require_admins, require_leaders=require_leaders
        )
        return audit.create(policy, by=by)
    before = audit.snapshot(policy)
    policy.require_admins, policy.require_leaders = require_admins, require_leaders
    return audit.update(policy, before, by=by)
