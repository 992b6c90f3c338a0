"""How the article says things (issue 10): what it never prints, what real ward portals
write, where the photos go, and who may change a published article (issue 13, item 3)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tongket.conferences import services as conference_services
from tongket.conferences.selectors import conference_queryset
from tongket.conferences.tests.builders import make_conference, png_bytes
from tongket.documents import article as writer
from tongket.documents import services
from tongket.documents.data import report_data
from tongket.documents.models import Article
from tongket.emulation import services as emulation_services
from tongket.targets import services as targets
from tongket.targets.models import Indicator
from tongket.units.models import AuditEntry

from .builders import make_indicators

pytestmark = pytest.mark.django_db


def _article(conference, user):
    return services.article_generate(conference=conference, by=user)


# Never in a published article ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hộ nghèo (chưa giao kế hoạch).",
        "Số liệu chưa có số liệu.",
        "Phương hướng năm 2026 chưa được cập nhật.",
        "Năm 2025, chưa có chỉ tiêu nào được giao theo dõi.",
        "Không có dữ liệu.",
        "Thu ngân sách — tỷ đồng.",
        "Thu ngân sách None tỷ đồng.",
        "Tỷ lệ nan%.",
    ],
)
def test_the_guard_finds_office_status_text(text):
    assert writer.forbidden_phrases(text)


def test_the_guard_lets_a_real_article_sentence_pass():
    text = (
        "Năm 2025, tỷ lệ hộ nghèo giảm còn 0,31%, vượt kế hoạch (kế hoạch dưới 0,4%); "
        "Đảng bộ, chính quyền phường khen thưởng 14 tập thể, 97 cá nhân."
    )
    assert writer.forbidden_phrases(text) == []


def test_a_conference_without_any_figure_gets_an_article_without_status_text(world):
    make_indicators(world, with_results=False)
    conference = make_conference(world, start_time=None)
    article = _article(conference, world.officer_a)
    assert writer.forbidden_phrases(f"{article.headline}\n{article.body}") == []
    assert article.body.startswith("Ngày 09/01/2026, Đảng ủy, UBND phường Hòa Bình")
    assert (
        "“Tổng thu ngân sách nhà nước trên địa bàn”: chưa có số liệu thực hiện nên không "
        "nêu." in article.left_out
    )


def test_the_lead_says_the_part_of_day_only_when_a_time_was_entered(world, year_end):
    assert _article(year_end, world.officer_a).body.startswith("Sáng ngày 09/01/2026, ")
    conference_services.conference_update(conference=year_end, start_time=None, by=world.officer_a)
    article = _article(conference_queryset().get(pk=year_end.pk), world.officer_a)
    assert article.body.startswith("Ngày 09/01/2026, Đảng ủy")
    assert "Sáng" not in article.body


def test_next_years_part_uses_only_the_plans_of_the_year_after(world, year_end):
    thu = Indicator.objects.get(code="THU_NS")
    targets.indicator_year_copy(year=2027, by=world.root)
    targets.plan_set(unit=world.a, indicator=thu, year=2027, value=Decimal(99), by=world.root)
    article = _article(year_end, world.officer_a)
    assert (
        "Năm 2026, phường Hòa Bình phấn đấu: tổng thu ngân sách nhà nước trên địa bàn đạt "
        "13 tỷ đồng" in article.body
    )
    assert "99 tỷ đồng" not in article.body and "2027" not in article.body


def test_a_half_year_article_measures_against_the_annual_plan_without_verdict(world):
    made = make_indicators(world, with_results=False)
    targets.result_save(
        unit=world.a,
        indicator=made["THU_NS"],
        year=2025,
        period="h1",
        by=world.officer_a,
        expected_version=0,
        value=Decimal("5.7"),
        qualifier="tren",
    )
    conference = make_conference(
        world,
        kind="half_year_review",
        date=datetime.date(2025, 7, 10),
        directions="Đẩy nhanh tiến độ thu ngân sách",
    )
    article = _article(conference, world.officer_a)
    assert (
        "Sáu tháng đầu năm 2025, về kinh tế, tổng thu ngân sách nhà nước trên địa bàn đạt "
        "trên 5,7 tỷ đồng, bằng 47,9% kế hoạch năm." in article.body
    )
    assert (
        "Về nhiệm vụ sáu tháng cuối năm 2025, hội nghị thống nhất: đẩy nhanh tiến độ thu "
        "ngân sách." in article.body
    )
    assert "Năm 2026" not in article.body and "vượt" not in article.body
    assert "chỉ tiêu chủ yếu đạt" not in article.body


# Commendations: what was handed out here, and the year ------------------------------------


def _record(world, **fields):
    values = {
        "year": 2025,
        "number": "12/QĐ-UBND",
        "signed_on": datetime.date(2026, 1, 8),
        "body": "chairman",
        "form_name": "giấy khen",
    }
    values.update(fields)
    return emulation_services.record_create(commune=world.a, by=world.officer_a, **values)


def test_the_commendations_state_what_was_handed_out_and_the_years_total_apart(world, year_end):
    here = _record(world, body="joint", collectives=14, individuals=97)
    _record(world, number="40/QĐ-UBND", signed_on=datetime.date(2025, 6, 1), collectives=12)
    _record(
        world,
        number="2810/QĐ-UBND",
        body="province_people_committee",
        form_name="bằng khen",
        commune_itself=True,
    )
    conference_services.award_records_set(
        conference=year_end, record_ids=[here.pk], by=world.officer_a
    )
    body = _article(year_end, world.officer_a).body
    assert "Nhân dịp này, Đảng bộ, chính quyền phường khen thưởng 14 tập thể, 97 cá nhân." in body
    assert "Năm 2025, phường đã khen thưởng 26 tập thể, 97 cá nhân." in body
    assert "Năm 2025, phường Hòa Bình được UBND tỉnh tặng bằng khen." in body
    assert "12 tập thể" not in body.split("Nhân dịp này")[1].split(".")[0]


def test_without_awards_linked_to_the_conference_no_award_is_said_to_be_handed_out(world, year_end):
    _record(world, collectives=3, individuals=5)
    article = _article(year_end, world.officer_a)
    assert "Nhân dịp này" not in article.body
    assert "Năm 2025, phường đã khen thưởng 3 tập thể, 5 cá nhân." in article.body
    assert any("Nhân dịp này" in note for note in article.left_out)


def test_party_awards_are_said_in_party_words(world, year_end):
    record = _record(
        world,
        body="party_committee",
        collectives=5,
        individuals=14,
        reason="hoàn thành xuất sắc nhiệm vụ",
    )
    conference_services.award_records_set(
        conference=year_end, record_ids=[record.pk], by=world.officer_a
    )
    assert (
        "Nhân dịp này, Đảng ủy phường trao giấy khen cho 5 chi bộ, 14 đảng viên hoàn thành xuất "
        "sắc nhiệm vụ."
    ) in _article(year_end, world.officer_a).body


# The byline, the headline, the title ---------------------------------------------------------


def test_the_byline_is_the_author_as_entered_never_an_office(world, year_end):
    assert _article(year_end, world.officer_a).byline == "Trần Thị Cán"
    conference_services.conference_update(
        conference=year_end, author_name="Minh Thư", author_unit="", by=world.officer_a
    )
    assert _article(year_end, world.officer_a).byline == "Minh Thư"
    conference_services.conference_update(
        conference=year_end,
        author_name="Nguyễn Văn Lâm",
        author_unit="Phường Hòa Bình",
        by=world.officer_a,
    )
    article = _article(year_end, world.officer_a)
    assert article.byline == "Nguyễn Văn Lâm – Phường Hòa Bình"
    assert "Văn phòng" not in article.byline


def test_headline_and_title_start_from_the_kind_and_are_editable(world, year_end):
    assert year_end.title == "Hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026"
    conference_services.conference_update(
        conference=year_end,
        title="Hội nghị tổng kết công tác xây dựng Đảng, công tác thi đua khen thưởng năm 2025",
        headline="Đảng bộ phường Hòa Bình tổng kết công tác xây dựng Đảng năm 2025",
        by=world.officer_a,
    )
    article = _article(year_end, world.officer_a)
    assert article.headline == "Đảng bộ phường Hòa Bình tổng kết công tác xây dựng Đảng năm 2025"
    assert (
        "tổ chức hội nghị tổng kết công tác xây dựng Đảng, công tác thi đua khen thưởng năm "
        "2025." in article.body
    )


def test_a_prefilled_title_follows_a_change_of_year(world, year_end):
    conference_services.conference_update(
        conference=year_end, year=2024, date=datetime.date(2025, 1, 10), by=world.officer_a
    )
    year_end.refresh_from_db()
    assert year_end.title == "Hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025"


# Photos where the text refers to them ------------------------------------------------------


def test_each_photo_stands_after_the_text_it_belongs_to(world, year_end, client):
    hall = conference_services.photo_add(
        conference=year_end, data=png_bytes(), caption="Toàn cảnh hội nghị", by=world.officer_a
    )
    award = conference_services.photo_add(
        conference=year_end,
        data=png_bytes(colour="red"),
        caption="Trao giấy khen cho các tập thể",
        placement="awards",
        by=world.officer_a,
    )
    conference_services.award_records_set(
        conference=year_end,
        record_ids=[_record(world, body="joint", collectives=2, individuals=3).pk],
        by=world.officer_a,
    )
    article = _article(year_end, world.officer_a)
    lines = article.body.split("\n\n")
    assert lines[1] == f"[ẢNH {hall.pk}]" and lines[0].startswith("Sáng ngày")
    awards_at = next(i for i, line in enumerate(lines) if line.startswith("Nhân dịp này"))
    assert lines[awards_at + 1] == f"[ẢNH {award.pk}]"
    services.article_publish(article=article, by=world.leader_a)
    page = client.get(reverse("portal:article", args=[world.a.code, article.pk])).content
    text = page.decode()
    assert "[ẢNH" not in text
    assert text.index("Toàn cảnh hội nghị") < text.index("Nhân dịp này")
    assert text.index("Nhân dịp này") < text.index("Trao giấy khen cho các tập thể")


def test_portal_article_page_query_count_does_not_grow_with_photos(
    world, year_end, client, django_assert_num_queries
):
    def count():
        article = Article.objects.filter(conference=year_end).first()
        if article and article.is_published:
            services.article_unpublish(article=article, by=world.leader_a)
        article = services.article_publish(
            article=_article(year_end, world.officer_a), by=world.leader_a
        )
        url = reverse("portal:article", args=[world.a.code, article.pk])
        client.get(url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    conference_services.photo_add(
        conference=year_end, data=png_bytes(), caption="Ảnh 1", by=world.officer_a
    )
    one = count()
    for index in range(4):
        conference_services.photo_add(
            conference=year_end, data=png_bytes(), caption=f"Ảnh {index + 2}", by=world.officer_a
        )
    assert count() == one


# A published article changes only with the publishing right (issue 13, item 3) ------------


def test_an_officers_edit_takes_a_published_article_back_to_draft(world, year_end, client):
    article = services.article_publish(
        article=_article(year_end, world.officer_a), by=world.leader_a
    )
    url = reverse("portal:article", args=[world.a.code, article.pk])
    assert client.get(url).status_code == 200
    edited = services.article_update(
        article=article,
        headline=article.headline,
        body=article.body + "\n\nCâu thêm của cán bộ.",
        byline=article.byline,
        by=world.officer_a,
    )
    assert not edited.is_published and edited.published_at is None
    assert client.get(url).status_code == 404
    entry = AuditEntry.objects.filter(model__iendswith="article").order_by("-id").first()
    assert entry.verb == "unpublish_on_edit" and entry.actor == world.officer_a
    assert "state" in entry.changes
    with pytest.raises(PermissionDenied):
        services.article_publish(article=edited, by=world.officer_a)
    services.article_publish(article=edited, by=world.leader_a)
    assert "Câu thêm của cán bộ." in client.get(url).content.decode()


def test_an_edit_with_the_publishing_right_keeps_it_published_and_is_audited(
    world, year_end, client
):
    # The administrator may both edit and publish; a leader (view, approve) only publishes.
    article = services.article_publish(
        article=_article(year_end, world.officer_a), by=world.leader_a
    )
    edited = services.article_update(
        article=article,
        headline=article.headline,
        body=article.body.replace("Sáng ngày", "Sáng ngày"),
        byline="Ban biên tập",
        by=world.admin_a,
    )
    assert edited.is_published
    entry = AuditEntry.objects.filter(model__iendswith="article").order_by("-id").first()
    assert entry.actor == world.admin_a and entry.changes["byline"][1] == "Ban biên tập"
    page = client.get(reverse("portal:article", args=[world.a.code, article.pk]))
    assert "Ban biên tập" in page.content.decode()


def test_the_edit_screen_warns_the_officer_and_lists_what_was_left_out(world, year_end, login):
    article = services.article_publish(
        article=_article(year_end, world.officer_a), by=world.leader_a
    )
    page = login(world.officer_a).get(reverse("documents:article", args=[article.pk]))
    text = page.content.decode()
    assert 'id="edit-unpublishes"' in text
    assert "“Số đảng viên mới kết nạp”: chưa có số liệu thực hiện nên không nêu." in text
    public = reverse("portal:article", args=[world.a.code, article.pk])
    assert "chưa có số liệu thực hiện" not in login(world.officer_a).get(public).content.decode()


def test_the_api_edit_by_an_officer_also_takes_it_back_to_draft(world, year_end, client):
    from tongket.api.services import token_create

    article = services.article_publish(
        article=_article(year_end, world.officer_a), by=world.leader_a
    )
    _, raw = token_create(user=world.officer_a)
    response = client.put(
        f"/api/v1/documents/articles/{article.pk}",
        {"headline": "Tin sửa", "body": "Đoạn mới.", "byline": ""},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 200 and response.json()["state"] == "draft"


def test_no_generated_article_in_this_module_holds_a_photo_marker_as_text(world, year_end):
    article = _article(year_end, world.officer_a)
    assert not any(re.match(r"\[ẢNH", line) for line in article.paragraphs)
    assert report_data(conference_queryset().get(pk=year_end.pk)).photos == []


def test_the_report_table_and_workbook_show_the_qualifier_and_the_percent_only_result(
    world, year_end
):
    from tongket.documents.report import achievement_table
    from tongket.documents.report.tables import achievement_sheet_rows
    from tongket.targets.models import Result

    result = Result.objects.get(indicator__code="THU_NS", year=2025, period="year")
    targets.result_save(
        unit=world.a,
        indicator=result.indicator,
        year=2025,
        period="year",
        by=world.officer_a,
        expected_version=result.version,
        value=result.value,
        qualifier="tren",
        is_estimate=True,
    )
    other = Result.objects.get(indicator__code="GTSX_TTCN", year=2025, period="year")
    targets.result_save(
        unit=world.a,
        indicator=other.indicator,
        year=2025,
        period="year",
        by=world.officer_a,
        expected_version=other.version,
        percent_of_plan=Decimal("88"),
    )
    data = report_data(conference_queryset().get(pk=year_end.pk))
    table = {row[1]: row for row in achievement_table(data)}
    assert table["Tổng thu ngân sách nhà nước trên địa bàn"][4] == "trên 12,4 (ước)"
    assert table["Giá trị sản xuất tiểu thủ công nghiệp"][4:6] == ["(chỉ báo % KH)", "88%"]
    sheet = {row[1]: row for row in achievement_sheet_rows(data)}
    assert sheet["Tổng thu ngân sách nhà nước trên địa bàn"][4] == "trên 12,4"
    assert sheet["Giá trị sản xuất tiểu thủ công nghiệp"][4] == "(chỉ báo % KH)"
