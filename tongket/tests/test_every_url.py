"""Sweep every URL tongket serves, as personas who should not reach other units' data, with
ids that exist elsewhere, ids that exist nowhere and ids that are not numbers: the answer is
never a server error, and a reporter of one tổ dân phố never gets another unit's page."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

SKIP_PREFIXES = ("django-admin/", "static/", "media/")
PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def _patterns(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def _routes() -> list[str]:
    routes = []
    for route in _patterns(get_resolver()):
        if route.startswith(SKIP_PREFIXES) or route.startswith("^") or "(?P" in route:
            continue
        routes.append(route.lstrip("^").rstrip("$"))
    return sorted(set(routes))


def _fill(route: str, value) -> str:
    def replace(match: re.Match) -> str:
        converter = match.group("converter") or "str"
        if converter == "int":
            return str(value)
        if converter == "uuid":
            return "00000000-0000-0000-0000-000000000000"
        return "x" if converter in ("str", "slug") else str(value)

    return "/" + PARAM.sub(replace, route)


@pytest.mark.parametrize("persona", ["reporter_a1", "officer_b"])
def test_no_url_answers_with_a_server_error(client, world, persona):
    client.raise_request_exception = False
    client.force_login(getattr(world, persona))
    failures = []
    foreign_ids = [world.a.pk, world.group_a2.pk, 1, 2, 3, 999_999]
    for route in _routes():
        ids = foreign_ids if "<" in route else [None]
        for value in ids:
            url = _fill(route, value)
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                if response.status_code >= 500:
                    failures.append(f"{method.upper()} {url} → {response.status_code}")
    assert not failures, "\n".join(failures)


def test_reporter_cannot_open_any_page_of_another_unit(client, world):
    """Every URL that names the commune or the other tổ dân phố by id is refused."""
    client.force_login(world.reporter_a1)
    leaks = []
    for route in _routes():
        if "<int:" not in route or route.startswith("api/"):
            continue
        for value in (world.a.pk, world.group_a2.pk, world.b.pk):
            url = _fill(route, value)
            response = client.get(url)
            body = response.content.decode(errors="ignore") if response.status_code == 200 else ""
            for name in ("Tổ dân phố số 2", "Phường Đậu Liêu"):
                if name in body:
                    leaks.append(f"{url} shows {name}")
    assert not leaks, "\n".join(leaks)
