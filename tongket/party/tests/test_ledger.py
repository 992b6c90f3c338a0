"""The ledger: what each event does to a record and to the counts, and the date arithmetic
party rules use (age by months, tuổi Đảng without the time out of the Party)."""

import datetime

import pytest

from tongket.party import ledger
from tongket.party.choices import EventKind, MemberStatus

D = datetime.date
FULL = ledger.MemberState(MemberStatus.FULL)


def test_admission_makes_a_probationary_member_and_counts_one():
    state, deltas = ledger.step(ledger.MemberState(), EventKind.ADMITTED)
    assert state.status == MemberStatus.PROBATIONARY
    assert deltas == ledger.Deltas(probationary=1)


def test_made_full_moves_one_from_probationary_to_full():
    state, deltas = ledger.step(ledger.MemberState(MemberStatus.PROBATIONARY), EventKind.MADE_FULL)
    assert state.status == MemberStatus.FULL
    assert deltas == ledger.Deltas(probationary=-1, full=1)


def test_a_full_member_cannot_be_made_full_again():
    with pytest.raises(ledger.LedgerError, match="Công nhận đảng viên chính thức"):
        ledger.step(FULL, EventKind.MADE_FULL)


def test_leaving_takes_away_the_member_and_their_flags():
    exempt_away = ledger.MemberState(MemberStatus.FULL, exempt=True, away=True)
    state, deltas = ledger.step(exempt_away, EventKind.DIED)
    assert state == ledger.MemberState(MemberStatus.DIED)
    assert deltas == ledger.Deltas(full=-1, exempt=-1, away=-1)


def test_nothing_happens_to_a_member_who_died():
    for kind in (EventKind.TRANSFER_OUT, EventKind.EXEMPTED, EventKind.READMITTED):
        with pytest.raises(ledger.LedgerError):
            ledger.step(ledger.MemberState(MemberStatus.DIED), kind)


def test_readmission_only_after_being_struck_off_or_expelled():
    for status in (MemberStatus.STRUCK_OFF, MemberStatus.EXPELLED):
        state, _ = ledger.step(ledger.MemberState(status), EventKind.READMITTED)
        assert state.status == MemberStatus.PROBATIONARY
    with pytest.raises(ledger.LedgerError):
        ledger.step(ledger.MemberState(MemberStatus.LEFT), EventKind.READMITTED)


def test_a_transfer_in_brings_the_status_the_member_had():
    state, deltas = ledger.step(
        ledger.MemberState(), EventKind.TRANSFER_IN, status_in=MemberStatus.FULL
    )
    assert state.status == MemberStatus.FULL and deltas == ledger.Deltas(full=1)
    with pytest.raises(ledger.LedgerError):
        ledger.step(ledger.MemberState(), EventKind.TRANSFER_IN)


def test_a_move_between_cells_is_out_of_one_and_into_the_other():
    exempt = ledger.MemberState(MemberStatus.FULL, exempt=True)
    _, out = ledger.step(exempt, EventKind.CELL_OUT)
    _, into = ledger.step(exempt, EventKind.CELL_IN)
    assert out == ledger.Deltas(full=-1, exempt=-1) and into == ledger.Deltas(full=1, exempt=1)


def test_flags_change_no_member_count():
    state, deltas = ledger.step(FULL, EventKind.EXEMPTED)
    assert state.exempt and deltas == ledger.Deltas(exempt=1)
    with pytest.raises(ledger.LedgerError):
        ledger.step(state, EventKind.EXEMPTED)
    state, deltas = ledger.step(FULL, EventKind.TEMP_OUT)
    assert state.away and deltas == ledger.Deltas(away=1)


def test_a_guest_is_counted_as_a_guest_never_as_a_member():
    state, deltas = ledger.step(ledger.MemberState(), EventKind.TEMP_IN)
    assert state.status == MemberStatus.GUEST and deltas == ledger.Deltas(guest=1)
    state, deltas = ledger.step(state, EventKind.TEMP_IN_END)
    assert state.status == MemberStatus.GUEST_LEFT and deltas == ledger.Deltas(guest=-1)


def test_age_is_counted_by_months_ignoring_the_day():
    assert ledger.months_between(D(2007, 3, 31), D(2025, 3, 1)) == 18 * 12
    assert ledger.months_between(D(2007, 4, 1), D(2025, 3, 31)) == 18 * 12 - 1


def test_whole_months_count_the_day():
    assert ledger.full_months(D(2024, 3, 15), D(2025, 3, 15)) == 12
    assert ledger.full_months(D(2024, 3, 15), D(2025, 3, 14)) == 11
    assert ledger.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)


def test_party_years_leave_out_the_time_out_of_the_party():
    events = [
        (EventKind.ADMITTED, D(1990, 5, 1)),
        (EventKind.STRUCK_OFF, D(2000, 5, 1)),
        (EventKind.READMITTED, D(2004, 5, 1)),
    ]
    spans = ledger.out_of_party_spans(events)
    assert ledger.party_years(D(1990, 5, 1), D(2024, 5, 1), spans) == 30
    assert ledger.milestone_date(D(1990, 5, 1), 30, spans) == D(2024, 5, 1)
    assert ledger.milestone_date(D(1990, 5, 1), 30) == D(2020, 5, 1)
