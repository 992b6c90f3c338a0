"""Steps every app's views share: run a service from a form or from a button, and read a year
from the query string. Views stay thin and every refusal reaches the user the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def save_form(request: HttpRequest, form, call: Callable[[dict], Any], success: str) -> Any:
    """Run a service with a valid form's data. A ValidationError is shown on the form's
    fields; the result is the service's return value, or None when nothing was saved."""
    if not form.is_valid():
        return None
    try:
        result = call(form.cleaned_data)
    except ValidationError as exc:
        form.add_service_errors(exc)
        return None
    messages.success(request, success)
    return result


def run_action(request: HttpRequest, call: Callable[[], Any], success: str) -> Any:
    """Run a button's service. A refusal becomes error messages on the next page; the result
    is the service's return value, or None when it refused."""
    try:
        result = call()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return None
    messages.success(request, success)
    return result


def year_param(
    request: HttpRequest, name: str = "year", *, low: int = 1945, high: int = 2100
) -> int | None:
    """A year from GET (or POST) within [low, high]; None when absent or malformed."""
    raw = request.GET.get(name) or request.POST.get(name) or ""
    return int(raw) if raw.isdigit() and low <= int(raw) <= high else None
