"""Recommendations listed in a working-session report or conclusion notice.

Items under a heading about "kiến nghị" / "đề xuất" ("II. CÁC KIẾN NGHỊ, ĐỀ XUẤT CỦA THÔN",
"2. Kiến nghị, đề xuất của Chi bộ") until the next heading of the same rank; items after a
line ending in ":" that announces them ("… có 4 kiến nghị, đề xuất:"); items written in one
sentence ("Hợp tác xã kiến nghị: (1) …; (2) …; (3) …"). Each item is one fact with its text;
the numbers inside an item ("lắp 6 bóng đèn") are part of the request, not results.
"""

from __future__ import annotations

import re

from .folding import fold
from .layout import Line
from .model import Fact, FactKind, Span

__all__ = ["recommendation_facts"]

_ABOUT = re.compile(r"\b(?:kien nghi|de xuat)\b")
_INLINE = re.compile(r"(?:kiến\s+nghị|đề\s+xuất)[^:;.]{0,80}:\s*", re.IGNORECASE)
_INLINE_MARK = re.compile(r"\(\s*(?:\d{1,2}|[a-zđ])\s*\)\s*|(?:^|;\s*)[-+•]\s+")


def _item(text: str, start: int, end: int, sentence: Span) -> Fact | None:
    while start < end and (text[start].isspace() or text[start] in "-+•"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ";.,"):
        end -= 1
    if end - start < 8:
        return None
    fact = Fact(FactKind.RECOMMENDATION, Span(start, end), sentence)
    fact.subject = "kiến nghị"
    fact.fields = {"text": " ".join(text[start:end].split())}
    fact.confidence = 0.8
    return fact


def _inline(text: str, line: Line) -> list[Fact]:
    body = text[line.body : line.end]
    intro = _INLINE.search(body)
    if intro is None or intro.end() >= len(body) - 8:
        return []
    start = line.body + intro.end()
    rest = text[start : line.end]
    marks = list(_INLINE_MARK.finditer(rest))
    if marks:
        bounds = [start + mark.end() for mark in marks]
        ends = [start + mark.start() for mark in marks[1:]] + [line.end]
    else:
        if ";" not in rest:
            return []
        bounds, ends, position = [], [], start
        for part in rest.split(";"):
            bounds.append(position)
            ends.append(position + len(part))
            position += len(part) + 1
    sentence = Span(line.body, line.end)
    return [
        f for f in (_item(text, a, b, sentence) for a, b in zip(bounds, ends, strict=True)) if f
    ]


def recommendation_facts(text: str, lines: list[Line]) -> list[Fact]:
    """Every recommendation item of the document."""
    facts: list[Fact] = []
    block_level: int | None = None
    announced = False
    for line in lines:
        folded = fold(line.body_text)
        if line.is_heading:
            level = line.level or 1
            if block_level is not None and level <= block_level and line.level != 4:
                block_level = None
            if _ABOUT.search(folded) and block_level is None:
                block_level = level
                continue
        is_item = line.level == 4 or (block_level is not None and line.level > block_level)
        if is_item and line.level and (block_level is not None or announced):
            fact = _item(text, line.body, line.end, Span(line.body, line.end))
            if fact is not None:
                facts.append(fact)
            continue
        announced = bool(_ABOUT.search(folded)) and line.body_text.rstrip().endswith(":")
        if not announced:
            facts.extend(_inline(text, line))
    return facts
