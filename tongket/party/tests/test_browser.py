"""The Đảng ủy office's main path on a phone: the menu, the member list searched without
diacritics, a member's page, then a new member entered through the form."""

import pytest

from .conftest import member

pytestmark = pytest.mark.browser


def test_the_office_finds_a_member_and_enters_another_on_a_phone(pw, browser_login):
    member(pw, "Đặng Thị Hường", card_number="8008")
    member(pw, "Lê Văn Khác")
    page = browser_login(pw.party_officer_a)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    page.click(".navbar-toggler")
    page.click("text=Công tác Đảng")
    page.wait_for_url("**/dang/**")
    page.click("main >> text=Đảng viên đang sinh hoạt")
    page.fill("input[name=q]", "dang huong")
    page.click("main button:has-text('Lọc')")
    rows = page.locator("main table tbody tr")
    assert rows.count() == 1
    page.click("text=Đặng Thị Hường")
    assert page.locator("main").inner_text().count("8008") >= 1
    assert "Tuổi Đảng" in page.locator("main").inner_text()
    page.goto(f"/dang/dang-vien/them/?commune={pw.a.pk}")
    page.fill("#id_full_name", "Nguyễn Văn Mới")
    page.fill("#id_birth_date", "1985-02-03")
    page.select_option("#id_cell", str(pw.cell_a2.pk))
    page.fill("#id_admitted_on", "2012-05-19")
    page.fill("#id_full_on", "2013-05-19")
    page.click("main button[type=submit]")
    page.wait_for_url("**/dang/dang-vien/*/")
    assert "Đã thêm đảng viên." in page.locator("main").inner_text()
    assert "Chi bộ Cơ quan phường" in page.locator("main").inner_text()
