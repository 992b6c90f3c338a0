"""The logic of `make bench-http` and `make loadtest` that runs without a server: wrk's output
read and turned into lines, locust's histograms into percentiles, the floor page only under
the bench settings."""

import pytest
from django.test import modify_settings, override_settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from tongket.bench import report, wrk

WRK_OUTPUT = """Running 20s test @ http://127.0.0.1:40000/do-san/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    72.10ms   10.20ms 180.00ms   80.00%
  2204 requests in 20.01s, 30.10MB read
Requests/sec:    110.15
Transfer/sec:      1.50MB
WRK_JSON {"requests": 2204, "duration_us": 20010000, "p50_us": 70150, "p99_us": 121480, \
"status_errors": 1, "socket_errors": 2}
"""


def test_wrk_figures_are_read_from_the_scripts_line():
    run = wrk.parse(WRK_OUTPUT)
    assert run == wrk.Run(requests=2204, seconds=20.01, p50_ms=70.15, p99_ms=121.48, errors=3)
    assert run.per_second == pytest.approx(110.145, abs=0.001)


def test_wrk_output_without_the_scripts_line_is_refused():
    with pytest.raises(ValueError, match="WRK_JSON"):
        wrk.parse(WRK_OUTPUT.split("WRK_JSON")[0])


def test_a_pages_line_gives_its_ratio_to_the_floor_of_the_same_run():
    floor = wrk.Run(requests=2200, seconds=20.0, p50_ms=70, p99_ms=120, errors=0)
    page = wrk.Run(requests=88, seconds=20.0, p50_ms=1800.04, p99_ms=2500, errors=0)
    assert wrk.line("floor", floor, None)["ratio_to_floor"] == 1.0
    line = wrk.line("province_dashboard", page, floor, db="postgresql")
    assert line == {
        "bench": "http",
        "page": "province_dashboard",
        "req_per_s": 4.4,
        "p50_ms": 1800.0,
        "p99_ms": 2500.0,
        "ratio_to_floor": 0.04,
        "floor_req_per_s": 110.0,
        "requests": 88,
        "errors": 0,
        "db": "postgresql",
    }


def test_wrk_waits_for_slow_pages_and_cycles_through_the_paths(monkeypatch):
    monkeypatch.setattr(wrk.shutil, "which", lambda name: "/usr/bin/wrk")
    paths = ["/chi-tieu/don-vi/1/", "/chi-tieu/don-vi/2/"]
    command = wrk.command("http://127.0.0.1:9", paths, {"Cookie": "sessionid=x"}, 20, 8)
    assert command[:4] == ["/usr/bin/wrk", "-t2", "-c8", "-d20s"]
    assert f"--timeout={wrk.TIMEOUT_SECONDS}s" in command and wrk.TIMEOUT_SECONDS >= 30
    assert command[command.index("-H") + 1] == "Cookie: sessionid=x"
    assert command[-3:] == ["--", *paths]


def test_loadtest_lines_give_errors_by_status_and_percentiles():
    raw = {
        "users": 2,
        "signed_in": 2,
        "window_seconds": 60.0,
        "entries": {
            "home": {"requests": 100, "failures": 0, "response_times": {"20": 90, "900": 10}},
            "grid_save": {"requests": 20, "failures": 2, "response_times": {"40": 18, "3000": 2}},
            "login": {"requests": 0, "failures": 0, "response_times": {}},
        },
        "errors_by_status": {"409": 1, "500": 1},
        "login_ms": [700.4, 1500.6],
    }
    total, grid, home = report.lines(raw)
    assert total["requests"] == 120 and total["req_per_s"] == 2.0
    assert total["errors"] == 2 and total["errors_by_status"] == {"409": 1, "500": 1}
    assert (total["p50_ms"], total["p95_ms"], total["p99_ms"]) == (20, 900, 3000)
    assert total["login_max_ms"] == 1501 and total["targets_met"] is False
    assert grid["page"] == "grid_save" and grid["errors"] == 2 and grid["p50_ms"] == 40
    assert home["p95_ms"] == 900


