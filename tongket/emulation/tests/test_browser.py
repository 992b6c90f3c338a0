"""The main path as people walk it: a tổ dân phố reporter nominates, the office puts the
nomination before the council and records the secret ballot, the leader approves the
result, and the certificate comes out as a PDF."""

import datetime
import re

import pytest

from tongket.emulation import services

from .conftest import leaders, register

pytestmark = pytest.mark.browser


def signed_in(browser, live_server, user, password):
    """A fresh browser context per persona, signed in through the login form."""
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/dang-nhap/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")
    return page


@pytest.fixture
def persona_page(browser, live_server, em):
    pages = []

    def open_as(user):
        pages.append(signed_in(browser, live_server, user, em.world.password))
        return pages[-1]

    yield open_as
    for page in pages:
        page.context.close()


def test_from_nomination_to_certificate(em, persona_page):
    browser_login = persona_page

    person = em.people[0]
    leaders(em.world)
    register(em, person, "ldtt")
    session = services.session_create(
        commune=em.world.a,
        year=2025,
        held_on=datetime.date(2026, 1, 6),
        members_present=5,
        by=em.world.root,
    )

    page = browser_login(em.world.reporter_a1)
    page.goto("/thi-dua/de-nghi/them/?year=2025")
    page.select_option("#id_unit", str(em.world.group_a1.pk))
    page.select_option("#id_award_kind", str(em.kinds["ldtt"].pk))
    page.select_option("#id_recipient", "individual")
    page.select_option("#id_person", str(person.pk))
    page.fill("#id_achievement", "Tổ phó gương mẫu, vận động 100% hộ tham gia vệ sinh.")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/thi-dua/de-nghi/\d+/$"))
    assert "✓ Đã đăng ký thi đua từ đầu năm" in page.content()
    page.click("#submit-nomination")
    assert page.locator("#state").inner_text() == "Đã gửi"

    page = browser_login(em.world.officer_a)
    page.goto(f"/thi-dua/hoi-dong/phien-hop/{session.pk}/")
    page.locator("input[name=nominations]").first.check()
    page.click("#schedule")
    page.locator("input[name^=votes-]").fill("9")
    page.click("#save-votes")
    assert "lớn hơn số thành viên có mặt" in page.content()
    page.locator("input[name^=votes-]").fill("4")
    page.click("#save-votes")
    assert "Đạt" in page.locator("#ballots").inner_text()

    page = browser_login(em.world.leader_a)
    page.goto(f"/thi-dua/hoi-dong/phien-hop/{session.pk}/")
    page.select_option("#id_body", "chairman")
    page.fill("#id_number", "5")
    page.fill("#id_signed_on", "2026-01-08")
    page.click("#approve")
    page.wait_for_url(re.compile(r"/thi-dua/quyet-dinh/\d+/$"))
    assert page.locator("#total").inner_text() == "702.000"
    page.get_by_role("link", name=person.full_name).click()
    with page.expect_download() as download:
        page.click("#certificate-link")
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
