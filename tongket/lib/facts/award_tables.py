"""Tables of awards ("Kết quả khen thưởng năm 2025" as a Word table).

A header row names a form column ("Hình thức khen thưởng", "Danh hiệu") and count columns
("Tập thể", "Cá nhân", "Hộ gia đình", or one "Số lượng" column whose cells say "214 cá nhân"),
sometimes a body column ("Cơ quan khen thưởng", "Cấp khen"). Each row below is one award:
"Bằng khen của Chủ tịch UBND tỉnh | 1 | 2" → body "Chủ tịch UBND tỉnh", form "Bằng khen", 1
collective, 2 individuals; "-" is no count. A total row ("Tổng cộng") repeats the rows and is
not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .awards import category, form_in, trim_body
from .context import DocContext
from .folding import fold
from .layout import Line
from .model import Fact, FactKind, Span
from .quantities import quantities_of
from .tokens import number_tokens

__all__ = ["AwardColumns", "award_header", "award_row"]

_FORM = re.compile(r"^(?:hinh thuc(?: khen thuong)?|danh hieu(?:, hinh thuc)?(?: thi dua)?)\b")
_BODY = re.compile(r"^(?:co quan|cap|tham quyen|nguoi ky|don vi)(?: khen thuong| quyet dinh)?$")
_COUNTS = {
    "tap the": "collectives",
    "ca nhan": "individuals",
    "ho gia dinh": "households",
    "ho": "households",
    "so luong": "",
}
_TOTAL_ROW = re.compile(r"^(?:tong cong|tong so|cong|tong)\b")


@dataclass(frozen=True)
class AwardColumns:
    form: int
    body: int | None
    counts: tuple[tuple[int, str], ...]


def award_header(cells: list[tuple[int, str]]) -> AwardColumns | None:
    """The columns of an award table's header row, or None."""
    folded = [fold(text).strip() for _, text in cells]
    forms = [i for i, cell in enumerate(folded) if _FORM.search(cell)]
    counts = tuple((i, _COUNTS[cell]) for i, cell in enumerate(folded) if cell in _COUNTS)
    if not forms or not counts:
        return None
    bodies = [i for i, cell in enumerate(folded) if _BODY.search(cell)]
    return AwardColumns(forms[0], bodies[0] if bodies else None, counts)


def award_row(doc: DocContext, line: Line, cells, columns: AwardColumns) -> list[Fact]:
    """The award of one row (nothing for a total row or a row without a count)."""
    if columns.form >= len(cells):
        return []
    written = cells[columns.form][1].strip()
    if not written or _TOTAL_ROW.match(fold(written)):
        return []
    form_text, _, giver = written.partition(" của ")
    body = trim_body(giver, backwards=False) if giver else ""
    if columns.body is not None and columns.body < len(cells):
        body = trim_body(cells[columns.body][1].strip(), backwards=False) or body
    fact = Fact(FactKind.AWARD_COUNT, Span(line.start, line.end), Span(line.start, line.end))
    fact.fields = {"body": body, "form": form_in(form_text) or form_text}
    fact.fields |= dict.fromkeys(("collectives", "individuals", "households", "total"))
    for index, key in columns.counts:
        if index < len(cells):
            _count(doc, cells[index], key, fact)
    if not fact.numbers:
        return []
    fact.subject = fact.fields["form"]
    return [fact]


def _count(doc: DocContext, cell: tuple[int, str], key: str, fact: Fact) -> None:
    """The count(s) of a cell: "3" under "Tập thể", or "14 tập thể, 41 cá nhân"."""
    start, written = cell
    tokens = number_tokens(doc.text, start, start + len(written))
    if not tokens or any(token.value is None for token in tokens) or (key and len(tokens) > 1):
        return
    for quantity in quantities_of(doc.text, tokens, start, start + len(written)):
        kind = key or category(quantity.base_unit) or ""
        if kind and fact.fields.get(kind) is None:
            fact.fields[kind] = quantity.amount
            fact.numbers.extend(quantity.refs())
