"""What every app's bench.py uses to time one operation and print it as a JSON line."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def measure(
    name: str,
    call: Callable[[int], object],
    *,
    repeat: int,
    stdout,
    n: int,
    warmup: int = 0,
    floor: dict | None = None,
) -> dict:
    """Run `call(i)` `warmup` times untimed, then `repeat` times timed; print and return
    {"bench", "db", "n", "p50_ms", "p95_ms", "queries"}. The SQL queries are counted on the
    last run, so a page's query count is measured on the same call that was timed. With the
    `floor` line measured in the same run, the line also gives it and the page's speed as a
    share of it ("x_floor": floor p50 / page p50, 1 = as fast as the floor)."""
    for i in range(warmup):
        call(i)
    timings: list[float] = []
    queries = 0
    for i in range(repeat):
        with CaptureQueriesContext(connection) if i == repeat - 1 else _Nothing() as captured:
            start = time.perf_counter()
            call(i)
            timings.append((time.perf_counter() - start) * 1000)
        if captured is not None:
            queries = len(captured.captured_queries)
    line = {
        "bench": name,
        "db": connection.vendor,
        "n": n,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "queries": queries,
    }
    if floor is not None:
        line["floor_p50_ms"] = floor["p50_ms"]
        line["x_floor"] = round(floor["p50_ms"] / line["p50_ms"], 3) if line["p50_ms"] else None
    stdout.write(json.dumps(line, ensure_ascii=False))
    return line


class _Nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc) -> None:
        return None
