"""The petitions documents open and carry the data, in the layout of their issuing body:
the plan with its delegation and schedule, the conclusion notice with its numbered items,
the report to the province and its .xlsx list; and the round's article, published on the
portal like a conference's."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from docx import Document

from tongket.documents import services as document_services
from tongket.documents.models import Article
from tongket.documents.petitions import (
    compose_round_article,
    notice_docx,
    plan_docx,
    report_docx,
    report_xlsx,
    round_article_generate,
)
from tongket.petitions import services
from tongket.petitions.choices import Competence, ForwardLevel, Priority
from tongket.petitions.services import ForwardItem
from tongket.petitions.tests.builders import leaders, make_plan, make_session, raise_item
from tongket.units.choices import Body

pytestmark = pytest.mark.django_db


def text_of(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    # Headings keep their words together with no-break spaces; read them as plain spaces.
    return "\n".join(parts).replace("\xa0", " ")


@pytest.fixture
def round_(world):
    people = leaders(world)
    plan = make_plan(world, people)
    for position, leads in (
        (people.secretary_position, True),
        (people.council_position, False),
        (people.vice_position, False),
        (people.front_position, False),
    ):
        services.delegation_add(plan=plan, position=position, leads=leads, by=world.officer_a)
    session = make_session(world, plan, world.group_a1)
    make_session(world, plan, world.group_a2, day=datetime.date(2025, 8, 26))
    local = raise_item(world, session, text="Nâng cấp đường ngõ 5, tổ dân phố số 1")
    urgent = raise_item(world, session, text="Nạo vét cống thoát nước ngõ 7")
    for item, priority in ((local, Priority.NORMAL), (urgent, Priority.URGENT)):
        services.recommendation_assign(
            item=item,
            by=world.officer_a,
            deadline=datetime.date(2025, 9, 15),
            priority=priority,
            assignee_unit=people.office,
        )
    up = raise_item(
        world,
        session,
        text="Đề nghị tỉnh đầu tư mở rộng đường tỉnh lộ 5",
        competence=Competence.DEPARTMENT,
        department=people.department,
    )
    notice = services.notice_create(
        plan=plan,
        session=session,
        by=world.officer_a,
        issued_on=datetime.date(2025, 8, 28),
        acknowledged="Chi bộ lãnh đạo tổ dân phố hoàn thành tốt các chỉ tiêu",
        conclusions="Tập trung chỉnh trang đô thị\nGiữ vững an ninh trật tự",
        signer=people.secretary,
        number=30,
    )
    report = services.report_create(
        commune=world.a,
        by=world.officer_a,
        items=[ForwardItem(up, ForwardLevel.DEPARTMENT, people.department)],
        issued_on=datetime.date(2025, 10, 1),
        body=Body.PEOPLES_COMMITTEE,
        signer=people.vice,
    )
    return locals()


def test_the_party_plan_carries_its_heading_delegation_and_schedule(world, round_):
    doc = Document(io.BytesIO(plan_docx(round_["plan"])))
    assert doc.core_properties.category == "party"
    text = text_of(plan_docx(round_["plan"]))
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY PHƯỜNG HÒA BÌNH",
        "Số 12-KH/ĐU",
        "Hòa Bình, ngày 15 tháng 8 năm 2025",
        "KẾ HOẠCH",
        "Làm việc với các chi bộ, tổ dân phố, cơ quan trên địa bàn",
        "Căn cứ Quy chế làm việc của Đảng ủy phường khóa I",
        "Đồng chí Nguyễn Văn Bí, Bí thư Đảng ủy phường – Trưởng đoàn",
        "Thường trực HĐND: Đồng chí Vũ Đức Hội, Chủ tịch HĐND phường",
        "Tổ dân phố số 1",
        "08 giờ 00\nngày 25/08/2025",
        "Nhà văn hóa Tổ dân phố số 2",
        "T/M ĐẢNG ỦY",
        "BÍ THƯ",
        "Nguyễn Văn Bí",
    ):
        assert expected in text, expected
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text


def test_a_state_plan_takes_the_state_layout_and_its_signer(world):
    people = leaders(world)
    plan = make_plan(world, people, body=Body.PEOPLES_COMMITTEE, number=7, signer=people.vice)
    text = text_of(plan_docx(plan))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA BÌNH",
        "Số: 7/KH-UBND",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Phạm Quốc Phó",
    ):
        assert expected in text, expected


def test_the_notice_numbers_its_items_most_urgent_first(world, round_):
    text = text_of(notice_docx(round_["notice"]))
    for expected in (
        "Số 30-TB/ĐU",
        "THÔNG BÁO",
        "Kết luận của đồng chí Nguyễn Văn Bí, Bí thư Đảng ủy phường, Trưởng đoàn công tác tại "
        "buổi làm việc với Tổ dân phố số 1",
        "Thực hiện Kế hoạch số 12-KH/ĐU ngày 15/8/2025",
        "Chi bộ lãnh đạo tổ dân phố hoàn thành tốt các chỉ tiêu",
        "Tập trung chỉnh trang đô thị",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "15/09/2025",
        "Đề nghị tỉnh đầu tư mở rộng đường tỉnh lộ 5",
    ):
        assert expected in text, expected
    doc = Document(io.BytesIO(notice_docx(round_["notice"])))
    items = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")
    assert items.rows[1].cells[1].text == "Nạo vét cống thoát nước ngõ 7"
    assert items.rows[1].cells[4].text == "Cấp bách"
    assert items.rows[2].cells[1].text == "Nâng cấp đường ngõ 5, tổ dân phố số 1"


def test_the_report_to_the_province_and_its_list(world, round_):
    text = text_of(report_docx(round_["report"]))
    for expected in (
        "Số: 1/BC-UBND",
        "LĨNH VỰC ĐÔ THỊ – HẠ TẦNG",
        "Đề nghị tỉnh đầu tư mở rộng đường tỉnh lộ 5 (kiến nghị của Tổ dân phố số 1; đề nghị "
        "Sở Xây dựng xem xét, giải quyết)",
        "UBND tỉnh Thử Nghiệm",
        "KT. CHỦ TỊCH",
        "Phạm Quốc Phó",
    ):
        assert expected in text, expected
    sheet = openpyxl.load_workbook(io.BytesIO(report_xlsx(round_["report"]))).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(
        tuple(
            [
                "TT",
                "Mã kiến nghị",
                "Nội dung kiến nghị",
                "Lĩnh vực",
                "Đơn vị kiến nghị",
                "Ngày tiếp nhận",
                "Cấp nhận",
                "Sở, ngành",
                "Trả lời",
                "Ngày trả lời",
            ]
        )
    )
    first = rows[header + 1]
    assert first[2] == "Đề nghị tỉnh đầu tư mở rộng đường tỉnh lộ 5"
    assert first[4] == "Tổ dân phố số 1" and first[7] == "Sở Xây dựng"


def test_downloads_follow_the_access_layer(client, world, round_):
    urls = [
        reverse("documents:petition_plan_docx", args=[round_["plan"].pk]),
        reverse("documents:petition_notice_docx", args=[round_["notice"].pk]),
        reverse("documents:petition_report_docx", args=[round_["report"].pk]),
        reverse("documents:petition_report_xlsx", args=[round_["report"].pk]),
    ]
    client.force_login(world.officer_a)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "attachment" in response["Content-Disposition"]
    client.force_login(world.officer_b)
    for url in urls:
        assert client.get(url).status_code == 404, url
    client.force_login(world.province_officer)
    assert client.get(urls[2]).status_code == 200  # the report was sent to the province


def test_the_round_article_says_what_happened_and_nothing_else(world, round_):
    draft = compose_round_article(round_["plan"], author="Trần Thị Cán")
    assert draft.headline == (
        "Ban Thường vụ Đảng ủy phường Hòa Bình làm việc với các chi bộ, tổ dân phố, cơ quan "
        "trên địa bàn"
    )
    body = draft.body
    assert body.startswith(
        "Thực hiện Kế hoạch số 12-KH/ĐU ngày 15/8/2025 của Ban Thường vụ Đảng ủy phường Hòa "
        "Bình về làm việc với các chi bộ"
    )
    assert "Kế hoạch số 12-KH/ĐU ngày 15/8/2025" in body
    assert "do đồng chí Nguyễn Văn Bí, Bí thư Đảng ủy phường làm trưởng đoàn" in body
    assert "từ ngày 25/08/2025 đến ngày 26/08/2025" in body
    assert (
        "Qua 2 buổi làm việc với tổ dân phố, Ban Thường vụ Đảng ủy đã tiếp nhận 3 kiến nghị" in body
    )
    assert "chuyển cấp trên 1" in body
    assert "Thường trực HĐND" in body
    for missing in ("chưa", "Chưa"):
        assert missing not in body
    assert draft.byline == "Trần Thị Cán (Văn phòng Đảng ủy phường)"


def test_the_round_article_is_stored_published_and_shown_on_the_portal(client, world, round_):
    article = round_article_generate(plan=round_["plan"], by=world.officer_a)
    assert article.round == round_["plan"] and article.conference is None
    document_services.article_publish(article=article, by=world.leader_a)
    response = client.get(reverse("portal:article", args=[world.a.code, article.pk]))
    assert response.status_code == 200
    assert "Qua 2 buổi làm việc" in response.content.decode()
    assert client.get(reverse("portal:commune", args=[world.a.code])).status_code == 200
    with pytest.raises(ValidationError):
        round_article_generate(plan=round_["plan"], by=world.officer_a)


def test_an_article_is_of_a_conference_or_a_round_never_both_nor_neither(world, round_):
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(unit=world.a, headline="x", body="y")


def test_the_round_article_screens_allow_the_commune_only(client, world, round_):
    client.force_login(world.officer_b)
    url = reverse("documents:petition_article_generate", args=[round_["plan"].pk])
    assert client.post(url).status_code == 404
    assert not Article.objects.exists()
    client.force_login(world.officer_a)
    response = client.post(url)
    article = Article.objects.get()
    assert response.status_code == 302
    page = reverse("documents:petition_article", args=[article.pk])
    assert client.get(page).status_code == 200
    assert client.get(reverse("documents:article", args=[article.pk])).status_code == 302
    publish = reverse("documents:petition_article_publish", args=[article.pk])
    assert client.post(publish).status_code == 403  # an officer drafts, a leader publishes
    client.force_login(world.leader_a)
    client.post(publish)
    article.refresh_from_db()
    assert article.is_published
