"""The entry grid as people use it: at desktop width with the keyboard (Enter and the arrows
move between cells, one Tab stop per cell, a skip link, headers over their columns) and on a
390 px phone (one card per indicator, the number keyboard, saved on leaving the field)."""

import re
from decimal import Decimal

import pytest

from tongket.targets.models import Result

from .conftest import YEAR

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def grid_url(world):
    return f"/chi-tieu/don-vi/{world.a.pk}/nhap/?year={YEAR}"


def focused_id(page):
    return page.evaluate("document.activeElement.id")


def input_id(catalogue, code, name):
    indicator = {"KT01": catalogue.revenue, "VH10": catalogue.households}.get(code)
    indicator = indicator or {"VH04": catalogue.poverty, "VH02": catalogue.streets}[code]
    return f"c{indicator.pk}-{name}"


def test_officer_enters_a_cell_and_sees_inline_errors(world, catalogue, browser_login):
    page = browser_login(world.officer_a)
    page.goto(grid_url(world))
    row = page.locator("tr[data-code=KT01]")
    row.locator("input[name=value]").fill("2,809.8")
    row.locator("input[name=value]").press("Tab")
    page.wait_for_selector("tr[data-code=KT01] .cell-message.error")
    assert "kiểu Anh" in row.locator(".cell-message").inner_text()
    row.locator("input[name=value]").fill("2.809,8")
    row.locator("input[name=value]").press("Tab")
    page.wait_for_selector("tr[data-code=KT01] .cell-message.ok")
    assert re.search(r"2\.809,8 tỷ đồng", row.locator(".cell-message").inner_text())
    page.goto(f"/chi-tieu/don-vi/{world.a.pk}/?year={YEAR}")
    assert "2.809,8 tỷ đồng" in page.locator("#achievements").inner_text()
    page.wait_for_function("document.querySelector('#chart-trend') !== null")


def test_desktop_headers_sit_over_their_own_columns(world, catalogue, browser_login):
    page = browser_login(world.officer_a)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(grid_url(world))
    headers = page.locator("#grid thead th")
    row = page.locator("tr[data-code=KT01]")
    for label, control in (
        ("Kế hoạch", ".col-plan"),
        ("Mức", "select[name=qualifier]"),
        ("Thực hiện", "input[name=value]"),
        ("% KH", "input[name=percent_of_plan]"),
        ("Ước", "input[name=is_estimate]"),
        ("Ghi chú", "input[name=note]"),
    ):
        head = headers.filter(has_text=re.compile(f"^{re.escape(label)}$")).bounding_box()
        box = row.locator(control).bounding_box()
        middle = box["x"] + box["width"] / 2
        assert head["x"] <= middle <= head["x"] + head["width"], label
    assert not row.locator("label.cell-label").first.is_visible() or (
        row.locator("label.cell-label").first.bounding_box()["width"] <= 1
    )


