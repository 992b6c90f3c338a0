"""The import as an officer walks it: upload a Word report, review the proposed facts with
their highlighted numbers, fill in the award decision the text does not name, confirm; the
figures are then in the entry grid (estimate or final) and in the commendation statistics."""

from __future__ import annotations

import re

import pytest

from .conftest import REPORT, docx_bytes

pytestmark = pytest.mark.browser


def test_upload_review_confirm_then_grid_and_statistics(
    world, catalogue, media, browser_login, tmp_path
):
    report = tmp_path / "Báo cáo năm 2025.docx"
    report.write_bytes(docx_bytes(REPORT))
    page = browser_login(world.officer_a)
    page.goto("/doc-van-ban/")
    page.select_option("#id_unit", str(world.a.pk))
    page.fill("#id_year", "2025")
    page.select_option("#id_period", "year")
    page.set_input_files("#id_file", str(report))
    page.click("#read-document")
    page.wait_for_url(re.compile(r"/doc-van-ban/\d+/$"))

    revenue = page.locator("#fact-1")  # every fact of the sentence shows the sentence
    assert "tổng thu ngân sách" in revenue.locator("strong").inner_text()
    assert revenue.locator("mark").all_inner_texts() == ["12,4", "104"]
    assert revenue.locator("input[name$=-value]").input_value() == "12,4"
    assert revenue.locator("select[name$=-estimate]").input_value() == "estimate"
    award = page.locator("section[data-kind=award_count]")
    assert award.locator("mark").all_inner_texts() == ["21", "57"]
    assert award.locator("input[name$=-individuals]").input_value() == "57"

    # The text names no decision: confirming without one saves nothing.
    page.click("#confirm")
    assert "Chưa lưu số liệu nào của văn bản này" in page.content()
    award = page.locator("section[data-kind=award_count]")
    award.locator("input[name$=-number]").fill("15/QĐ-UBND")
    award.locator("input[name$=-signed_on]").fill("2026-01-08")
    page.click("#confirm")
    page.wait_for_selector("text=Đã xác nhận: lưu 4")
    assert "Đã xác nhận" in page.locator("#document-state").inner_text()

    page.click("text=Mở lưới nhập số liệu")
    page.wait_for_url(re.compile(r"/chi-tieu/don-vi/\d+/nhap/"))
    revenue_cell = page.locator("tr.grid-row[data-code=KT01]")
    assert revenue_cell.locator("input[name=value]").input_value() == "12,4"
    assert revenue_cell.locator("input[name=is_estimate]").is_checked()
    poverty_cell = page.locator("tr.grid-row[data-code=VH04]")
    assert poverty_cell.locator("input[name=value]").input_value() == "0,31"
    assert not poverty_cell.locator("input[name=is_estimate]").is_checked()
    streets_cell = page.locator("tr.grid-row[data-code=VH02]")
    assert streets_cell.locator("input[name=numerator]").input_value() == "42"

    page.goto(f"/thi-dua/thong-ke/?year=2025&unit={world.a.pk}")
    sentences = page.locator("#sentences").inner_text()
    assert "21 tập thể" in sentences and "57 cá nhân" in sentences
