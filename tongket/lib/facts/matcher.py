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
from functools import lru_cache

from .folding import fold
from .lexicon import COUNT_NOUNS, MEASURES

__all__ = ["CatalogueIndicator", "IndicatorMatcher", "Match", "words"]

_THRESHOLD = 0.62
_AMBIGUOUS = 0.03
_SPELLING = {"ti": "ty", "ki": "ky", "li": "ly", "mi": "my"}
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_MEASURE_BASES = {measure.split("/")[0] for measure in MEASURES}
# Words that do not change what is measured ("tổng", "tỷ lệ", "trên địa bàn", "của xã").
_GENERIC = {
    "tong",
    "so",
    "ty",
    "le",
    "cac",
    "nhung",
    "va",
    "tren",
    "dia",
    "ban",
    "xa",
    "phuong",
    "dac",
    "khu",
    "thi",
    "tran",
    "toan",
    "ca",
    "nam",
    "cua",
    "trong",
    "nha",
    "nuoc",
    "duoc",
    "da",
    "dat",
    "moi",
}


@lru_cache(maxsize=8192)
def words(phrase: str) -> tuple[str, ...]:
    """The folded words of a phrase: words("Tỉ lệ hộ nghèo") == ("ty", "le", "ho", "ngheo")."""
    return tuple(_SPELLING.get(word, word) for word in _NOT_WORD.split(fold(phrase)) if word)


# Compound nouns: "hộ" + "kinh doanh" names another thing than "hộ".
_COMPOUNDS = {words(noun)[:2] for noun in COUNT_NOUNS if " " in noun}


@dataclass(frozen=True)
class CatalogueIndicator:
    code: str
    name: str
    synonyms: tuple[str, ...] = ()
    unit: str = ""
    kind: str = ""


@dataclass(frozen=True)
class Match:
    code: str
    score: float
    matched: str


@lru_cache(maxsize=1024)
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


# Counted nouns that count the same kind of thing.
_FAMILIES = (
    {
        "nguoi",
        "lao dong",
        "cong dan",
        "thanh nien",
        "nhan khau",
        "tre",
        "tre em",
        "hoc sinh",
        "doi tuong",
        "hoi vien",
        "doan vien",
        "dang vien",
        "dong chi",
        "ca nhan",
        "luot nguoi",
        "quan chung",
    },
    {"to dan pho", "thon", "khu pho", "khu dan cu", "ban", "ap", "xom", "to"},
    {"ho", "ho gia dinh", "ho kinh doanh", "ho dan", "gia dinh", "ho ngheo", "ho can ngheo"},
)


def _same_count(indicator_unit: str, fact_unit: str) -> bool:
    """Whether a count in `fact_unit` can be a value of an indicator counted in `indicator_unit`."""
    a, b = " ".join(words(indicator_unit)), " ".join(words(fact_unit))
    if not a or not b or a == b or a.startswith(b + " ") or b.startswith(a + " "):
        return True
    return any(a in family and b in family for family in _FAMILIES)


def _compatible(indicator: CatalogueIndicator, fact_class: str, ratio: bool, unit: str) -> bool:
    counted = fact_class == "count" and _unit_class(indicator.unit) == "count"
    if counted and not _same_count(indicator.unit, unit):
        return False
    indicator_class = _unit_class(indicator.unit)
    if indicator.kind == "ratio":
        return ratio or fact_class in ("percent", "count", "")
    if indicator.kind == "percent":
        indicator_class = "percent"
    if not indicator_class or not fact_class:
        return True
    if ratio:
        return indicator_class in ("percent", "count")
    if indicator_class.startswith("measure:") and fact_class.startswith("measure:"):
        return indicator_class.split("/")[0] == fact_class.split("/")[0]
    return indicator_class == fact_class


