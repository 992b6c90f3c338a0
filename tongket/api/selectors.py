"""Reads for the API token screens: one query each."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tongket.units import access
from tongket.units.choices import Action

from .models import ApiToken


def tokens_of(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def tokens_administered(by, query: str = "") -> QuerySet[ApiToken]:
    """Every account's tokens within the administrator's scope, newest first."""
    tokens = access.restrict(
        ApiToken.objects.select_related("user", "user__unit"), by, Action.ADMINISTER
    )
    query = query.strip()
    if query:
        tokens = tokens.filter(Q(user__username__icontains=query) | Q(prefix__startswith=query))
    return tokens.order_by("-created_at", "-id")


def get_token_administered(by, pk) -> ApiToken:
    """One token an administrator names: outside their scope 404, not theirs to act on 403."""
    return access.get_for(
        ApiToken.objects.select_related("user", "user__unit"), by, pk, Action.ADMINISTER
    )
