"""The review report: opened as DOCX (layout, header, table rows and values) and as PDF
(pages, Vietnamese text); missing figures are stated, never invented."""

from __future__ import annotations

import io

import openpyxl
import pytest
from docx import Document
from docx.shared import Mm

from tongket.conferences import services as conference_services
from tongket.conferences.selectors import conference_queryset
from tongket.conferences.tests.builders import make_conference, official
from tongket.documents import article as writer
from tongket.documents import office
from tongket.documents.data import report_data
from tongket.documents.report import report_docx, report_xlsx

pytestmark = pytest.mark.django_db


def _data(conference, layout=None):
    return report_data(conference_queryset().get(pk=conference.pk), layout)


def _open(conference, layout=None):
    return Document(io.BytesIO(report_docx(_data(conference, layout))))


def _text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _results_table(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "TT" and len(t.columns) == 7)


def test_report_is_a4_with_the_official_margins_and_font(year_end):
    doc = _open(year_end)
    section = doc.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    assert round(section.left_margin / Mm(1)) == 30 and round(section.right_margin / Mm(1)) == 15
    assert round(section.top_margin / Mm(1)) == 20 and round(section.bottom_margin / Mm(1)) == 20
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert doc.styles["Normal"].font.size.pt == 14


def test_state_report_header_names_the_bodies_number_place_and_date(year_end):
    header = _open(year_end).tables[0]
    left = [p.text.replace(office.NBSP, " ") for p in header.rows[0].cells[0].paragraphs]
    assert left[:2] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA BÌNH"]
    assert "TỈNH" not in header.rows[0].cells[0].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.rows[0].cells[1].text
    assert header.rows[1].cells[0].text == "Số: 15/BC-UBND"
    assert header.rows[1].cells[1].text == "Hòa Bình, ngày 09 tháng 01 năm 2026"


def test_party_conference_gets_the_party_layout(world, year_end):
    conference_services.conference_update(
        conference=year_end, organisers="party", by=world.officer_a
    )
    doc = _open(year_end)
    header = doc.tables[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header.rows[0].cells[1].text
    assert "PHƯỜNG\u00a0HÒA\u00a0BÌNH" in header.rows[0].cells[0].text
    assert header.rows[1].cells[0].text == "Số 12-BC/ĐU"
    assert "T/M ĐẢNG ỦY" in doc.tables[-1].rows[0].cells[1].text


def test_results_table_has_every_indicator_with_plan_result_percent_and_verdict(year_end):
    table = _results_table(_open(year_end))
    rows = {row.cells[1].text: [c.text for c in row.cells] for row in table.rows[1:]}
    assert rows["Tổng thu ngân sách nhà nước trên địa bàn"][2:] == [
        "tỷ đồng",
        "11,9",
        "12,4 (ước)",
        "104,2%",
        "Vượt",
    ]
    assert rows["Giá trị sản xuất tiểu thủ công nghiệp"][3:] == [
        "109,7",
        "96,5",
        "88%",
        "Không đạt",
    ]
    assert rows["Tuyến phố văn minh"][3:5] == ["100%", "42/42"]
    assert rows["Tỷ lệ hộ nghèo"][3:5] == ["0,4", "0,31"]
    # Missing values print "-", never a status text or an invented figure.
    assert rows["Sản lượng lương thực"][3:] == ["-", "1.204,6", "-", "-"]
    assert rows["Số đảng viên mới kết nạp"][3:] == ["6", "-", "-", "-"]
    assert rows["Kinh tế"][0] == "I"
    assert "w:tblHeader" in table.rows[0]._tr.xml


def test_report_sentences_come_from_the_data(year_end):
    text = _text(_open(year_end))
    assert (
        "Tổng thu ngân sách nhà nước trên địa bàn ước thực hiện 12,4 tỷ đồng, bằng 104,2% kế "
        "hoạch" in text
    )
    assert "tỷ lệ hộ nghèo giảm còn 0,31% (kế hoạch 0,4%, vượt)" in text
    assert "Năm 2025, có 4/5 chỉ tiêu đạt và vượt kế hoạch" in text
    assert "chưa có số liệu" not in text.lower() and "chưa giao kế hoạch" not in text.lower()
    # Items of a list end with ";" and the last with ".".
    assert "- Thu ngân sách từ đất còn thấp;" in text
    assert "- Một số tuyến phố còn lấn chiếm vỉa hè." in text
    assert "- Hoàn thành chỉ tiêu thu ngân sách;" in text
    assert "- Xây dựng phường văn minh đô thị." in text
    assert "Các chỉ tiêu không đạt kế hoạch: giá trị sản xuất tiểu thủ công nghiệp" in text


def test_next_year_targets_are_listed(year_end):
    doc = _open(year_end)
    plans = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Văn bản giao")
    values = {row.cells[1].text: row.cells[3].text for row in plans.rows[1:]}
    assert values["Tổng thu ngân sách nhà nước trên địa bàn"] == "13"
    assert values["Sản lượng lương thực"] == "-"


def test_report_has_the_chart_of_percent_of_plan(year_end):
    doc = _open(year_end)
    assert len(doc.inline_shapes) == 1
    assert "Biểu đồ 1. Tỷ lệ thực hiện năm 2025 so với kế hoạch (%)" in _text(doc)


def test_every_table_has_a_caption(year_end):
    text = _text(_open(year_end))
    assert "Bảng 1. Kết quả thực hiện các chỉ tiêu năm 2025" in text
    assert "Bảng 2. Chỉ tiêu kế hoạch năm 2026" in text


def test_conference_without_results_invents_nothing_and_prints_no_status(world):
    from .builders import make_indicators

    make_indicators(world, with_results=False)
    conference = make_conference(world, directions="Hoàn thành chỉ tiêu thu ngân sách")
    for layout in ("state", "party"):
        conference_services.report_number_take(
            conference=conference, layout=layout, by=world.officer_a
        )
    official(world, "Lê Thị Thu Hà", "Chủ tịch UBND phường", unit=world.a)
    doc = _open(conference)
    text = _text(doc)
    assert "chưa" not in text.lower()
    table = _results_table(doc)
    results = [row.cells[4].text for row in table.rows[1:] if row.cells[2].text]
    assert results and set(results) == {"-"}
    assert len(doc.inline_shapes) == 0


def test_every_report_table_exports_to_xlsx_with_real_numbers(year_end):
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(_data(year_end))))
    assert book.sheetnames[:2] == ["Kết quả 2025", "Kế hoạch 2026"]
    sheet = book["Kết quả 2025"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    budget = next(row for row in rows if row[1] == "Tổng thu ngân sách nhà nước trên địa bàn")
    assert float(budget[3]) == 11.9 and float(budget[4]) == 12.4
    party = next(row for row in rows if row[1] == "Số đảng viên mới kết nạp")
    assert party[4] == "-"  # as the document prints it, never a status text
    found = [
        (str(cell), writer.forbidden_phrases(str(cell)))
        for row in rows
        for cell in row
        if cell is not None and writer.forbidden_phrases(str(cell))
    ]
    assert found == []


def test_no_indicator_sentence_can_carry_status_text(year_end):
    """achievement_phrase states figures only: no sentence for an indicator without a result,
    no "(chưa giao kế hoạch)" after one without a plan."""
    from tongket.documents.wording import achievement_phrase

    rows = _data(year_end).achievements
    assert any(row.result is None for row in rows) and any(row.plan is None for row in rows)
    for row in rows:
        phrase = achievement_phrase(row)
        assert not writer.forbidden_phrases(phrase), phrase
        assert (phrase == "") == (row.result is None and not row.percent_only)
