"""Driving one page with wrk (Debian package `wrk`) and turning its figures into the bench's
JSON line: requests per second, p50 and p99 in ms, and the ratio to the floor page measured
in the same run."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("wrk_page.lua")
MARKER = "WRK_JSON "
CONNECTIONS = 8
THREADS = 2
# wrk leaves a request slower than its timeout (2 s by default) out of the latency figures
# and counts it as an error; a slow page under 8 connections can exceed that while queued.
TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Run:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def combined(runs: list[Run]) -> Run:
    """Several runs of one page as one: their requests over their time, the median of their
    p50s and the worst of their p99s (wrk gives percentiles, not its histogram)."""
    p50s = sorted(run.p50_ms for run in runs)
    return Run(
        requests=sum(run.requests for run in runs),
        seconds=sum(run.seconds for run in runs),
        p50_ms=p50s[len(p50s) // 2],
        p99_ms=max(run.p99_ms for run in runs),
        errors=sum(run.errors for run in runs),
    )


def parse(output: str) -> Run:
    """The figures the script's done() printed, from wrk's whole standard output."""
    for line in output.splitlines():
        if line.startswith(MARKER):
            data = json.loads(line[len(MARKER) :])
            return Run(
                requests=data["requests"],
                seconds=data["duration_us"] / 1_000_000,
                p50_ms=data["p50_us"] / 1000,
                p99_ms=data["p99_us"] / 1000,
                errors=data["status_errors"] + data["socket_errors"],
            )
    raise ValueError("wrk không in dòng kết quả (thiếu WRK_JSON).")


def command(
    base: str, paths: list[str], headers: dict[str, str], seconds: int, connections: int
) -> list[str]:
    binary = shutil.which("wrk")
    if binary is None:
        raise FileNotFoundError("Thiếu wrk: chạy `make system-deps` (gói Debian wrk).")
    header_args = [arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")]
    return [
        binary,
        f"-t{min(THREADS, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={TIMEOUT_SECONDS}s",
        "-s",
        str(SCRIPT),
        *header_args,
        base + paths[0],
        "--",
        *paths,
    ]


def drive(
    base: str,
    paths: list[str],
    headers: dict[str, str],
    seconds: int,
    connections: int = CONNECTIONS,
) -> Run:
    """GET `paths` in turn over `connections` connections for `seconds` seconds."""
    done = subprocess.run(
        command(base, paths, headers, seconds, connections),
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + TIMEOUT_SECONDS + 30,
    )
    return parse(done.stdout)


def line(page: str, run: Run, floor: Run | None, **extra) -> dict:
    """The JSON line of one page; `floor` None for the floor page itself (ratio 1)."""
    floor_rate = floor.per_second if floor is not None else run.per_second
    return {
        "bench": "http",
        "page": page,
        "req_per_s": round(run.per_second, 1),
        "p50_ms": round(run.p50_ms, 1),
        "p99_ms": round(run.p99_ms, 1),
        "ratio_to_floor": round(run.per_second / floor_rate, 3) if floor_rate else None,
        "floor_req_per_s": round(floor_rate, 1),
        "requests": run.requests,
        "errors": run.errors,
        **extra,
    }
