"""Every admission rule refuses what it refuses, names itself and its source, saves nothing;
and its number comes from the rulebook (a later row changes the outcome)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tongket.party import services
from tongket.party.choices import AdmissionState
from tongket.party.models import Admission

from .conftest import D, candidate, member, saved_rows, set_rule, walk

VOTE_ON = D(2025, 3, 21)


def until_vote(w, admission, introducers=None):
    """Course and introducers done: the file waits for the chi bộ's vote (on 21/03/2025)."""
    return walk(w, admission, upto="introduce", introducers=introducers)


def vote(admission, by, votes_for=100, full_members=100, on=VOTE_ON):
    return services.admission_cell_vote(
        admission=admission, vote_on=on, votes_for=votes_for, full_members=full_members, by=by
    )


def refused(call, *phrases):
    """The call is refused, saying each phrase, and nothing is saved."""
    before = saved_rows()
    with pytest.raises(ValidationError) as caught:
        call()
    text = " ".join(caught.value.messages)
    for phrase in phrases:
        assert phrase in text, text
    assert saved_rows() == before
    return text


def test_the_whole_pipeline_admits_then_makes_full(pw):
    admission = walk(pw, candidate(pw), upto="ceremony")
    assert admission.state == AdmissionState.ADMITTED
    record = admission.member
    assert record.status == "probationary" and record.admitted_on == D(2025, 4, 10)
    ends = services.probation_end(admission)
    assert ends == D(2026, 4, 10)


def test_a_candidate_under_18_full_years_counted_by_months_is_refused(pw):
    admission = until_vote(pw, candidate(pw, birth=D(2007, 4, 1)))
    text = refused(lambda: vote(admission, pw.root), "chưa đủ 18 tuổi", "232-QĐ/TW")
    assert "17 tuổi 11 tháng" in text
    assert Admission.objects.get(pk=admission.pk).state == AdmissionState.INTRODUCED


def test_a_candidate_18_in_the_month_of_the_vote_is_accepted(pw):
    admission = until_vote(pw, candidate(pw, birth=D(2007, 3, 31)))
    assert vote(admission, pw.root).state == AdmissionState.CELL_APPROVED


def test_a_candidate_over_60_full_years_is_refused_and_60_is_accepted(pw):
    old = until_vote(pw, candidate(pw, "Ông Quá Tuổi", birth=D(1965, 2, 15)))
    refused(lambda: vote(old, pw.root), "quá 60 tuổi", "Tuổi đời tối đa")
    sixty = until_vote(pw, candidate(pw, "Ông Đủ Tuổi", birth=D(1965, 3, 2)))
    assert vote(sixty, pw.root).state == AdmissionState.CELL_APPROVED


def test_the_age_limit_is_a_rulebook_number(pw):
    set_rule("admission_max_age", 65)
    old = until_vote(pw, candidate(pw, birth=D(1962, 6, 1)))
    assert vote(old, pw.root).state == AdmissionState.CELL_APPROVED


def test_primary_education_is_refused_unless_the_file_names_an_exception(pw):
    plain = until_vote(pw, candidate(pw, "Người Thứ Nhất", education=1))
    refused(lambda: vote(plain, pw.root), "Trình độ học vấn", "Trung học cơ sở")
    excepted = until_vote(
        pw, candidate(pw, "Người Thứ Hai", education=1, education_exception="Xã vùng cao")
    )
    assert vote(excepted, pw.root).state == AdmissionState.CELL_APPROVED


def test_a_missing_course_certificate_is_refused_while_the_rule_asks_for_it(pw):
    admission = candidate(pw)
    introducers = [(member(pw, f"GT {i}"), D(2023, 1, 1)) for i in (1, 2)]
    admission = services.admission_introduce(
        admission=admission, introduced_on=D(2025, 3, 11), introducers=introducers, by=pw.root
    )
    refused(lambda: vote(admission, pw.root), "lớp bồi dưỡng nhận thức về Đảng")
    set_rule("course_certificate", 0)
    assert vote(admission, pw.root).state == AdmissionState.CELL_APPROVED


def _introduce(w, admission, introducers):
    admission = services.admission_course(
        admission=admission, course_on=D(2025, 3, 1), certificate_no="1", by=w.root
    )
    return lambda: services.admission_introduce(
        admission=admission, introduced_on=D(2025, 3, 11), introducers=introducers, by=w.root
    )


def test_one_introducer_is_not_enough(pw):
    call = _introduce(pw, candidate(pw), [(member(pw, "Một Mình"), D(2023, 1, 1))])
    refused(call, "Cần đúng 2 người giới thiệu", "Số người giới thiệu")


