"""The news article: every figure of the conference, written the Vietnamese way, and no
figure the data does not hold; edited (never to an empty body), then published."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tongket.conferences.selectors import conference_queryset
from tongket.documents import services
from tongket.documents.data import report_data
from tongket.documents.models import Article
from tongket.targets.achievement import format_value

pytestmark = pytest.mark.django_db

NUMBER = re.compile(r"\d{2}/\d{2}/\d{4}|\d[\d.]*(?:,\d+)?(?:/\d[\d.]*)?")


def numbers(text: str) -> set[str]:
    return {match.rstrip(".") for match in NUMBER.findall(text)}


def test_article_states_every_figure_formatted_the_vietnamese_way(world, year_end):
    article = services.article_generate(conference=year_end, by=world.officer_a)
    data = report_data(conference_queryset().get(pk=year_end.pk))
    for row in data.with_result:
        assert row.result_text.removesuffix(f" {row.unit_of_measure}") in article.body
        if row.value_kind == "number" and row.percent_of_plan is not None:
            assert f"bằng {row.percent_text} kế hoạch" in article.body
    for phrase in (
        "tổng thu ngân sách nhà nước trên địa bàn ước thực hiện 12,4 tỷ đồng, bằng 104,2% kế hoạch",
        "sản lượng lương thực đạt 1.204,6 tấn",
        "có 42/42 tuyến phố văn minh",
        "tỷ lệ hộ nghèo giảm còn 0,31%, giảm 0,14% so với năm 2024, vượt kế hoạch (kế hoạch "
        "dưới 0,4%)",
        "150 lao động được tạo việc làm, bằng 107,1% kế hoạch",
    ):
        assert phrase in article.body
    assert article.body.startswith(
        "Sáng ngày 09/01/2026, Đảng ủy, UBND phường Hòa Bình tổ chức hội nghị tổng kết công tác "
        "năm 2025, triển khai nhiệm vụ năm 2026. Dự hội nghị có đồng chí Trần Văn Minh, Phó Chủ "
        "tịch UBND tỉnh."
    )
    # No status text: the indicator without figures is left out, and the editor is told.
    assert "đảng viên mới" not in article.body.split("Năm 2026")[0]
    assert "“Số đảng viên mới kết nạp”: chưa có số liệu thực hiện nên không nêu." in (
        article.left_out
    )


def test_article_holds_no_figure_the_data_does_not(world, year_end):
    article = services.article_generate(conference=year_end, by=world.officer_a)
    data = report_data(conference_queryset().get(pk=year_end.pk))
    allowed: set[str] = set()
    for row in data.achievements:
        allowed |= numbers(row.result_text) | numbers(row.percent_text) | numbers(row.plan_text)
        allowed |= numbers(row.indicator_name)
        if row.change is not None:
            allowed |= numbers(format_value(row, abs(row.change)))  # "giảm 0,14% so với"
    for row in data.next_plans:
        allowed |= numbers(row.plan_text) | numbers(row.indicator_name)
    for guest in data.guests:
        allowed |= numbers(guest.title)
    allowed |= {"09/01/2026", "2025", "2026", "2024"}
    allowed |= numbers(" ".join(data.pledges + data.commendations.sentences))
    allowed |= numbers(year_end.directions)
    found = numbers(f"{article.headline} {' '.join(article.paragraphs)} {article.byline}")
    assert found, "the article should state figures"
    assert found <= allowed, f"figures not in the data: {sorted(found - allowed)}"


def test_empty_body_is_refused_and_nothing_changes(world, year_end):
    article = services.article_generate(conference=year_end, by=world.officer_a)
    with pytest.raises(ValidationError) as error:
        services.article_update(
            article=article, headline="Tiêu đề", body="   \n ", byline="", by=world.officer_a
        )
    assert error.value.message_dict["body"] == ["Nội dung tin bài không được để trống."]
    article.refresh_from_db()
    assert "12,4 tỷ đồng" in article.body


def test_leader_publishes_and_officer_cannot(world, year_end):
    article = services.article_generate(conference=year_end, by=world.officer_a)
    with pytest.raises(PermissionDenied):
        services.article_publish(article=article, by=world.officer_a)
    services.article_publish(article=article, by=world.leader_a)
    article.refresh_from_db()
    assert article.is_published and article.published_at is not None
    with pytest.raises(ValidationError):
        services.article_generate(conference=year_end, by=world.officer_a)


def test_other_commune_cannot_generate(world, year_end):
    with pytest.raises(PermissionDenied):
        services.article_generate(conference=year_end, by=world.officer_b)
    assert not Article.objects.exists()


# Screens ----------------------------------------------------------------------------------


def test_documents_page_shows_the_table_and_404_for_another_commune(world, login, year_end, client):
    url = reverse("documents:conference", args=[year_end.pk])
    page = login(world.officer_a).get(url)
    assert page.status_code == 200 and "12,4 (ước)" in page.content.decode()
    client.logout()
    assert login(world.officer_b).get(url).status_code == 404


def test_report_downloads_for_the_commune_only(world, login, year_end, client):
    url = reverse("documents:report_docx", args=[year_end.pk])
    response = login(world.leader_a).get(url)
    assert response.status_code == 200 and response.content[:2] == b"PK"
    client.logout()
    assert login(world.officer_b).get(url).status_code == 404
    client.logout()
    xlsx = login(world.officer_a).get(reverse("documents:report_xlsx", args=[year_end.pk]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_article_screens_generate_edit_publish(world, login, year_end, client):
    officer = login(world.officer_a)
    response = officer.post(reverse("documents:article_generate", args=[year_end.pk]))
    article = Article.objects.get()
    assert response.status_code == 302
    edit = reverse("documents:article", args=[article.pk])
    refused = officer.post(edit, {"headline": "Tin", "body": "", "byline": ""})
    assert "Nội dung tin bài không được để trống." in refused.content.decode()
    officer.post(edit, {"headline": "Tin mới", "body": "Đoạn một.\n\nĐoạn hai.", "byline": "PV"})
    article.refresh_from_db()
    assert article.paragraphs == ["Đoạn một.", "Đoạn hai."]
    assert officer.post(reverse("documents:article_publish", args=[article.pk])).status_code == 403
    client.logout()
    leader = login(world.leader_a)
    leader.post(reverse("documents:article_publish", args=[article.pk]))
    article.refresh_from_db()
    assert article.is_published


def test_another_commune_cannot_see_or_edit_the_article(world, login, year_end):
    article = services.article_generate(conference=year_end, by=world.officer_a)
    client = login(world.officer_b)
    assert client.get(reverse("documents:article", args=[article.pk])).status_code == 404
    assert client.post(reverse("documents:article_publish", args=[article.pk])).status_code == 404


def test_article_names_only_the_key_indicators_when_some_are_marked(world, year_end):
    from tongket.targets import services as targets
    from tongket.targets.models import IndicatorVersion

    version = IndicatorVersion.objects.get(indicator__code="THU_NS", year=2025)
    targets.indicator_version_update(version=version, featured=True, by=world.root)
    next_version = IndicatorVersion.objects.get(indicator__code="THU_NS", year=2026)
    targets.indicator_version_update(version=next_version, featured=True, by=world.root)
    article = services.article_generate(conference=year_end, by=world.officer_a)
    summary, results = article.body.split("\n\n")[1:3]
    assert summary == "Năm 2025, phường Hòa Bình có 1/1 chỉ tiêu chủ yếu đạt và vượt kế hoạch."
    assert "12,4 tỷ đồng, bằng 104,2% kế hoạch" in results
    assert "1.204,6 tấn" not in article.body
    assert "42/42 tuyến phố" not in article.body
    assert "Chưa có số liệu" not in article.body
