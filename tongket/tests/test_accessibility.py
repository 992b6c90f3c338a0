"""Accessibility of the main pages, as the demo's people open them: axe-core (npm package,
read from node_modules, never a CDN) finds no serious or critical WCAG 2.1 A/AA violation,
and every visible control's edge stands out from the page at 3:1 or more (WCAG 1.4.11,
which axe does not measure)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tongket.conferences.models import Conference
from tongket.documents.models import Article
from tongket.units.demo import DEMO_PASSWORD
from tongket.units.models import Unit

pytestmark = pytest.mark.browser

AXE = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SEVERE = {"serious", "critical"}
# Checks axe leaves "to review" that are still plain defects here: aria-describedby naming
# a help text the page never printed.
REVIEWED = {"aria-valid-attr-value"}

CONTROL_CONTRAST = (Path(__file__).parent / "control_contrast.js").read_text(encoding="utf-8")


def pages() -> dict[str, str]:
    """The main pages, by name: what an officer of the demo phường opens in a year."""
    commune = Unit.objects.get(code="AH-HB-P")
    conference = Conference.objects.get(unit=commune, year=2025, kind="year_review")
    article = Article.objects.get(conference=conference)
    return {
        "trang chủ": "/",
        "trang đơn vị": f"/don-vi/{commune.pk}/",
        "lưới nhập số liệu": f"/chi-tieu/don-vi/{commune.pk}/nhap/?year=2025",
        "bảng điều khiển xã": f"/chi-tieu/don-vi/{commune.pk}/?year=2025",
        "đề nghị khen thưởng": "/thi-dua/de-nghi/",
        "hội nghị": f"/hoi-nghi/{conference.pk}/",
        "tin bài": f"/van-ban/tin-bai/{article.pk}/",
        "cổng thông tin": "/cong/",
        "cổng: trang xã": f"/cong/{commune.code}/",
        "cổng: tin bài": f"/cong/{commune.code}/tin/{article.pk}/",
    }


def problems(tab) -> list[str]:
    tab.add_script_tag(path=str(AXE))
    found = tab.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    severe = [
        f"{item['id']} ({item['impact']}): {node['target']}"
        for item in found["violations"] + found["incomplete"]
        if item["impact"] in SEVERE and (item in found["violations"] or item["id"] in REVIEWED)
        for node in item["nodes"]
    ]
    return severe + [f"viền điều khiển {low}" for low in tab.evaluate(CONTROL_CONTRAST)]


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=StringIO())


def open_as(browser, live_server, username: str, **viewport):
    """A signed-in tab; the page's own CSP is bypassed only so axe can be injected."""
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", bypass_csp=True, **viewport
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.goto("/dang-nhap/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", DEMO_PASSWORD)
    tab.click("#login-form button[type=submit]")
    tab.wait_for_url(lambda url: "/dang-nhap/" not in url)
    return tab


# Pages whose buttons depend on the role: the leader sees approve, reopen and publish.
LEADER_PAGES = ("trang chủ", "lưới nhập số liệu", "tin bài")


def test_main_pages_have_no_serious_accessibility_violation(demo, browser, live_server):
    assert AXE.exists(), "Thiếu axe-core: chạy make deps"
    desktop = {"viewport": {"width": 1280, "height": 900}}
    found = {}
    for username, names in (("canbo", None), ("lanhdao", LEADER_PAGES)):
        tab = open_as(browser, live_server, username, **desktop)
        for name, url in pages().items():
            if names is None or name in names:
                assert tab.goto(url).status == 200, (username, url)
                found[f"{username}: {name}"] = problems(tab)
    phone = open_as(browser, live_server, "baocao", viewport={"width": 390, "height": 844})
    group = Unit.objects.get(code="AH-HB-P-TDP1")  # the reporter's own grid, as cards
    assert phone.goto(f"/chi-tieu/don-vi/{group.pk}/nhap/?year=2025").status == 200
    assert phone.locator("#grid tr.grid-row").count() > 0
    found["baocao: lưới nhập số liệu trên điện thoại"] = problems(phone)
    found = {name: items for name, items in found.items() if items}
    assert not found, found
