"""The dashboards on a 390 px phone: the page never scrolls sideways, the figure that matters
(% of plan, verdict) is on screen beside the name, and the wide province matrix scrolls inside
its own box with the commune column fixed."""

import pytest

from .conftest import YEAR
from .test_queries import _grow

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _page_scrolls_sideways(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def _right_edge(page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} không hiện"
    return box["x"] + box["width"]


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def test_province_dashboard_on_a_phone(world, figures, phone, browser_login):
    _grow(world, figures, 8)  # nine economy indicators: the matrix is wider than the phone
    page = browser_login(world.province_officer)
    page.goto(f"/chi-tieu/tinh/{world.province.pk}/?year={YEAR}&indicator=KT01")
    assert not _page_scrolls_sideways(page)
    first = "#ranking tbody tr:first-child"
    assert page.locator(f"{first} td:nth-child(5)").inner_text() == "104%"
    assert page.locator(f"{first} td:nth-child(6) .badge").inner_text() == "Vượt"
    assert _right_edge(page, f"{first} td:nth-child(5)") <= PHONE["width"]
    assert _right_edge(page, f"{first} td:nth-child(6) .badge") <= PHONE["width"]

    box = page.locator("#matrix").locator("xpath=..")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth"), "bảng phải rộng hơn màn hình"
    name = page.locator("#matrix tbody tr:first-child th")
    assert name.evaluate("el => getComputedStyle(el).position") == "sticky"
    before = name.bounding_box()["x"]
    last = page.locator("#matrix tbody tr:first-child td").last
    last.scroll_into_view_if_needed()
    assert box.evaluate("el => el.scrollLeft") > 0
    assert abs(name.bounding_box()["x"] - before) < 1, "cột tên xã phải đứng yên khi cuộn"
    assert not _page_scrolls_sideways(page)


def test_unit_dashboard_on_a_phone(world, figures, phone, browser_login):
    page = browser_login(world.officer_a)
    page.goto(f"/chi-tieu/don-vi/{world.a.pk}/?year={YEAR}")
    assert not _page_scrolls_sideways(page)
    row = "#achievements tr[data-code=KT01]"
    assert page.locator(f"{row} td:nth-child(4)").inner_text() == "104%"
    assert _right_edge(page, f"{row} td:nth-child(4)") <= PHONE["width"]
    assert _right_edge(page, f"{row} td:nth-child(5) .badge") <= PHONE["width"]
    # the same period last year is there on a wider screen
    page.set_viewport_size({"width": 1200, "height": 900})
    assert page.locator(f"{row} td:nth-child(6)").is_visible()
