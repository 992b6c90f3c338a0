import re

import pytest

pytestmark = pytest.mark.browser


def test_officer_finds_a_unit_by_typing_without_diacritics_and_opens_it(world, browser_login):
    page = browser_login(world.province_officer)
    page.get_by_role("link", name="Đơn vị").first.click()
    page.get_by_placeholder("Tìm đơn vị").fill("dau lieu")
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Phường Đậu Liêu").click()
    page.wait_for_url(re.compile(rf"/don-vi/{world.b.pk}/$"))
    assert page.locator("h1").inner_text() == "Phường Đậu Liêu"
    assert "Tổ dân phố Đông" in page.content()


def test_reporter_on_a_phone_sees_only_their_group(world, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("/dang-nhap/")
    page.fill("#id_username", world.reporter_a1.username)
    page.fill("#id_password", world.password)
    page.click("button[type=submit]")
    page.wait_for_url("**/")
    page.goto(f"/don-vi/{world.a.pk}/")
    assert "Không tìm thấy" in page.content()
    page.goto("/don-vi/")
    assert page.locator(".navbar-toggler").is_visible()
    assert "Tổ dân phố số 1" in page.content()
    assert "Tổ dân phố số 2" not in page.content()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    context.close()


def test_browser_login_switches_from_one_persona_to_another(world, browser_login):
    page = browser_login(world.officer_a)
    assert "Trần Thị Cán" in page.content()
    page = browser_login(world.officer_b)
    assert "Hoàng Văn Bê" in page.content()
    assert "Trần Thị Cán" not in page.content()
