"""Indicator tables ("Biểu tổng hợp kết quả thực hiện các chỉ tiêu chủ yếu").

A header row names the columns: the indicator ("Chỉ tiêu", "Nội dung"), its unit ("Đơn vị
tính", "ĐVT"), the result ("Thực hiện", "Ước thực hiện năm 2025", "Thực hiện 9 tháng": an
estimate when it says "ước"; its period from the header) and the % of plan ("So với kế hoạch
(%)", "% KH"). The plan column and "so với cùng kỳ" are not read. Each row below gives one
fact, until the table ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .award_tables import AwardColumns, award_header, award_row
from .context import DocContext, period_mentions
from .folding import fold
from .layout import Line
from .lexicon import SCALES
from .model import Fact, FactKind, NumberRef, Period, PlanShare, Span
from .quantities import exact, quantities_of
from .tokens import number_tokens

__all__ = ["TableReader"]

_NAME = re.compile(r"^(?:ten\s+)?(?:chi tieu|noi dung)")
_UNIT = re.compile(r"^(?:don vi tinh|dvt|don vi)$")
_VALUE = re.compile(r"thuc hien|\buoc\b|ket qua|^th\b")
_SHARE = re.compile(r"so voi|%|so sanh|ty le|ti le")
_SAME_PERIOD = re.compile(r"^(?:thuc hien\s+)?cung ky(?: nam)?\s+((?:19|20)\d{2})$")
_PLAN_WORD = re.compile(r"ke hoach|\bkh\b|du toan|nghi quyet|chi tieu")


@dataclass
class _Columns:
    name: int
    value: int
    unit: int | None
    share: int | None
    period: Period
    estimate: bool
    basis: str
    earlier: tuple[int, Period] | None = None
    header_unit: str = ""


def _cells(line: Line) -> list[tuple[int, str]]:
    cells, position = [], line.start
    for cell in line.text.split("\t"):
        cells.append((position, cell))
        position += len(cell) + 1
    return cells


def _unit_in_brackets(header: str) -> str:
    """ "Thực hiện (triệu đồng)" → "triệu đồng"; "" when the header names no unit."""
    match = re.search(r"\(([^()]{1,20})\)\s*$", header)
    return (
        " ".join(match.group(1).split()) if match and not re.search(r"\d", match.group(1)) else ""
    )


@dataclass
class _UnitRows:
    """A table whose rows are units ("Xã | Thu ngân sách (tỷ đồng) | Tỷ lệ hộ nghèo (%)")."""

    columns: list[tuple[int, str, str]]


_ROW_UNIT = re.compile(r"^(?:xa|phuong|don vi|dia phuong|thon|to dan pho|khu pho|ten don vi)$")


class TableReader:
    def __init__(self, doc: DocContext) -> None:
        self.doc = doc
        self.columns: _Columns | None = None
        self.awards: AwardColumns | None = None
        self.by_unit: _UnitRows | None = None

    def reset(self) -> None:
        self.columns = None
        self.awards = None
        self.by_unit = None

    def _unit_row(self, line: Line, cells, table: _UnitRows) -> list[Fact]:
        """One unit's figures; the document's own commune owns none of them as another unit."""
        unit = cells[0][1].strip()
        if not unit:
            return []
        owner = None if self.doc.is_own(unit) else unit
        facts = []
        for index, name, written_unit in table.columns:
            if index >= len(cells):
                continue
            fact = self._value(line, name, written_unit, cells[index], self.doc.period)
            if fact is not None and fact.kind == FactKind.INDICATOR_VALUE:
                fact.unit_name, fact.fields["owner_said"] = owner, True
                facts.append(fact)
        return facts

    def read_row(self, line: Line) -> list[Fact]:
        cells = _cells(line)
        header = self._header(cells)
        awards = award_header(cells) if header is None else None
        by_unit = _unit_rows(cells) if header is None and awards is None else None
        if header is not None or awards is not None or by_unit is not None:
            self.columns, self.awards, self.by_unit = header, awards, by_unit
            return []
        if self.awards is not None:
            return award_row(self.doc, line, cells, self.awards)
        if self.by_unit is not None:
            return self._unit_row(line, cells, self.by_unit)
        if self.columns is None:
            return []
        return self._row(line, cells, self.columns)

    def _header(self, cells: list[tuple[int, str]]) -> _Columns | None:
        folded = [fold(text) for _, text in cells]
        names = [i for i, cell in enumerate(folded) if _NAME.search(cell)]
        values = [
            i for i, cell in enumerate(folded) if _VALUE.search(cell) and not _SHARE.search(cell)
        ]
        if not names or not values:
            return None
        value = self._value_column(cells, values)
        units = [i for i, cell in enumerate(folded) if _UNIT.search(cell)]
        shares = [
            i
            for i, cell in enumerate(folded)
            if _SHARE.search(cell) and _PLAN_WORD.search(cell) and "cung ky" not in cell
        ]
        start, text = cells[value]
        periods = period_mentions(self.doc, start, start + len(text))
        period = next((m.period for m in periods if m.period.year), self.doc.period)
        basis = cells[shares[0]][1].strip() if shares else ""
        return _Columns(
            names[0],
            value,
            units[0] if units else None,
            shares[0] if shares else None,
            period,
            bool(re.search(r"\buoc\b", folded[value])),
            basis,
            self._earlier_column(folded, period),
            _unit_in_brackets(text),
        )

    def _earlier_column(self, folded: list[str], period: Period) -> tuple[int, Period] | None:
        """ "Cùng kỳ năm 2024": the same period of an earlier year, whose figures are results
        too ("Thực hiện 9 tháng năm 2025" beside it)."""
        for index, cell in enumerate(folded):
            match = _SAME_PERIOD.match(cell)
            if match and period.year and int(match.group(1)) < period.year:
                return index, Period(int(match.group(1)), period.part, period.first_year)
        return None

    def _value_column(self, cells: list[tuple[int, str]], values: list[int]) -> int:
        year = self.doc.year
        for index in values:
            if year and str(year) in cells[index][1]:
                return index
        return values[-1]

    def _row(self, line: Line, cells: list[tuple[int, str]], columns: _Columns) -> list[Fact]:
        if max(columns.name, columns.value) >= len(cells):
            return []
        name = cells[columns.name][1].strip()
        unit = cells[columns.unit][1].strip() if columns.unit is not None else columns.header_unit
        fact = self._value(line, name, unit, cells[columns.value], columns.period)
        if fact is None or fact.kind == FactKind.PROBLEM:
            return [fact] if fact else []
        fact.estimate = columns.estimate
        self._share(fact, cells, columns)
        facts = [fact]
        if columns.earlier is not None and columns.earlier[0] < len(cells):
            index, period = columns.earlier
            earlier = self._value(line, name, unit, cells[index], period)
            facts += [earlier] if earlier and earlier.kind != FactKind.PROBLEM else []
        return facts

    def _value(self, line: Line, name: str, unit: str, cell, period: Period) -> Fact | None:
        """The value of one cell, with the row's indicator and unit."""
        start, written = cell
        tokens = number_tokens(self.doc.text, start, start + len(written))
        if not name or not tokens:
            return None
        if tokens[0].value is None:
            return self._problem(line, name, tokens[0])
        quantity = quantities_of(self.doc.text, tokens, start, start + len(written))[0]
        scale = next(
            (SCALES[word] for word in SCALES if unit.lower().startswith(word + " ")), Decimal(1)
        )
        fact = Fact(
            FactKind.INDICATOR_VALUE, Span(line.start, line.end), Span(line.start, line.end)
        )
        fact.subject, fact.amount = name, quantity.amount
        fact.value = exact(quantity.amount * scale)
        fact.unit = " ".join(unit.lower().split()).replace("tỉ", "tỷ")
        fact.base_unit = fact.unit.split(" ", 1)[1] if scale != 1 else fact.unit
        fact.denominator = quantity.denominator.value if quantity.denominator else None
        fact.numbers = [
            NumberRef(tokens[0].text, tokens[0].span, tokens[0].value, scale),
            *quantity.refs()[1:],
        ]
        fact.period = period
        fact.fields["kind"] = "percent" if fact.unit.startswith("%") else ""
        return fact

    def _share(self, fact: Fact, cells: list[tuple[int, str]], columns: _Columns) -> None:
        if columns.share is None or columns.share >= len(cells):
            return
        start, written = cells[columns.share]
        tokens = number_tokens(self.doc.text, start, start + len(written))
        if len(tokens) == 1 and tokens[0].value is not None:
            token = tokens[0]
            number = NumberRef(token.text, token.span, token.value)
            fact.plan_shares.append(PlanShare(token.value, False, columns.basis, number))
            fact.numbers.append(number)

    def _problem(self, line: Line, name: str, token) -> Fact:
        fact = Fact(FactKind.PROBLEM, token.span, Span(line.start, line.end))
        fact.subject, fact.problem, fact.fields = name, token.error, {"number": token.text}
        fact.confidence = 0.0
        return fact


def _unit_rows(cells: list[tuple[int, str]]) -> _UnitRows | None:
    """The header of a table whose first column names units and whose other columns are
    indicators with their unit in brackets."""
    if len(cells) < 2 or not _ROW_UNIT.match(fold(cells[0][1]).strip()):
        return None
    columns = []
    for index, (_, text) in enumerate(cells[1:], start=1):
        unit = _unit_in_brackets(text)
        name = re.sub(r"\s*\([^()]*\)\s*$", "", text).strip()
        if unit and name:
            columns.append((index, name, unit))
    return _UnitRows(columns) if columns else None
