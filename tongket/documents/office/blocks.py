"""The blocks an official document is written with: the state (NĐ 30/2020) and party
(HD 36-HD/VPTW) header blocks, the title, body paragraphs and headings, tables, pictures and
the signature block. Each takes and returns plain python-docx objects."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from tongket.lib.dates import format_place_date

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


def _header_table(doc: DocxDocument) -> tuple[Table, float, float]:
    """The borderless two-by-two table of a header block, 42% of the width on the left."""
    width = text_width_mm(doc)
    left_mm = round(width * 0.42, 1)
    right_mm = round(width - left_mm, 1)
    return borderless_table(doc, (left_mm, right_mm), rows=2), left_mm, right_mm


def _number_and_date(
    doc: DocxDocument, table: Table, number: str, size: float, place: str, on: date | None
) -> None:
    """The second row of a header block: the number on the left, "Hòa Bình, ngày …" on the
    right; every cell top-aligned, and a little space under the block."""
    number_cell, date_cell = table.rows[1].cells
    cell_line(number_cell, number, first=True, size=size)
    cell_line(date_cell, format_place_date(place, on), first=True, size=14, italic=True)
    for cell in (*table.rows[0].cells, *table.rows[1].cells):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    spacer(doc)


def add_state_header(
    doc: DocxDocument, *, parent_body: str, body: str, number: str, place: str, on: date | None
) -> Table:
    """The state header block (NĐ 30/2020): issuing body on the left with its number, the
    national title and motto on the right with the place and date under them."""
    table, left_mm, right_mm = _header_table(doc)
    left, right = table.rows[0].cells
    cell_line(left, parent_body.upper(), first=True, size=13)
    cell_line(left, body.upper(), size=13, bold=True)
    short_rule(left, width_mm=left_mm * 0.35, available_mm=left_mm)
    cell_line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first=True, size=12, bold=True)
    cell_line(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True)
    short_rule(right, width_mm=60, available_mm=right_mm)
    _number_and_date(doc, table, f"Số: {number}" if number else "Số:      ", 13, place, on)
    return table


def add_party_header(
    doc: DocxDocument, *, parent_body: str, body: str, number: str, place: str, on: date | None
) -> Table:
    """The party header block (HD 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" top right with a line
    under it; the parent and the issuing committee on the left with an asterisk under it;
    the number written "Số 12-BC/ĐU" without a colon."""
    table, _, _ = _header_table(doc)
    left, right = table.rows[0].cells
    cell_line(left, parent_body.upper(), first=True, size=14)
    cell_line(left, body.upper(), size=14, bold=True)
    cell_line(left, "*", size=14)
    cell_line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", first=True, size=15, bold=True, underline=True)
    _number_and_date(doc, table, f"Số {number}" if number else "Số      ", 14, place, on)
    return table


def add_title(doc: DocxDocument, kind: str, subject: str) -> list[Paragraph]:
    """The document's kind in capitals ("BÁO CÁO") and its subject (trích yếu) under it,
    both bold and centred, with a short line under the subject."""
    kind_paragraph = format_paragraph(doc.add_paragraph(), space_before=6, keep_with_next=True)
    add_run(kind_paragraph, kind.upper(), bold=True)
    paragraphs = [kind_paragraph]
    for line in subject.splitlines() or [""]:
        paragraph = format_paragraph(doc.add_paragraph(), keep_with_next=True)
        add_run(paragraph, line, bold=True)
        paragraphs.append(paragraph)
    rule = short_rule(doc, width_mm=40, available_mm=text_width_mm(doc))
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
    Cells are written as str(value) (None becomes empty); numeric columns are right-aligned,
    so format numbers the Vietnamese way before passing them."""
    numeric = set(numeric_columns)
    rows = [list(row) for row in rows]
    table = doc.add_table(rows=1 + len(rows), cols=len(headers))
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

    for row, values in zip(table.rows[1:], rows, strict=True):
        cant_split = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(cant_split)
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=False)):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            align = "right" if index in numeric else "left"
            cell_line(
                cell, "" if value is None else str(value), first=True, size=font_size, align=align
            )
    spacer(doc)
    return table


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


def add_signature(
    doc: DocxDocument,
    *,
    on_behalf: str,
    signer_title: str,
    signer_name: str,
    recipients: Sequence[str],
) -> Table:
    """The closing block: "Nơi nhận:" and its list on the left, the signature on the right
    (on behalf of, e.g. "TM. ỦY BAN NHÂN DÂN"; the signer's title; room to sign; the name)."""
    width = text_width_mm(doc)
    left_mm = round(width * 0.45, 1)
    table = borderless_table(doc, (left_mm, round(width - left_mm, 1)))
    left, right = table.rows[0].cells
    cell_line(left, "Nơi nhận:", first=True, size=12, bold=True, italic=True, align="left")
    for index, recipient in enumerate(recipients):
        ending = "." if index == len(recipients) - 1 else ";"
        cell_line(left, f"- {recipient.rstrip(';.')}{ending}", size=11, align="left")
    first = True
    if on_behalf:
        cell_line(right, on_behalf.upper(), first=True, size=14, bold=True)
        first = False
    cell_line(right, signer_title.upper(), first=first, size=14, bold=True)
    for _ in range(4):
        cell_line(right, "", size=14)
    cell_line(right, signer_name, size=14, bold=True)
    for cell in table.rows[0].cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table
