"""Certificates (giấy khen, giấy chứng nhận danh hiệu): one A4 landscape page per awardee in
the form offices print, a decorative double border drawn in the document itself (page
borders, no outside image), the national (or party) title with its rule, "GIẤY KHEN" large,
the recipient's name prominent, the achievement, the decision's number and date, and a
centred signature block."""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor

from tongket.emulation.choices import AwardingBody, Category, Recipient
from tongket.emulation.selectors import DecisionPage, certificate_salutation
from tongket.lib.dates import format_document_date, format_place_date

from .. import office
from ..issuing import Issue
from ..office.blocks import MOTTO
from ..office.measure import text_width_mm as measured_mm
from ..office.parts import add_run, borderless_table, cell_line, format_paragraph, short_rule
from .common import decision_issue, issuer_name

RED = "9B1B1B"
MARGINS_MM = {"top": 24, "bottom": 18, "left": 28, "right": 28}


def _page_setup(doc) -> float:
    """Margins for a certificate, no page number, and the double border on every page;
    returns the width between the margins."""
    section = doc.sections[0]
    for edge, value in MARGINS_MM.items():
        setattr(section, f"{edge}_margin", Mm(value))
    section.different_first_page_header_footer = False
    for paragraph in section.header.paragraphs:
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
    _page_border(section)
    return (section.page_width - section.left_margin - section.right_margin) / Mm(1)


def _page_border(section) -> None:
    """A thick-thin double frame in dark red, 12 mm inside the page edge, on every page."""
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "thickThinMediumGap")
        line.set(qn("w:sz"), "36")
        line.set(qn("w:space"), "34")
        line.set(qn("w:color"), RED)
        borders.append(line)
    sect_pr = section._sectPr
    # pgBorders goes after pgMar (and pgSz) in the section's properties.
    anchor = sect_pr.find(qn("w:pgMar"))
    if anchor is None:
        sect_pr.append(borders)
    else:
        anchor.addnext(borders)


def _line(doc, text: str, size: float, *, before: float = 0, colour: str | None = None, **style):
    paragraph = format_paragraph(doc.add_paragraph(), space_before=before, keep_with_next=True)
    run = add_run(paragraph, text, size=size, **style)
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return paragraph


def _heading(doc, page: DecisionPage, width_mm: float) -> None:
    """The national (or party) title with its rule, and who awards."""
    if page.decision.body == AwardingBody.PARTY_COMMITTEE:
        _line(doc, "ĐẢNG CỘNG SẢN VIỆT NAM", 16, bold=True)
        short_rule(
            doc, width_mm=measured_mm("ĐẢNG CỘNG SẢN VIỆT NAM", 16, True), available_mm=width_mm
        )
    else:
        _line(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 16, bold=True)
        _line(doc, MOTTO, 16, bold=True)
        short_rule(doc, width_mm=measured_mm(MOTTO, 16, True), available_mm=width_mm)
    _line(doc, issuer_name(page).upper(), 18, before=20, bold=True)


def _achievement_size(text: str) -> float:
    return 18 if len(text) <= 140 else 15 if len(text) <= 260 else 13


def _body(doc, award) -> None:
    """ "TẶNG / GIẤY KHEN" (or "GIẤY CHỨNG NHẬN"), the name, the unit, the achievement."""
    nomination = award.nomination
    if nomination.award_kind.category == Category.FORM:
        _line(doc, "TẶNG", 18, before=14, bold=True)
        _line(doc, "GIẤY KHEN", 54, bold=True, colour=RED)
    else:
        _line(doc, "GIẤY CHỨNG NHẬN", 46, before=18, bold=True, colour=RED)
    _line(doc, certificate_salutation(award), 28, before=14, bold=True)
    unit = nomination.nominee_unit
    if nomination.recipient != Recipient.COLLECTIVE and unit is not None:
        _line(doc, unit.name, 17, before=2)
    if nomination.award_kind.category == Category.TITLE:
        text = f"Đã đạt danh hiệu “{nomination.award_kind.name}” năm {nomination.year}"
        _line(doc, text, 19, before=12, bold=True)
    else:
        text = f"Đã có thành tích trong năm {nomination.year}: {nomination.achievement}"
        _line(doc, text.rstrip(". ") + ".", _achievement_size(text), before=12, italic=True)


def _closing(doc, page: DecisionPage, issue: Issue, width_mm: float) -> None:
    """Left: the decision's number and date. Right: place and date, authority, room to sign,
    the signer's name; both centred in their half."""
    decision = page.decision
    spacer = format_paragraph(doc.add_paragraph(), space_before=22)
    spacer.paragraph_format.keep_with_next = True
    half = round(width_mm / 2, 1)
    table = borderless_table(doc, (half, half))
    left, right = table.rows[0].cells
    cell_line(left, f"Quyết định số {decision.number_label}", first=True, size=14)
    cell_line(left, format_document_date(decision.signed_on), size=14)
    cell_line(right, format_place_date(issue.place, issue.on), first=True, size=14, italic=True)
    for line in issue.signature.authority:
        cell_line(right, line, size=14, bold=True)
    for _ in range(4):
        cell_line(right, "", size=14)
    cell_line(right, issue.signature.name, size=16, bold=True)
    left.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def _certificate(doc, page: DecisionPage, issue: Issue, award, width_mm: float, first: bool):
    if not first:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _heading(doc, page, width_mm)
    _body(doc, award)
    _closing(doc, page, issue, width_mm)


def certificates_docx(page: DecisionPage, awards=None) -> bytes:
    """Certificates, one landscape A4 page each (all awardees unless `awards` is given)."""
    issue = decision_issue(page, with_grounds=False).ready("giấy khen")
    awards = page.awards if awards is None else awards
    doc = office.new_document(layout="state", orientation="landscape")
    width_mm = _page_setup(doc)
    for index, award in enumerate(awards):
        _certificate(doc, page, issue, award, width_mm, first=index == 0)
    return office.to_bytes(doc)


def certificates_pdf(page: DecisionPage, awards=None) -> bytes:
    """The certificates as print-ready PDF (LibreOffice, embedded fonts)."""
    return office.docx_to_pdf(certificates_docx(page, awards))
