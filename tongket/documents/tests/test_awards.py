"""Award documents: the decision as DOCX in the official layout with the right numbers, and
certificates as PDF with correct Vietnamese; only for those who may see the decision."""

# ruff: noqa: F811  (the emulation fixtures are imported by name)

import io

import docx
from django.urls import reverse
from pypdf import PdfReader

from tongket.emulation.tests.conftest import decided, em, kinds  # noqa: F401


def test_the_decision_docx_has_the_header_number_awardees_and_total(em, decided, login):
    response = login(em.world.leader_a).get(
        reverse("documents:award_decision_docx", args=[decided.chairman.pk])
    )
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert "Số: 3/QĐ-UBND" in cells
    assert "Hòa Bình, ngày 08 tháng 01 năm 2026" in cells
    assert "QUYẾT ĐỊNH" in text
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;" in text
    assert "Căn cứ Nghị định 73/2024/NĐ-CP;" in text
    assert "5.616.000 đồng (Bằng chữ: Năm triệu sáu trăm mười sáu nghìn đồng)" in text
    assert "Nguyễn Văn An" in cells and "702.000" in cells
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30


def test_the_party_decision_uses_the_party_layout(em, decided, login):
    response = login(em.world.leader_a).get(
        reverse("documents:award_decision_docx", args=[decided.party.pk])
    )
    document = docx.Document(io.BytesIO(response.content))
    cells = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in cells and "Số 12-QĐ/ĐU" in cells


def test_another_commune_cannot_download_the_decision_or_certificates(em, decided, login):
    client = login(em.world.officer_b)
    award = decided.chairman.awards.first()
    assert (
        client.get(reverse("documents:award_decision_docx", args=[decided.chairman.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("documents:award_certificate_pdf", args=[award.pk])).status_code == 404
    )
    assert (
        client.get(
            reverse("documents:award_certificates_pdf", args=[decided.chairman.pk])
        ).status_code
        == 404
    )


def test_a_certificate_is_a_pdf_with_correct_vietnamese(em, decided, login):
    award = decided.party.awards.first()
    response = login(em.world.reporter_a1).get(
        reverse("documents:award_certificate_pdf", args=[award.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "GIẤY KHEN" in text
    assert "Nguyễn Văn Khoa" in text
    assert "ĐẢNG ỦY PHƯỜNG HÒA BÌNH" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Độc lập - Tự do" not in text
    assert "Quyết định số 12-QĐ/ĐU ngày 08 tháng 01 năm 2026" in text
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Liberation" in f or "Times" in f for f in fonts)


def test_the_minutes_docx_lists_who_passed_for_members_of_the_commune_only(em, decided, login):
    url = reverse("documents:award_minutes_docx", args=[decided.session.pk])
    response = login(em.world.officer_a).get(url)
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    cells = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BIÊN BẢN" in text and "Có mặt 5/5 thành viên" in text
    assert "Nguyễn Văn An" in cells and "5/5" in cells
    assert login(em.world.officer_b).get(url).status_code == 404
