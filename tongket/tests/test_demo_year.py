"""The demo, as a visitor of each role finds it after `make run`: a commune's year from
plans to the published article, every figure from the data."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def _as(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password="Tongket-Demo-2026")
    return client


def test_the_demo_commune_shows_percent_of_plan_and_verdicts(demo):
    from tongket.units.models import Unit

    hoa_binh = Unit.objects.get(code="AH-HB-P")
    body = _as("lanhdao").get(f"/chi-tieu/don-vi/{hoa_binh.pk}/", {"year": 2025}).content
    body = body.decode()
    for phrase in ("12,4 tỷ đồng", "104%", "42/42 tuyến phố", "Không đạt", "Vượt"):
        assert phrase in body


def test_the_demo_statistics_state_the_years_commendations_as_an_article_would(demo):
    body = _as("lanhdao").get("/thi-dua/thong-ke/", {"year": 2025}).content.decode()
    assert "Đảng ủy phường khen thưởng" in body
    assert "Chủ tịch UBND phường tặng giấy khen cho" in body


def test_the_demo_conference_lists_the_decisions_handed_out_and_its_article_is_public(demo):
    from tongket.conferences.models import Conference
    from tongket.documents.choices import ArticleState
    from tongket.documents.models import Article

    conference = Conference.objects.get(unit__code="AH-HB-P", year=2025, kind="year_review")
    assert conference.award_decisions.count() == 2
    article = Article.objects.get(conference=conference, state=ArticleState.PUBLISHED)
    page = Client().get(f"/cong/AH-HB-P/tin/{article.pk}/").content.decode()
    assert "Sáng ngày 09/01/2026" in page
    assert "Trần Văn Minh, Phó Chủ tịch UBND tỉnh" in page
    assert "12,4 tỷ đồng, bằng 104% kế hoạch" in page
    assert "dân số trung bình" not in page.lower()  # only the key indicators are named


def test_the_demo_reporter_sees_only_their_residential_group(demo):
    from tongket.units.models import Unit

    client = _as("baocao")
    other = Unit.objects.get(code="AH-HB-P-TDP2")
    assert client.get(f"/don-vi/{other.pk}/").status_code == 404
    assert client.get(f"/chi-tieu/don-vi/{other.pk}/").status_code == 404


def test_the_demo_article_reads_as_a_ward_portal_writes_it(demo):
    from tongket.conferences.models import Conference
    from tongket.documents.models import Article

    conference = Conference.objects.get(unit__code="AH-HB-P", year=2025, kind="year_review")
    article = Article.objects.get(conference=conference)
    page = Client().get(f"/cong/AH-HB-P/tin/{article.pk}/").content.decode()
    for phrase in (
        "có 8/9 chỉ tiêu chủ yếu đạt và vượt kế hoạch",
        "tỷ lệ hộ nghèo giảm còn 0,31%",
        "kết nạp 6 đảng viên mới",
        "Phát biểu chỉ đạo tại hội nghị, đồng chí Trần Văn Minh, Phó Chủ tịch UBND tỉnh,",
        "Nhân dịp này, Đảng ủy phường khen thưởng",
        "phường Hòa Bình được UBND tỉnh tặng bằng khen",
        "Minh Thư – Phường Hòa Bình",
    ):
        assert phrase in page, phrase
    assert "[ẢNH" not in page and "đơn vị đã ký)" not in page
    assert page.index("Toàn cảnh hội nghị") < page.index("Năm 2025, phường Hòa Bình có")
    assert page.index("Nhân dịp này") < page.index("Lãnh đạo phường trao giấy khen")
