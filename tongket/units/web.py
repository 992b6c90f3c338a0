"""Steps every app's views share: run a service from a form or from a button, show refusals
as messages, and read a unit or a year from the query string. Views stay thin and every refusal
reaches the user the same way."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from . import access
from .choices import Action
from .models import Unit

# Published links (portal pages, conference lists) once named the year "nam"; every screen
# now says "year" and still reads the old name so those links keep working.
YEAR_PARAM_ALIASES = {"year": ("nam",)}

try:  # part of every ETag: a new release renders pages differently
    VERSION = version("tongket")
except PackageNotFoundError:  # pragma: no cover - run from a bare checkout
    VERSION = "dev"


def show_errors(
    request: HttpRequest,
    errors: ValidationError | Mapping[str, Iterable[str]] | Iterable[str],
    *,
    heading: str = "",
    limit: int | None = None,
) -> None:
    """Every message of a refusal as an error message on the next page: a service's
    ValidationError, a form's errors (field → messages) or a plain list. `heading` comes
    first when given; `limit` keeps a long import report readable."""
    if isinstance(errors, ValidationError):
        texts = list(errors.messages)
    elif isinstance(errors, Mapping):
        texts = [str(message) for field in errors.values() for message in field]
    else:
        texts = [str(message) for message in errors]
    if heading:
        messages.error(request, heading)
    for text in texts[:limit]:
        messages.error(request, text)


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
        show_errors(request, exc)
        return None
    messages.success(request, success)
    return result


def unit_param(request: HttpRequest, name: str = "unit", action: str = Action.VIEW) -> Unit | None:
    """The unit named by id in GET (or POST), through the access layer (404 outside the
    user's scope, 403 without the right); None when the parameter is absent or not an id."""
    raw = request.GET.get(name, "") or request.POST.get(name, "")
    return access.get_unit_for(request.user, raw, action) if raw.isdigit() else None


def year_param(
    request: HttpRequest, name: str = "year", *, low: int = 1945, high: int = 2100
) -> int | None:
    """A year from GET (or POST) within [low, high]; None when absent or malformed. "year"
    is also read under its old name "nam", so links published before the rename still open
    the year they named."""
    for key in (name, *YEAR_PARAM_ALIASES.get(name, ())):
        raw = request.GET.get(key) or request.POST.get(key) or ""
        if raw:
            return int(raw) if raw.isdigit() and low <= int(raw) <= high else None
    return None


def not_modified(request: HttpRequest, *parts: object) -> tuple[str | None, HttpResponse | None]:
    """A page's ETag from the data version of what it shows (`parts`) and what makes it this
    person's page (account, grants, session, address, language, tongket version);
    with the 304 answer when the browser already holds it. No ETag while messages wait: the
    page that shows them is not the one the browser kept."""
    if request.method not in ("GET", "HEAD") or len(messages.get_messages(request)):
        return None, None
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    seen = [
        VERSION,
        request.get_full_path(),
        get_language(),
        getattr(user, "pk", None),
        access.fingerprint(user),
        # A new session (sign-in) also rotates the CSRF secret the page's forms carry.
        getattr(session, "session_key", None),
        *parts,
    ]
    etag = '"' + hashlib.sha1(repr(seen).encode()).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag)
    return etag, (_mark(response, etag) if response is not None else None)


def with_etag(response: HttpResponse, etag: str | None) -> HttpResponse:
    """Mark a page answered under `etag`: the browser keeps it and asks again each time
    (no-cache), and only this person's browser keeps it (private)."""
    return _mark(response, etag) if etag and response.status_code == 200 else response


def _mark(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response