# Residential groups count the same thing whatever the province calls them; verbs of keeping a
# title ("giữ vững", "duy trì", "được công nhận") do not change what is measured; in the call-up
# "thanh niên" and "công dân" are the same people.
_GROUP_WORDS = (("to", "dan", "pho"), ("khu", "dan", "cu"), ("khu", "pho"), ("thon",), ("xom",))
_DROPPED = (("giu", "vung"), ("duy", "tri"), ("cong", "nhan"))
_SAME = {("thanh", "nien"): ("cong", "dan"), ("ho", "so"): ("hoso",)}
# A bracketed scope makes another measure than the catalogue's; so does one crop season's
# yield (a season's sown area, though, is part of the year's).
_SCOPE = re.compile(r"\(\s*(?:bao gồm|kể cả|không kể|không bao gồm|trừ|chưa (?:kể|tính))", re.I)
_SEASON = re.compile(r"\bvụ\s+(?:Xuân|Mùa|Hè\s+Thu|Thu\s+Đông|Đông\s+Xuân|Đông|Chiêm|Hè)\b", re.I)
_HOUSEHOLD, _PERSON = "household", "person"


@lru_cache(maxsize=8192)
def canonical(phrase: tuple[str, ...]) -> tuple[str, ...]:
    """The words with residential groups written "tdp", keeping verbs dropped, synonyms merged."""
    out: list[str] = []
    index = 0
    while index < len(phrase):
        for group in (*_GROUP_WORDS, *_DROPPED, *_SAME):
            if phrase[index : index + len(group)] == group:
                out.extend(["tdp"] if group in _GROUP_WORDS else _SAME.get(group, ()))
                index += len(group)
                break
        else:
            out.append(phrase[index])
            index += 1
    return tuple(out)


def population(phrase: tuple[str, ...]) -> str:
    """Who a share counts: households ("hộ", not "hồ sơ") or people ("người dân", "dân số")."""
    for index, word in enumerate(phrase):
        following = phrase[index + 1] if index + 1 < len(phrase) else ""
        if word == "ho" and following not in ("so", "soso"):
            return _HOUSEHOLD
        if word == "nguoi" or (word, following) == ("dan", "so"):
            return _PERSON
    return ""


def _position(longer: tuple[str, ...], shorter: tuple[str, ...]) -> int:
    size = len(shorter)
    return next((i for i in range(len(longer) - size + 1) if longer[i : i + size] == shorter), -1)


def _splits_compound(phrase: tuple[str, ...], at: int) -> bool:
    """Whether the words at `at - 1` and `at` form a compound noun ("hộ" | "kinh doanh")."""
    return 0 < at < len(phrase) and (phrase[at - 1], phrase[at]) in _COMPOUNDS


@lru_cache(maxsize=8192)
def _content(phrase: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word for word in phrase if word not in _GENERIC)


def _head(phrase: tuple[str, ...]) -> str:
    content = _content(phrase)
    return content[0] if content else (phrase[0] if phrase else "")


@lru_cache(maxsize=65536)
def score(phrase: tuple[str, ...], candidate: tuple[str, ...]) -> float:
    """How well a phrase names a candidate (1.0: the same words).

    - The phrase contains the candidate: a match, unless the words after it make a compound
      with it ("tổng số hộ" is not in "tổng số hộ kinh doanh").
    - The candidate contains the phrase: a match when the phrase has every content word of
      the candidate ("thu ngân sách" in "tổng thu ngân sách nhà
      nước trên địa bàn": "tổng", "nhà nước", "trên địa bàn" add nothing); not when the
      candidate says more ("giải quyết hồ sơ" is not "tiếp nhận và giải quyết hồ sơ",
      "sản lượng" is not "sản lượng lương thực"). A one-word phrase ("hộ") matches only a
      name or synonym that is that word.
    - Otherwise the share of content words in common, when the two start alike ("chi đầu tư
      phát triển" is not "vốn đầu tư phát triển").
    """
    if not phrase or not candidate:
        return 0.0
    if phrase == candidate:
        return 1.0
    at = _position(phrase, candidate)
    if at >= 0 and not _splits_compound(phrase, at + len(candidate)):
        extra = len(_content(phrase)) - len(_content(candidate))
        return 0.8 + 0.2 / (1 + max(extra, 0))
    if len(phrase) < 2:
        return 0.0
    mine, theirs = _content(phrase) or list(phrase), _content(candidate) or list(candidate)
    covered = len(set(mine) & set(theirs)) / len(set(theirs))
    if set(mine) <= set(theirs) and covered < 1:
        return 0.0
    at = _position(candidate, phrase)
    if at >= 0 and not _splits_compound(candidate, at + len(phrase)):
        return 0.55 + 0.35 * len(phrase) / len(candidate) + 0.1
    if len(theirs) >= 4 and _in_order(phrase, theirs):
        # "hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình": every
        # word of "hồ sơ trực tuyến toàn trình", in order, with words between
        return 0.65 + 0.2 * len(theirs) / len(mine)
    if _head(phrase) not in theirs and _head(candidate) not in mine:
        return 0.0
    if len(set(theirs) - set(mine)) >= 2 and len(set(mine) - set(theirs)) >= 2:
        return 0.0  # "suy dinh dưỡng thể nhẹ cân" is not "… thể thấp còi"
    shared = set(mine) & set(theirs)
    return 0.8 * 2 * len(shared) / (len(set(mine)) + len(set(theirs)))


