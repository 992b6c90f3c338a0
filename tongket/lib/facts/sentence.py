"""One sentence while it is being read: its quantities, which of them are already taken by
an earlier reader (an award, a party figure …), its clauses, periods and units."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .context import DocContext, PeriodMention, UnitMention, period_mentions, unit_mentions
from .layout import Line
from .model import Fact, Period, Span
from .quantities import Quantity, quantities_of
from .tokens import NumberToken, number_tokens

__all__ = ["SentenceWork", "clause_of", "inside_brackets"]

_POSTFIX_YEAR = re.compile(
    r"\s*(?:\(\s*(?:vào\s+|trong\s+)?năm\s+((?:19|20)\d{2})\s*\)|(?:vào\s+|trong\s+)?năm\s+"
    r"((?:19|20)\d{2})(?![\d/]))"
)


@dataclass
class SentenceWork:
    doc: DocContext
    span: Span
    line: Line
    tokens: list[NumberToken]
    quantities: list[Quantity]
    periods: list[PeriodMention]
    units: list[UnitMention]
    estimate: bool = False
    in_plan_section: bool = False
    carried: Fact | None = None
    section_period: Period | None = None
    claimed: set[int] = field(default_factory=set)

    @classmethod
    def read(cls, doc: DocContext, span: Span, line: Line) -> SentenceWork:
        tokens = number_tokens(doc.text, span.start, span.end)
        quantities = quantities_of(doc.text, tokens, span.start, span.end)
        periods = period_mentions(doc, span.start, span.end)
        units = unit_mentions(doc, span.start, span.end)
        return cls(doc, span, line, tokens, quantities, periods, units)

    @property
    def text(self) -> str:
        return self.doc.text[self.span.start : self.span.end]

    def claim(self, quantity: Quantity) -> None:
        self.claimed.add(quantity.number.span.start)

    def claim_span(self, start: int, end: int) -> None:
        """Take every quantity whose number lies in [start, end)."""
        for quantity in self.quantities:
            if start <= quantity.number.span.start < end:
                self.claim(quantity)

    def is_claimed(self, quantity: Quantity) -> bool:
        return quantity.number.span.start in self.claimed

    def free(self) -> list[Quantity]:
        return [q for q in self.quantities if not self.is_claimed(q)]

    def postfix_year(self, end: int) -> tuple[Period, int] | None:
        """ "3,42% năm 2024": the year right after a figure, and where it ends."""
        match = _POSTFIX_YEAR.match(self.doc.text, end, self.span.end)
        if match is not None:
            return Period(int(match.group(1) or match.group(2))), match.end()
        for mention in self.periods:  # "96 lao động trong quý, lũy kế 6 tháng là 171 lao động"
            gap = self.doc.text[end : mention.span.start]
            adjacent = mention.span.start >= end and not gap.strip() and not mention.comparison
            if adjacent and mention.period.year is not None and mention.period.part != "year":
                return mention.period, mention.span.end
        return None

    def period_before(self, position: int, bound: set[int]) -> Period:
        """The last period said before `position` in this sentence (not a comparison, not a
        year bound to an earlier figure, not in a closed bracket), else the document's."""
        text = self.doc.text
        for mention in reversed(self.periods):
            if mention.span.end > position or mention.comparison:
                continue
            if mention.span.start in bound:
                continue
            if _closed_between(text, self.span.start, mention.span.start, position):
                continue
            if mention.period.year is not None:
                return mention.period
        return self.section_period or self.doc.period

    def unit_before(self, position: int) -> tuple[str | None, list[str]]:
        """The unit that owns a figure at `position` (None: the document's own commune), and
        the names mentioned so far (to take them off the indicator phrase)."""
        text, owner, names = self.doc.text, None, []
        for mention in self.units:
            if mention.span.end > position:
                break
            if mention.bare and not (
                _at_sentence_start(text, self.span.start, mention.span.start)
                or _refers_back(self.doc, text, mention)
            ):
                continue
            if _closed_between(text, self.span.start, mention.span.start, position):
                continue
            owner = None if mention.own else mention.name
            names.append(text[mention.span.start : mention.span.end])
        return owner, names

    def owner_said(self, position: int) -> bool:
        """Whether a unit is named as the owner before `position` (the own commune included)."""
        return bool(self.unit_before(position)[1])


def _refers_back(doc, text: str, mention) -> bool:
    """ "thu nhập bình quân của thôn", "Nhân dân trong thôn": the unit named before."""
    before = text[max(0, mention.span.start - 6) : mention.span.start]
    named = mention.name != text[mention.span.start : mention.span.end]
    return named and bool(re.search(r"(?:của|trong)\s+$", before))


def _at_sentence_start(text: str, start: int, position: int) -> bool:
    """Whether only a period ("Năm 2024, …", "Bốn tháng đầu năm 2025, …") comes before."""
    before = text[start:position].strip(" ,")
    if not before:
        return True
    return bool(
        re.fullmatch(r"(?:năm|quý|trong|riêng|đến|tính đến|\w+\s+tháng)[\w\s/]*", before, re.I)
    )


def _closed_between(text: str, start: int, mention: int, position: int) -> bool:
    """Whether `mention` is inside a bracket that closes before `position`."""
    if not inside_brackets(text, start, mention):
        return False
    depth = 0
    for char in text[mention:position]:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return True
    return False


def inside_brackets(text: str, start: int, position: int) -> bool:
    """Whether `position` is inside a bracket opened after `start`."""
    chunk = text[start:position]
    return chunk.count("(") > chunk.count(")")


def clause_of(text: str, span: Span, position: int) -> Span:
    """The clause of the sentence around `position`: split at ";" and ":" outside brackets."""
    start, depth = span.start, 0
    for index in range(span.start, position):
        char = text[index]
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ";:" and depth <= 0:
            start = index + 1
    end, depth = span.end, 0
    for index in range(position, span.end):
        char = text[index]
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ";" and depth <= 0:
            end = index
            break
    return Span(start, end)
