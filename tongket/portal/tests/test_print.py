"""An article printed from the browser: one A4 page with the portal's masthead, without the
site's navigation, even for a long article with two photos."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tongket.conferences import services as conference_services
from tongket.conferences.tests.builders import png_bytes
from tongket.documents import services

pytestmark = pytest.mark.browser

LONG = 680  # words in the body: the demo's year-review article (two photos) is as long


@pytest.fixture
def long_article(world, year_end, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for caption, placement in (("Toàn cảnh hội nghị", ""), ("Trao giấy khen", "end")):
        conference_services.photo_add(
            conference=year_end,
            data=png_bytes(size=(640, 400)),
            caption=caption,
            placement=placement,
            by=world.officer_a,
        )
    article = services.article_generate(conference=year_end, by=world.officer_a)
    lines = article.body.splitlines()
    filler = "Phong trào thi đua được các tổ dân phố, cơ quan, trường học hưởng ứng sôi nổi."
    while len(" ".join(lines).split()) < LONG:
        lines.insert(-1, " ".join([filler] * 4))  # paragraphs as long as the real ones
    article = services.article_update(
        article=article,
        headline=article.headline,
        body="\n".join(lines),
        byline=article.byline,
        by=world.officer_a,
    )
    return services.article_publish(article=article, by=world.leader_a)


def test_a_long_article_prints_on_one_page_under_its_masthead(page, long_article):
    page.goto(f"/cong/{long_article.unit.code}/tin/{long_article.pk}/")
    page.emulate_media(media="print")
    assert page.locator("#masthead").is_visible()
    assert not page.locator("header.portal-header").is_visible()
    assert not page.locator("footer").is_visible()
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "CỔNG THÔNG TIN ĐIỆN TỬ – TỈNH THỬ NGHIỆM" in text  # the masthead, in capitals
    assert long_article.headline in text.replace("\n", " ")
    assert "Trao giấy khen" in text
