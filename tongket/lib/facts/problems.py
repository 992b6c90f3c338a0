"""Numbers written with wrong or mixed separators are flagged, never guessed.

"23.518,402,117 đồng", "2,809.8 tấn", "12.5 tỷ", "1,234 tỷ" (a thousands comma or a decimal
comma: no way to tell): each becomes a problem fact carrying parse_number's Vietnamese message,
so the officer types the figure in; no value is proposed for it.
"""

from __future__ import annotations

import re

from .model import Fact, FactKind, Span
from .phrases import core_before
from .sentence import SentenceWork, clause_of

__all__ = ["problem_facts"]

_VALUE_VERB_BEFORE = re.compile(r"(?:đạt|là|được|còn|có|thu|chi|lên|xuống|:)\s*$", re.IGNORECASE)


def problem_facts(work: SentenceWork) -> list[Fact]:
    text, facts = work.doc.text, []
    for quantity in work.quantities:
        token = quantity.number
        if token.value is not None or work.is_claimed(quantity):
            continue
        looks_like_figure = quantity.kind != "bare" or _VALUE_VERB_BEFORE.search(
            text[max(work.span.start, quantity.start - 12) : quantity.start]
        )
        if not looks_like_figure:
            continue
        clause = clause_of(text, work.span, token.span.start)
        core = core_before(text, clause.start, quantity.start, [])
        fact = Fact(FactKind.PROBLEM, Span(quantity.start, quantity.end), work.span)
        fact.subject = core.text
        fact.unit = quantity.unit
        fact.problem = token.error
        fact.fields = {"number": token.text}
        fact.confidence = 0.0
        work.claim(quantity)
        facts.append(fact)
    return facts
