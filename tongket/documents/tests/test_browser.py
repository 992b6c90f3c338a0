"""A person walks from the conference screen to the published article on the portal."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_conference_to_published_article_on_the_portal(world, year_end, browser_login):
    page = browser_login(world.admin_a)
    page.goto(f"/hoi-nghi/{year_end.pk}/")
    assert "đồng chí Trần Văn Minh, Phó Chủ tịch UBND tỉnh" in page.inner_text("#guests")
    page.click("#documents-link")
    assert "12,4 (ước)" in page.inner_text("#achievements")
    page.click("#generate-article")
    page.wait_for_selector("#save-article")
    body = page.locator("#id_body")
    body.fill(body.input_value() + "\n\nPhóng viên bổ sung một câu.")
    page.click("#save-article")
    page.wait_for_selector(".alert-success")
    page.click("#publish")
    page.wait_for_selector("#portal-link")
    page.click("#portal-link")
    page.wait_for_url("**/cong/**")
    text = page.inner_text("article")
    assert "Sáng ngày 09/01/2026, Đảng ủy, UBND phường Hòa Bình" in text
    assert "Phóng viên bổ sung một câu." in text
    page.goto(f"/cong/{world.a.code}/")
    assert "12,4 tỷ đồng" in page.inner_text("#figures")


def test_an_officer_records_the_guests_speech_and_a_leader_publishes_it(
    world, year_end, browser_login
):
    """The main path of issue 10 in a browser: the guest's directions entered on the
    conference page, the article written from the data, published, read on the portal."""
    page = browser_login(world.admin_a)
    page.goto(f"/hoi-nghi/{year_end.pk}/")
    form = page.locator("#speech-form")
    form.locator("select[name=guest]").select_option(index=1)
    form.locator("textarea[name=content]").fill(
        "đề nghị phường tập trung hoàn thành chỉ tiêu thu ngân sách ngay từ đầu năm"
    )
    page.click("#save-speech")
    page.wait_for_selector(".alert-success")
    assert "hoàn thành chỉ tiêu thu ngân sách" in page.inner_text("#speeches")
    page.click("#documents-link")
    page.click("#generate-article")
    page.wait_for_selector("#save-article")
    assert "Chưa nhập phát biểu" not in page.inner_text("body")
    page.click("#publish")
    page.click("#portal-link")
    page.wait_for_url("**/cong/**")
    text = page.inner_text("article")
    assert (
        "Phát biểu chỉ đạo tại hội nghị, đồng chí Trần Văn Minh, Phó Chủ tịch UBND tỉnh, đề nghị "
        "phường tập trung hoàn thành chỉ tiêu thu ngân sách ngay từ đầu năm."
    ) in text
