"""The office building blocks make documents in the official layout that Word and
LibreOffice open: A4, NĐ 30/2020 margins, Times New Roman, header text, tables, PDF."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from PIL import Image
from pypdf import PdfReader

from tongket.documents import office


def _build(layout="state", *, paragraphs: int = 3):
    doc = office.new_document(layout)
    header = office.add_state_header if layout == "state" else office.add_party_header
    agency = (
        office.Agency(parent=(), body=("Ủy ban nhân dân", "phường Hòa Bình"))
        if layout == "state"
        else office.Agency(parent=("Đảng bộ tỉnh An Hòa",), body=("Đảng ủy phường Hòa Bình",))
    )
    header(
        doc,
        agency=agency,
        number_line="Số: 15/BC-UBND" if layout == "state" else "Số 12-BC/ĐU",
        place="Hòa Bình",
        on=date(2026, 1, 9),
    )
    office.add_title(
        doc, "Báo cáo", "Tổng kết công tác năm 2025, phương hướng nhiệm vụ năm 2026", layout=layout
    )
    office.add_heading_text(doc, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    for index in range(paragraphs):
        office.add_paragraph(
            doc,
            f"Đoạn {index + 1}: tổng thu ngân sách nhà nước trên địa bàn ước thực hiện 12,4 tỷ "
            "đồng, bằng 104% kế hoạch giao; tỷ lệ hộ nghèo giảm còn 0,31%.",
        )
    office.add_table(
        doc,
        ["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện"],
        [["1", "Thu ngân sách (tỷ đồng)", "12", "12,4"], ["2", "Hộ nghèo (%)", "0,4", "0,31"]],
        widths_mm=[12, 83, 35, 35],
        numeric_columns=(2, 3),
    )
    office.add_signature(
        doc,
        signature=office.Signature(("TM. Ủy ban nhân dân", "Chủ tịch"), "Lê Thị Thu Hà"),
        recipients=["UBND tỉnh", "Thường trực Đảng ủy phường;", "Lưu: VT"],
        layout=layout,
    )
    return doc


def _reopen(doc):
    return Document(io.BytesIO(office.to_bytes(doc)))


def _all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def test_state_document_is_a4_with_the_decree_margins():
    doc = _reopen(_build("state"))
    section = doc.sections[0]
    assert round(section.page_width / Mm(1)) == 210
    assert round(section.page_height / Mm(1)) == 297
    assert round(section.top_margin / Mm(1)) == 20
    assert round(section.bottom_margin / Mm(1)) == 20
    assert round(section.left_margin / Mm(1)) == 30
    assert round(section.right_margin / Mm(1)) == 15


def test_landscape_document_swaps_width_and_height():
    doc = _reopen(office.new_document("state", "landscape"))
    section = doc.sections[0]
    assert round(section.page_width / Mm(1)) == 297
    assert round(section.page_height / Mm(1)) == 210


def test_unknown_layout_is_refused():
    with pytest.raises(ValueError):
        office.new_document("newspaper")


def test_body_font_is_times_new_roman_14():
    doc = _reopen(_build("state"))
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    body = next(p for p in doc.paragraphs if p.text.startswith("Đoạn 1"))
    assert body.runs[0].font.name in (None, "Times New Roman")  # inherits the style's face
    fonts = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert body.alignment == office.WD_ALIGN_PARAGRAPH.JUSTIFY


def test_page_numbers_are_in_the_header_but_not_on_the_first_page():
    doc = _reopen(_build("state"))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def _lines(cell) -> list[str]:
    return [p.text.replace(office.NBSP, " ") for p in cell.paragraphs if p.text]


def test_state_header_has_the_national_title_and_the_numbered_body():
    doc = _reopen(_build("state"))
    header = doc.tables[0]
    left = _lines(header.rows[0].cells[0])
    right = header.rows[0].cells[1].text
    # The issuing body alone, the place name on its own line and never split (NBSPs).
    assert left == ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA BÌNH"]
    assert header.rows[0].cells[0].paragraphs[1].text == "PHƯỜNG\u00a0HÒA\u00a0BÌNH"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert header.rows[1].cells[0].text == "Số: 15/BC-UBND"
    assert header.rows[1].cells[1].text == "Hòa Bình, ngày 09 tháng 01 năm 2026"
    body_run = header.rows[0].cells[0].paragraphs[1].runs[0]
    assert body_run.bold
    motto_run = header.rows[0].cells[1].paragraphs[0].runs[0]
    assert motto_run.bold and motto_run.font.size.pt in (12, 13)


def _rule_below(cell_or_doc, index):
    """The paragraph at `index` is a short rule: a top border, space above it."""
    paragraph = cell_or_doc.paragraphs[index]
    assert "w:top" in paragraph._p.xml and not paragraph.text
    return paragraph


def test_rules_sit_clear_of_the_text_they_underline():
    doc = _reopen(_build("state"))
    left, right = doc.tables[0].rows[0].cells
    for rule in (_rule_below(left, 2), _rule_below(right, 2)):
        assert rule.paragraph_format.space_before.pt >= 3
    title_rule = next(p for p in doc.paragraphs if "w:pBdr" in p._p.xml)
    assert title_rule.paragraph_format.space_before.pt >= 3


def test_party_header_has_the_party_name_with_its_rule_an_asterisk_and_no_colon():
    doc = _reopen(_build("party"))
    header = doc.tables[0]
    left = _lines(header.rows[0].cells[0])
    assert left[:3] == ["ĐẢNG BỘ TỈNH AN HÒA", "ĐẢNG ỦY PHƯỜNG HÒA BÌNH", "*"]
    party = header.rows[0].cells[1].paragraphs[0].runs[0]
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and party.bold and party.font.size.pt == 15
    _rule_below(header.rows[0].cells[1], 1)
    assert header.rows[1].cells[0].text == "Số 12-BC/ĐU"
    kind = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    assert kind.runs[0].font.size.pt == 16  # HD 36: the document's kind at 15-16 pt
    assert any(p.text == "-----" for p in doc.paragraphs)
    assert office.document_layout(doc) == "party"


def test_table_has_a_repeated_bold_header_and_the_values():
    doc = _reopen(_build("state"))
    table = doc.tables[1]
    assert [c.text for c in table.rows[0].cells] == ["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện"]
    assert "w:tblHeader" in table.rows[0]._tr.xml
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert [c.text for c in table.rows[2].cells] == ["2", "Hộ nghèo (%)", "0,4", "0,31"]
    assert table.rows[1].cells[3].paragraphs[0].alignment == office.WD_ALIGN_PARAGRAPH.RIGHT


def test_table_rows_copied_from_one_built_row_match_rows_built_one_by_one():
    rows = [
        ["1", "Thu ngân sách", "12,5", None],
        ["2", "Hai dòng\nchữ", "3", "4"],  # a line break: built through python-docx
        ["3", " lề trái", ""],  # a short row, a leading space, an empty cell
    ]
    doc = office.new_document()
    office.add_table(doc, ["TT", "Chỉ tiêu", "KH", "TH"], rows, numeric_columns=[2, 3])
    table = _reopen(doc).tables[0]
    texts = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert texts == [
        ["1", "Thu ngân sách", "12,5", "-"],
        ["2", "Hai dòng\nchữ", "3", "4"],
        ["3", " lề trái", "", ""],
    ]
    for row in table.rows[1:]:
        assert "w:cantSplit" in row._tr.xml
        assert row.cells[2].paragraphs[0].alignment == office.WD_ALIGN_PARAGRAPH.RIGHT
        assert row.cells[1].paragraphs[0].alignment == office.WD_ALIGN_PARAGRAPH.LEFT
    assert table.rows[1].cells[1].paragraphs[0].runs[0].font.size == Pt(12)


def test_signature_block_lists_the_recipients_and_the_signer():
    doc = _reopen(_build("state"))
    signature = doc.tables[-1]
    left = [p.text for p in signature.rows[0].cells[0].paragraphs]
    right = [p.text for p in signature.rows[0].cells[1].paragraphs if p.text]
    assert left == ["Nơi nhận:", "- UBND tỉnh;", "- Thường trực Đảng ủy phường;", "- Lưu: VT."]
    assert right == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thị Thu Hà"]


def test_a_document_is_never_printed_without_its_number():
    doc = office.new_document()
    with pytest.raises(ValueError):
        office.add_state_header(
            doc,
            agency=office.Agency((), ("Ủy ban nhân dân",)),
            number_line="Số: ",
            place="Hòa Bình",
            on=date(2026, 1, 9),
        )


@pytest.mark.parametrize(
    "prefix, place, lines",
    [
        ("ĐẢNG ỦY", "XÃ ĐẬU LIÊU", ["ĐẢNG ỦY XÃ ĐẬU LIÊU"]),
        ("ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA BÌNH", ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA BÌNH"]),
        ("ĐẢNG ỦY", "PHƯỜNG NGUYỄN THÁI HỌC", ["ĐẢNG ỦY", "PHƯỜNG NGUYỄN THÁI HỌC"]),
    ],
)
def test_a_heading_never_splits_a_place_name(prefix, place, lines):
    fitted = office.fit_lines(prefix, place, width_mm=70, size=14, bold=True)
    assert [line.replace(office.NBSP, " ") for line in fitted] == lines
    assert all(" " not in line.removeprefix(prefix + " ") for line in fitted[-1:])


def test_picture_is_embedded_with_its_caption():
    image = io.BytesIO()
    Image.new("RGB", (200, 100), "red").save(image, format="PNG")
    doc = office.new_document()
    office.add_picture(doc, image.getvalue(), 120, caption="Biểu đồ 1. Tỷ lệ % kế hoạch")
    doc = _reopen(doc)
    assert len(doc.inline_shapes) == 1
    assert round(doc.inline_shapes[0].width / Mm(1)) == 120
    assert "Biểu đồ 1. Tỷ lệ % kế hoạch" in _all_text(doc)


def test_pdf_has_the_vietnamese_text_and_the_pages():
    doc = _build("state", paragraphs=40)
    pdf = office.docx_to_pdf(office.to_bytes(doc))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    first = reader.pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Hòa Bình, ngày 09 tháng 01 năm 2026" in first
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Lê Thị Thu Hà" in text
    # Page 2 carries its number at the top; page 1 has none.
    assert reader.pages[1].extract_text().strip().startswith("2")
    assert not first.strip().startswith("1")
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert round(float(width) / 72 * 25.4) == 210 and round(float(height) / 72 * 25.4) == 297


def test_pdf_conversion_without_libreoffice_says_how_to_install_it(monkeypatch):
    monkeypatch.setenv("TONGKET_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(office.OfficeConversionError, match="LibreOffice"):
        office.docx_to_pdf(b"not used")
