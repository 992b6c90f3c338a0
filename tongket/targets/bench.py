"""`manage.py bench --only targets`: builds (or reuses) the national data set and measures
the real pages through Django's test client as a logged-in user: the floor (a login-required
page with the base layout only), a commune dashboard, a province dashboard (about 100
communes: its figures computed, from the cache, and a conditional GET answered 304), the
national roll-up of one indicator, one entry-grid cell save and the province-wide results
import against django-import-export (bench_imports). One JSON line per measurement: p50/p95
in ms, SQL queries, and the floor of the same run."""

from __future__ import annotations

import json
import time

from django.core.cache import cache
from django.db import connection
from django.test import Client, modify_settings, override_settings

from tongket.bench.urls import FLOOR_PATH
from tongket.units.benchmark import measure
from tongket.units.models import Unit

from . import bench_imports, national
from .models import Indicator, Result

YEAR = 2025
BENCH_URLS = "tongket.bench.urls"  # the product's URLs and the floor page
FLOOR_URL = f"/{FLOOR_PATH}"


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


def _generate(scale_name: str, stdout) -> national.Scale:
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
    return scale


def _floor(client: Client, repeat: int, stdout) -> dict:
    return measure(
        "targets_floor",
        lambda i: _get(client, FLOOR_URL),
        repeat=repeat,
        stdout=stdout,
        n=1,
        warmup=3,
    )


def _dashboards(client: Client, province: Unit, communes: list[Unit], repeat: int, stdout, floor):
    def commune(i):
        _get(client, f"/chi-tieu/don-vi/{communes[i % len(communes)].pk}/?year={YEAR}")

    measure(
        "targets_commune_dashboard",
        commune,
        repeat=repeat,
        stdout=stdout,
        n=len(communes),
        warmup=3,
        floor=floor,
    )
    url = f"/chi-tieu/tinh/{province.pk}/?year={YEAR}"

    def province_cold(i):
        cache.clear()  # the figures computed again, as after any change in the province
        _get(client, url)

    for name, call in (
        ("targets_province_dashboard_cold", province_cold),
        ("targets_province_dashboard", lambda i: _get(client, url)),
    ):
        measure(name, call, repeat=repeat, stdout=stdout, n=len(communes), warmup=3, floor=floor)
    etag = client.get(url)["ETag"]

    def not_modified(i):
        if client.get(url, HTTP_IF_NONE_MATCH=etag).status_code != 304:
            raise RuntimeError(f"{url}: no 304 for its own ETag")

    measure(
        "targets_province_dashboard_304",
        not_modified,
        repeat=repeat,
        stdout=stdout,
        n=len(communes),
        warmup=3,
        floor=floor,
    )


def _national_rollup(admin_client: Client, communes: int, repeat: int, stdout, floor) -> None:
    weighted = Indicator.objects.get(code="QG03")  # a percentage, weighted by population

    def rollup(i):
        _get(admin_client, f"/chi-tieu/tong-hop/?indicator={weighted.code}&year={YEAR}")

    measure(
        "targets_national_rollup",
        rollup,
        repeat=max(5, repeat // 3),
        stdout=stdout,
        n=communes,
        warmup=3,
        floor=floor,
    )


def _cell_save(client: Client, cell_unit: Unit, repeat: int, stdout) -> None:
    indicator = Indicator.objects.get(code="QG01")
    current = Result.objects.filter(
        unit=cell_unit, indicator=indicator, year=YEAR, period="year"
    ).first()
    state = {"version": current.version if current else 0}

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

    measure("targets_grid_cell_save", save, repeat=repeat, stdout=stdout, n=1, warmup=3)


def run(options, stdout) -> None:
    repeat = max(5, options.get("repeat", 30))
    scale = _generate(options.get("scale", "national"), stdout)
    officer = national.ensure_user(f"{scale.prefix.lower()}_tinh", None, None)
    admin = national.ensure_user(f"{scale.prefix.lower()}_admin", None, None, superuser=True)
    province, communes = _first_province(scale)
    client = _client(officer)
    bench_app = modify_settings(INSTALLED_APPS={"append": "tongket.bench"})
    with bench_app, override_settings(ROOT_URLCONF=BENCH_URLS):
        floor = _floor(client, repeat, stdout)
        _dashboards(client, province, communes, repeat, stdout, floor)
        _national_rollup(_client(admin), scale.communes, repeat, stdout, floor)
        _cell_save(client, communes[0], repeat, stdout)
    bench_imports.run(scale, max(1, min(3, repeat // 10)), stdout)