def test_desktop_keyboard_moves_between_cells_and_saves_on_leaving(world, catalogue, browser_login):
    page = browser_login(world.officer_a)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(grid_url(world))
    ids = {code: lambda name, code=code: input_id(catalogue, code, name) for code in
           ("KT01", "VH10", "VH04", "VH02")}  # fmt: skip
    page.focus(f"#{ids['KT01']('value')}")
    page.keyboard.type("36")
    page.keyboard.press("Enter")  # down the same column, and the row left behind is saved
    assert focused_id(page) == ids["VH10"]("value")
    page.wait_for_selector("tr[data-code=KT01] .cell-message.ok")
    assert Result.objects.get(indicator=catalogue.revenue, unit=world.a).value == 36
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # a ratio row: the numerator sits under "Thực hiện"
    assert focused_id(page) == ids["VH02"]("numerator")
    page.keyboard.type("12")
    page.keyboard.press("ArrowLeft")  # inside the text the caret moves, not the focus
    assert focused_id(page) == ids["VH02"]("numerator")
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")
    assert focused_id(page) == ids["VH02"]("denominator")
    page.keyboard.press("ArrowUp")  # the value above covers both columns
    assert focused_id(page) == ids["VH04"]("value")
    page.keyboard.press("Shift+Enter")
    assert focused_id(page) == ids["VH10"]("value")
    page.keyboard.press("ArrowLeft")  # an empty cell: at its edge, left is the qualifier
    assert focused_id(page) == ids["VH10"]("qualifier")
    page.wait_for_selector("tr[data-code=VH02] .cell-message.error")  # 12 of nothing yet
    page.focus(f"#{ids['VH02']('denominator')}")
    page.keyboard.type("42")
    page.keyboard.press("Enter")  # the last row: nowhere to go, but what was typed is saved
    assert focused_id(page) == ids["VH02"]("denominator")
    page.wait_for_selector("tr[data-code=VH02] .cell-message.ok")
    streets = Result.objects.get(indicator=catalogue.streets, unit=world.a)
    assert (streets.numerator, streets.denominator) == (12, 42)
    page.focus(f"#{ids['VH10']('qualifier')}")
    tabbed = [focused_id(page)]
    for _ in range(5):
        page.keyboard.press("Tab")
        tabbed.append(focused_id(page))
    names = ("qualifier", "value", "percent", "estimate", "note")
    assert tabbed == [ids["VH10"](n) for n in names] + [ids["VH04"]("qualifier")]


def test_skip_link_jumps_past_the_filters_into_the_grid(world, catalogue, browser_login):
    page = browser_login(world.officer_a)
    page.goto(grid_url(world))
    page.keyboard.press("Tab")
    assert focused_id(page) == "skip-to-main"
    page.focus("#main")
    page.keyboard.press("Tab")
    assert focused_id(page) == "skip-to-grid"
    assert page.locator("#skip-to-grid").bounding_box()["width"] > 10  # shown when focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused_id(page) == input_id(catalogue, "KT01", "qualifier")


@pytest.fixture
def phone(browser, live_server, world):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport=PHONE, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.goto("/dang-nhap/")
    tab.fill("#id_username", world.reporter_a1.username)
    tab.fill("#id_password", world.password)
    tab.click("#login-form button[type=submit]")
    tab.wait_for_url(lambda url: "/dang-nhap/" not in url)
    yield tab
    context.close()


def test_reporter_on_a_phone_fills_one_card_per_indicator(world, catalogue, phone):
    phone.goto(f"/chi-tieu/don-vi/{world.group_a1.pk}/nhap/?year={YEAR}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # A tổ dân phố reports the households, not the budget (its kind reports them).
    assert phone.locator("tr[data-code=KT01]").count() == 0
    card = phone.locator("tr[data-code=VH10]")
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    text = card.inner_text()
    for shown in ("Tổng số hộ gia đình", "hộ", "Kế hoạch", "Thực hiện", "Số ước", "Ghi chú"):
        assert shown in text, shown
    value = card.locator("input[name=value]")
    assert value.get_attribute("inputmode") == "decimal"
    for part in ("input[name=value]", "input[name=is_estimate]", "input[name=note]"):
        inner = card.locator(part).bounding_box()
        assert box["x"] <= inner["x"] and inner["x"] + inner["width"] <= box["x"] + box["width"]
        assert inner["height"] >= 24  # large enough to touch
    next_card = phone.locator("tr[data-code=VH04]").bounding_box()
    assert next_card["y"] >= box["y"] + box["height"]  # cards stack, one per indicator
    value.tap()
    value.fill("1.250")
    card.locator("input[name=is_estimate]").tap()  # leaving the field saves it
    phone.wait_for_selector("tr[data-code=VH10] .cell-message.ok")
    phone.wait_for_selector("form.cell[data-saving]", state="detached")
    saved = Result.objects.get(indicator=catalogue.households, unit=world.group_a1)
    assert saved.value == Decimal("1250") and saved.is_estimate  # both, one after the other
    assert "Đã lưu" in card.locator(".cell-message").inner_text()
