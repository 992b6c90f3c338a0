"""What `manage.py bench --only documents` adds for issue 15: PDFs through the converters kept
running beside their floor (the same DOCX converted by an already-running converter) and the
one-shot soffice of before, and a province's documents on Celery worker processes with 1 and
2 workers (per-commune cost and speed-up). Each line carries its floor or target and ratio."""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from tongket.units.benchmark import measure

# A bench broker of its own (never the product's queue); override with BENCH_CELERY_BROKER_URL.
BROKER = os.environ.get("BENCH_CELERY_BROKER_URL", "redis://127.0.0.1:6379/11")
CONVERTERS = 2


def emit(stdout, name: str, call, *, repeat: int, n: int, warmup: int = 0, **extra) -> dict:
    """measure() with fields added to its JSON line (floor, target, ratio)."""
    line = measure(name, call, repeat=repeat, stdout=io.StringIO(), n=n, warmup=warmup)
    line.update(extra)
    stdout.write(json.dumps(line, ensure_ascii=False))
    return line


def _line(name: str, timings: list[float], **extra) -> dict:
    from django.db import connection

    from tongket.units.benchmark import percentile

    return {
        "bench": name,
        "db": connection.vendor,
        "n": 1,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "queries": 0,
        **extra,
    }


def pdf_lines(docx: bytes, stdout, repeat: int) -> None:
    """The report's PDF: by the pool (tongket's path) and by an already-running converter
    called directly (the floor), timed in turns so both see the same machine; then by a
    one-shot soffice (the path before the pool)."""
    from tongket.documents import office
    from tongket.documents.office import converters, pdf

    states = converters.start_all(wait=True)
    if not all(states):
        stdout.write(json.dumps({"bench": "documents.report_pdf", "skipped": "no converter"}))
        return
    for _ in range(2):  # a fresh LibreOffice's first documents are slower
        for state in states:
            converters.convert_with(state["port"], docx, 120)
    calls = {
        "floor": lambda: converters.convert_with(states[0]["port"], docx, 120),
        "pool": lambda: office.docx_to_pdf(docx),
    }
    timings: dict[str, list[float]] = {key: [] for key in calls}
    for _ in range(repeat):
        for key, call in calls.items():
            start = time.perf_counter()
            assert call().startswith(b"%PDF")
            timings[key].append((time.perf_counter() - start) * 1000)
    one_shot = []
    for _ in range(3):
        start = time.perf_counter()
        pdf.one_shot_pdf(docx)
        one_shot.append((time.perf_counter() - start) * 1000)
    floor = _line("documents.report_pdf_converter_floor", timings["floor"])
    slow = _line("documents.report_pdf_one_shot", one_shot)
    pooled = _line("documents.report_pdf", timings["pool"])
    pooled.update(
        floor_p50_ms=floor["p50_ms"],
        ratio_to_floor=round(pooled["p50_ms"] / floor["p50_ms"], 2),
        target_ratio_to_floor=1.5,
        one_shot_p50_ms=slow["p50_ms"],
        speedup_vs_one_shot=round(slow["p50_ms"] / pooled["p50_ms"], 1),
        target_speedup=3,
    )
    for line in (floor, slow, pooled):
        stdout.write(json.dumps(line, ensure_ascii=False))


# A province on Celery worker processes --------------------------------------------------------


def _broker_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping())
    except Exception:
        return False


def _start_workers(count: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "CELERY_BROKER_URL": BROKER,
        "PDF_CONVERTERS": str(settings.PDF_CONVERTERS),
        "PDF_CONVERTER_DIR": str(settings.PDF_CONVERTER_DIR),
    }
    command = [sys.executable, "-m", "celery", "-A", "tongket", "worker", "--pool=prefork"]
    command += [f"--concurrency={count}", "--loglevel=WARNING", "--without-gossip"]
    command += ["--without-mingle", "--without-heartbeat", f"--hostname=bench{count}@%h"]
    return subprocess.Popen(
        command,
        cwd=Path(settings.BASE_DIR),
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_ready(app, count: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if app.control.ping(timeout=1.0):
            return
    raise RuntimeError("Celery worker của phép đo không trả lời.")


def _run_job(root, province) -> None:
    from tongket.documents import tasks
    from tongket.documents.choices import JobKind
    from tongket.documents.models import Job

    with transaction.atomic():
        job = Job.objects.create(
            unit=province,
            kind=JobKind.PROVINCE_DOCUMENTS,
            year=2025,
            created_by=root,
            params={"pdf": True},
            backend=tasks.backend(),
        )
    tasks.dispatch(job.pk)
    while True:
        job.refresh_from_db()
        if job.finished:
            break
        time.sleep(0.05)
    assert not job.errors, job.errors


def province_lines(root, province, communes: int, stdout) -> None:
    """The province's documents (per commune: DOCX and PDF of both reports, the article) on
    1 and on 2 Celery worker processes; the chart cache is emptied before each run."""
    if not _broker_answers():
        stdout.write(
            json.dumps({"bench": "documents.province_on_workers", "skipped": f"no broker {BROKER}"})
        )
        return
    from django.test.utils import override_settings

    from tongket.celery import app

    seconds = {}
    with override_settings(CELERY_BROKER_URL=BROKER):
        app.conf.broker_url = BROKER
        app.conf.result_backend = None
        for workers in (1, 2):
            process = _start_workers(workers)
            try:
                _wait_ready(app, workers)
                caches["documents"].clear()
                start = time.perf_counter()
                _run_job(root, province)
                seconds[workers] = time.perf_counter() - start
            finally:
                os.killpg(process.pid, 15)
                process.wait(60)
            line = {
                "bench": f"documents.province_on_{workers}_celery_workers",
                "db": _vendor(),
                "n": communes,
                "seconds": round(seconds[workers], 2),
                "per_commune_ms": round(seconds[workers] * 1000 / communes, 1),
            }
            if workers == 2:
                line["speedup_from_1_worker"] = round(seconds[1] / seconds[2], 2)
            stdout.write(json.dumps(line, ensure_ascii=False))


def _vendor() -> str:
    from django.db import connection

    return connection.vendor