def test_the_number_of_introducers_is_a_rulebook_number(pw):
    set_rule("introducer_count", 1)
    call = _introduce(pw, candidate(pw), [(member(pw, "Một Mình"), D(2023, 1, 1))])
    assert call().state == AdmissionState.INTRODUCED


def test_a_probationary_introducer_is_refused(pw):
    young = member(pw, "Dự Bị", admitted=D(2024, 6, 1), full=None)
    call = _introduce(
        pw, candidate(pw), [(member(pw, "Chính Thức"), D(2023, 1, 1)), (young, D(2023, 1, 1))]
    )
    refused(call, "Dự Bị", "đảng viên dự bị", "phải là đảng viên chính thức")


def test_an_introducer_who_worked_with_the_candidate_less_than_12_months_is_refused(pw):
    call = _introduce(
        pw,
        candidate(pw),
        [(member(pw, "Lâu Năm"), D(2023, 1, 1)), (member(pw, "Mới Quen"), D(2024, 5, 1))],
    )
    refused(call, "Mới Quen", "10 tháng", "cần ít nhất 12 tháng")


def test_the_months_together_are_a_rulebook_number(pw):
    set_rule("introducer_months", 6)
    call = _introduce(
        pw,
        candidate(pw),
        [(member(pw, "Lâu Năm"), D(2023, 1, 1)), (member(pw, "Mới Quen"), D(2024, 5, 1))],
    )
    assert call().state == AdmissionState.INTRODUCED


def test_an_introducer_of_another_commune_is_refused(pw):
    other = member(pw, "Xã Khác", commune=pw.b, cell=pw.cell_b1)
    call = _introduce(
        pw, candidate(pw), [(member(pw, "Ở Đây"), D(2023, 1, 1)), (other, D(2023, 1, 1))]
    )
    refused(call, "không phải đảng viên của Đảng bộ")


def test_the_cell_vote_needs_two_thirds_of_its_full_members(pw):
    admission = until_vote(pw, candidate(pw))
    refused(lambda: vote(admission, pw.root, 5, 9), "5/9", "66,6667%")
    assert vote(admission, pw.root, 6, 9).cell_votes_for == 6


def test_the_cell_counts_its_full_members_from_the_events_when_not_given(pw):
    admission = until_vote(pw, candidate(pw))
    full = services.full_members_on(pw.cell_a1, VOTE_ON)
    assert full == 2  # the two introducers
    refused(lambda: vote(admission, pw.root, 1, None), "1/2")
    assert vote(admission, pw.root, 2, None).cell_full_members == 2


def test_the_committee_vote_needs_two_thirds_of_the_seats_held_that_day(pw):
    admission = walk(pw, candidate(pw), upto="cell_vote")
    assert services.committee_size_on(pw.a, D(2025, 3, 31)) == 5

    def committee(votes):
        return services.admission_committee_vote(
            admission=admission, vote_on=D(2025, 3, 31), votes_for=votes, by=pw.root
        )

    refused(lambda: committee(3), "3/5 cấp ủy viên")
    assert committee(4).state == AdmissionState.COMMITTEE_APPROVED


def test_a_step_dated_before_the_previous_one_or_ahead_is_refused(pw):
    admission = until_vote(pw, candidate(pw))
    refused(lambda: vote(admission, pw.root, on=D(2025, 3, 1)), "không được trước")
    ahead = datetime.date.today() + datetime.timedelta(days=3)
    refused(lambda: vote(admission, pw.root, on=ahead), "chưa tới")


def test_a_step_out_of_order_is_refused(pw):
    admission = candidate(pw)
    refused(
        lambda: services.admission_decide(
            admission=admission, decision_on=D(2025, 3, 1), by=pw.root
        ),
        "chưa làm được bước này",
    )


def test_the_full_vote_waits_for_the_12_months_of_probation(pw):
    admission = walk(pw, candidate(pw), upto="ceremony")

    def full_vote(on):
        return services.admission_full_vote(
            admission=admission, vote_on=on, votes_for=3, full_members=3, by=pw.root
        )

    refused(lambda: full_vote(D(2026, 4, 9)), "Chưa hết 12 tháng dự bị", "Thời gian dự bị")
    assert full_vote(D(2026, 4, 10)).state == AdmissionState.FULL_PROPOSED


def test_the_full_vote_needs_two_thirds_of_the_full_members(pw):
    admission = walk(pw, candidate(pw), upto="ceremony")
    refused(
        lambda: services.admission_full_vote(
            admission=admission, vote_on=D(2026, 4, 20), votes_for=1, full_members=3, by=pw.root
        ),
        "1/3",
        "công nhận chính thức",
    )


