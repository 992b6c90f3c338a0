"""The blocks an official document is written with: the state (NĐ 30/2020) and party
(HD 36-HD/VPTW) header blocks, the title, body paragraphs and headings, tables, pictures and
the signature block. Each takes and returns plain python-docx objects."""

from __future__ import annotations

import copy
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from tongket.lib.dates import format_place_date

from .measure import NBSP, keep_together
from .measure import text_width_mm as measured_mm
from .page import BODY_SIZE, text_width_mm
from .parts import (
    add_run,
    borderless_table,
    cell_line,
    fixed_widths,
    format_paragraph,
    short_rule,
    spacer,
    table_borders,
)

FIRST_LINE_INDENT_MM = 10


@dataclass(frozen=True)
class Agency:
    """The issuing body as its header block prints it: the line(s) of the body above it (cơ
    quan chủ quản, not bold; may be empty) and the issuing body's own line(s), bold. Every
    line is printed as given, its words kept together, so a place name is never split."""

    parent: tuple[str, ...]
    body: tuple[str, ...]


CELL_MARGINS_MM = 4  # a table cell's left and right padding together, in Word and LibreOffice
MIN_HEADING_SIZE = 11


def _header_table(doc: DocxDocument, left_mm: float) -> tuple[Table, float, float]:
    """The borderless two-by-two table of a header block, `left_mm` wide on the left."""
    width = text_width_mm(doc)
    left_mm = round(left_mm, 1)
    right_mm = round(width - left_mm, 1)
    return borderless_table(doc, (left_mm, right_mm), rows=2), left_mm, right_mm


def _fit_agency(
    doc: DocxDocument, agency: Agency, size: float, share: float, right_needs_mm: float
) -> tuple[float, float]:
    """The left column's width and the agency lines' size: the usual share of the width;
    wider (up to what the right column can give) when a line would not fit; a smaller size
    (down to 11 pt) as the last resort. A line is never broken inside a name."""
    width = text_width_mm(doc)
    lines = [(line, False) for line in agency.parent] + [(line, True) for line in agency.body]
    widest = max((measured_mm(line.upper(), size, bold=bold) for line, bold in lines), default=0.0)
    needed = widest + CELL_MARGINS_MM
    left_mm = min(max(width * share, needed), width - right_needs_mm)
    room = left_mm - CELL_MARGINS_MM
    if widest > room:
        size = max(MIN_HEADING_SIZE, round(size * room / widest * 0.98, 1))
    return left_mm, size


def _number_and_date(
    doc: DocxDocument, table: Table, number_line: str, size: float, place: str, on: date | None
) -> None:
    """The second row of a header block: the number on the left, "Hòa Bình, ngày …" on the
    right; every cell top-aligned, and a little space under the block."""
    if not any(character.isdigit() for character in number_line):
        raise ValueError("A document is never printed without its number.")
    number_cell, date_cell = table.rows[1].cells
    numbered = cell_line(number_cell, number_line, first=True, size=size)
    numbered.paragraph_format.space_before = Pt(4)
    dated = cell_line(date_cell, format_place_date(place, on), first=True, size=14, italic=True)
    dated.paragraph_format.space_before = Pt(4)
    for cell in (*table.rows[0].cells, *table.rows[1].cells):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    spacer(doc)


def _wrapped(line: str, size: float, bold: bool, room_mm: float) -> list[str]:
    """A heading line as printed: whole when it fits; else, as a last resort for a name too
    long for any header, broken between words (never inside one), each part kept whole."""
    if measured_mm(line, size, bold=bold) <= room_mm:
        return [keep_together(line)]
    kind, _, name = line.partition(" ")
    if name and measured_mm(name, size, bold=bold) <= room_mm:
        return [kind, keep_together(name)]  # "PHƯỜNG" over the whole name
    parts: list[str] = []
    for word in line.split():
        if parts and measured_mm(f"{parts[-1]} {word}", size, bold=bold) <= room_mm:
            parts[-1] = f"{parts[-1]} {word}"
        else:
            parts.append(word)
    return [keep_together(part) for part in parts]


