"""Schemathesis against the running API (a live server over the test database), with every
check it has, as an administrator of phường A holding an API token: the examples, coverage,
fuzzing and stateful phases, a few examples per operation from a fixed seed, so a run is
repeatable and bounded (about two minutes on two cores).

One check is told what the API's contract is: positive_data_acceptance (a request the
document calls valid must not be refused) accepts a 400, the answer of a rule of the data
that no JSON Schema can state (a date outside the reviewed year, a person of another
commune, a step taken out of order). A 422 stays a failure there: it means the document
says less than the API checks."""

from __future__ import annotations

import time

import pytest
import schemathesis
from django.test.testcases import QuietWSGIRequestHandler
from schemathesis.engine import events, from_schema

from tongket.api.services import token_create

EXAMPLES_PER_OPERATION = 4
SEED = 20261130
# The statuses schemathesis accepts for a valid request, and 400 (see above).
POSITIVE_STATUSES = ["2xx", "400", "401", "403", "404", "409"]


def _config(token: str) -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "headers": {"Authorization": f"Bearer {token}"},
            "workers": 1,
            # No example database: every run draws the same cases from the seed (and writes
            # no .hypothesis folder).
            "generation": {
                "max-examples": EXAMPLES_PER_OPERATION,
                "mode": "all",
                "database": "none",
            },
            "phases": {"stateful": {"max-steps": 40}},
            "checks": {
                "enabled": True,
                "positive_data_acceptance": {"expected-statuses": POSITIVE_STATUSES},
            },
        }
    )


def _failures(event) -> list[str]:
    """Every failed check of a finished scenario, said with the request that made it."""
    found = []
    for checks in event.recorder.checks.values():
        for check in checks:
            if check.failure_info is None:
                continue
            failure = check.failure_info.failure
            request = check.failure_info.code_sample.replace("\n", " ")[:400]
            found.append(f"[{event.recorder.label}] {check.name}: {failure.title}\n{request}")
    return found


@pytest.mark.django_db(transaction=True)
def test_schemathesis_finds_nothing_with_all_its_checks(world, live_server, monkeypatch):
    # The live server answers in several writes; without TCP_NODELAY each answer waits for
    # the client's delayed acknowledgement (about 40 ms on Linux), most of the run's time.
    monkeypatch.setattr(QuietWSGIRequestHandler, "disable_nagle_algorithm", True)
    _, raw = token_create(user=world.admin_a)
    schema = schemathesis.openapi.from_url(
        f"{live_server.url}/api/v1/openapi.json", config=_config(raw)
    )
    problems: list[str] = []
    phases: dict[str, float] = {}
    started = time.monotonic()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            problems += _failures(event)
        elif isinstance(event, events.NonFatalError):
            problems.append(f"[{event.label}] {event.info.title}: {event.info.message}")
        elif isinstance(event, events.FatalError):
            problems.append(f"schemathesis stopped: {event.exception}")
        elif isinstance(event, events.PhaseFinished) and event.phase.skip_reason is None:
            phases[event.phase.name.value] = round(time.monotonic() - started, 1)
    print("schemathesis phases (seconds since start):", phases)
    assert not problems, f"{len(problems)} failures:\n\n" + "\n\n".join(problems[:40])
    assert {"examples", "coverage", "fuzzing", "stateful"} <= set(phases)
