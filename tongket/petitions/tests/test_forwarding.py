"""Sending items up for real: a numbered report to the province, never an item twice, never
without the level that receives it; the province sees only what was sent, assigns it to a
department and answers; the commune closes it and the raising unit is told; an item nobody
answers in the policy's days is flagged at both levels."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from tongket.petitions import selectors, services
from tongket.petitions.choices import Competence, ForwardLevel, State
from tongket.petitions.models import Forwarding, ProvinceReport
from tongket.petitions.services import ForwardItem
from tongket.units.choices import Body
from tongket.units.models import IssuedNumber

from .builders import raise_item

pytestmark = pytest.mark.django_db
REPORT_DAY = datetime.date(2025, 10, 5)


def forward(world, *items, level=ForwardLevel.PROVINCE, department=None, by=None, **extra):
    return services.report_create(
        commune=world.a,
        by=by or world.officer_a,
        items=[ForwardItem(item, level, department) for item in items],
        issued_on=REPORT_DAY,
        body=Body.PEOPLES_COMMITTEE,
        **extra,
    )


@pytest.fixture
def sent_up(world, session_a1):
    return raise_item(
        world,
        session_a1,
        text="Đề nghị tỉnh đầu tư tuyến đường tỉnh lộ 5",
        competence=Competence.PROVINCE,
    )


@pytest.fixture
def internal(world, session_a1):
    return raise_item(world, session_a1, text="Sửa nhà văn hóa tổ 1")


def test_a_report_to_the_province_is_numbered_and_forwards_its_items(world, sent_up):
    report = forward(world, sent_up)
    assert report.number_text == "Số: 1/BC-UBND"
    assert report.province == world.province
    sent_up.refresh_from_db()
    assert sent_up.state == State.FORWARDED
    assert sent_up.forwarding.report == report
    assert IssuedNumber.objects.filter(doc_type="BC").count() == 1


def test_nothing_is_forwarded_twice(world, sent_up):
    forward(world, sent_up)
    sent_up.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        forward(world, sent_up)
    assert "đã được chuyển cấp trên theo báo cáo số 1/BC-UBND" in str(error.value)
    assert ProvinceReport.objects.count() == 1
    assert IssuedNumber.objects.count() == 2  # the plan's and the one report's


def test_an_item_is_not_forwarded_without_a_receiving_level(world, sent_up):
    with pytest.raises(ValidationError) as error:
        forward(world, sent_up, level=None)
    assert "chưa chọn cấp nhận" in str(error.value)
    with pytest.raises(ValidationError):
        forward(world, sent_up, level=ForwardLevel.DEPARTMENT)
    assert not ProvinceReport.objects.exists() and not Forwarding.objects.exists()
    assert not IssuedNumber.objects.filter(doc_type="BC").exists()
    sent_up.refresh_from_db()
    assert sent_up.state == State.NEW


def test_an_item_of_the_communes_competence_is_not_sent_up(world, internal):
    with pytest.raises(ValidationError):
        forward(world, internal)
    assert not Forwarding.objects.exists()


def test_the_province_sees_forwarded_items_of_its_communes_only(world, sent_up, internal):
    officer = world.province_officer
    assert not selectors.recommendation_list(officer).exists()
    with pytest.raises(Http404):
        selectors.get_recommendation_for(officer, internal.pk)
    forward(world, sent_up)
    assert list(selectors.recommendation_list(officer)) == [sent_up]
    assert selectors.get_recommendation_for(officer, sent_up.pk) == sent_up
    with pytest.raises(Http404):
        selectors.get_recommendation_for(officer, internal.pk)
    rows = selectors.forwarded_list(officer).rows
    assert [row.forwarding.recommendation for row in rows] == [sent_up]
    assert selectors.forwarded_list(world.officer_b).rows == []


def test_the_province_officer_cannot_do_the_communes_work(world, people, internal, sent_up):
    forward(world, sent_up)
    with pytest.raises(PermissionDenied):
        services.recommendation_assign(
            item=internal,
            by=world.province_officer,
            deadline=datetime.date(2025, 9, 30),
            assignee_unit=people.office,
        )
    sent_up.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.recommendation_close(item=sent_up, by=world.province_officer)


def test_province_assigns_a_department_answers_and_the_commune_closes(world, people, sent_up):
    forward(world, sent_up)
    forwarding = Forwarding.objects.get()
    with pytest.raises(PermissionDenied):
        services.forwarding_assign(
            forwarding=forwarding, department=people.department, by=world.officer_a
        )
    with pytest.raises(ValidationError):
        services.forwarding_assign(
            forwarding=forwarding, department=people.office, by=world.province_officer
        )
    services.forwarding_assign(
        forwarding=forwarding, department=people.department, by=world.province_officer
    )
    sent_up.refresh_from_db()
    with pytest.raises(ValidationError):
        services.recommendation_close(item=sent_up, by=world.officer_a)
    with pytest.raises(ValidationError):
        services.forwarding_answer(forwarding=forwarding, answer=" ", by=world.province_officer)
    forwarding.refresh_from_db()
    assert forwarding.answered_on is None and forwarding.received_at is not None
    services.forwarding_answer(
        forwarding=forwarding,
        answer="Sở Xây dựng đưa tuyến đường vào kế hoạch đầu tư công 2026–2030.",
        answered_on=datetime.date(2025, 11, 1),
        by=world.province_officer,
    )
    sent_up.refresh_from_db()
    services.recommendation_close(
        item=sent_up, by=world.officer_a, closed_on=datetime.date(2025, 11, 3)
    )
    sent_up.refresh_from_db()
    assert sent_up.state == State.RESOLVED
    assert sent_up.answer.startswith("Sở Xây dựng đưa tuyến đường")
    assert sent_up.sources.get().informed_on == datetime.date(2025, 11, 3)
    with pytest.raises(ValidationError):
        services.forwarding_answer(
            forwarding=forwarding, answer="Sửa lại", by=world.province_officer
        )


def test_an_unanswered_item_is_flagged_after_the_policys_days_at_both_levels(world, sent_up):
    forward(world, sent_up)
    day_30 = REPORT_DAY + datetime.timedelta(days=30)
    day_31 = REPORT_DAY + datetime.timedelta(days=31)
    assert not selectors.forwarded_list(world.province_officer, today=day_30).rows[0].flagged
    assert selectors.forwarded_list(world.province_officer, today=day_31).rows[0].flagged
    for user in (world.province_officer, world.officer_a):
        assert selectors.flagged_forwardings(user, today=day_31).count() == 1
    services.policy_set(unit=world.a, by=world.admin_a, answer_days=60, citizen_hourly_limit=None)
    assert not selectors.forwarded_list(world.province_officer, today=day_31).rows[0].flagged
    assert selectors.flagged_forwardings(world.officer_a, today=day_31).count() == 0
    filters = selectors.ForwardedFilters(answer="flagged")
    later = REPORT_DAY + datetime.timedelta(days=61)
    assert selectors.forwarded_list(world.province_officer, filters, today=later).total == 1
    assert selectors.forwarded_list(world.province_officer, filters, today=day_31).total == 0


def test_a_province_policy_applies_to_its_communes_without_their_own(world, sent_up):
    forward(world, sent_up)
    services.policy_set(
        unit=world.province, by=world.root, answer_days=10, citizen_hourly_limit=None
    )
    day_11 = REPORT_DAY + datetime.timedelta(days=11)
    assert selectors.forwarded_list(world.province_officer, today=day_11).rows[0].flagged
    assert selectors.policy_for(world.a).answer_days == 10


def test_the_forwarded_list_filters_by_field_commune_and_age(world, sent_up):
    forward(world, sent_up)
    officer = world.province_officer
    day = REPORT_DAY + datetime.timedelta(days=20)

    def list_of(**filters) -> int:
        return selectors.forwarded_list(
            officer, selectors.ForwardedFilters(**filters), today=day
        ).total

    assert list_of(field="urban") == 1
    assert list_of(field="health") == 0
    assert list_of(commune=world.a.pk) == 1
    assert list_of(commune=world.b.pk) == 0
    assert list_of(min_age=15) == 1
    assert list_of(min_age=30) == 0
    assert list_of(answer="answered") == 0