def _other_population(counted: str, indicator: CatalogueIndicator, matcher) -> bool:
    """A share of households is not a share of people ("100% hộ tham gia bảo hiểm y tế")."""
    theirs = matcher._population.get(indicator.code, "")
    return bool(counted) and bool(theirs) and counted != theirs


def _in_order(longer: tuple[str, ...], shorter: list[str]) -> bool:
    position = 0
    for word in shorter:
        try:
            position = longer.index(word, position) + 1
        except ValueError:
            return False
    return True


class IndicatorMatcher:
    """match(phrase, unit=…) → Match(code, score, matched) or None."""

    def __init__(self, catalogue: Iterable) -> None:
        self.indicators = [self._row(row) for row in catalogue]
        self._names = [
            (indicator, canonical(words(name)))
            for indicator in self.indicators
            for name in (indicator.name, *indicator.synonyms)
        ]
        self._population = {i.code: population(words(i.name)) for i in self.indicators}
        self._cache: dict[tuple, Match | None] = {}

    @staticmethod
    def _row(row) -> CatalogueIndicator:
        if isinstance(row, CatalogueIndicator):
            return row
        if isinstance(row, dict):
            return CatalogueIndicator(
                row["code"],
                row["name"],
                tuple(row.get("synonyms", ())),
                row.get("unit", ""),
                row.get("kind", ""),
            )
        code, name, synonyms, *rest = row
        return CatalogueIndicator(code, name, tuple(synonyms or ()), *rest[:2])

    def _ratio_fits(self, indicator: CatalogueIndicator, ratio: bool, unit: str) -> bool:
        """A ratio ("6.874/7.102 hộ") is a value of a share only when it counts what the share
        counts (households for "tỷ lệ hộ gia đình văn hóa"; not "4/4 vụ" for a clearance rate)."""
        if not ratio or indicator.kind == "ratio" or _unit_class(indicator.unit) != "percent":
            return True
        theirs = self._population.get(indicator.code, "")
        return bool(theirs) and population(words(unit)) == theirs

    def match(self, phrase: str, *, unit: str = "", kind: str = "", ratio: bool = False):
        """The best catalogue indicator for the phrase, or None (no match or ambiguous)."""
        key = (phrase, unit, kind, ratio)
        if key not in self._cache:
            self._cache[key] = self._best(phrase, unit, kind, ratio)
        return self._cache[key]

    def _best(self, phrase: str, unit: str, kind: str, ratio: bool) -> Match | None:
        if _SCOPE.search(phrase) or (_SEASON.search(phrase) and "/" in unit):
            return None  # "(bao gồm thu bổ sung …)", "năng suất lúa vụ Xuân"
        target = canonical(words(phrase))
        fact_class = "percent" if kind == "percent" else _unit_class(unit)
        if kind == "scaled":
            fact_class = "money"
        counted = population(words(phrase))
        allowed = {
            indicator.code
            for indicator in self.indicators
            if _compatible(indicator, fact_class, ratio, unit)
            and not (fact_class == "percent" and _other_population(counted, indicator, self))
            and self._ratio_fits(indicator, ratio, unit)
        }
        best: dict[str, Match] = {}
        for indicator, name in self._names:
            if indicator.code not in allowed:
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
