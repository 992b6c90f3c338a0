"""Read a text into proposed facts: extract_facts(text, commune=…, year=…, matcher=…).

Recommendation items are found first (their numbers are requests, not results). Then the
document is read line by line (a table row by the table reader) and sentence by sentence. In
each sentence the readers run in a fixed order, each taking the numbers it explains so that
one number gives at most one fact: the conference (date, guests, chair, documents cited),
awards, party figures, numbers with wrong separators (flagged as problems), and last
indicator values. The catalogue matcher then names each indicator's code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .awards import award_facts
from .conference import ConferenceReader
from .context import (
    DocContext,
    default_period,
    issuing_unit,
    own_commune,
    period_mentions,
    term_of_title,
)
from .folding import fold
from .indicators import indicator_facts
from .layout import Line, lines_of, sentences_of
from .matcher import IndicatorMatcher
from .model import Fact, FactKind, Period
from .party import party_facts
from .problems import problem_facts
from .recommendations import recommendation_facts
from .sentence import SentenceWork
from .tables import TableReader

__all__ = ["extract_facts"]

_PLAN_HEADING = re.compile(
    r"phuong huong|ke hoach nam 20\d\d|muc tieu|nhiem vu (?:nam 20\d\d|\d+ thang cuoi"
    r"|(?:sau|ba) thang cuoi|quy|trong tam|thoi gian toi)|giai phap",
)
# "Ban Thường vụ yêu cầu 6 tháng cuối năm tập trung các nhiệm vụ:": the list after it is a plan.
_PLAN_LEAD = re.compile(
    r"(?:nhiem vu|giai phap|yeu cau|phuong huong)[^:]*(?:cuoi nam|thoi gian toi|nam toi|sap toi)"
    r"|(?:cuoi nam|thoi gian toi|nam toi|sap toi)[^:]*(?:nhiem vu|giai phap|chi tieu)"
)
_ESTIMATE_HEAD = re.compile(r"^\s*(?:ước|dự ước)\b", re.IGNORECASE)
_TITLE_LINES = 12
_ITEM_LABEL = re.compile(r"(?:Xã|Phường|Đặc khu|Thị trấn)\s+[^:]{2,30}:\s+\S.{60,}")


def _context(text: str, commune: str | None, year: int | None) -> DocContext:
    doc = DocContext(text, own_commune(text, commune))
    lines = lines_of(text)
    if lines:
        start, end = lines[0].start, _title_end(text, lines)
        doc.period = default_period(doc, text[start:end], start, year)
        term = term_of_title(text[start:end], year)
        if term is not None and doc.period.part == "year":
            doc.period = doc.last_term = term
        doc.owner = issuing_unit(doc, text[start:end])
    return doc


def _title_end(text: str, lines: list[Line]) -> int:
    """End of the title zone: the heading lines and the first sentence of the first paragraph."""
    for line in lines[:_TITLE_LINES]:
        if _ITEM_LABEL.match(line.body_text):
            return line.start  # "Phường Vạn Phúc: 9 tháng …": a news round-up's first item
        if len(line.text.split()) >= 25 and not line.is_table:
            sentences = sentences_of(text, line)
            return sentences[0].end if sentences else line.end
    return lines[min(_TITLE_LINES, len(lines)) - 1].end


class _Sections:
    """Tracks whether a line is under a heading about next year's plan ("PHƯƠNG HƯỚNG,
    NHIỆM VỤ NĂM 2026"), where figures are targets, not results."""

    def __init__(self, doc: DocContext) -> None:
        self.doc = doc
        self.plan_level: int | None = None
        self.plan_list = False
        self.period: Period | None = None
        self.period_level = 0

    def update(self, line: Line) -> bool:
        if line.is_heading:
            level = line.level or 1
            if _PLAN_HEADING.search(fold(line.body_text)):
                self.plan_level = level if self.plan_level is None else min(level, self.plan_level)
            elif self.plan_level is not None and level <= self.plan_level:
                self.plan_level = None
            self._heading_period(line, level)
        in_list = self.plan_list and line.level in (2, 3, 4)
        body = fold(line.body_text.strip())
        self.plan_list = in_list or (body.endswith(":") and bool(_PLAN_LEAD.search(body)))
        return self.plan_level is not None or in_list

    def _heading_period(self, line: Line, level: int) -> None:
        """ "1. Kết quả đánh giá, xếp loại năm 2024": the period of the figures under it."""
        if self.period is not None and level <= self.period_level:
            self.period = None
        mentions = period_mentions(self.doc, line.start, line.end)
        found = next((m.period for m in mentions if not m.comparison and m.period.year), None)
        if found is not None and line.start > 0:
            self.period, self.period_level = found, level


