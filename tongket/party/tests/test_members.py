"""Member records and their events: counts at any date come from the events (and stay the
same when taken later), moves, transfers the receiving Đảng ủy must accept, temporary
activity, cards, Huy hiệu Đảng."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongket.party import selectors, services
from tongket.party.choices import EventKind, MemberStatus, TransferState
from tongket.party.models import MemberEvent, PartyMember, Transfer

from .conftest import D, member, saved_rows, set_rule


def refused(call, *phrases, error=ValidationError):
    before = saved_rows()
    with pytest.raises(error) as caught:
        call()
    text = " ".join(getattr(caught.value, "messages", [str(caught.value)]))
    for phrase in phrases:
        assert phrase in text, text
    assert saved_rows() == before


def total_on(commune, day):
    return selectors.party_statistics(commune, day.year, today=day).total


def test_a_member_entered_from_the_list_has_admitted_and_made_full_events(pw):
    record = member(pw, "Nguyễn Văn An", card_number="0101")
    kinds = list(record.events.values_list("kind", "on"))
    assert kinds == [(EventKind.ADMITTED, D(2010, 1, 10)), (EventKind.MADE_FULL, D(2011, 1, 10))]
    assert record.status == MemberStatus.FULL and record.full_on == D(2011, 1, 10)
    assert record.person.unit == pw.a  # a resident of the commune, not of the chi bộ


def test_a_member_who_arrived_full_has_one_transfer_in_event(pw):
    record = member(pw, "Người Chuyển Đến", joined_on=D(2020, 5, 1))
    assert list(record.events.values_list("kind", flat=True)) == [EventKind.TRANSFER_IN]
    assert record.status == MemberStatus.FULL and record.full_on == D(2011, 1, 10)


def test_counts_at_any_date_come_from_the_events(pw):
    first = member(pw, "Thứ Nhất")
    member(pw, "Thứ Hai", admitted=D(2024, 6, 1), full=None)
    services.member_event_record(record=first, kind="died", on=D(2024, 9, 1), by=pw.root)
    assert total_on(pw.a, D(2024, 5, 31)) == 1
    assert total_on(pw.a, D(2024, 8, 31)) == 2
    assert total_on(pw.a, D(2024, 9, 1)) == 1


def test_a_count_taken_a_year_later_is_the_same(pw):
    member(pw, "Thứ Nhất")
    late = member(pw, "Thứ Hai")
    before = selectors.party_statistics(pw.a, 2024, today=D(2025, 1, 5))
    services.member_event_record(record=late, kind="died", on=D(2025, 6, 1), by=pw.root)
    member(pw, "Thứ Ba", admitted=D(2025, 3, 1), full=None)
    after = selectors.party_statistics(pw.a, 2024, today=D(2026, 1, 5))
    assert (before.total, before.full) == (after.total, after.full) == (2, 2)


def test_events_are_entered_in_date_order(pw):
    record = member(pw, "Người Thứ Nhất")
    services.member_event_record(record=record, kind="exempted", on=D(2024, 5, 1), by=pw.root)
    refused(
        lambda: services.member_event_record(
            record=record, kind="died", on=D(2024, 4, 1), by=pw.root
        ),
        "trước sự kiện gần nhất",
        "theo thứ tự ngày",
    )


def test_an_event_the_state_does_not_allow_is_refused(pw):
    record = member(pw, "Người Đã Mất")
    services.member_event_record(record=record, kind="died", on=D(2024, 5, 1), by=pw.root)
    refused(
        lambda: services.member_event_record(
            record=record, kind="exempted", on=D(2024, 6, 1), by=pw.root
        ),
        "Miễn sinh hoạt",
        "từ trần",
    )


def test_full_membership_before_the_probation_ends_is_refused(pw):
    refused(
        lambda: member(pw, "Vội Vàng", admitted=D(2012, 1, 10), full=D(2012, 6, 1)),
        "12 tháng dự bị",
        "Thời gian dự bị",
    )


def test_admitted_after_made_full_is_refused(pw):
    refused(lambda: member(pw, "Ngược Ngày", full=D(2009, 1, 1)), "trước ngày vào Đảng")


def test_a_duplicate_card_number_is_refused(pw):
    member(pw, "Chủ Thẻ", card_number="0202")
    refused(lambda: member(pw, "Người Khác", card_number="0202"), "0202 đã có")


def test_an_age_out_of_the_rule_at_admission_is_refused(pw):
    refused(
        lambda: member(pw, "Quá Trẻ", admitted=D(2025, 3, 1), full=None, birth=D(2010, 1, 1)),
        "chưa đủ 18 tuổi",
    )


def test_moving_between_cells_of_the_dang_bo_moves_the_counts(pw):
    record = member(pw, "Người Chuyển")
    services.member_move_cell(record=record, to_cell=pw.cell_a2, on=D(2024, 5, 1), by=pw.root)
    record.refresh_from_db()
    assert record.cell == pw.cell_a2
    stats = selectors.party_statistics(pw.a, 2024, today=D(2024, 6, 1))
    by_cell = {row.cell.pk: row.total for row in stats.cells}
    assert by_cell == {pw.cell_a1.pk: 0, pw.cell_a2.pk: 1}
    earlier = selectors.party_statistics(pw.a, 2024, today=D(2024, 4, 30))
    assert {row.cell.pk: row.total for row in earlier.cells}[pw.cell_a1.pk] == 1


def test_a_member_cannot_be_moved_into_another_communes_cell(pw):
    record = member(pw, "Người Ở Lại")
    refused(
        lambda: services.member_move_cell(
            record=record, to_cell=pw.cell_b1, on=D(2024, 5, 1), by=pw.root
        ),
        "thuộc Đảng bộ khác",
        "nơi đến",
    )


def test_a_transfer_into_another_commune_waits_for_its_acceptance(pw):
    record = member(pw, "Người Đi Xa")
    transfer = services.transfer_out(
        record=record, kind="official", on=D(2024, 5, 1), to_cell=pw.cell_b1, by=pw.party_officer_a
    )
    record.refresh_from_db()
    assert transfer.state == TransferState.REQUESTED
    assert record.commune == pw.a and record.status == MemberStatus.FULL
    assert not MemberEvent.objects.filter(commune=pw.b).exists()


def test_the_sending_office_cannot_accept_for_the_receiving_one(pw):
    record = member(pw, "Người Đi Xa")
    transfer = services.transfer_out(
        record=record, kind="official", on=D(2024, 5, 1), to_cell=pw.cell_b1, by=pw.party_officer_a
    )
    refused(
        lambda: services.transfer_accept(transfer=transfer, by=pw.party_officer_a),
        error=PermissionDenied,
    )
    assert Transfer.objects.get(pk=transfer.pk).state == TransferState.REQUESTED


def test_the_receiving_office_accepts_and_the_record_moves_with_both_counts(pw):
    record = member(pw, "Người Đi Xa")
    transfer = services.transfer_out(
        record=record, kind="official", on=D(2024, 5, 1), to_cell=pw.cell_b1, by=pw.party_officer_a
    )
    services.transfer_accept(transfer=transfer, by=pw.party_officer_b)
    record.refresh_from_db()
    assert (record.commune, record.cell, record.status) == (pw.b, pw.cell_b1, MemberStatus.FULL)
    assert total_on(pw.a, D(2024, 6, 1)) == 0 and total_on(pw.b, D(2024, 6, 1)) == 1
    assert total_on(pw.a, D(2024, 4, 30)) == 1 and total_on(pw.b, D(2024, 4, 30)) == 0


def test_a_temporary_transfer_keeps_the_member_counted_at_home(pw):
    record = member(pw, "Đi Tạm Thời")
    transfer = services.transfer_out(
        record=record, kind="temporary", on=D(2024, 5, 1), to_cell=pw.cell_b1, by=pw.party_officer_a
    )
    transfer = services.transfer_accept(transfer=transfer, by=pw.party_officer_b)
    record.refresh_from_db()
    assert record.away and record.commune == pw.a
    home = selectors.party_statistics(pw.a, 2024, today=D(2024, 6, 1))
    host = selectors.party_statistics(pw.b, 2024, today=D(2024, 6, 1))
    assert (home.total, host.total, host.guests) == (1, 0, 1)
    services.member_return(record=record, on=D(2024, 9, 1), by=pw.party_officer_a)
    record.refresh_from_db()
    assert not record.away
    assert PartyMember.objects.get(pk=transfer.guest_id).status == MemberStatus.GUEST_LEFT


def test_a_transfer_out_of_tongket_is_recorded_at_once(pw):
    record = member(pw, "Đi Tỉnh Khác")
    services.transfer_out(
        record=record, kind="official", on=D(2024, 5, 1), to_place="Đảng bộ xã X", by=pw.root
    )
    record.refresh_from_db()
    assert record.status == MemberStatus.LEFT and record.left_on == D(2024, 5, 1)


def test_a_guest_from_outside_is_never_counted_as_a_member(pw):
    services.guest_create(
        commune=pw.a,
        cell=pw.cell_a1,
        full_name="Khách",
        birth_date=D(1990, 1, 1),
        on=D(2024, 3, 1),
        home_organization="Đảng bộ Công ty Y",
        by=pw.party_officer_a,
    )
    stats = selectors.party_statistics(pw.a, 2024, today=D(2024, 6, 1))
    assert (stats.total, stats.guests) == (0, 1)


def test_a_cell_secretary_cannot_strike_a_member_off(pw):
    record = member(pw, "Đảng Viên Chi Bộ Một")
    refused(
        lambda: services.member_event_record(
            record=record, kind="struck_off", on=D(2024, 5, 1), by=pw.cell_secretary_a
        ),
        error=PermissionDenied,
    )


def test_a_state_officer_writes_nothing_on_the_party_side(pw):
    refused(lambda: member(pw, "Không Được", by=pw.officer_a), error=PermissionDenied)


def test_every_change_is_audited_on_the_party_side(pw):
    from tongket.units.models import AuditEntry

    record = member(pw, "Có Nhật Ký")
    rows = AuditEntry.objects.filter(model="party.partymember", object_id=str(record.pk))
    assert rows.count() == 3 and set(rows.values_list("side", flat=True)) == {"party"}
    verbs = set(rows.values_list("verb", flat=True))
    assert {"admitted", "made_full"} <= verbs


# Huy hiệu Đảng ---------------------------------------------------------------------------------


def test_a_badge_before_the_milestone_is_refused(pw):
    record = member(pw, "Chưa Đủ Năm", admitted=D(1996, 5, 1), full=D(1997, 5, 1))
    refused(
        lambda: services.badge_award(
            record=record, milestone=30, awarded_on=D(2025, 2, 3), by=pw.root
        ),
        "28 năm tuổi Đảng",
        "chưa đủ 30 năm",
    )
    badge = services.badge_award(record=record, milestone=30, awarded_on=D(2026, 5, 19), by=pw.root)
    assert badge.milestone == 30


def test_a_milestone_not_in_the_rulebook_is_refused(pw):
    record = member(pw, "Ba Lăm Năm", admitted=D(1985, 5, 1), full=D(1986, 5, 1))
    refused(
        lambda: services.badge_award(
            record=record, milestone=35, awarded_on=D(2025, 5, 19), by=pw.root
        ),
        "Không có mốc Huy hiệu 35",
    )


def test_a_removed_milestone_is_no_longer_due(pw):
    record = member(pw, "Bốn Lăm Năm", admitted=D(1980, 5, 1), full=D(1981, 5, 1))
    set_rule("badge_milestone", None, key="45", on=D(2025, 1, 1), repealed=True)
    refused(
        lambda: services.badge_award(
            record=record, milestone=45, awarded_on=D(2025, 5, 19), by=pw.root
        ),
        "Không có mốc Huy hiệu 45",
    )


def test_the_badges_due_list_the_highest_milestone_reached_by_the_next_award_date(pw):
    reached = member(pw, "Ba Mươi Năm", admitted=D(1995, 3, 1), full=D(1996, 3, 1))
    member(pw, "Hai Chín Năm", admitted=D(1996, 6, 1), full=D(1997, 6, 1))
    given = member(pw, "Đã Nhận", admitted=D(1985, 1, 1), full=D(1986, 1, 1), badge_before=40)
    records = selectors.members_list(pw.root, commune=pw.a)
    found = selectors.badges_due(pw.a, records, today=D(2025, 4, 1))
    assert found.award_on == D(2025, 5, 19)
    assert [(item.record, item.milestone) for item in found.due] == [(reached, 30)]
    assert given not in [item.record for item in found.due]


def test_the_award_dates_are_rulebook_rows(pw):
    from tongket.party.rules import Rulebook

    rules = Rulebook.load(pw.a, D(2025, 9, 3))
    assert selectors.next_award_date(rules, D(2025, 9, 3)) == D(2025, 11, 7)
    set_rule("badge_date", None, key="07/11", on=D(2025, 1, 1), repealed=True)
    rules = Rulebook.load(pw.a, D(2025, 9, 3))
    assert selectors.next_award_date(rules, D(2025, 9, 3)) == D(2026, 2, 3)


def test_member_list_search_ignores_diacritics_and_filters_by_status(pw):
    member(pw, "Đặng Thị Hường")
    member(pw, "Lê Văn Dự Bị", admitted=D(2025, 1, 5), full=None, birth=D(1990, 1, 1))
    records = selectors.members_list(pw.root, commune=pw.a, query="dang huong")
    assert [r.person.full_name for r in records] == ["Đặng Thị Hường"]
    probation = selectors.members_list(pw.root, commune=pw.a, status=MemberStatus.PROBATIONARY)
    assert [r.person.full_name for r in probation] == ["Lê Văn Dự Bị"]
