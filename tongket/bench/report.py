"""The lines `make loadtest` prints, from the raw figures its locust file writes: requests,
errors by HTTP status, p50/p95/p99 in ms for the whole mix and for each page. Percentiles
come from locust's histograms ({response time in ms: count}), as locust computes them."""

from __future__ import annotations

from collections import Counter

P95_TARGET_MS = 1000


def percentile(histogram: dict, share: float) -> float | None:
    """The smallest response time at or under which `share` of the requests answered."""
    counts = sorted((float(ms), count) for ms, count in histogram.items())
    total = sum(count for _ms, count in counts)
    if not total:
        return None
    needed = share * total
    seen = 0
    for ms, count in counts:
        seen += count
        if seen >= needed:
            return ms
    return counts[-1][0]


def _figures(requests: int, histogram: dict) -> dict:
    return {
        "requests": requests,
        "p50_ms": percentile(histogram, 0.50),
        "p95_ms": percentile(histogram, 0.95),
        "p99_ms": percentile(histogram, 0.99),
    }


def lines(raw: dict) -> list[dict]:
    """The mix's line first, then one line per page that was requested in the window
    (sorted by name)."""
    merged: Counter = Counter()
    pages = []
    for name, entry in sorted(raw["entries"].items()):
        if not entry["requests"]:
            continue  # the sign-ins, reset when the window opened
        merged.update({float(ms): count for ms, count in entry["response_times"].items()})
        pages.append(
            {
                "bench": "loadtest_page",
                "page": name,
                **_figures(entry["requests"], entry["response_times"]),
                "errors": entry["failures"],
            }
        )
    seconds = raw["window_seconds"]
    requests = sum(entry["requests"] for entry in raw["entries"].values())
    errors = sum(raw["errors_by_status"].values())
    logins = sorted(raw["login_ms"])
    total = {
        "bench": "loadtest",
        "users": raw["users"],
        "signed_in": raw["signed_in"] - raw.get("login_failures", 0),
        "seconds": round(seconds, 1),
        **_figures(requests, merged),
        "req_per_s": round(requests / seconds, 1) if seconds else None,
        "errors": errors,
        "errors_by_status": dict(sorted(raw["errors_by_status"].items())),
        "login_p50_ms": round(logins[len(logins) // 2]) if logins else None,
        "login_max_ms": round(logins[-1]) if logins else None,
    }
    p95 = total["p95_ms"]
    total["targets_met"] = bool(
        seconds
        and errors == 0
        and total["signed_in"] == raw["users"]
        and p95 is not None
        and p95 <= P95_TARGET_MS
    )
    return [total, *pages]
