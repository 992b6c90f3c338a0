"""Small python-docx steps the blocks are made of: a formatted paragraph, a run, a line in
a table cell, a short centred rule, borders, fixed column widths, a spacer."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .page import BODY_SIZE

ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def format_paragraph(
    paragraph: Paragraph,
    *,
    align: str = "center",
    space_before: float = 0,
    space_after: float = 0,
    indent_first_mm: float | None = None,
    line_spacing: float | None = 1.0,
    keep_with_next: bool = False,
) -> Paragraph:
    fmt = paragraph.paragraph_format
    paragraph.alignment = ALIGN[align]
    fmt.space_before = Pt(space_before)
    fmt.space_after = Pt(space_after)
    if line_spacing is not None:
        fmt.line_spacing = line_spacing
    if indent_first_mm is not None:
        fmt.first_line_indent = Mm(indent_first_mm)
    if keep_with_next:
        fmt.keep_with_next = True
    return paragraph


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
):
    # The face comes from the document defaults (set in new_document), so runs only carry
    # what differs: size and emphasis. Fewer XML writes keep large tables fast.
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if underline:
        run.underline = True
    return run


def cell_paragraph(cell: _Cell, first: bool) -> Paragraph:
    return cell.paragraphs[0] if first else cell.add_paragraph()


def cell_line(
    cell: _Cell,
    text: str,
    *,
    first: bool = False,
    size: float = 13,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: str = "center",
) -> Paragraph:
    paragraph = format_paragraph(cell_paragraph(cell, first), align=align)
    if text:
        add_run(paragraph, text, size=size, bold=bold, italic=italic, underline=underline)
    return paragraph


def short_rule(container, *, width_mm: float, available_mm: float) -> Paragraph:
    """A centred horizontal line width_mm long: a tiny paragraph with a top border and
    indents, which both Word and LibreOffice draw the same way and which stays editable."""
    paragraph = container.add_paragraph()
    format_paragraph(paragraph, align="center", line_spacing=None)
    fmt = paragraph.paragraph_format
    side = max((available_mm - width_mm) / 2, 0)
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.line_spacing = Pt(4)
    # Space above the line keeps it clear of the letters it underlines, in Word and in PDF.
    fmt.space_before = Pt(4)
    border(paragraph, "top")
    add_run(paragraph, "", size=2)
    return paragraph


def border(paragraph: Paragraph, edge: str, size_eighths: int = 6) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size_eighths))
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), "000000")
    borders.append(line)


def table_borders(table: Table, value: str) -> None:
    tbl_pr = table._tbl.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), value)
        if value != "nil":
            line.set(qn("w:sz"), "4")
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), "000000")
        borders.append(line)
    tbl_pr.append(borders)


def fixed_widths(table: Table, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tbl_pr.append(layout)
    layout.set(qn("w:type"), "fixed")
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=False):
        column.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)


def borderless_table(doc: DocxDocument, widths_mm: Sequence[float], rows: int = 1) -> Table:
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table_borders(table, "nil")
    fixed_widths(table, widths_mm)
    return table


def spacer(doc: DocxDocument, points: float = 6) -> Paragraph:
    paragraph = doc.add_paragraph()
    format_paragraph(paragraph, space_after=0)
    paragraph.paragraph_format.line_spacing = Pt(points)
    return paragraph