def test_the_decision_making_full_dates_full_membership_from_the_probations_end(pw):
    admission = walk(pw, candidate(pw), upto="ceremony")
    admission = services.admission_full_vote(
        admission=admission, vote_on=D(2026, 4, 20), votes_for=3, full_members=3, by=pw.root
    )
    admission = services.admission_make_full(
        admission=admission, decision_on=D(2026, 5, 2), by=pw.root
    )
    record = admission.member
    record.refresh_from_db()
    assert record.status == "full" and record.full_on == D(2026, 4, 10)
    assert str(admission.full_decision) == "1-QĐ/ĐU"


def test_readmission_waits_36_months_after_leaving(pw):
    record = member(pw, "Người Bị Xóa Tên")
    services.member_event_record(record=record, kind="struck_off", on=D(2023, 1, 1), by=pw.root)
    admission = services.admission_create(
        cell=pw.cell_a1, candidate_on=D(2025, 1, 5), education=3, person=record.person, by=pw.root
    )
    assert admission.readmission_id == record.pk
    admission = until_vote(pw, admission)
    refused(lambda: vote(admission, pw.root), "26 tháng", "cần ít nhất 36 tháng", "3.5.1")
    set_rule("readmission_months", 24)
    assert vote(admission, pw.root).state == AdmissionState.CELL_APPROVED


def test_a_readmitted_member_keeps_one_record(pw):
    record = member(pw, "Người Trở Lại")
    services.member_event_record(record=record, kind="expelled", on=D(2020, 1, 1), by=pw.root)
    admission = services.admission_create(
        cell=pw.cell_a1, candidate_on=D(2025, 1, 5), education=3, person=record.person, by=pw.root
    )
    admission = walk(pw, admission, upto="ceremony")
    record.refresh_from_db()
    assert admission.member_id == record.pk and record.status == "probationary"
    assert record.events.filter(kind="readmitted").count() == 1


def test_a_member_in_the_party_gets_no_admission_file(pw):
    record = member(pw, "Đã Là Đảng Viên")
    refused(
        lambda: services.admission_create(
            cell=pw.cell_a1,
            candidate_on=D(2025, 1, 5),
            education=3,
            person=record.person,
            by=pw.root,
        ),
        "đã có hồ sơ đảng viên",
    )


def test_without_a_bi_thu_holding_the_position_there_is_no_signer(party_world):
    w = party_world
    from tongket.units import services as unit_services

    for i in range(3):
        person = unit_services.person_create(full_name=f"Ủy viên {i}", unit=w.a, by=w.root)
        unit_services.position_create(
            person=person, unit=w.a, title="Đảng ủy viên", start_date=D(2020, 1, 1), by=w.root
        )
    admission = walk(w, candidate(w), upto="cell_vote")
    admission = services.admission_committee_vote(
        admission=admission, vote_on=D(2025, 3, 31), votes_for=3, by=w.root
    )
    refused(
        lambda: services.admission_decide(
            admission=admission, decision_on=D(2025, 4, 5), by=w.root
        ),
        "không có Bí thư hoặc Phó Bí thư",
    )


def test_closing_an_admitted_file_strikes_the_probationary_member_off(pw):
    admission = walk(pw, candidate(pw), upto="ceremony")
    services.admission_close(
        admission=admission, on=D(2025, 8, 1), reason="Vi phạm tư cách", by=pw.root
    )
    admission.member.refresh_from_db()
    assert admission.member.status == "struck_off"


# Deadlines ------------------------------------------------------------------------------------


def _overdue(w, today):
    from tongket.party import selectors
    from tongket.party.models import PartyMember

    return selectors.overdue_steps(
        w.a, Admission.objects.all(), PartyMember.objects.all(), today=today
    )


def test_a_ceremony_not_held_within_the_rules_days_is_overdue(pw):
    walk(pw, candidate(pw), upto="decide")  # decided 05/04/2025
    assert _overdue(pw, D(2025, 5, 5)) == []
    late = _overdue(pw, D(2025, 5, 6))
    assert [(item.label, item.due_on, item.days) for item in late] == [
        ("Chưa tổ chức lễ kết nạp", D(2025, 5, 5), 1)
    ]
    set_rule("ceremony_days", 60, on=D(2025, 1, 1))
    assert _overdue(pw, D(2025, 5, 6)) == []


def test_a_probationary_member_not_considered_after_probation_is_overdue(pw):
    admission = walk(pw, candidate(pw), upto="ceremony")  # ceremony 10/04/2025
    assert _overdue(pw, D(2026, 5, 10)) == []
    late = _overdue(pw, D(2026, 5, 11))
    assert [(item.label, item.record, item.days) for item in late] == [
        ("Chưa xét công nhận đảng viên chính thức", admission.member, 1)
    ]
    set_rule("full_review_days", 45, on=D(2025, 1, 1))
    assert _overdue(pw, D(2026, 5, 11)) == []
