"""Every URL tongket serves, with a NUL in its query string and in each text part of its path,
and with a query that is not UTF-8: always a Vietnamese 400 (JSON under /api/), never a
server error, whatever the database (PostgreSQL refuses a NUL with an error)."""

from __future__ import annotations

import re

import pytest

from tongket.tests.test_every_url import PARAM, _fill, _routes


def _with_nul_in_text_parts(route: str, value) -> str | None:
    """The route with "%00" in every str or slug part, or None when it has none."""
    converters = [match.group("converter") for match in PARAM.finditer(route)]
    if not any(converter in (None, "str", "slug") for converter in converters):
        return None
    return re.sub(r"/x(?=/|$)", "/a%00b", _fill(route, value))


@pytest.mark.parametrize("query", ["q=%00", "year=2025%0D", "q=%FF%FE"])
def test_no_url_stores_or_crashes_on_a_control_character_or_bad_utf8(client, world, query):
    client.raise_request_exception = False
    client.force_login(world.officer_a)
    failures = []
    for route in _routes():
        urls = [f"{_fill(route, world.a.pk)}?{query}"]
        nul_path = _with_nul_in_text_parts(route, world.a.pk)
        if nul_path:
            urls.append(nul_path)
        for url in urls:
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                if response.status_code != 400:
                    failures.append(f"{method.upper()} {url} → {response.status_code}")
                elif url.startswith("/api/"):
                    assert response.json()["detail"]
    assert not failures, "\n".join(failures)
