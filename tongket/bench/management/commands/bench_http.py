"""`make bench-http`: serve tongket with gunicorn (3 sync workers) on a loopback port over the
national PostgreSQL data set, drive each page with wrk (8 connections, a fixed time) as a
signed-in user, and print one JSON line per page with req/s, p50, p99 and the ratio to the
floor page (signed-in base layout, 3 queries) measured in the same run, just before and just
after the page; the floor's own line comes last, with the rate of each of its runs."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from tongket.bench import accounts, server, wrk


@dataclass(frozen=True)
class Page:
    name: str
    paths: list[str]
    headers: dict[str, str] = field(default_factory=dict)


def pages(targets: accounts.HttpTargets, officer: str, admin: str) -> list[Page]:
    """The floor first (the others' ratios are to it), then the pages of issue 15; pages of
    one kind cycle through the province's communes."""
    year = accounts.YEAR
    session = settings.SESSION_COOKIE_NAME
    as_officer = {"Cookie": f"{session}={officer}"}
    communes = targets.communes
    return [
        Page("floor", ["/do-san/"], as_officer),
        Page(
            "commune_dashboard",
            [f"/chi-tieu/don-vi/{c.pk}/?year={year}" for c in communes],
            as_officer,
        ),
        Page(
            "province_dashboard", [f"/chi-tieu/tinh/{targets.province.pk}/?year={year}"], as_officer
        ),
        Page(
            "national_rollup",
            [f"/chi-tieu/tong-hop/?indicator={accounts.ROLLUP_INDICATOR}&year={year}"],
            {"Cookie": f"{session}={admin}"},
        ),
        Page("portal_commune", [f"/cong/{c.code}/?year={year}" for c in communes]),
        Page(
            "achievement_api",
            [f"/api/v1/targets/achievement?unit={c.pk}&year={year}" for c in communes],
            {"Authorization": f"Bearer {targets.token}"},
        ),
    ]


class Command(BaseCommand):
    help = "Đo các trang qua HTTP (gunicorn, wrk) so với trang sàn; mỗi trang một dòng JSON."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=20, help="Thời gian đo mỗi trang.")
        parser.add_argument("--warmup", type=int, default=3, help="Thời gian chạy nóng mỗi trang.")
        parser.add_argument(
            "--floor-seconds", type=int, default=10, help="Thời gian đo trang sàn mỗi lần."
        )
        parser.add_argument("--connections", type=int, default=wrk.CONNECTIONS)
        parser.add_argument("--workers", type=int, default=server.WORKERS)
        parser.add_argument("--only", default="", help="Chỉ đo các trang này (cách nhau dấu phẩy).")

    def handle(self, *args, **options):
        if settings.TESTING or settings.DEBUG:
            raise CommandError(
                "Phép đo HTTP chạy với thiết lập như môi trường thật (không TESTING)."
            )
        targets = accounts.http_targets(self.stdout)
        server.collect_static(self.stdout)
        wanted = {name for name in options["only"].split(",") if name}
        try:
            with server.gunicorn(options["workers"]) as base:
                officer = server.sign_in(base, targets.officer.username, accounts.PASSWORD)
                admin = server.sign_in(base, targets.admin.username, accounts.PASSWORD)
                chosen = pages(targets, officer, admin)
                chosen = [p for p in chosen if p.name == "floor" or not wanted or p.name in wanted]
                self._drive(base, chosen, options)
        except server.BenchError as exc:
            raise CommandError(str(exc)) from exc

    def _run(self, base: str, page: Page, options, seconds: int, warmup: bool) -> wrk.Run:
        server.check_page(base, page.paths[0], page.headers)
        connections = options["connections"]
        if warmup and options["warmup"]:
            wrk.drive(base, page.paths, page.headers, options["warmup"], connections)
        return wrk.drive(base, page.paths, page.headers, seconds, connections)

    def _drive(self, base: str, chosen: list[Page], options) -> None:
        """The floor before and after every page, each page's ratio to the mean of the two:
        on a shared machine the load drifts during a run (the floor's spread is printed)."""
        extra = {
            "db": connection.vendor,
            "workers": options["workers"],
            "connections": options["connections"],
            "seconds": options["seconds"],
        }
        floor_page = chosen[0]
        floors = [self._run(base, floor_page, options, options["floor_seconds"], warmup=True)]
        for page in chosen[1:]:
            run = self._run(base, page, options, options["seconds"], warmup=True)
            floors.append(self._run(base, floor_page, options, options["floor_seconds"], False))
            reference = wrk.combined(floors[-2:])
            self.stdout.write(json.dumps(wrk.line(page.name, run, reference, **extra)))
        rates = [round(run.per_second, 1) for run in floors]
        floor = wrk.line(floor_page.name, wrk.combined(floors), None, **extra)
        floor.update(seconds=options["floor_seconds"], floor_runs=rates)
        self.stdout.write(json.dumps(floor))
