"""What the import proposes: Fact objects, each with the place in the text it came from.

Every number a fact carries is listed in `numbers` with the exact text and offsets it was read
from, so the review screen can highlight it and a check can prove it is in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

__all__ = ["Fact", "FactKind", "NumberRef", "Period", "PlanShare", "Span"]


class FactKind(StrEnum):
    INDICATOR_VALUE = "indicator_value"
    AWARD_COUNT = "award_count"
    PARTY_FIGURE = "party_figure"
    CONFERENCE = "conference"
    RECOMMENDATION = "recommendation"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Span:
    """Offsets [start, end) in the text the facts were read from."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class NumberRef:
    """One number as written: "1.204,6" at `span`, read as `value` (the scale word not
    applied: "12,4 tỷ" gives 12.4 with scale 10^9)."""

    text: str
    span: Span
    value: Decimal
    scale: Decimal = Decimal(1)


@dataclass(frozen=True)
class Period:
    """The period a figure is for: part is "year", "h1" (6 tháng đầu năm), "m9" (9 tháng),
    "q1".."q4", or "term" (first_year..year, "giai đoạn 2021-2025")."""

    year: int | None
    part: str = "year"
    first_year: int | None = None

    @property
    def key(self) -> str:
        """ "2025", "2025-H1", "2025-9M", "2025-Q3", "2021-2025"; "" when the year is unknown."""
        if self.year is None:
            return ""
        if self.part == "term":
            return f"{self.first_year}-{self.year}"
        suffix = {"year": "", "h1": "-H1", "m9": "-9M"}.get(self.part, f"-{self.part.upper()}")
        return f"{self.year}{suffix}"


@dataclass(frozen=True)
class PlanShare:
    """ "bằng 104% kế hoạch" (over=False: the result is 104% of the plan) or "vượt 12% kế
    hoạch" (over=True: the result exceeds the plan by 12%). `basis` is the word used for the
    plan as written ("kế hoạch", "dự toán tỉnh giao", "KH")."""

    pct: Decimal
    over: bool
    basis: str
    number: NumberRef


@dataclass
class Fact:
    """A fact proposed to the officer.

    kind: what it is (FactKind). subject: what it is about, as written: the indicator phrase
    ("tổng thu ngân sách nhà nước trên địa bàn"), the party figure name ("admissions"), the
    conference field ("guest"). value: the exact value with the scale word applied
    (12400000000 for "12,4 tỷ đồng"), amount: the number as written (12.4), unit: the unit as
    written with its scale word ("tỷ đồng"), base_unit: without it ("đồng"). fields: what is
    particular to the kind (an award's body, form and counts; a guest's name and title).
    span: the words the fact was read from; sentence: the whole sentence, for highlighting.
    problem: a Vietnamese message when the fact is flagged rather than read.
    """

    kind: FactKind
    span: Span
    sentence: Span
    subject: str = ""
    value: Decimal | None = None
    amount: Decimal | None = None
    unit: str = ""
    base_unit: str = ""
    denominator: Decimal | None = None
    qualifier: str = ""
    estimate: bool = False
    period: Period | None = None
    plan_shares: list[PlanShare] = field(default_factory=list)
    unit_name: str | None = None
    code: str | None = None
    fields: dict = field(default_factory=dict)
    numbers: list[NumberRef] = field(default_factory=list)
    confidence: float = 0.9
    problem: str = ""

    @property
    def pct_of_plan(self) -> Decimal | None:
        """The first "bằng/đạt X% kế hoạch" of this fact, if any."""
        return next((share.pct for share in self.plan_shares if not share.over), None)

    @property
    def pct_over_plan(self) -> Decimal | None:
        """The first "vượt X% kế hoạch" of this fact, if any."""
        return next((share.pct for share in self.plan_shares if share.over), None)

    def highlight(self, text: str) -> str:
        """The sentence with the fact's own words in [brackets], for logs and tests."""
        start, end = self.sentence.start, self.sentence.end
        inner_start = max(self.span.start, start)
        inner_end = min(self.span.end, end)
        return (
            text[start:inner_start] + "[" + text[inner_start:inner_end] + "]" + text[inner_end:end]
        )
