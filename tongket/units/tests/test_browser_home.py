"""Home is each person's work list: every demo account opens home and reaches its first task
in one click (the demo loaded once; one browser context per account)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tongket.units.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

# account → words the first task's page shows (the viewer has nothing to do)
FIRST_TASK = {
    "admin": "Tình hình nộp số liệu",
    "quantri": "Tình hình nộp số liệu",
    "lanhdao": "Tình hình nộp số liệu",
    "canbo": "Tình hình nộp số liệu",
    "baocao": "Tổ dân phố số 1",
    "tinh": "Tình hình nộp số liệu",
    "quantri_tinh": "Tình hình nộp số liệu",
    "bithu": "Đảng",
    "xem": None,
}


def _open_home(browser, live_server, username: str, phone: bool):
    viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 800}
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=viewport)
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto("/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)
    return context, page


def test_every_demo_account_reaches_its_first_task_from_home_in_one_click(
    browser, live_server, transactional_db
):
    call_command("load_demo", stdout=StringIO())
    for index, (username, words) in enumerate(FIRST_TASK.items()):
        context, page = _open_home(browser, live_server, username, phone=index % 2 == 1)
        tasks = page.locator("#work-list a.work-link")
        if words is None:
            assert page.locator("#work-empty").is_visible(), username
            assert page.locator("#nav-work .badge").count() == 0, username
            context.close()
            continue
        count = tasks.count()
        assert count > 0, f"{username}: trang chủ không có việc nào"
        badge = page.locator("#nav-work .badge").inner_text()
        assert badge.split()[0] == str(count), username
        target = tasks.first.get_attribute("href")
        with page.expect_navigation():
            tasks.first.click()
        assert target.split("?")[0] in page.url, username
        body = page.locator("main").inner_text()
        assert words in body, f"{username}: {page.url}"
        assert "Không tìm thấy" not in body and "không có quyền" not in body, username
        context.close()
