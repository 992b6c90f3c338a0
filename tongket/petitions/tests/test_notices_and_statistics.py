"""Conclusion notices list the commune's items by priority once each is assigned; the
figures of a round and of a year, and the sentences quoted from them."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from tongket.petitions import selectors, services
from tongket.petitions.choices import Competence, Field, ForwardLevel, Priority
from tongket.petitions.models import ConclusionNotice
from tongket.petitions.services import ForwardItem
from tongket.units import services as unit_services
from tongket.units.choices import Body, UnitKind

from .builders import END, make_session, raise_item

pytestmark = pytest.mark.django_db
NOTICE_DAY = datetime.date(2025, 8, 27)


def assign(world, people, item, priority=Priority.NORMAL, deadline=END):
    return services.recommendation_assign(
        item=item,
        by=world.officer_a,
        deadline=deadline,
        priority=priority,
        assignee_unit=people.office,
    )


def test_a_notice_waits_until_every_item_of_the_commune_is_assigned(world, people, session_a1):
    first = raise_item(world, session_a1, text="Sửa nhà văn hóa")
    second = raise_item(world, session_a1, text="Lắp đèn chiếu sáng")
    raise_item(world, session_a1, text="Tỉnh đầu tư cầu", competence=Competence.PROVINCE)
    assign(world, people, first)
    with pytest.raises(ValidationError) as error:
        services.notice_create(
            plan=session_a1.plan,
            session=session_a1,
            by=world.officer_a,
            issued_on=NOTICE_DAY,
            acknowledged="Chi bộ lãnh đạo tốt",
            conclusions="Tập trung chỉnh trang đô thị",
        )
    assert f"#{second.pk}" in str(error.value)
    assert not ConclusionNotice.objects.exists()


def test_a_notice_numbers_the_items_most_urgent_first(world, people, session_a1):
    normal = raise_item(world, session_a1, text="Sửa nhà văn hóa")
    urgent = raise_item(world, session_a1, text="Nạo vét cống ngập")
    assign(world, people, normal, Priority.NORMAL)
    assign(world, people, urgent, Priority.URGENT)
    notice = services.notice_create(
        plan=session_a1.plan,
        session=session_a1,
        by=world.officer_a,
        issued_on=NOTICE_DAY,
        acknowledged="Chi bộ lãnh đạo tốt",
        conclusions="Tập trung chỉnh trang đô thị",
        signer=people.secretary,
    )
    assert notice.number_text == "Số 1-TB/ĐU"
    assert [line.recommendation for line in notice.lines.all()] == [urgent, normal]


def test_a_notice_needs_conclusions_and_a_held_session(world, people, plan, session_a1):
    with pytest.raises(ValidationError):
        services.notice_create(
            plan=plan,
            session=session_a1,
            by=world.officer_a,
            issued_on=NOTICE_DAY,
            acknowledged="",
            conclusions="  ",
        )
    waiting = make_session(world, plan, world.group_a2, held=False)
    with pytest.raises(ValidationError):
        services.notice_create(
            plan=plan,
            session=waiting,
            by=world.officer_a,
            issued_on=NOTICE_DAY,
            acknowledged="",
            conclusions="Kết luận",
        )
    assert not ConclusionNotice.objects.exists()


def test_round_statistics_and_its_sentence(world, people, plan, session_a1):
    cell = unit_services.unit_create(
        code="P-A-CB1", name="Chi bộ 1", kind=UnitKind.PARTY_CELL, parent=world.a, by=world.root
    )
    session_cell = make_session(world, plan, cell)
    make_session(world, plan, world.group_a2, held=False)
    done = raise_item(world, session_a1, text="Sửa cống", field=Field.ENVIRONMENT)
    late = raise_item(world, session_cell, text="Lắp đèn")
    raise_item(world, session_a1, text="Trạm y tế thiếu thuốc", field=Field.HEALTH)
    up = raise_item(world, session_a1, text="Tỉnh làm đường", competence=Competence.PROVINCE)
    assign(world, people, done, deadline=datetime.date(2025, 9, 10))
    assign(world, people, late, deadline=datetime.date(2025, 9, 1))
    services.recommendation_resolve(
        item=done, by=world.officer_a, answer="Xong", resolved_on=datetime.date(2025, 9, 5)
    )
    services.recommendation_resolve(
        item=late, by=world.officer_a, answer="Xong", resolved_on=datetime.date(2025, 9, 5)
    )
    services.report_create(
        commune=world.a,
        by=world.officer_a,
        items=[ForwardItem(up, ForwardLevel.PROVINCE)],
        issued_on=datetime.date(2025, 10, 1),
        body=Body.PEOPLES_COMMITTEE,
    )
    stats = selectors.round_statistics(plan, today=datetime.date(2025, 10, 2))
    assert (stats.sessions_planned, stats.sessions_held, stats.units_worked) == (3, 2, 2)
    assert (stats.received, stats.resolved, stats.resolved_on_time, stats.resolved_late) == (
        4,
        2,
        1,
        1,
    )
    assert (stats.open, stats.forwarded, stats.answered) == (1, 1, 0)
    assert [(row.label, row.received) for row in stats.by_field] == [
        ("Đô thị – hạ tầng", 2),
        ("Môi trường", 1),
        ("Y tế", 1),
    ]
    assert stats.sentence == (
        "Qua 2 buổi làm việc với các chi bộ, tổ dân phố, Ban Thường vụ Đảng ủy đã tiếp nhận "
        "4 kiến nghị; đã giải quyết 2, chuyển cấp trên 1."
    )


def test_year_statistics_count_citizens_and_write_nothing_about_an_empty_year(world, session_a1):
    raise_item(world, session_a1)
    stats = selectors.year_statistics(world.a, 2025)
    assert stats.received == 1 and stats.sessions_held == 1
    assert stats.sentences[0].startswith("Qua 1 buổi làm việc với tổ dân phố, Ban Thường vụ")
    empty = selectors.year_statistics(world.a, 2024)
    assert empty.sentences == [] and not empty.has_data


def test_statistics_take_a_fixed_number_of_queries(
    world, people, plan, session_a1, django_assert_num_queries
):
    raise_item(world, session_a1)
    with django_assert_num_queries(2):
        selectors.round_statistics(plan)
    for i in range(5):
        raise_item(world, session_a1, text=f"Kiến nghị {i}", field=Field.OTHER)
    with django_assert_num_queries(2):
        selectors.round_statistics(plan)
    with django_assert_num_queries(3):
        selectors.year_statistics(world.a, 2025)