def extract_facts(
    text: str,
    *,
    commune: str | None = None,
    year: int | None = None,
    matcher: IndicatorMatcher | None = None,
) -> list[Fact]:
    """Every fact the text states, in text order. `commune` ("phường Hòa Bình") and `year`
    (2025) are what the officer's screen knows; `matcher` maps indicator phrases to codes."""
    doc = _context(text, commune, year)
    lines = lines_of(text)
    facts: list[Fact] = recommendation_facts(text, lines)
    requests = [fact.span for fact in facts]
    sections, tables, conference = _Sections(doc), TableReader(doc), ConferenceReader()
    estimate_block = False
    estimate_part = False
    for line in lines:
        in_plan = sections.update(line)
        estimate_block = estimate_block and line.level == 4
        estimate_part = _estimate_part(line, estimate_part)
        if line.is_table:
            if not in_plan:
                facts.extend(tables.read_row(line))
            continue
        tables.reset()
        carried = None
        for span in sentences_of(text, line):
            work = SentenceWork.read(doc, span, line)
            work.carried = carried
            work.in_plan_section, work.section_period = in_plan, sections.period
            work.estimate = (
                estimate_block
                or (estimate_part and not in_plan)
                or bool(_ESTIMATE_HEAD.match(work.text))
            )
            for request in requests:
                work.claim_span(request.start, request.end)
            found = _read_sentence(work, conference)
            facts.extend(found)
            values = [fact for fact in found if fact.kind == FactKind.INDICATOR_VALUE]
            carried = values[-1] if values else None
        estimate_block = _estimate_heading(line, estimate_block)
    facts.extend(conference.finish())
    _default_owner(facts, doc)
    if matcher is not None:
        _match(facts, matcher)
    facts = _without_headline_repeats(facts, lines[0] if lines else None)
    return _without_repeats(sorted(facts, key=lambda fact: (fact.span.start, fact.span.end)))


def _without_headline_repeats(facts: list[Fact], headline: Line | None) -> list[Fact]:
    """An article's headline repeats a figure of its body ("Xã Sơn Thủy: năm 2025 hoàn thành
    vượt 11/13 chỉ tiêu"): the body's fact is kept, the headline's dropped."""
    if headline is None:
        return facts

    def key(fact: Fact) -> tuple:
        period = fact.period.key if fact.period else ""
        return (fact.amount, fact.denominator, fact.unit, period, fact.unit_name)

    values = [fact for fact in facts if fact.kind == FactKind.INDICATOR_VALUE]
    body = {key(fact) for fact in values if fact.span.start >= headline.end}
    repeated = {id(f) for f in values if f.span.end <= headline.end and key(f) in body}
    return [fact for fact in facts if id(fact) not in repeated]


def _without_repeats(facts: list[Fact]) -> list[Fact]:
    """An award restated later (the title and the lead both say "đón nhận Bằng khen của Thủ
    tướng Chính phủ") is one award."""
    seen, kept = set(), []
    awards = [fact for fact in facts if fact.kind == FactKind.AWARD_COUNT]
    received = {fold(fact.fields["form"]) for fact in awards if fact.fields["body"]}
    counted = {
        (fold(fact.fields["body"]), fold(fact.fields["form"]))
        for fact in awards
        if not _uncounted(fact)
    }
    for fact in facts:
        if fact.kind == FactKind.AWARD_COUNT:
            key = tuple(sorted((k, str(v)) for k, v in fact.fields.items()))
            pair = (fold(fact.fields["body"]), fold(fact.fields["form"]))
            unnamed = _uncounted(fact) and not fact.fields["body"]
            restated = _uncounted(fact) and pair in counted
            if key in seen or restated or (unnamed and pair[1] in received):
                continue
            seen.add(key)
        kept.append(fact)
    return kept


def _uncounted(fact: Fact) -> bool:
    keys = ("collectives", "individuals", "households", "total")
    return all(fact.fields.get(key) is None for key in keys)


def _default_owner(facts: list[Fact], doc: DocContext) -> None:
    """Figures no sentence attributes belong to the unit the document is about."""
    if not doc.owner:
        return
    for fact in facts:
        if fact.kind in (FactKind.INDICATOR_VALUE, FactKind.PARTY_FIGURE) and not fact.fields.get(
            "owner_said"
        ):
            fact.unit_name = fact.unit_name or doc.owner


def _estimate_part(line: Line, current: bool) -> bool:
    """ "A. ƯỚC KẾT QUẢ THỰC HIỆN NĂM 2025" opens a part of estimates that lasts, through its
    lower-case sub-headings, to the next heading in capitals."""
    body = line.body_text.strip()
    letters = [char for char in body if char.isalpha()]
    if not line.is_heading or len(letters) < 2 or not all(c.isupper() for c in letters):
        return current
    return bool(re.search(r"\bƯỚC\b", body))


def _estimate_heading(line: Line, current: bool) -> bool:
    body = line.body_text.strip()
    if body.endswith(":"):
        return bool(re.search(r"\bước\b", body, re.IGNORECASE))
    return current and line.level == 4


def _read_sentence(work: SentenceWork, conference: ConferenceReader) -> list[Fact]:
    facts: list[Fact] = []
    for reader in (conference, *_READERS):
        facts.extend(reader(work))
    return facts


def _match(facts: Iterable[Fact], matcher: IndicatorMatcher) -> None:
    for fact in facts:
        if fact.kind == FactKind.INDICATOR_VALUE and fact.subject:
            kind = fact.fields.get("kind", "")
            unit = fact.base_unit or fact.unit
            ratio = fact.denominator is not None
            match = matcher.match(fact.subject, unit=unit, kind=kind, ratio=ratio)
            if match is None and fact.fields.get("elliptic"):
                match = matcher.match(fact.fields["elliptic"], unit=unit, kind=kind, ratio=ratio)
            fact.code = match.code if match else None
            # Without a code the officer has to choose the indicator: a lower confidence.
            fact.confidence = round(min(0.95, 0.5 + match.score / 2), 2) if match else 0.6


_READERS = [award_facts, party_facts, problem_facts, indicator_facts]
