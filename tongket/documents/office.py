"""Building blocks for official Vietnamese documents in Word (.docx), and PDF through LibreOffice.

Two layouts share one page setup:
- "state": Nghị định 30/2020/NĐ-CP, Phụ lục I (UBND documents);
- "party": Hướng dẫn 36-HD/VPTW (2018) (Đảng ủy documents).

Both: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 14 pt body,
page numbers centred in the top margin and none on page 1. Where Times New Roman is not
installed, LibreOffice substitutes Liberation Serif, which has the same metrics.

Every function takes and returns plain python-docx objects, so a caller can add anything
python-docx can do between two calls.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from tongket.lib.dates import format_place_date

__all__ = [
    "BODY_FONT",
    "BODY_SIZE",
    "MARGINS_MM",
    "OfficeConversionError",
    "add_heading_text",
    "add_paragraph",
    "add_party_header",
    "add_picture",
    "add_signature",
    "add_state_header",
    "add_table",
    "add_title",
    "document_layout",
    "docx_to_pdf",
    "new_document",
    "to_bytes",
]

Layout = Literal["state", "party"]
Orientation = Literal["portrait", "landscape"]

BODY_FONT = "Times New Roman"
BODY_SIZE = 14
A4_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
FIRST_LINE_INDENT_MM = 10
PDF_TIMEOUT_SECONDS = 120

_ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


class OfficeConversionError(RuntimeError):
    """LibreOffice is missing or failed to convert; str() is a Vietnamese message for the user."""


# Page -------------------------------------------------------------------------------------


def new_document(layout: Layout = "state", orientation: Orientation = "portrait") -> DocxDocument:
    """An empty A4 document with the official margins, font and page numbering."""
    if layout not in ("state", "party"):
        raise ValueError(f"Unknown layout {layout!r}: use 'state' or 'party'.")
    if orientation not in ("portrait", "landscape"):
        raise ValueError(f"Unknown orientation {orientation!r}: use 'portrait' or 'landscape'.")
    doc = Document()
    doc.core_properties.category = layout
    doc.core_properties.language = "vi-VN"
    doc.core_properties.author = "tongket"
    _set_default_font(doc)

    section = doc.sections[0]
    width, height = A4_MM
    if orientation == "landscape":
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width = Mm(width)
    section.page_height = Mm(height)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(8)
    section.footer_distance = Mm(8)

    # Page numbers: centred at the top from page 2 on; page 1 has its own (empty) header.
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_field(paragraph)
    first = section.first_page_header
    first.is_linked_to_previous = False
    return doc


def document_layout(doc: DocxDocument) -> Layout:
    """The layout new_document() was called with ("state" or "party")."""
    return "party" if doc.core_properties.category == "party" else "state"


def text_width_mm(doc: DocxDocument) -> float:
    """Width between the margins of the last section, in millimetres."""
    section = doc.sections[-1]
    return (section.page_width - section.left_margin - section.right_margin) / Mm(1)


def _set_default_font(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(BODY_SIZE)
    _set_run_fonts(normal.element.get_or_add_rPr())
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    # The document defaults too, so tables, headers and every style inherit the same face.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None:
            rpr = rpr_default.find(qn("w:rPr"))
            if rpr is not None:
                _set_run_fonts(rpr)
    for style_name in ("Header", "Footer", "Table Grid", "Caption"):
        try:
            style = doc.styles[style_name]
        except KeyError:
            continue
        style.font.name = BODY_FONT
        _set_run_fonts(style.element.get_or_add_rPr())
    paragraph_format = normal.paragraph_format
    paragraph_format.space_before = Pt(0)
    paragraph_format.space_after = Pt(6)
    paragraph_format.line_spacing = 1.1


def _set_run_fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), BODY_FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(theme)) is not None:
            del fonts.attrib[qn(theme)]


def _add_page_field(paragraph: Paragraph) -> None:
    """A PAGE field; Word and LibreOffice replace the placeholder with the page number."""

    def field_char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run.font.size = Pt(BODY_SIZE)
    run._r.append(field_char("begin"))
    run = paragraph.add_run()
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run._r.append(instruction)
    run = paragraph.add_run()
    run._r.append(field_char("separate"))
    run = paragraph.add_run("2")
    run.font.size = Pt(BODY_SIZE)
    run = paragraph.add_run()
    run._r.append(field_char("end"))


# Low-level helpers -----------------------------------------------------------------------


def _format(
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
    paragraph.alignment = _ALIGN[align]
    fmt.space_before = Pt(space_before)
    fmt.space_after = Pt(space_after)
    if line_spacing is not None:
        fmt.line_spacing = line_spacing
    if indent_first_mm is not None:
        fmt.first_line_indent = Mm(indent_first_mm)
    if keep_with_next:
        fmt.keep_with_next = True
    return paragraph


def _run(
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


def _cell_paragraph(cell: _Cell, first: bool) -> Paragraph:
    return cell.paragraphs[0] if first else cell.add_paragraph()


def _cell_line(
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
    paragraph = _format(_cell_paragraph(cell, first), align=align)
    if text:
        _run(paragraph, text, size=size, bold=bold, italic=italic, underline=underline)
    return paragraph


def _short_rule(container, *, width_mm: float, available_mm: float) -> Paragraph:
    """A centred horizontal line width_mm long: a tiny paragraph with a top border and
    indents, which both Word and LibreOffice draw the same way and which stays editable."""
    paragraph = container.add_paragraph()
    _format(paragraph, align="center", line_spacing=None)
    fmt = paragraph.paragraph_format
    side = max((available_mm - width_mm) / 2, 0)
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.line_spacing = Pt(4)
    _border(paragraph, "top")
    _run(paragraph, "", size=2)
    return paragraph


def _border(paragraph: Paragraph, edge: str, size_eighths: int = 6) -> None:
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


def _table_borders(table: Table, value: str) -> None:
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


def _fixed_widths(table: Table, widths_mm: Sequence[float]) -> None:
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


def _borderless_table(doc: DocxDocument, widths_mm: Sequence[float], rows: int = 1) -> Table:
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _table_borders(table, "nil")
    _fixed_widths(table, widths_mm)
    return table


def _header_widths(doc: DocxDocument) -> tuple[float, float]:
    width = text_width_mm(doc)
    left = round(width * 0.42, 1)
    return left, round(width - left, 1)


# Header blocks ----------------------------------------------------------------------------


def add_state_header(
    doc: DocxDocument, *, parent_body: str, body: str, number: str, place: str, on: date | None
) -> Table:
    """The state header block (NĐ 30/2020): issuing body on the left with its number, the
    national title and motto on the right with the place and date under them."""
    left_mm, right_mm = _header_widths(doc)
    table = _borderless_table(doc, (left_mm, right_mm), rows=2)
    left, right = table.rows[0].cells
    _cell_line(left, parent_body.upper(), first=True, size=13)
    _cell_line(left, body.upper(), size=13, bold=True)
    _short_rule(left, width_mm=left_mm * 0.35, available_mm=left_mm)
    _cell_line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", first=True, size=12, bold=True)
    _cell_line(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True)
    _short_rule(right, width_mm=60, available_mm=right_mm)

    number_cell, date_cell = table.rows[1].cells
    _cell_line(number_cell, f"Số: {number}" if number else "Số:      ", first=True, size=13)
    _cell_line(date_cell, format_place_date(place, on), first=True, size=14, italic=True)
    for cell in (*table.rows[0].cells, *table.rows[1].cells):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    _spacer(doc)
    return table


def add_party_header(
    doc: DocxDocument, *, parent_body: str, body: str, number: str, place: str, on: date | None
) -> Table:
    """The party header block (HD 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" top right with a line
    under it; the parent and the issuing committee on the left with an asterisk under it;
    the number written "Số 12-BC/ĐU" without a colon."""
    left_mm, right_mm = _header_widths(doc)
    table = _borderless_table(doc, (left_mm, right_mm), rows=2)
    left, right = table.rows[0].cells
    _cell_line(left, parent_body.upper(), first=True, size=14)
    _cell_line(left, body.upper(), size=14, bold=True)
    _cell_line(left, "*", size=14)
    _cell_line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", first=True, size=15, bold=True, underline=True)

    number_cell, date_cell = table.rows[1].cells
    _cell_line(number_cell, f"Số {number}" if number else "Số      ", first=True, size=14)
    _cell_line(date_cell, format_place_date(place, on), first=True, size=14, italic=True)
    for cell in (*table.rows[0].cells, *table.rows[1].cells):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    _spacer(doc)
    return table


def _spacer(doc: DocxDocument, points: float = 6) -> Paragraph:
    paragraph = doc.add_paragraph()
    _format(paragraph, space_after=0)
    paragraph.paragraph_format.line_spacing = Pt(points)
    return paragraph


def add_title(doc: DocxDocument, kind: str, subject: str) -> list[Paragraph]:
    """The document's kind in capitals ("BÁO CÁO") and its subject (trích yếu) under it,
    both bold and centred, with a short line under the subject."""
    kind_paragraph = _format(doc.add_paragraph(), space_before=6, keep_with_next=True)
    _run(kind_paragraph, kind.upper(), bold=True)
    paragraphs = [kind_paragraph]
    for line in subject.splitlines() or [""]:
        paragraph = _format(doc.add_paragraph(), keep_with_next=True)
        _run(paragraph, line, bold=True)
        paragraphs.append(paragraph)
    rule = _short_rule(doc, width_mm=40, available_mm=text_width_mm(doc))
    rule.paragraph_format.space_after = Pt(12)
    paragraphs.append(rule)
    return paragraphs


# Body -------------------------------------------------------------------------------------


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
    paragraph = _format(
        doc.add_paragraph(),
        align=align,
        space_after=6,
        indent_first_mm=FIRST_LINE_INDENT_MM if indent_first else 0,
        line_spacing=1.1,
    )
    _run(paragraph, text, size=size or BODY_SIZE, bold=bold, italic=italic)
    return paragraph


def add_heading_text(doc: DocxDocument, text: str) -> Paragraph:
    """A bold section heading ("I. KẾT QUẢ THỰC HIỆN ..."), kept on the page of what follows."""
    paragraph = _format(
        doc.add_paragraph(),
        align="justify",
        space_before=6,
        space_after=6,
        indent_first_mm=FIRST_LINE_INDENT_MM,
        line_spacing=1.1,
        keep_with_next=True,
    )
    _run(paragraph, text, bold=True)
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
    _table_borders(table, "single")
    if widths_mm is None:
        width = text_width_mm(doc)
        widths_mm = [round(width / len(headers), 1)] * len(headers)
    _fixed_widths(table, widths_mm)

    header_row = table.rows[0]
    tr_pr = header_row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, text in zip(header_row.cells, headers, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _cell_line(cell, str(text), first=True, size=font_size, bold=True)

    for row, values in zip(table.rows[1:], rows, strict=True):
        cant_split = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(cant_split)
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=False)):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            align = "right" if index in numeric else "left"
            _cell_line(
                cell, "" if value is None else str(value), first=True, size=font_size, align=align
            )
    _spacer(doc)
    return table


def add_picture(
    doc: DocxDocument, png_bytes: bytes, width_mm: float, caption: str | None = None
) -> Paragraph:
    """A centred picture width_mm wide (height keeps the ratio), with an italic caption."""
    paragraph = _format(doc.add_paragraph(), space_before=6, space_after=3, keep_with_next=True)
    paragraph.add_run().add_picture(io.BytesIO(png_bytes), width=Mm(width_mm))
    if caption:
        caption_paragraph = _format(doc.add_paragraph(), space_after=6)
        _run(caption_paragraph, caption, size=12, italic=True)
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
    table = _borderless_table(doc, (left_mm, round(width - left_mm, 1)))
    left, right = table.rows[0].cells
    _cell_line(left, "Nơi nhận:", first=True, size=12, bold=True, italic=True, align="left")
    for index, recipient in enumerate(recipients):
        ending = "." if index == len(recipients) - 1 else ";"
        _cell_line(left, f"- {recipient.rstrip(';.')}{ending}", size=11, align="left")
    first = True
    if on_behalf:
        _cell_line(right, on_behalf.upper(), first=True, size=14, bold=True)
        first = False
    _cell_line(right, signer_title.upper(), first=first, size=14, bold=True)
    for _ in range(4):
        _cell_line(right, "", size=14)
    _cell_line(right, signer_name, size=14, bold=True)
    for cell in table.rows[0].cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


# Output -----------------------------------------------------------------------------------


def to_bytes(doc: DocxDocument) -> bytes:
    """The document as .docx bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def soffice_path() -> str | None:
    """Path of LibreOffice's soffice (TONGKET_SOFFICE overrides), or None if not installed."""
    configured = os.environ.get("TONGKET_SOFFICE")
    if configured:
        return configured if os.path.exists(configured) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx_bytes: bytes, *, timeout: float = PDF_TIMEOUT_SECONDS) -> bytes:
    """Convert .docx bytes to PDF with LibreOffice headless.

    Each call gets its own temporary directory and its own LibreOffice profile, so several
    conversions can run at the same time (threads or worker processes) without locking each
    other out. Raises OfficeConversionError with a Vietnamese message on any failure.
    """
    binary = soffice_path()
    if binary is None:
        raise OfficeConversionError(
            "Không tìm thấy LibreOffice (soffice) để chuyển sang PDF. "
            "Hãy cài gói Debian: sudo apt-get install -y libreoffice-writer-nogui"
        )
    with tempfile.TemporaryDirectory(prefix="tongket-pdf-") as workdir:
        source = os.path.join(workdir, "vanban.docx")
        with open(source, "wb") as handle:
            handle.write(docx_bytes)
        profile = os.path.join(workdir, f"profile-{uuid.uuid4().hex}")
        command = [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            workdir,
            source,
        ]
        env = {**os.environ, "HOME": workdir}
        try:
            completed = subprocess.run(
                command, capture_output=True, timeout=timeout, env=env, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise OfficeConversionError(
                f"LibreOffice không chuyển xong sang PDF trong {int(timeout)} giây."
            ) from exc
        except OSError as exc:
            raise OfficeConversionError(f"Không chạy được LibreOffice: {exc}") from exc
        target = os.path.join(workdir, "vanban.pdf")
        if completed.returncode != 0 or not os.path.exists(target):
            detail = (completed.stderr or completed.stdout or b"").decode("utf-8", "replace")
            raise OfficeConversionError(
                "LibreOffice không chuyển được văn bản sang PDF"
                + (f": {detail.strip()[:300]}" if detail.strip() else ".")
            )
        with open(target, "rb") as handle:
            return handle.read()
