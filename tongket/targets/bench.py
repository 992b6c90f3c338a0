"""`manage.py bench --only targets`: builds (or reuses) the national data set and measures
the real pages through Django's test client as a logged-in user: a commune dashboard, a
province dashboard (about 100 communes), the national roll-up of one indicator and one
entry-grid cell save. One JSON line per measurement: p50/p95 in ms and SQL queries."""

from __future__ import annotations

import json
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tongket.units.models import Unit

from . import national
from .models import Indicator, Result

YEAR = 2025


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def _measure(name: str, call, repeat: int, stdout, n: int) -> None:
    for _ in range(3):
        call(0)
    timings = []
    for i in range(repeat):
        start = time.perf_counter()
        call(i)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as captured:
        call(repeat)
    stdout.write(
        json.dumps(
            {
                "bench": name,
                "db": connection.vendor,
                "n": n,
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(_percentile(timings, 0.95), 1),
                "queries": len(captured.captured_queries),
            }
        )
    )


def _client(user) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def _get(client: Client, url: str) -> None:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} → {response.status_code}")


def _first_province(scale: national.Scale) -> tuple[Unit, list[Unit]]:
    province = Unit.objects.get(code=f"{scale.prefix}-T01")
    return province, list(Unit.objects.filter(parent=province).order_by("pk"))


def run(options, stdout) -> None:
    scale_name = options.get("scale", "national")
    repeat = max(5, options.get("repeat", 30))
    started = time.perf_counter()
    scale = national.generate(scale_name, stdout)
    stdout.write(
        json.dumps(
            {
                "bench": "targets_generate",
                "db": connection.vendor,
                "n": scale.communes,
                "seconds": round(time.perf_counter() - started, 1),
                "results": Result.objects.count(),
            }
        )
    )
    officer = national.ensure_user(f"{scale.prefix.lower()}_tinh", None, None)
    admin = national.ensure_user(f"{scale.prefix.lower()}_admin", None, None, superuser=True)
    province, communes = _first_province(scale)
    client = _client(officer)

    def commune(i):
        _get(client, f"/chi-tieu/don-vi/{communes[i % len(communes)].pk}/?year={YEAR}")

    _measure("targets_commune_dashboard", commune, repeat, stdout, len(communes))

    def province_page(i):
        _get(client, f"/chi-tieu/tinh/{province.pk}/?year={YEAR}")

    _measure("targets_province_dashboard", province_page, repeat, stdout, len(communes))

    admin_client = _client(admin)
    weighted = Indicator.objects.get(code="QG03")  # a percentage, weighted by population

    def rollup(i):
        _get(admin_client, f"/chi-tieu/tong-hop/?indicator={weighted.code}&year={YEAR}")

    _measure("targets_national_rollup", rollup, max(5, repeat // 3), stdout, scale.communes)

    cell_unit = communes[0]
    indicator = Indicator.objects.get(code="QG01")
    state = {"version": 0}
    current = Result.objects.filter(
        unit=cell_unit, indicator=indicator, year=YEAR, period="year"
    ).first()
    state["version"] = current.version if current else 0

    def save(i):
        response = client.post(
            f"/chi-tieu/don-vi/{cell_unit.pk}/nhap/o/",
            {
                "year": YEAR,
                "period": "year",
                "indicator": indicator.pk,
                "version": state["version"],
                "value": f"{100 + i % 50},5",
                "note": "",
            },
            HTTP_ACCEPT="application/json",
        )
        data = response.json()
        if not data.get("ok"):
            raise RuntimeError(f"cell save failed: {data}")
        state["version"] = data["version"]

    _measure("targets_grid_cell_save", save, repeat, stdout, 1)