def _agency_lines(cell, agency: Agency, size: float, room_mm: float) -> float:
    """The parent and body lines in a header cell; returns the widest body line's width."""
    first = True
    for line in agency.parent:
        for text in _wrapped(line.upper().replace(NBSP, " "), size, False, room_mm):
            cell_line(cell, text, first=first, size=size)
            first = False
    widest = 0.0
    for line in agency.body:
        for text in _wrapped(line.upper().replace(NBSP, " "), size, True, room_mm):
            cell_line(cell, text, first=first, size=size, bold=True)
            widest = max(widest, measured_mm(text, size, bold=True))
            first = False
    return widest


MOTTO = "Độc lập - Tự do - Hạnh phúc"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"


def add_state_header(
    doc: DocxDocument, *, agency: Agency, number_line: str, place: str, on: date | None
) -> Table:
    """The state header block (NĐ 30/2020, Phụ lục I): the issuing body on the left with a
    short rule under it (a third to a half of its line) and its number; the national title
    and the motto on the right, a rule as long as the motto under it, the place and date."""
    right_needs = measured_mm(NATIONAL_TITLE, 12, bold=True) + CELL_MARGINS_MM + 2
    left_mm, size = _fit_agency(doc, agency, 13, 0.42, right_needs)
    table, left_mm, right_mm = _header_table(doc, left_mm)
    left, right = table.rows[0].cells
    widest = _agency_lines(left, agency, size, left_mm - CELL_MARGINS_MM)
    short_rule(left, width_mm=max(widest * 0.45, 18), available_mm=left_mm)
    cell_line(right, NATIONAL_TITLE, first=True, size=12, bold=True)
    cell_line(right, MOTTO, size=13, bold=True)
    short_rule(right, width_mm=measured_mm(MOTTO, 13, bold=True), available_mm=right_mm)
    _number_and_date(doc, table, number_line, 13, place, on)
    return table


def add_party_header(
    doc: DocxDocument, *, agency: Agency, number_line: str, place: str, on: date | None
) -> Table:
    """The party header block (HD 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" top right with a rule
    as long as it; the committee above and the issuing committee on the left with an asterisk
    under it; the number written "Số 12-BC/ĐU" without a colon."""
    right_needs = measured_mm(PARTY_TITLE, 15, bold=True) + CELL_MARGINS_MM + 2
    left_mm, size = _fit_agency(doc, agency, 14, 0.45, right_needs)
    table, _, right_mm = _header_table(doc, left_mm)
    left, right = table.rows[0].cells
    _agency_lines(left, agency, size, left_mm - CELL_MARGINS_MM)
    cell_line(left, "*", size=14)
    cell_line(right, PARTY_TITLE, first=True, size=15, bold=True)
    short_rule(right, width_mm=measured_mm(PARTY_TITLE, 15, bold=True), available_mm=right_mm)
    _number_and_date(doc, table, number_line, 14, place, on)
    return table


def add_title(
    doc: DocxDocument, kind: str, subject: str, *, layout: str = "state"
) -> list[Paragraph]:
    """The document's kind in capitals ("BÁO CÁO": 14 pt in state documents, 16 pt in party
    ones) and its subject (trích yếu) under it, both bold and centred; under the subject a
    short rule clear of the text (state) or a row of five hyphens (party)."""
    kind_size = 16 if layout == "party" else 14
    kind_paragraph = format_paragraph(doc.add_paragraph(), space_before=6, keep_with_next=True)
    add_run(kind_paragraph, kind.upper(), size=kind_size, bold=True)
    paragraphs = [kind_paragraph]
    lines = subject.splitlines() or [""]
    for line in lines:
        paragraph = format_paragraph(doc.add_paragraph(), keep_with_next=True)
        add_run(paragraph, line, bold=True)
        paragraphs.append(paragraph)
    if layout == "party":
        dashes = format_paragraph(doc.add_paragraph(), space_after=12)
        add_run(dashes, "-----")
        paragraphs.append(dashes)
        return paragraphs
    available = text_width_mm(doc)
    longest = max(measured_mm(line, BODY_SIZE, bold=True) for line in lines)
    rule = short_rule(doc, width_mm=max(min(longest, available) * 0.4, 25), available_mm=available)
    rule.paragraph_format.space_after = Pt(12)
    paragraphs.append(rule)
    return paragraphs


