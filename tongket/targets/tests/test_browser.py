import re

import pytest

from .conftest import YEAR

pytestmark = pytest.mark.browser


def test_officer_enters_a_cell_and_sees_inline_errors(world, catalogue, browser_login):
    page = browser_login(world.officer_a)
    page.goto(f"/chi-tieu/don-vi/{world.a.pk}/nhap/?year={YEAR}")
    cell = page.locator("form.cell[data-code=KT01]")
    cell.locator("input[name=value]").fill("2,809.8")
    cell.locator("input[name=value]").press("Tab")
    page.wait_for_selector("form.cell[data-code=KT01] .cell-message.error")
    assert "kiểu Anh" in cell.locator(".cell-message").inner_text()
    cell.locator("input[name=value]").fill("2.809,8")
    cell.locator("input[name=value]").press("Tab")
    page.wait_for_selector("form.cell[data-code=KT01] .cell-message.ok")
    assert re.search(r"2\.809,8 tỷ đồng", cell.locator(".cell-message").inner_text())
    page.goto(f"/chi-tieu/don-vi/{world.a.pk}/?year={YEAR}")
    assert "2.809,8 tỷ đồng" in page.locator("#achievements").inner_text()
    page.wait_for_function("document.querySelector('#chart-trend') !== null")
