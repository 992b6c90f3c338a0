"""Building blocks for official Vietnamese documents in Word (.docx), and PDF through LibreOffice.

Two layouts share one page setup:
- "state": Nghị định 30/2020/NĐ-CP, Phụ lục I (UBND documents);
- "party": Hướng dẫn 36-HD/VPTW (2018) (Đảng ủy documents).

Both: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 14 pt body,
page numbers centred in the top margin and none on page 1. Where Times New Roman is not
installed, LibreOffice substitutes Liberation Serif, which has the same metrics.

Every function takes and returns plain python-docx objects, so a caller can add anything
python-docx can do between two calls.

The package: page.py (the page and .docx bytes), blocks.py (headers, title, paragraphs,
tables, pictures, signature), parts.py (the python-docx steps they are made of), pdf.py.
"""

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from .blocks import (
    Agency,
    Signature,
    add_caption,
    add_heading_text,
    add_lead_paragraph,
    add_paragraph,
    add_party_header,
    add_picture,
    add_signature,
    add_signatures,
    add_state_header,
    add_table,
    add_title,
    list_lines,
)
from .measure import NBSP, fit_lines, keep_together
from .page import BODY_FONT, BODY_SIZE, MARGINS_MM, document_layout, new_document, to_bytes
from .pdf import OfficeConversionError, docx_to_pdf, soffice_path

__all__ = [
    "BODY_FONT",
    "BODY_SIZE",
    "MARGINS_MM",
    "NBSP",
    "WD_ALIGN_PARAGRAPH",
    "Agency",
    "DocxDocument",
    "OfficeConversionError",
    "Signature",
    "add_caption",
    "add_heading_text",
    "add_lead_paragraph",
    "add_paragraph",
    "add_party_header",
    "add_picture",
    "add_signature",
    "add_signatures",
    "add_state_header",
    "add_table",
    "add_title",
    "document_layout",
    "docx_to_pdf",
    "fit_lines",
    "keep_together",
    "list_lines",
    "new_document",
    "soffice_path",
    "to_bytes",
]
