"""`make loadtest`: 100 signed-in users (each its own bench account) with 1–3 s of thought
browse a realistic mix for 60 s, driven by locust (headless, bounded) against gunicorn
(3 sync workers) over the national PostgreSQL data set. Prints the mix's requests, errors by
HTTP status and p50/p95/p99 as one JSON line, then one line per page. Targets: no error,
p95 ≤ 1 s."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tongket.bench import accounts, report, server

LOCUSTFILE = Path(__file__).resolve().parents[2] / "locustfile.py"
PROVINCE_SHARE = 10  # one user in ten is a province officer


class Command(BaseCommand):
    help = "Thử tải: 100 người dùng đã đăng nhập trong 60 giây (locust); in kết quả JSON."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=100)
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--spawn-rate", type=float, default=5)
        parser.add_argument("--workers", type=int, default=server.WORKERS)

    def handle(self, *args, **options):
        if settings.TESTING or settings.DEBUG:
            raise CommandError("Thử tải chạy với thiết lập như môi trường thật (không TESTING).")
        users = options["users"]
        provinces = max(1, users // PROVINCE_SHARE)
        data = accounts.loadtest_accounts(users - provinces, provinces, self.stdout)
        server.collect_static(self.stdout)
        var = Path(settings.VAR_DIR)
        var.mkdir(parents=True, exist_ok=True)
        accounts_file, report_file = var / "loadtest-accounts.json", var / "loadtest-report.json"
        accounts_file.write_text(json.dumps(data), encoding="utf-8")
        report_file.unlink(missing_ok=True)
        environment = {
            **os.environ,
            "TONGKET_LOADTEST_ACCOUNTS": str(accounts_file),
            "TONGKET_LOADTEST_REPORT": str(report_file),
            "TONGKET_LOADTEST_SECONDS": str(options["seconds"]),
            "TONGKET_LOADTEST_COMMUNE_USERS": str(users - provinces),
            "TONGKET_LOADTEST_PROVINCE_USERS": str(provinces),
        }
        try:
            with server.gunicorn(options["workers"]) as base:
                self._locust(base, options, environment)
        except server.BenchError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            accounts_file.unlink(missing_ok=True)  # it holds the users' API keys
        if not report_file.exists():
            raise CommandError("locust không ghi kết quả.")
        for line in report.lines(json.loads(report_file.read_text(encoding="utf-8"))):
            self.stdout.write(json.dumps(line, ensure_ascii=False))

    def _locust(self, base: str, options, environment: dict) -> None:
        """Run locust to its end: the window closes SECONDS after the last sign-in; the
        run-time bound stops it anyway if the sign-ins never all succeed."""
        bound = options["seconds"] + int(options["users"] / options["spawn_rate"]) + 240
        command = [
            sys.executable,
            "-m",
            "locust",
            f"--locustfile={LOCUSTFILE}",
            "--headless",
            f"--users={options['users']}",
            f"--spawn-rate={options['spawn_rate']}",
            f"--run-time={bound}s",
            f"--host={base}",
            "--only-summary",
            "--loglevel=WARNING",
            "--stop-timeout=5",
        ]
        done = subprocess.run(
            command, env=environment, cwd=settings.BASE_DIR, capture_output=True, text=True
        )
        if done.returncode not in (0, 1):  # 1: some requests failed, reported below
            raise CommandError(f"locust dừng với mã {done.returncode}:\n{done.stderr[-2000:]}")