def add_paragraph(
    doc: DocxDocument,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str = "justify",
    indent_first: bool = True,
    size: float | None = None,
) -> Paragraph:
    """A body paragraph: justified, first line indented, 14 pt unless size is given."""
    paragraph = format_paragraph(
        doc.add_paragraph(),
        align=align,
        space_after=6,
        indent_first_mm=FIRST_LINE_INDENT_MM if indent_first else 0,
        line_spacing=1.1,
    )
    add_run(paragraph, text, size=size or BODY_SIZE, bold=bold, italic=italic)
    return paragraph


def add_lead_paragraph(doc: DocxDocument, lead: str, text: str) -> Paragraph:
    """A body paragraph opening with a bold lead ("Điều 1.") followed by plain text."""
    paragraph = format_paragraph(
        doc.add_paragraph(),
        align="justify",
        space_after=6,
        indent_first_mm=FIRST_LINE_INDENT_MM,
        line_spacing=1.1,
    )
    add_run(paragraph, lead, bold=True)
    add_run(paragraph, f" {text}")
    return paragraph


def add_caption(doc: DocxDocument, text: str) -> Paragraph:
    """A table's caption above it ("Bảng 1. …"), bold, centred, kept with the table."""
    paragraph = format_paragraph(
        doc.add_paragraph(), space_before=6, space_after=4, keep_with_next=True
    )
    add_run(paragraph, text, size=13, bold=True)
    return paragraph


def add_heading_text(doc: DocxDocument, text: str) -> Paragraph:
    """A bold section heading ("I. KẾT QUẢ THỰC HIỆN ..."), kept on the page of what follows."""
    paragraph = format_paragraph(
        doc.add_paragraph(),
        align="justify",
        space_before=6,
        space_after=6,
        indent_first_mm=FIRST_LINE_INDENT_MM,
        line_spacing=1.1,
        keep_with_next=True,
    )
    add_run(paragraph, text, bold=True)
    return paragraph


