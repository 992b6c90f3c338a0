"""Every petitions screen with an allowed and a forbidden persona; refusals on screens save
nothing; lists keep their query count as items grow."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tongket.petitions import services
from tongket.petitions.choices import Competence, ForwardLevel, State
from tongket.petitions.models import Forwarding, Recommendation, Session
from tongket.petitions.services import ForwardItem
from tongket.units.choices import Body

from .builders import END, make_session, raise_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_data(world, people, plan, session_a1):
    member = services.delegation_add(
        plan=plan, position=people.secretary_position, by=world.officer_a, leads=True
    )
    local = raise_item(world, session_a1, text="Sửa nhà văn hóa tổ 1")
    services.recommendation_assign(
        item=local, by=world.officer_a, deadline=END, assignee_unit=people.office
    )
    up = raise_item(
        world, session_a1, text="Tỉnh đầu tư đường tỉnh lộ 5", competence=Competence.PROVINCE
    )
    report = services.report_create(
        commune=world.a,
        by=world.officer_a,
        items=[ForwardItem(up, ForwardLevel.PROVINCE)],
        issued_on=datetime.date(2025, 10, 1),
        body=Body.PEOPLES_COMMITTEE,
    )
    notice = services.notice_create(
        plan=plan,
        session=session_a1,
        by=world.officer_a,
        issued_on=datetime.date(2025, 8, 28),
        acknowledged="Chi bộ lãnh đạo tốt",
        conclusions="Chỉnh trang đô thị",
    )
    return {
        "plan": plan,
        "session": session_a1,
        "member": member,
        "local": local,
        "up": up,
        "report": report,
        "forwarding": Forwarding.objects.get(),
        "notice": notice,
    }


def _pages(d):
    return [
        reverse("petitions:home"),
        reverse("petitions:list"),
        reverse("petitions:list") + "?q=nha+van+hoa&qua-han=1&linh-vuc=urban",
        reverse("petitions:statistics"),
        reverse("petitions:plans"),
        reverse("petitions:plan", args=[d["plan"].pk]),
        reverse("petitions:session", args=[d["session"].pk]),
        reverse("petitions:item", args=[d["local"].pk]),
        reverse("petitions:item", args=[d["up"].pk]),
        reverse("petitions:notice", args=[d["notice"].pk]),
        reverse("petitions:report", args=[d["report"].pk]),
        reverse("petitions:forwarded"),
        reverse("petitions:forwarding", args=[d["forwarding"].pk]),
        reverse("petitions:submissions"),
        reverse("petitions:forward"),
        reverse("petitions:plan_create"),
        reverse("petitions:plan_edit", args=[d["plan"].pk]),
        reverse("petitions:session_create", args=[d["plan"].pk]),
        reverse("petitions:session_edit", args=[d["session"].pk]),
        reverse("petitions:session_notice", args=[d["session"].pk]),
        reverse("petitions:plan_notice", args=[d["plan"].pk]),
        reverse("petitions:item_assign", args=[d["local"].pk]),
        reverse("petitions:item_classify", args=[d["local"].pk]),
    ]


def test_the_communes_officer_opens_every_screen(client, world, round_data):
    client.force_login(world.officer_a)
    for url in _pages(round_data):
        response = client.get(url)
        assert response.status_code == 200, url


def test_another_communes_officer_reaches_none_of_the_items(client, world, round_data):
    client.force_login(world.officer_b)
    for key, name in (
        ("plan", "petitions:plan"),
        ("session", "petitions:session"),
        ("local", "petitions:item"),
        ("up", "petitions:item"),
        ("notice", "petitions:notice"),
        ("report", "petitions:report"),
        ("forwarding", "petitions:forwarding"),
    ):
        assert client.get(reverse(name, args=[round_data[key].pk])).status_code == 404, name
    body = client.get(reverse("petitions:list")).content.decode()
    assert "Sửa nhà văn hóa" not in body and "đường tỉnh lộ 5" not in body


def test_the_province_officer_sees_the_forwarded_item_but_not_the_internal_one(
    client, world, round_data
):
    client.force_login(world.province_officer)
    assert client.get(reverse("petitions:item", args=[round_data["up"].pk])).status_code == 200
    assert client.get(reverse("petitions:item", args=[round_data["local"].pk])).status_code == 404
    listing = client.get(reverse("petitions:forwarded")).content.decode()
    assert "đường tỉnh lộ 5" in listing and "Sửa nhà văn hóa" not in listing
    home = client.get(reverse("petitions:home")).content.decode()
    assert 'id="forwarded-link"' in home


def test_the_reporter_sees_their_units_items_and_answers_only(client, world, people, round_data):
    services.recommendation_create(
        by=world.officer_a,
        unit=world.group_a2,
        text="Việc của tổ dân phố số 2",
        field="other",
        competence=Competence.COMMUNE,
    )
    client.force_login(world.reporter_a1)
    home = client.get(reverse("petitions:home")).content.decode()
    assert "Sửa nhà văn hóa tổ 1" in home and "Việc của tổ dân phố số 2" not in home
    assert client.get(reverse("petitions:item", args=[round_data["local"].pk])).status_code == 200
    other = Recommendation.objects.get(unit=world.group_a2)
    assert client.get(reverse("petitions:item", args=[other.pk])).status_code == 404
    assert client.get(reverse("petitions:plan", args=[round_data["plan"].pk])).status_code == 404


def test_a_leader_sees_what_is_overdue(client, world, round_data):
    client.force_login(world.leader_a)
    body = client.get(reverse("petitions:home")).content.decode()
    assert 'id="overdue"' in body and "Sửa nhà văn hóa tổ 1" in body  # the deadline has passed


def test_a_viewer_of_the_commune_may_look_but_not_act(client, world, round_data):
    client.force_login(world.leader_a)
    url = reverse("petitions:item_assign", args=[round_data["local"].pk])
    assert client.get(url).status_code == 403
    response = client.post(
        reverse("petitions:item_resolve", args=[round_data["local"].pk]), {"answer": "Xong"}
    )
    assert response.status_code == 403
    round_data["local"].refresh_from_db()
    assert round_data["local"].state == State.ASSIGNED


def test_resolving_without_an_answer_on_the_screen_saves_nothing(client, world, round_data):
    client.force_login(world.officer_a)
    item = round_data["local"]
    response = client.post(
        reverse("petitions:item_resolve", args=[item.pk]), {"answer": "  "}, follow=True
    )
    assert "bắt buộc" in response.content.decode()
    item.refresh_from_db()
    assert item.state == State.ASSIGNED and item.answer == ""


def test_forwarding_on_the_screen_needs_a_receiving_level(client, world, people, session_a1):
    item = raise_item(
        world, session_a1, text="Đề nghị tỉnh xây cầu", competence=Competence.PROVINCE
    )
    client.force_login(world.officer_a)
    url = reverse("petitions:forward")
    data = {
        "body": Body.PEOPLES_COMMITTEE,
        "issued_on": "2025-10-01",
        f"send_{item.pk}": "on",
        f"level_{item.pk}": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "chưa chọn cấp nhận" in response.content.decode()
    assert not Forwarding.objects.exists()
    data[f"level_{item.pk}"] = ForwardLevel.PROVINCE
    response = client.post(url, data)
    assert response.status_code == 302
    assert Forwarding.objects.get().recommendation == item


def test_the_province_answers_on_screen_and_a_commune_officer_cannot(
    client, world, people, round_data
):
    forwarding = round_data["forwarding"]
    client.force_login(world.officer_a)
    url = reverse("petitions:forwarding_answer", args=[forwarding.pk])
    assert client.post(url, {"answer": "Trả lời"}).status_code == 403
    client.force_login(world.province_officer)
    assign = reverse("petitions:forwarding_assign", args=[forwarding.pk])
    client.post(assign, {"department": people.department.pk})
    client.post(url, {"answer": "Đưa vào kế hoạch 2026.", "answered_on": "2025-11-01"})
    forwarding.refresh_from_db()
    assert forwarding.department == people.department
    assert forwarding.answer == "Đưa vào kế hoạch 2026."


def test_a_session_is_recorded_and_an_item_added_on_screen(client, world, people, plan):
    session = make_session(world, plan, world.group_a2, held=False)
    client.force_login(world.officer_a)
    client.post(
        reverse("petitions:session_record", args=[session.pk]),
        {"report_summary": "Hoàn thành nhiệm vụ", "difficulties": "", "unit_attendees": ""},
    )
    session.refresh_from_db()
    assert session.is_held
    client.post(
        reverse("petitions:session_item_add", args=[session.pk]),
        {"text": "Lắp camera an ninh", "field": "defence_security", "competence": "commune"},
    )
    assert Recommendation.objects.get().unit == world.group_a2
    client.force_login(world.officer_b)
    response = client.post(
        reverse("petitions:session_item_add", args=[session.pk]),
        {"text": "Xâm nhập", "field": "other", "competence": "commune"},
    )
    assert response.status_code == 404
    assert Recommendation.objects.count() == 1


def test_plan_creation_on_screen_and_refused_to_a_reporter(client, world, people):
    client.force_login(world.reporter_a1)
    assert client.get(reverse("petitions:plan_create")).status_code == 403
    client.force_login(world.officer_a)
    response = client.post(
        reverse("petitions:plan_create"),
        {
            "unit": world.a.pk,
            "body": Body.PARTY_COMMITTEE,
            "issued_on": "2025-08-15",
            "subject": "làm việc với các chi bộ",
            "period_start": "2025-08-20",
            "period_end": "2025-08-10",
        },
    )
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu" in response.content.decode()
    assert not Session.objects.exists()


def test_the_policy_is_edited_by_an_administrator_only(client, world):
    client.force_login(world.officer_a)
    assert client.get(reverse("petitions:policy")).status_code == 403
    client.force_login(world.admin_a)
    response = client.post(
        reverse("petitions:policy"),
        {"unit": world.a.pk, "answer_days": "20", "citizen_hourly_limit": ""},
    )
    assert response.status_code == 302
    from tongket.petitions.selectors import policy_for

    assert policy_for(world.a).answer_days == 20


def test_the_commune_list_keeps_its_query_count(
    client, world, session_a1, django_assert_num_queries
):
    client.force_login(world.officer_a)
    url = reverse("petitions:list")
    raise_item(world, session_a1)
    client.get(url)
    with django_assert_num_queries(_count(client, url)) as small:
        client.get(url)
    for i in range(15):
        raise_item(world, session_a1, text=f"Kiến nghị {i}")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)


def _count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def test_the_province_sees_none_of_the_communes_plans_sessions_or_notices(
    client, world, round_data
):
    client.force_login(world.province_officer)
    for key, name in (
        ("plan", "petitions:plan"),
        ("session", "petitions:session"),
        ("notice", "petitions:notice"),
    ):
        assert client.get(reverse(name, args=[round_data[key].pk])).status_code == 404, name
    assert "Sửa nhà văn hóa" not in client.get(reverse("petitions:plans")).content.decode()
    assert (
        client.get(reverse("petitions:report", args=[round_data["report"].pk])).status_code == 200
    )
    docx = reverse("documents:petition_plan_docx", args=[round_data["plan"].pk])
    assert client.get(docx).status_code == 404
