"""A recommendation's life inside the commune: raised with its source, classified, merged
with every source kept, assigned (never past the plan's end without a reason), resolved
(never without an answer), overdue computed from the deadline."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongket.petitions import selectors, services
from tongket.petitions.choices import Competence, Field, Priority, State
from tongket.petitions.models import Assignment, Recommendation, Source
from tongket.units.models import AuditEntry

from .builders import END, make_session, raise_item

pytestmark = pytest.mark.django_db


def test_an_item_raised_at_a_session_belongs_to_its_unit_with_its_source(world, people, session_a1):
    item = raise_item(world, session_a1, person_name="Ông Hoàng Văn Tư")
    assert (item.unit, item.commune, item.plan, item.state) == (
        world.group_a1,
        world.a,
        session_a1.plan,
        State.NEW,
    )
    source = item.sources.get()
    assert (source.unit, source.session, source.person_name) == (
        world.group_a1,
        session_a1,
        "Ông Hoàng Văn Tư",
    )
    assert AuditEntry.objects.filter(model="petitions.recommendation", action="create").exists()


def test_no_item_before_the_session_is_recorded(world, plan):
    session = make_session(world, plan, world.group_a1, held=False)
    with pytest.raises(ValidationError):
        raise_item(world, session)
    assert not Recommendation.objects.exists()


def test_a_reporter_raises_items_of_their_own_unit_only(world):
    item = services.recommendation_create(
        by=world.reporter_a1,
        unit=world.group_a1,
        text="Đề nghị lắp đèn đường ngõ 3",
        field=Field.URBAN,
        competence=Competence.COMMUNE,
    )
    assert item.unit == world.group_a1
    with pytest.raises(PermissionDenied):
        services.recommendation_create(
            by=world.reporter_a1,
            unit=world.group_a2,
            text="Việc của tổ khác",
            field=Field.OTHER,
            competence=Competence.COMMUNE,
        )
    assert Recommendation.objects.count() == 1


def test_a_department_competence_names_a_department_of_the_province(world, people, session_a1):
    with pytest.raises(ValidationError):
        raise_item(world, session_a1, competence=Competence.DEPARTMENT)
    item = raise_item(
        world, session_a1, competence=Competence.DEPARTMENT, department=people.department
    )
    assert item.department == people.department
    with pytest.raises(ValidationError):
        raise_item(world, session_a1, competence=Competence.DEPARTMENT, department=people.office)
    assert Recommendation.objects.count() == 1


def test_merged_items_keep_every_source_and_the_other_unit_still_sees_it(
    world, people, session_a1, session_a2
):
    first = raise_item(world, session_a1, text="Nâng cấp đường ngõ 5")
    second = raise_item(world, session_a2, text="Sửa đường ngõ 5 bị sụt lún")
    services.recommendation_merge(target=first, others=[second], by=world.officer_a)
    assert not Recommendation.objects.filter(pk=second.pk).exists()
    assert {s.unit for s in first.sources.all()} == {world.group_a1, world.group_a2}
    assert Source.objects.get(unit=world.group_a2).text == "Sửa đường ngõ 5 bị sụt lún"
    reporter_a2 = _reporter_of(world, world.group_a2)
    assert selectors.get_recommendation_for(reporter_a2, first.pk) == first
    assert [s.recommendation for s in selectors.raised_by_my_units(reporter_a2)] == [first]


def _reporter_of(world, unit):
    from tongket.conftest import make_user

    return make_user(username=f"bc_{unit.pk}", unit=unit, role="reporter", by=world.root)


def test_assignment_needs_a_deadline_and_a_reason_past_the_plans_end(world, people, session_a1):
    item = raise_item(world, session_a1)
    with pytest.raises(ValidationError):
        services.recommendation_assign(
            item=item, by=world.officer_a, deadline=None, assignee_unit=people.office
        )
    late = END + datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as error:
        services.recommendation_assign(
            item=item, by=world.officer_a, deadline=late, assignee_unit=people.office
        )
    assert "hãy ghi lý do" in str(error.value)
    item.refresh_from_db()
    assert item.state == State.NEW and item.deadline is None
    assert not Assignment.objects.exists()
    services.recommendation_assign(
        item=item,
        by=world.officer_a,
        deadline=late,
        assignee_unit=people.office,
        priority=Priority.URGENT,
        reason="Chờ vốn sửa chữa năm 2026",
    )
    item.refresh_from_db()
    assert (item.state, item.deadline, item.priority) == (State.ASSIGNED, late, Priority.URGENT)
    assert Assignment.objects.get().reason == "Chờ vốn sửa chữa năm 2026"


def test_an_item_beyond_the_communes_competence_is_not_assigned(world, people, session_a1):
    item = raise_item(world, session_a1, competence=Competence.PROVINCE)
    with pytest.raises(ValidationError):
        services.recommendation_assign(
            item=item, by=world.officer_a, deadline=END, assignee_unit=people.office
        )
    assert not Assignment.objects.exists()


def test_the_assignee_must_be_of_the_commune(world, people, session_a1):
    item = raise_item(world, session_a1)
    with pytest.raises(ValidationError):
        services.recommendation_assign(
            item=item, by=world.officer_a, deadline=END, assignee_unit=world.group_b1
        )
    assert not Assignment.objects.exists()


def test_an_item_is_never_resolved_without_an_answer(world, people, session_a1):
    item = raise_item(world, session_a1)
    services.recommendation_assign(
        item=item, by=world.officer_a, deadline=END, assignee_person=people.clerk
    )
    with pytest.raises(ValidationError) as error:
        services.recommendation_resolve(item=item, by=world.officer_a, answer="   ")
    assert "Chưa nhập kết quả giải quyết" in str(error.value)
    item.refresh_from_db()
    assert item.state == State.ASSIGNED and item.answer == ""
    services.recommendation_resolve(
        item=item,
        by=world.officer_a,
        answer="Đã trải nhựa ngõ 5.",
        resolved_on=datetime.date(2025, 9, 20),
    )
    item.refresh_from_db()
    assert (item.state, item.resolved_on) == (State.RESOLVED, datetime.date(2025, 9, 20))
    assert item.sources.get().informed_on == datetime.date(2025, 9, 20)


def test_the_database_refuses_a_resolved_item_without_an_answer(world, session_a1):
    item = raise_item(world, session_a1)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Recommendation.objects.filter(pk=item.pk).update(
            state=State.RESOLVED, resolved_on=datetime.date(2025, 9, 1)
        )


def test_overdue_is_computed_from_the_deadline_and_the_state(world, people, session_a1):
    item = raise_item(world, session_a1)
    services.recommendation_assign(
        item=item,
        by=world.officer_a,
        deadline=datetime.date(2025, 9, 1),
        assignee_unit=people.office,
    )
    item.refresh_from_db()
    assert item.is_overdue(datetime.date(2025, 9, 2))
    assert not item.is_overdue(datetime.date(2025, 9, 1))
    assert list(selectors.overdue_items(world.leader_a, datetime.date(2025, 9, 2))) == [item]
    services.recommendation_resolve(
        item=item, by=world.officer_a, answer="Xong.", resolved_on=datetime.date(2025, 9, 5)
    )
    item.refresh_from_db()
    assert not item.is_overdue(datetime.date(2025, 9, 10))
    assert item.resolved_late


def test_the_assignee_in_person_sees_and_works_on_their_item(world, people, session_a1):
    item = raise_item(world, session_a1)
    clerk_user = world.reporter_a1
    clerk_user.person = people.clerk
    clerk_user.save()
    services.recommendation_assign(
        item=item, by=world.officer_a, deadline=END, assignee_person=people.clerk
    )
    assert selectors.assigned_to(clerk_user) == [item]
    item.refresh_from_db()
    services.recommendation_start(item=item, by=clerk_user)
    with pytest.raises(PermissionDenied):
        services.recommendation_start(item=item, by=world.officer_b)


def test_a_resolved_answer_is_published_with_the_names_hidden(world, people, session_a1):
    item = raise_item(
        world,
        session_a1,
        text="Bà Nguyễn Thị Hoa đề nghị sửa cống thoát nước trước nhà bà NGUYEN THI HOA.",
        person_name="Nguyễn Thị Hoa",
    )
    services.recommendation_assign(
        item=item, by=world.officer_a, deadline=END, assignee_unit=people.office
    )
    services.recommendation_resolve(item=item, by=world.officer_a, answer="Đã nạo vét cống.")
    with pytest.raises(PermissionDenied):
        services.answer_publish(item=item, by=world.officer_a)
    services.answer_publish(item=item, by=world.leader_a)
    item.refresh_from_db()
    assert "Hoa" not in item.public_question and "HOA" not in item.public_question
    assert item.public_question.count("(đã ẩn tên)") == 2
    assert list(selectors.published_answers(world.a)) == [item]