def add_table(
    doc: DocxDocument,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    widths_mm: Sequence[float] | None = None,
    numeric_columns: Iterable[int] = (),
    font_size: float = 12,
) -> Table:
    """A bordered table; the header row is bold, centred and repeated on every page.
    Cells are written as str(value) (None becomes "-"); numeric columns are right-aligned,
    so format numbers the Vietnamese way before passing them."""
    numeric = set(numeric_columns)
    texts = [["-" if value is None else str(value) for value in row] for row in rows]
    table = doc.add_table(rows=1 + min(1, len(texts)), cols=len(headers))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table_borders(table, "single")
    if widths_mm is None:
        width = text_width_mm(doc)
        widths_mm = [round(width / len(headers), 1)] * len(headers)
    fixed_widths(table, widths_mm)

    header_row = table.rows[0]
    tr_pr = header_row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, text in zip(header_row.cells, headers, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_line(cell, str(text), first=True, size=font_size, bold=True)
    if texts:
        _body_rows(table, texts, numeric, font_size)
    spacer(doc)
    return table


def _body_row(row, values: Sequence[str], numeric: set[int], font_size: float) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for index, (cell, text) in enumerate(zip(row.cells, values, strict=False)):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        align = "right" if index in numeric else "left"
        cell_line(cell, text, first=True, size=font_size, align=align)


def _body_rows(table: Table, texts: list[list[str]], numeric: set[int], font_size: float):
    """The body rows. The first is built through python-docx (with a placeholder in every
    cell); each next one is a copy of its XML with the texts put in, which makes the same
    document many times faster. A text with a line break or a tab, which python-docx writes
    as elements of their own, is built the slow way."""
    columns = len(table.columns)
    _body_row(table.rows[1], ["x"] * columns, numeric, font_size)
    prototype = copy.deepcopy(table.rows[1]._tr)
    table._tbl.remove(table.rows[1]._tr)
    plain = {"\n", "\t", "\r"}.isdisjoint
    for row in texts:
        values = [*row, *[""] * (columns - len(row))]
        if not all(plain(text) for text in values):
            _body_row(table.add_row(), values, numeric, font_size)
            continue
        tr = copy.deepcopy(prototype)
        for tc, text in zip(tr.iterchildren(qn("w:tc")), values, strict=False):
            run = tc.find(f"{qn('w:p')}/{qn('w:r')}")
            if not text:
                run.getparent().remove(run)
                continue
            node = run.find(qn("w:t"))
            node.text = text
            if text != text.strip():
                node.set(qn("xml:space"), "preserve")
        table._tbl.append(tr)


def add_picture(
    doc: DocxDocument, png_bytes: bytes, width_mm: float, caption: str | None = None
) -> Paragraph:
    """A centred picture width_mm wide (height keeps the ratio), with an italic caption."""
    paragraph = format_paragraph(
        doc.add_paragraph(), space_before=6, space_after=3, keep_with_next=True
    )
    paragraph.add_run().add_picture(io.BytesIO(png_bytes), width=Mm(width_mm))
    if caption:
        caption_paragraph = format_paragraph(doc.add_paragraph(), space_after=6)
        add_run(caption_paragraph, caption, size=12, italic=True)
    return paragraph


@dataclass(frozen=True)
class Signature:
    """Who signs and in what capacity: the authority lines as printed ("TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the signer's name under the room to sign."""

    authority: tuple[str, ...]
    name: str


def _signature_cell(cell, signature: Signature, first: bool = True) -> None:
    for line in signature.authority:
        cell_line(cell, line.upper(), first=first, size=14, bold=True)
        first = False
    for _ in range(4):
        cell_line(cell, "", size=14)
    cell_line(cell, signature.name, size=14, bold=True)


def add_signature(
    doc: DocxDocument,
    *,
    signature: Signature,
    recipients: Sequence[str],
    layout: str = "state",
) -> Table:
    """The closing block: "Nơi nhận:" and its list on the left (each line ends ";", the
    last "."), the signature on the right: authority lines, room to sign, the name."""
    width = text_width_mm(doc)
    left_mm = round(width * 0.45, 1)
    spacer(doc)
    table = borderless_table(doc, (left_mm, round(width - left_mm, 1)))
    left, right = table.rows[0].cells
    if recipients:
        if layout == "party":
            cell_line(left, "Nơi nhận:", first=True, size=14, underline=True, align="left")
        else:
            cell_line(left, "Nơi nhận:", first=True, size=12, bold=True, italic=True, align="left")
        for line in list_lines(recipients, dash=True):
            cell_line(left, line, size=12 if layout == "party" else 11, align="left")
    _signature_cell(right, signature)
    for cell in table.rows[0].cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


def add_signatures(doc: DocxDocument, signatures: Sequence[Signature]) -> Table:
    """Signatures side by side (the secretary's beside the chair's under minutes)."""
    width = text_width_mm(doc)
    share = round(width / len(signatures), 1)
    spacer(doc)
    table = borderless_table(doc, [share] * len(signatures))
    for cell, signature in zip(table.rows[0].cells, signatures, strict=True):
        _signature_cell(cell, signature)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


def list_lines(items: Sequence[str], *, dash: bool = True) -> list[str]:
    """Items of a list as printed: each ends with ";" and the last with "." (any ending the
    item had is replaced); with a leading "- " when dash is set."""
    cleaned = [item.strip().rstrip(";.,: ") for item in items if item and item.strip(" ;.,")]
    lines = []
    for index, item in enumerate(cleaned):
        ending = "." if index == len(cleaned) - 1 else ";"
        lines.append(f"{'- ' if dash else ''}{item}{ending}")
    return lines
