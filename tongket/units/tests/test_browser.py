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


def test_a_user_sets_up_two_factor_on_a_phone_and_signs_in_with_a_code(world, browser, live_server):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def code(later: int = 0) -> str:
        device = TOTPDevice.objects.get(user=world.officer_a)
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time += later  # the next time step: a code already used is refused
        return f"{totp.token():06d}"

    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("/dang-nhap/")
    page.fill("#id_username", world.officer_a.username)
    page.fill("#id_password", world.password)
    page.click("#login-form button[type=submit]")
    page.wait_for_url("**/")
    page.goto("/tai-khoan/hai-buoc/")
    assert page.locator("#qr-code svg").is_visible()
    page.fill("#id_token", code())
    page.click("#confirm-form button[type=submit]")
    assert page.locator("#recovery-codes li").count() == 10
    page.locator(".navbar-toggler").click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.goto("/dang-nhap/?next=/don-vi/")
    page.fill("#id_username", world.officer_a.username)
    page.fill("#id_password", world.password)
    page.click("#login-form button[type=submit]")
    page.wait_for_url("**/dang-nhap/xac-thuc/**")
    page.fill("#id_token", code(later=30))
    page.click("#verify-form button[type=submit]")
    page.wait_for_url("**/don-vi/")
    assert page.locator("h1").count() >= 1
    context.close()
