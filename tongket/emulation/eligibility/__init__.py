"""Eligibility of a nomination, judged against the rulebook and tongket's own data: by the
Judge when it is submitted (`judge.py`), and again when a decision awards it (`award.py`),
through the checks both share (`checks.py`). Each check says whether it passed and cites the
rule it applied, so a refusal names its ground."""

from .award import award_check, award_refusal, decided_cap_checks
from .checks import Check, body_check, cap_check, cap_checks, held_keys, without_failed
from .judge import Judge, judge

__all__ = [
    "Check",
    "Judge",
    "award_check",
    "award_refusal",
    "body_check",
    "cap_check",
    "cap_checks",
    "decided_cap_checks",
    "held_keys",
    "judge",
    "without_failed",
]
