"""The page every official document starts from: A4, the official margins, Times New Roman
14 pt (Liberation Serif where it is missing, same metrics), page numbers centred in the top
margin from page 2 on; and the document as .docx bytes."""

from __future__ import annotations

import io
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

Layout = Literal["state", "party"]
Orientation = Literal["portrait", "landscape"]

BODY_FONT = "Times New Roman"
BODY_SIZE = 14
A4_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}


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


def to_bytes(doc: DocxDocument) -> bytes:
    """The document as .docx bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
