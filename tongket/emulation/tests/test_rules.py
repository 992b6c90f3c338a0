"""Each legal check refuses bad input with a Vietnamese message citing its rule, saves
nothing, and follows the rulebook's numbers (change the row, the outcome changes)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tongket.emulation import services
from tongket.emulation.choices import NominationState
from tongket.emulation.models import Award, AwardDecision, Ballot, Nomination, Rule
from tongket.units.models import AuditEntry

from .conftest import nominate, vote_through

ND152 = "Nghị định 152/2025/NĐ-CP"


def refusal(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return " ".join(caught.value.messages)


def add_rule(em, code, kind, value, **extra):
    return services.rule_create(
        by=em.world.root,
        award_kind=em.kinds[code] if code else None,
        kind=kind,
        value=Decimal(value),
        effective_from=extra.pop("effective_from", datetime.date(2025, 1, 1)),
        citation_document=extra.pop("citation_document", "Quy định thử"),
        **extra,
    )


# Cap ------------------------------------------------------------------------------------------


def test_chien_si_thi_dua_over_15_percent_of_lao_dong_tien_tien_is_refused(em):
    for person in em.people[:8]:
        nominate(em, person, "ldtt")
    nominate(em, em.people[0], "cstdcs")  # 1 ≤ 15% × 8 = 1,2
    second = nominate(em, em.people[1], "cstdcs", submit=False)
    audit_rows = AuditEntry.objects.count()
    message = refusal(lambda: services.nomination_submit(nomination=second, by=em.world.root))
    assert "Vượt giới hạn" in message
    assert "tối đa 1 “Chiến sĩ thi đua cơ sở” (15%)" in message
    assert f"Căn cứ: {ND152}" in message and "chưa xác minh" in message
    second.refresh_from_db()
    assert second.state == NominationState.DRAFT
    assert AuditEntry.objects.count() == audit_rows


def test_the_cap_follows_the_rulebook_row_not_the_code(em):
    for person in em.people[:8]:
        nominate(em, person, "ldtt")
    nominate(em, em.people[0], "cstdcs")
    add_rule(
        em,
        "cstdcs",
        "cap_share",
        30,
        operator="lte",
        reference_kind=em.kinds["ldtt"],
        effective_from=datetime.date(2025, 8, 1),
    )
    assert nominate(em, em.people[1], "cstdcs").state == NominationState.SUBMITTED


# Registration ---------------------------------------------------------------------------------


def test_a_title_without_registration_is_refused_with_its_citation(em):
    nomination = nominate(em, em.people[0], "ldtt", submit=False, registered=False)
    message = refusal(lambda: services.nomination_submit(nomination=nomination, by=em.world.root))
    assert "chưa đăng ký thi đua danh hiệu “Lao động tiên tiến” năm 2025" in message
    assert ND152 in message
    nomination.refresh_from_db()
    assert nomination.state == NominationState.DRAFT


def test_a_form_that_needs_no_registration_goes_through_without_one(em):
    nomination = nominate(em, em.people[0], "gk-chutich", registered=False)
    assert nomination.state == NominationState.SUBMITTED


def test_registration_requirement_is_read_from_the_rulebook(em):
    add_rule(em, "ldtt", "registration_required", 0, effective_from=datetime.date(2025, 8, 1))
    assert nominate(em, em.people[0], "ldtt", registered=False).state == "submitted"


# Ineligible nominees --------------------------------------------------------------------------


def test_a_person_outside_the_nominating_unit_is_refused(em):
    from tongket.units import services as unit_services

    outsider = unit_services.person_create(
        full_name="Người ngoài", unit=em.world.group_a2, by=em.world.root
    )
    message = refusal(
        lambda: services.nomination_create(
            unit=em.world.group_a1,
            year=2025,
            award_kind=em.kinds["gk-chutich"],
            recipient="individual",
            person=outsider,
            achievement="x",
            by=em.world.root,
        )
    )
    assert "Người ngoài không thuộc Tổ dân phố số 1" in message
    assert not Nomination.objects.exists()


def test_chien_si_thi_dua_without_lao_dong_tien_tien_is_refused(em):
    nomination = nominate(em, em.people[0], "cstdcs", submit=False)
    message = refusal(lambda: services.nomination_submit(nomination=nomination, by=em.world.root))
    assert "chưa đạt hoặc chưa được đề nghị “Lao động tiên tiến” năm 2025" in message


def test_a_collective_title_needs_more_than_half_its_members_lao_dong_tien_tien(em):
    group = em.world.group_a1  # ten people and the reporter: eleven members
    services.registration_create(
        unit=group,
        year=2025,
        award_kind=em.kinds["ttldtt"],
        recipient="collective",
        collective=group,
        by=em.world.root,
    )

    def collective():
        return services.nomination_create(
            unit=group,
            year=2025,
            award_kind=em.kinds["ttldtt"],
            recipient="collective",
            collective=group,
            achievement="Tập thể đoàn kết.",
            by=em.world.root,
        )

    for person in em.people[:5]:
        nominate(em, person, "ldtt")
    draft = collective()
    message = refusal(lambda: services.nomination_submit(nomination=draft, by=em.world.root))
    assert "5/11 thành viên đạt “Lao động tiên tiến” (45,5%), chưa đạt mức > 50%" in message
    nominate(em, em.people[5], "ldtt")
    assert services.nomination_submit(nomination=draft, by=em.world.root).state == "submitted"


def test_three_consecutive_years_of_chien_si_thi_dua_are_needed_for_the_province_title(em):
    person = em.people[0]
    services.past_award_create(
        unit=person.unit,
        year=2024,
        award_kind=em.kinds["cstdcs"],
        recipient="individual",
        person=person,
        decision_ref="QĐ 2024",
        by=em.world.root,
    )
    for other in em.people[1:8]:
        nominate(em, other, "ldtt")
    nominate(em, person, "ldtt")
    nominate(em, person, "cstdcs")
    draft = nominate(em, person, "cstd-tinh", submit=False)
    message = refusal(lambda: services.nomination_submit(nomination=draft, by=em.world.root))
    assert "cần 3 năm liên tục (2023–2025)" in message and "còn thiếu năm 2023" in message
    services.past_award_create(
        unit=person.unit,
        year=2023,
        award_kind=em.kinds["cstdcs"],
        recipient="individual",
        person=person,
        decision_ref="QĐ 2023",
        by=em.world.root,
    )
    assert services.nomination_submit(nomination=draft, by=em.world.root).state == "submitted"


def test_a_poor_quality_rating_bars_lao_dong_tien_tien_when_the_rating_exists(em, monkeypatch):
    from tongket.emulation import party_ratings

    monkeypatch.setattr(party_ratings, "member_rating", lambda person, year: "done")
    draft = nominate(em, em.people[0], "ldtt", submit=False)
    message = refusal(lambda: services.nomination_submit(nomination=draft, by=em.world.root))
    assert "xếp loại “Hoàn thành nhiệm vụ” năm 2025" in message
    monkeypatch.setattr(party_ratings, "member_rating", lambda person, year: "good")
    assert services.nomination_submit(nomination=draft, by=em.world.root).state == "submitted"


def test_until_the_party_app_is_wired_in_no_rating_is_known_and_none_is_judged(em):
    from tongket.emulation import party_ratings
    from tongket.emulation.eligibility import judge

    assert party_ratings.member_rating(em.people[0], 2025) is None
    draft = nominate(em, em.people[0], "ldtt", submit=False)
    assert not [check for check in judge(draft) if "Xếp loại" in check.label]


# One achievement, one award -------------------------------------------------------------------


def test_the_same_title_twice_in_a_year_is_refused(em):
    nominate(em, em.people[0], "ldtt")
    again = services.nomination_create(
        unit=em.world.group_a1,
        year=2025,
        award_kind=em.kinds["ldtt"],
        recipient="individual",
        person=em.people[0],
        achievement="Lần hai.",
        by=em.world.root,
    )
    message = refusal(lambda: services.nomination_submit(nomination=again, by=em.world.root))
    assert "không khen thưởng hai lần cho cùng một thành tích" in message
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15" in message


def test_two_forms_for_the_same_achievement_are_refused_but_another_year_is_fine(em):
    nominate(em, em.people[0], "gk-chutich", registered=False)
    party = nominate(em, em.people[0], "gk-danguy", registered=False, submit=False)
    message = refusal(lambda: services.nomination_submit(nomination=party, by=em.world.root))
    assert "không tặng hai hình thức khen thưởng cho cùng một thành tích" in message
    next_year = services.nomination_create(
        unit=em.world.group_a1,
        year=2026,
        award_kind=em.kinds["gk-chutich"],
        recipient="individual",
        person=em.people[0],
        achievement="Năm sau.",
        by=em.world.root,
    )
    assert services.nomination_submit(nomination=next_year, by=em.world.root).state == "submitted"


# The council ----------------------------------------------------------------------------------


def test_more_votes_than_members_present_are_refused_and_nothing_is_saved(em):
    nomination = nominate(em, em.people[0], "ldtt")
    session = services.session_create(
        commune=em.world.a,
        year=2025,
        held_on=datetime.date(2026, 1, 5),
        members_present=4,
        by=em.world.root,
    )
    [ballot] = services.session_add_nominations(
        session=session, nominations=[nomination], by=em.world.root
    )
    message = refusal(lambda: services.ballot_record(ballot=ballot, votes_for=5, by=em.world.root))
    assert "số phiếu đồng ý (5) lớn hơn số thành viên có mặt (4)" in message
    ballot.refresh_from_db()
    assert ballot.votes_for is None
    assert Nomination.objects.get().state == NominationState.IN_REVIEW


def test_more_members_present_than_the_council_has_is_refused(em):
    message = refusal(
        lambda: services.session_create(
            commune=em.world.a,
            year=2025,
            held_on=datetime.date(2026, 1, 5),
            members_present=6,
            by=em.world.root,
        )
    )
    assert "lớn hơn số thành viên Hội đồng (5)" in message


def test_the_threshold_is_a_share_of_all_members_not_of_those_present(em):
    first, second = nominate(em, em.people[0], "ldtt"), nominate(em, em.people[1], "ldtt")
    session = services.session_create(
        commune=em.world.a,
        year=2025,
        held_on=datetime.date(2026, 1, 5),
        members_present=3,
        by=em.world.root,
    )
    ballots = services.session_add_nominations(
        session=session, nominations=[first, second], by=em.world.root
    )
    services.ballots_record(
        session=session, votes={ballots[0].pk: 3, ballots[1].pk: 2}, by=em.world.root
    )
    passed = dict(Ballot.objects.values_list("nomination_id", "passed"))
    assert passed == {first.pk: True, second.pk: False}  # 3/5 > 50%; 2/5 is not, though 2/3 is


def test_one_bad_count_in_a_session_saves_none_of_the_counts(em):
    nominations = [nominate(em, person, "ldtt") for person in em.people[:2]]
    session = services.session_create(
        commune=em.world.a,
        year=2025,
        held_on=datetime.date(2026, 1, 5),
        members_present=5,
        by=em.world.root,
    )
    ballots = services.session_add_nominations(
        session=session, nominations=nominations, by=em.world.root
    )
    refusal(
        lambda: services.ballots_record(
            session=session, votes={ballots[0].pk: 5, ballots[1].pk: 9}, by=em.world.root
        )
    )
    assert not Ballot.objects.filter(votes_for__isnull=False).exists()


# Decisions ------------------------------------------------------------------------------------


def _decide(em, nominations, number, on, body="chairman"):
    return services.decision_create(
        commune=em.world.a,
        body=body,
        number=number,
        signed_on=on,
        signer_name="Lê Thị Thu Hà",
        nominations=nominations,
        by=em.world.root,
    )


def test_a_used_decision_number_is_refused_and_numbering_restarts_each_year(em):
    nominations = [nominate(em, person, "ldtt") for person in em.people[:3]]
    vote_through(em, nominations)
    _decide(em, nominations[:1], 15, datetime.date(2026, 1, 8))
    message = refusal(lambda: _decide(em, nominations[1:2], 15, datetime.date(2026, 3, 1)))
    assert "Số 15/QĐ-UBND đã cấp ngày 08/01/2026" in message and "năm 2026" in message
    assert "Số tiếp theo còn trống: 16" in message
    assert Nomination.objects.get(pk=nominations[1].pk).state == NominationState.VOTED
    assert AwardDecision.objects.count() == 1
    _decide(em, nominations[1:2], 15, datetime.date(2027, 1, 2))  # a new year, number 15 again


def test_a_body_cannot_decide_what_the_rulebook_gives_another(em):
    nominations = [nominate(em, em.people[0], "ldtt")]
    vote_through(em, nominations)
    message = refusal(
        lambda: _decide(em, nominations, 1, datetime.date(2026, 1, 8), body="party_committee")
    )
    assert "không thuộc thẩm quyền của Đảng ủy cấp xã" in message
    assert "Điều 80 khoản 3" in message


def test_a_candidate_who_failed_the_vote_cannot_be_decided(em):
    nominations = [nominate(em, em.people[0], "ldtt")]
    vote_through(em, nominations, votes=2)
    message = refusal(lambda: _decide(em, nominations, 1, datetime.date(2026, 1, 8)))
    assert "chưa được Hội đồng bỏ phiếu đạt" in message


def test_prizes_use_the_base_salary_in_force_on_the_decision_date_and_never_change(em):
    nominations = [nominate(em, person, "ldtt") for person in em.people[:2]]
    vote_through(em, nominations)
    first = _decide(em, nominations[:1], 1, datetime.date(2026, 6, 30))
    add_rule(em, None, "base_salary", 2_530_000, effective_from=datetime.date(2026, 7, 1))
    second = _decide(em, nominations[1:], 2, datetime.date(2026, 7, 1))
    assert Award.objects.get(decision=first).prize == 702_000  # 0,3 × 2.340.000
    assert Award.objects.get(decision=second).prize == 759_000  # 0,3 × 2.530.000
    assert (first.base_salary, second.base_salary) == (2_340_000, 2_530_000)
    coefficient = Rule.objects.get(
        award_kind=em.kinds["ldtt"],
        kind="prize_coefficient",
        citation_document="Nghị định 152/2025/NĐ-CP",
    )
    services.rule_update(rule=coefficient, value=Decimal("0.5"), by=em.world.root)
    assert Award.objects.get(decision=first).prize == 702_000


def test_the_cap_is_checked_again_when_deciding(em):
    lao_dong = [nominate(em, person, "ldtt") for person in em.people[:7]]
    chien_si = nominate(em, em.people[0], "cstdcs")  # 1 ≤ 15% × 7 = 1,05 while all are active
    vote_through(em, [*lao_dong[:6], chien_si])
    message = refusal(lambda: _decide(em, [*lao_dong[:6], chien_si], 1, datetime.date(2026, 1, 8)))
    assert "Vượt giới hạn" in message  # only 6 decided: 15% × 6 = 0,9
    assert not Award.objects.exists()


# Evidence -------------------------------------------------------------------------------------


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_evidence_files_are_checked_for_type_content_and_size(em, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    nomination = nominate(em, em.people[0], "ldtt", submit=False)

    def add(upload):
        return services.evidence_add(nomination=nomination, upload=upload, by=em.world.root)

    assert "chỉ nhận .pdf" in refusal(lambda: add(_upload("virus.exe", b"MZ...")))
    assert "không đúng định dạng .pdf" in refusal(lambda: add(_upload("gia.pdf", b"not a pdf")))
    big = b"%PDF-1.4" + b"0" * (services.EVIDENCE_MAX_BYTES + 1)
    assert "vượt quá 5 MB" in refusal(lambda: add(_upload("lon.pdf", big)))
    evidence = add(_upload("bien-ban.pdf", b"%PDF-1.4 hello"))
    assert evidence.size == 14 and nomination.evidence.count() == 1


# Rulebook rights ------------------------------------------------------------------------------


def test_a_commune_administrator_sets_a_local_threshold_but_not_a_national_rule(em):
    from django.core.exceptions import PermissionDenied

    local = services.rule_create(
        by=em.world.admin_a,
        award_kind=em.kinds["ldtt"],
        kind="council_threshold",
        unit=em.world.a,
        value=Decimal(60),
        operator="gte",
        effective_from=datetime.date(2025, 1, 1),
        citation_document="Quy chế Hội đồng phường",
    )
    with pytest.raises(PermissionDenied):
        services.rule_create(
            by=em.world.admin_a,
            award_kind=em.kinds["ldtt"],
            kind="council_threshold",
            value=Decimal(60),
            effective_from=datetime.date(2025, 1, 1),
            citation_document="x",
        )
    with pytest.raises(PermissionDenied):
        services.rule_update(rule=local, value=Decimal(70), by=em.world.officer_a)
    # The local row now decides: 3 of 5 is 60%, enough under ≥ 60% of all members.
    nomination = nominate(em, em.people[0], "ldtt")
    session = vote_through(em, [nomination], votes=3)
    assert session.ballots.get().threshold == 60 and session.ballots.get().passed


def test_a_lao_dong_tien_tien_voted_down_no_longer_counts_under_the_cap(em):
    lao_dong = [nominate(em, person, "ldtt") for person in em.people[:7]]
    vote_through(em, lao_dong[:1], votes=1)  # voted down: 6 remain
    draft = nominate(em, em.people[1], "cstdcs", submit=False)
    message = refusal(lambda: services.nomination_submit(nomination=draft, by=em.world.root))
    assert "có 6 người đạt “Lao động tiên tiến”" in message
