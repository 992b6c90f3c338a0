"""Plans of working sessions: numbered from the body's book, a delegation drawn from the
positions held on the plan's date, one session per unit within the plan's dates, and what a
session recorded."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongket.petitions import services
from tongket.petitions.models import DelegationMember, Plan, Session
from tongket.units.choices import Body
from tongket.units.models import AuditEntry, IssuedNumber

from .builders import END, PLAN_DAY, make_plan, make_session, official

pytestmark = pytest.mark.django_db


def test_a_party_plan_takes_its_number_from_the_party_book(world, people):
    plan = make_plan(world, people, number=12)
    assert plan.number_text == "Số 12-KH/ĐU"
    assert plan.number_label == "12-KH/ĐU"
    issued = IssuedNumber.objects.get()
    assert (issued.body, issued.doc_type, issued.number) == (Body.PARTY_COMMITTEE, "KH", 12)
    assert AuditEntry.objects.filter(model="petitions.plan", verb="issue").exists()


def test_a_state_plan_is_numbered_the_state_way(world, people):
    plan = make_plan(world, people, body=Body.PEOPLES_COMMITTEE, number=None)
    assert plan.number_text == "Số: 1/KH-UBND"


def test_a_number_already_used_is_refused_and_the_plan_stays_unissued(world, people):
    make_plan(world, people, number=12)
    second = make_plan(world, people, issue=False)
    with pytest.raises(ValidationError) as error:
        services.plan_issue(plan=second, by=world.officer_a, number=12)
    assert "Số tiếp theo còn trống: 13" in str(error.value)
    second.refresh_from_db()
    assert second.number is None


def test_an_issued_plan_keeps_its_body_and_date(world, plan):
    with pytest.raises(ValidationError):
        services.plan_update(plan=plan, by=world.officer_a, issued_on=datetime.date(2025, 8, 16))
    plan.refresh_from_db()
    assert plan.issued_on == PLAN_DAY


def test_the_signer_must_hold_a_signing_position_of_the_body(world, people):
    with pytest.raises(ValidationError) as error:
        make_plan(world, people, signer=people.chair)
    assert "không giữ chức vụ được ký" in str(error.value)
    assert not Plan.objects.exists()


def test_only_the_communes_officers_plan_sessions(world, people):
    for outsider in (world.officer_b, world.province_officer, world.reporter_a1, world.leader_a):
        with pytest.raises(PermissionDenied):
            make_plan(world, people, by=outsider)
    assert not Plan.objects.exists()


def test_the_delegation_is_drawn_from_the_leading_bodies_with_the_title_held_that_day(
    world, people, plan
):
    for position in (
        people.secretary_position,
        people.council_position,
        people.vice_position,
        people.front_position,
        people.women_position,
    ):
        services.delegation_add(
            plan=plan,
            position=position,
            by=world.officer_a,
            leads=position == people.secretary_position,
        )
    groups = {m.person.full_name: m.group for m in DelegationMember.objects.all()}
    assert groups == {
        "Nguyễn Văn Bí": "party_standing",
        "Vũ Đức Hội": "council",
        "Phạm Quốc Phó": "committee",
        "Đinh Thị Mặt": "front",
        "Lương Thị Nữ": "mass",
    }
    head = DelegationMember.objects.get(leads=True)
    assert head.title == "Bí thư Đảng ủy phường"


def test_a_clerk_or_someone_out_of_office_is_not_a_delegation_member(world, people, plan):
    with pytest.raises(ValidationError):
        services.delegation_add(plan=plan, position=people.clerk_position, by=world.officer_a)
    _, later = official(
        world, "Ngô Văn Sau", "Ủy viên Ban Thường vụ Đảng ủy", start=datetime.date(2025, 9, 1)
    )
    with pytest.raises(ValidationError) as error:
        services.delegation_add(plan=plan, position=later, by=world.officer_a)
    assert "15/08/2025" in str(error.value)
    assert not DelegationMember.objects.exists()


def test_one_session_per_unit_within_the_plans_dates(world, plan):
    make_session(world, plan, world.group_a1, held=False)
    with pytest.raises(ValidationError) as error:
        make_session(world, plan, world.group_a1, held=False)
    assert "đã có buổi làm việc với đơn vị này" in str(error.value)
    with pytest.raises(ValidationError) as error:
        make_session(world, plan, world.group_a2, day=END + datetime.timedelta(days=1), held=False)
    assert "trong thời gian của kế hoạch" in str(error.value)
    with pytest.raises(ValidationError):
        make_session(world, plan, world.group_b1, held=False)
    assert Session.objects.count() == 1


def test_a_session_is_recorded_with_its_summary_and_who_attended(world, people, plan):
    member = services.delegation_add(
        plan=plan, position=people.secretary_position, by=world.officer_a
    )
    session = make_session(world, plan, world.group_a1, held=False)
    with pytest.raises(ValidationError):
        services.session_record(session=session, by=world.officer_a, report_summary="  ")
    session.refresh_from_db()
    assert not session.is_held
    services.session_record(
        session=session,
        by=world.officer_a,
        report_summary="Hoàn thành nhiệm vụ.",
        difficulties="Thiếu kinh phí.",
        delegation_present=[member],
    )
    session.refresh_from_db()
    assert session.is_held
    assert list(session.delegation_present.all()) == [member]


def test_a_session_in_the_future_cannot_be_recorded(world, people):
    today = datetime.date.today()
    plan = make_plan(
        world,
        people,
        issued_on=today,
        period_start=today,
        period_end=today + datetime.timedelta(days=30),
        number=40,
        signer=None,
    )
    session = make_session(
        world, plan, world.group_a1, day=today + datetime.timedelta(days=3), held=False
    )
    with pytest.raises(ValidationError) as error:
        services.session_record(session=session, by=world.officer_a, report_summary="Tốt.")
    assert "chưa diễn ra" in str(error.value)
