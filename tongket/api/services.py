import secrets

from django.db import transaction
from django.utils import timezone

from tongket.units import audit

from .models import ApiToken, hash_token


@transaction.atomic
def token_create(*, user, name: str = "", by=None) -> tuple[ApiToken, str]:
    """Create a token for `user`; returns the row and the raw token (shown once)."""
    raw = "tk_" + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, key_hash=hash_token(raw), prefix=raw[3:11])
    audit.create(token, by=by or user)
    return token, raw


def token_user(raw: str):
    """The active user a raw token stands for, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked=False, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
