"""`python -m tongket.lib.facts.eval`: precision and recall of the text import per fact type
on the tuning pool (devset/dev) and, apart, on the held-out splits (devset/heldout3, tuned on
since round 3; devset/heldout5, scored once at the end of round 3), and the count of invented
numbers.

How facts are compared is written in devset/README.md (the code is scoring.py). A proposed
number is invented when it is not literally a number of the sentence the fact points at.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tongket.lib.numbers import parse_number

from .engine import extract_facts
from .matcher import IndicatorMatcher
from .scoring import TYPES, invented_numbers, records, same

__all__ = ["DEVSET", "Report", "Score", "evaluate", "load_split", "main"]

DEVSET = Path(__file__).with_name("devset")
SPLITS = ("dev", "heldout3", "heldout5")
_GOLD_NUMBERS = (
    "amount",
    "denominator",
    "pct",
    "collectives",
    "individuals",
    "households",
    "total",
)


@dataclass(frozen=True)
class Item:
    name: str
    text: str
    gold: dict


@dataclass
class Score:
    gold: int = 0
    proposed: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


@dataclass
class Report:
    split: str
    texts: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {kind: Score() for kind in TYPES})
    invented: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def total(self) -> Score:
        scores = self.scores.values()
        return Score(
            sum(s.gold for s in scores),
            sum(s.proposed for s in scores),
            sum(s.correct for s in scores),
        )


def load_split(split: str) -> list[Item]:
    items = []
    for path in sorted((DEVSET / split).glob("*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        items.append(Item(path.stem, path.read_text(encoding="utf-8"), gold))
    return items


def load_matcher() -> IndicatorMatcher:
    catalogue = json.loads((DEVSET / "catalogue.json").read_text(encoding="utf-8"))
    return IndicatorMatcher(catalogue["indicators"])


def check_gold(item: Item) -> None:
    """Every number of a gold fact must be written in the text (the set's own sanity)."""
    for fact in item.gold["facts"]:
        for key in _GOLD_NUMBERS:
            written = fact.get(key)
            if written and written not in item.text:
                raise ValueError(f"{item.name}: {key}={written!r} không có trong văn bản")
            if written:
                parse_number(written)


def _score_item(item: Item, matcher: IndicatorMatcher, report: Report) -> None:
    facts = extract_facts(
        item.text, commune=item.gold.get("commune"), year=item.gold.get("year"), matcher=matcher
    )
    proposed = [(kind, record) for fact in facts for kind, record in records(fact)]
    for fact in facts:
        report.invented += [f"{item.name}: {p}" for p in invented_numbers(fact, item.text)]
    used: set[int] = set()
    for gold in item.gold["facts"]:
        kind = gold["type"]
        report.scores[kind].gold += 1
        found = next(
            (
                index
                for index, (proposed_kind, record) in enumerate(proposed)
                if index not in used and proposed_kind == kind and same(kind, gold, record)
            ),
            None,
        )
        if found is None:
            report.misses.append(f"{item.name}: {gold}")
        else:
            used.add(found)
            report.scores[kind].correct += 1
    for index, (kind, record) in enumerate(proposed):
        report.scores[kind].proposed += 1
        if index not in used:
            report.extras.append(f"{item.name}: {kind} {record}")


def evaluate(split: str, matcher: IndicatorMatcher | None = None) -> Report:
    matcher = matcher or load_matcher()
    report = Report(split)
    for item in load_split(split):
        check_gold(item)
        report.texts += 1
        _score_item(item, matcher, report)
    return report


def _percent(value: float) -> str:
    return f"{100 * value:5.1f}%"


def print_report(report: Report, out, verbose: bool = False) -> None:
    out.write(f"\n{report.split}: {report.texts} văn bản\n")
    out.write(f"{'loại':<18}{'gold':>6}{'đề xuất':>9}{'đúng':>6}{'precision':>11}{'recall':>9}\n")
    for kind, score in [*report.scores.items(), ("tất cả", report.total)]:
        out.write(
            f"{kind:<18}{score.gold:>6}{score.proposed:>9}{score.correct:>6}"
            f"{_percent(score.precision):>11}{_percent(score.recall):>9}\n"
        )
    out.write(f"số bịa (không có trong văn bản): {len(report.invented)}\n")
    if verbose:
        for title, lines in (("bỏ sót", report.misses), ("thừa/sai", report.extras)):
            out.write(f"-- {title} ({len(lines)})\n")
            out.writelines(f"   {line}\n" for line in lines)
        out.writelines(f"   bịa: {line}\n" for line in report.invented)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đánh giá đọc số liệu từ văn bản (issue 16).")
    parser.add_argument("--split", choices=SPLITS, action="append")
    parser.add_argument("--verbose", "-v", action="store_true")
    options = parser.parse_args(argv)
    matcher = load_matcher()
    invented = 0
    for split in options.split or SPLITS:
        report = evaluate(split, matcher)
        print_report(report, sys.stdout, options.verbose)
        invented += len(report.invented)
    return 1 if invented else 0


if __name__ == "__main__":
    sys.exit(main())
