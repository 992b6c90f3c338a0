"""Map an indicator phrase as written to the commune's catalogue.

Django-free: the caller passes (code, name, synonyms[, unit]) rows; synonyms are data the
officer extends. Comparison ignores case, diacritics, punctuation and the spelling variants
"tỉ/tỷ", "kĩ/kỹ", "lí/lý". A phrase matches a name or synonym when it is the same, contains it
("tổng thu ngân sách nhà nước trên địa bàn phường" contains the name), is contained in it
("thu ngân sách" in "tổng thu ngân sách …") or shares most of its words. A figure's unit must
suit the indicator's (a % never goes to an indicator counted in tỷ đồng). When two codes score
the same the phrase is ambiguous and no code is proposed: the officer chooses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tongket.lib.text import fold

from .lexicon import MEASURES

__all__ = ["CatalogueIndicator", "IndicatorMatcher", "Match", "words"]

_THRESHOLD = 0.62
_AMBIGUOUS = 0.03
_SPELLING = {"ti": "ty", "ki": "ky", "li": "ly", "mi": "my"}
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_MEASURE_BASES = {measure.split("/")[0] for measure in MEASURES}


def words(phrase: str) -> tuple[str, ...]:
    """The folded words of a phrase: words("Tỉ lệ hộ nghèo") == ("ty", "le", "ho", "ngheo")."""
    return tuple(_SPELLING.get(word, word) for word in _NOT_WORD.split(fold(phrase)) if word)


@dataclass(frozen=True)
class CatalogueIndicator:
    code: str
    name: str
    synonyms: tuple[str, ...] = ()
    unit: str = ""


@dataclass(frozen=True)
class Match:
    code: str
    score: float
    matched: str


def _unit_class(unit: str) -> str:
    unit = unit.lower().strip()
    if not unit:
        return ""
    if unit.startswith("%"):
        return "percent"
    if "đồng" in unit or unit in ("tỷ", "triệu", "nghìn", "usd", "vnđ"):
        return "money"
    base = unit.split()[-1].split("/")[0] if unit.split() else unit
    if base in _MEASURE_BASES or unit in MEASURES:
        return "measure:" + unit.split()[-1]
    return "count"


def _compatible(indicator_class: str, fact_class: str, ratio: bool) -> bool:
    if not indicator_class or not fact_class:
        return True
    if ratio:
        return indicator_class in ("percent", "count")
    if indicator_class.startswith("measure:") and fact_class.startswith("measure:"):
        return indicator_class.split("/")[0] == fact_class.split("/")[0]
    return indicator_class == fact_class


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def score(phrase: tuple[str, ...], candidate: tuple[str, ...]) -> float:
    """How well a phrase names a candidate (1.0 the same words)."""
    if not phrase or not candidate:
        return 0.0
    if phrase == candidate:
        return 1.0
    if _contains(phrase, candidate):
        return 0.85 + 0.15 * len(candidate) / len(phrase)
    if len(phrase) >= 2 and _contains(candidate, phrase):
        return 0.55 + 0.35 * len(phrase) / len(candidate)
    shared = set(phrase) & set(candidate)
    return 0.8 * 2 * len(shared) / (len(set(phrase)) + len(set(candidate)))


class IndicatorMatcher:
    """match(phrase, unit=…) → Match(code, score, matched) or None."""

    def __init__(self, catalogue: Iterable) -> None:
        self.indicators = [self._row(row) for row in catalogue]
        self._names = [
            (indicator, words(name))
            for indicator in self.indicators
            for name in (indicator.name, *indicator.synonyms)
        ]

    @staticmethod
    def _row(row) -> CatalogueIndicator:
        if isinstance(row, CatalogueIndicator):
            return row
        if isinstance(row, dict):
            return CatalogueIndicator(
                row["code"], row["name"], tuple(row.get("synonyms", ())), row.get("unit", "")
            )
        code, name, synonyms, *rest = row
        return CatalogueIndicator(code, name, tuple(synonyms or ()), rest[0] if rest else "")

    def match(self, phrase: str, *, unit: str = "", kind: str = "", ratio: bool = False):
        """The best catalogue indicator for the phrase, or None (no match or ambiguous)."""
        target = words(phrase)
        fact_class = "percent" if kind == "percent" else _unit_class(unit)
        if kind == "scaled":
            fact_class = "money"
        best: dict[str, Match] = {}
        for indicator, name in self._names:
            if not _compatible(_unit_class(indicator.unit), fact_class, ratio):
                continue
            value = score(target, name)
            if value > best.get(indicator.code, Match("", 0.0, "")).score:
                best[indicator.code] = Match(indicator.code, round(value, 3), " ".join(name))
        ranked = sorted(best.values(), key=lambda match: match.score, reverse=True)
        if not ranked or ranked[0].score < _THRESHOLD:
            return None
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < _AMBIGUOUS:
            return None
        return ranked[0]
