"""Every write to API tokens: create (the raw token is returned once, only its hash is kept)
and revoke, each audited; and the check a request's bearer token goes through."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.units import access, audit
from tongket.units.choices import Action

from .models import ApiToken, hash_token

LAST_USED_EVERY = datetime.timedelta(minutes=5)


class TokenProblem:
    UNKNOWN = "unknown"
    REVOKED = "revoked"
    EXPIRED = "expired"


def _require_owner_or_admin(token_user, by) -> None:
    """A user manages their own tokens; an administrator those of accounts in scope."""
    if by is not None and by.pk != token_user.pk:
        access.require(by, Action.ADMINISTER, token_user.unit)


@transaction.atomic
def token_create(*, user, name: str = "", by=None, days: int | None = None) -> tuple[ApiToken, str]:
    """Create a token for `user`, valid `days` days (API_TOKEN_DAYS by default); returns the
    row and the raw token, which is shown once and never stored."""
    _require_owner_or_admin(user, by)
    days = settings.API_TOKEN_DAYS if days is None else days
    if not 1 <= days <= 3660:
        raise ValidationError({"days": _("Thời hạn của khóa phải từ 1 đến 3.660 ngày.")})
    raw = "tk_" + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=(name or "").strip(),
        key_hash=hash_token(raw),
        prefix=raw[3:11],
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    audit.create(token, by=by or user, verb="create_api_token")
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken, by) -> ApiToken:
    """Revoke a token at once; `by` None is the command line."""
    token = (
        ApiToken.objects.select_for_update(of=("self",))
        .select_related("user__unit")
        .get(pk=token.pk)
    )
    _require_owner_or_admin(token.user, by)
    if token.revoked:
        raise ValidationError(_("Khóa API này đã bị thu hồi từ trước."))
    return audit.transition(
        token, "revoked", True, by=by, verb="revoke_api_token", revoked_at=timezone.now()
    )


def token_check(raw: str):
    """(user, None) for a usable token, else (None, why): unknown, revoked or expired. The
    token's last use is recorded at most every five minutes."""
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return None, TokenProblem.UNKNOWN
    if token.revoked:
        return None, TokenProblem.REVOKED
    now = timezone.now()
    if token.expires_at <= now:
        return None, TokenProblem.EXPIRED
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user, None


def token_user(raw: str):
    """The active user a raw token stands for, or None."""
    return token_check(raw)[0]
