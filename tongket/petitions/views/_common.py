"""Small steps the petitions views share."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest


def form_errors_to_messages(request: HttpRequest, form) -> None:
    """A form posted from a page that shows it inline: its errors become messages."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def int_param(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() and len(raw) < 12 else None