def test_a_clean_fast_loadtest_meets_its_targets():
    raw = {
        "users": 1,
        "signed_in": 1,
        "window_seconds": 60.0,
        "entries": {"home": {"requests": 30, "failures": 0, "response_times": {"80": 30}}},
        "errors_by_status": {},
        "login_ms": [700],
    }
    assert report.lines(raw)[0]["targets_met"] is True
    assert report.lines({**raw, "login_failures": 1})[0]["targets_met"] is False


def test_the_floor_page_is_not_among_the_products_urls():
    with pytest.raises(Resolver404):
        resolve("/do-san/")
    with pytest.raises(NoReverseMatch):
        reverse("bench_floor")


@pytest.mark.django_db
@modify_settings(INSTALLED_APPS={"append": "tongket.bench"})
@override_settings(ROOT_URLCONF="tongket.bench.urls")
def test_the_floor_page_is_the_base_layout_for_a_signed_in_user(
    client, django_assert_max_num_queries
):
    from tongket.units.models import User

    anonymous = client.get("/do-san/")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/dang-nhap/")
    client.force_login(User.objects.create_user("san", "", "Mat-khau-2026"))
    with django_assert_max_num_queries(3):
        response = client.get("/do-san/")
    assert response.status_code == 200
    assert [t.name for t in response.templates][:2] == ["bench/floor.html", "base.html"]
    assert resolve("/chi-tieu/").url_name == "index"  # the product's URLs are all there


def test_static_files_are_collected_again_only_when_a_source_is_newer(tmp_path, monkeypatch):
    import io
    import os

    from tongket.bench import server

    collected = []
    monkeypatch.setattr(server, "call_command", lambda *a, **k: collected.append(a))
    with override_settings(STATIC_ROOT=tmp_path):
        assert server.collect_static(io.StringIO()) is True  # no manifest yet
        manifest = tmp_path / "staticfiles.json"
        manifest.write_text("{}")
        newest = server._newest_static_source()
        os.utime(manifest, (newest + 10, newest + 10))
        assert server.collect_static(io.StringIO()) is False
        os.utime(manifest, (newest - 10, newest - 10))
        assert server.collect_static(io.StringIO()) is True
    assert collected == [("collectstatic",), ("collectstatic",)]


def test_the_bench_drives_the_floor_first_and_each_page_with_its_credentials():
    from types import SimpleNamespace

    from tongket.bench.management.commands.bench_http import pages
    from tongket.bench.urls import FLOOR_PATH

    communes = [SimpleNamespace(pk=7, code="QGN-T01-X001"), SimpleNamespace(pk=8, code="X2")]
    targets = SimpleNamespace(province=SimpleNamespace(pk=5), communes=communes, token="tk_abc")
    chosen = {page.name: page for page in pages(targets, officer="s-officer", admin="s-admin")}
    assert next(iter(chosen)) == "floor" and chosen["floor"].paths == [f"/{FLOOR_PATH}"]
    assert set(chosen) == {
        "floor",
        "commune_dashboard",
        "province_dashboard",
        "national_rollup",
        "portal_commune",
        "achievement_api",
    }
    assert chosen["commune_dashboard"].paths == [
        "/chi-tieu/don-vi/7/?year=2025",
        "/chi-tieu/don-vi/8/?year=2025",
    ]
    assert chosen["floor"].headers == {"Cookie": "sessionid=s-officer"}
    assert chosen["national_rollup"].headers == {"Cookie": "sessionid=s-admin"}
    assert chosen["achievement_api"].headers == {"Authorization": "Bearer tk_abc"}
    assert chosen["portal_commune"].headers == {}  # the public portal, signed out
    for page in chosen.values():
        assert resolve(page.paths[0].split("?")[0], urlconf="tongket.bench.urls")


def test_floor_runs_around_a_page_combine_into_its_reference():
    before = wrk.Run(requests=1000, seconds=10.0, p50_ms=70, p99_ms=120, errors=0)
    after = wrk.Run(requests=600, seconds=10.0, p50_ms=110, p99_ms=300, errors=1)
    both = wrk.combined([before, after])
    assert both == wrk.Run(requests=1600, seconds=20.0, p50_ms=110, p99_ms=300, errors=1)
    page = wrk.Run(requests=400, seconds=20.0, p50_ms=400, p99_ms=600, errors=0)
    assert wrk.line("commune_dashboard", page, both)["ratio_to_floor"] == 0.25
