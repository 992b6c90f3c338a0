"""What every app's bench.py uses to time one operation and print it as a JSON line."""

from __future__ import annotations

import functools
import json
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.db.backends.utils import CursorWrapper
from django.test.utils import CaptureQueriesContext


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


@functools.cache
def served_password_hash(raw: str) -> str:
    """`raw` hashed with production's hasher (PBKDF2), whatever PASSWORD_HASHERS says: bench
    data is built under TONGKET_TESTING, whose MD5 hasher must not reach a database that is
    served (`make bench-http`, `make loadtest` sign in over HTTP with production settings).
    Computed once per process (about 0.7 s) and reused for every bench account."""
    hasher = PBKDF2PasswordHasher()
    return hasher.encode(raw, hasher.salt())


class QueryCounter:
    """Counts the SQL statements run by every thread of this process while active (work
    handed to a thread pool included), except those run inside `not_counted()`: a loop
    that polls for the work's end is not the work. Installed by wrapping Django's cursor
    wrapper, so it sees every connection, the ones that threads open too."""

    _lock = threading.Lock()
    _active: list[QueryCounter] = []
    _original = None
    _quiet = threading.local()

    def __init__(self) -> None:
        self.count = 0

    def __enter__(self) -> QueryCounter:
        with self._lock:
            if not QueryCounter._active:
                QueryCounter._original = CursorWrapper._execute_with_wrappers
                CursorWrapper._execute_with_wrappers = _counted_execute
            QueryCounter._active.append(self)
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            QueryCounter._active.remove(self)
            if not QueryCounter._active:
                CursorWrapper._execute_with_wrappers = QueryCounter._original

    @classmethod
    def tick(cls) -> None:
        if getattr(cls._quiet, "depth", 0):
            return
        with cls._lock:
            for counter in cls._active:
                counter.count += 1


def _counted_execute(self, sql, params, many, executor):
    QueryCounter.tick()
    return QueryCounter._original(self, sql, params, many, executor)


@contextmanager
def not_counted() -> Iterator[None]:
    """Statements this thread runs inside are left out of every active QueryCounter."""
    quiet = QueryCounter._quiet
    quiet.depth = getattr(quiet, "depth", 0) + 1
    try:
        yield
    finally:
        quiet.depth -= 1


def measure(
    name: str,
    call: Callable[[int], object],
    *,
    repeat: int,
    stdout,
    n: int,
    warmup: int = 0,
    all_threads: bool = False,
    floor: dict | None = None,
) -> dict:
    """Run `call(i)` `warmup` times untimed, then `repeat` times timed; print and return
    {"bench", "db", "n", "p50_ms", "p95_ms", "queries"}. The SQL queries are counted on the
    last run, so a page's query count is measured on the same call that was timed: on this
    thread's connection, or with `all_threads` on every thread of the process (work handed
    to a thread pool) less what runs inside `not_counted()`. With the `floor` line measured
    in the same run, the line also gives it and the page's speed as a share of it
    ("x_floor": floor p50 / page p50, 1 = as fast as the floor)."""
    for i in range(warmup):
        call(i)
    timings: list[float] = []
    queries = 0
    for i in range(repeat):
        last = i == repeat - 1
        counter = _counter(all_threads) if last else _Nothing()
        with counter as captured:
            start = time.perf_counter()
            call(i)
            timings.append((time.perf_counter() - start) * 1000)
        if captured is not None:
            queries = _counted(captured)
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


def _counter(all_threads: bool):
    return QueryCounter() if all_threads else CaptureQueriesContext(connection)


def _counted(captured) -> int:
    if isinstance(captured, QueryCounter):
        return captured.count
    return len(captured.captured_queries)


class _Nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc) -> None:
        return None
