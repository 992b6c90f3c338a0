import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongket.units import numbering
from tongket.units.choices import Body, DocumentType, number_line
from tongket.units.models import AuditEntry, BodyTerm, IssuedNumber

JAN = datetime.date(2025, 1, 9)


def take(world, body, doc_type=DocumentType.REPORT, on=JAN, **kwargs):
    return numbering.number_take(
        unit=world.a, body=body, doc_type=doc_type, on=on, by=world.officer_a, **kwargs
    )


def test_state_and_party_numbers_are_written_each_in_their_own_form():
    assert number_line(15, "BC", Body.PEOPLES_COMMITTEE) == "Số: 15/BC-UBND"
    assert number_line(15, "BC", Body.PARTY_COMMITTEE) == "Số 15-BC/ĐU"
    assert number_line(3, "QĐ", Body.PEOPLES_COUNCIL) == "Số: 3/QĐ-HĐND"


def test_ubnd_and_dang_uy_keep_separate_sequences(world):
    assert take(world, Body.PEOPLES_COMMITTEE).number == 1
    assert take(world, Body.PEOPLES_COMMITTEE).number == 2
    assert take(world, Body.PARTY_COMMITTEE).number == 1
    assert take(world, Body.PEOPLES_COMMITTEE, DocumentType.DECISION).number == 1


def test_state_numbers_restart_on_the_first_of_january(world):
    take(world, Body.PEOPLES_COMMITTEE, on=datetime.date(2025, 12, 31))
    assert take(world, Body.PEOPLES_COMMITTEE, on=datetime.date(2026, 1, 1)).number == 1


def test_party_numbers_run_over_the_term_and_restart_with_the_next(world):
    numbering.term_create(
        unit=world.a,
        body=Body.PARTY_COMMITTEE,
        name="2020–2025",
        start_date=datetime.date(2020, 8, 1),
        by=world.officer_a,
    )
    take(world, Body.PARTY_COMMITTEE, on=datetime.date(2024, 12, 30))
    # A new year inside the same term: the sequence goes on.
    assert take(world, Body.PARTY_COMMITTEE, on=datetime.date(2025, 1, 9)).number == 2
    numbering.term_create(
        unit=world.a,
        body=Body.PARTY_COMMITTEE,
        name="2025–2030",
        start_date=datetime.date(2025, 8, 20),
        by=world.officer_a,
    )
    first_term = BodyTerm.objects.get(name="2020–2025")
    assert first_term.end_date == datetime.date(2025, 8, 19)
    assert take(world, Body.PARTY_COMMITTEE, on=datetime.date(2025, 9, 1)).number == 1


def test_party_numbers_fall_back_to_the_year_without_a_term(world):
    take(world, Body.PARTY_COMMITTEE, on=datetime.date(2024, 12, 30))
    assert take(world, Body.PARTY_COMMITTEE, on=datetime.date(2025, 1, 2)).number == 1


def test_a_used_number_is_refused_naming_the_next_free_one_and_nothing_is_saved(world):
    take(world, Body.PEOPLES_COMMITTEE, subject="Báo cáo tổng kết năm 2024")
    before = (IssuedNumber.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationError) as refused:
        take(world, Body.PEOPLES_COMMITTEE, number=1)
    message = refused.value.message_dict["number"][0]
    assert "1/BC-UBND" in message and "Báo cáo tổng kết năm 2024" in message and "2." in message
    assert (IssuedNumber.objects.count(), AuditEntry.objects.count()) == before


def test_a_typed_free_number_is_kept_and_the_sequence_continues_after_it(world):
    assert take(world, Body.PEOPLES_COMMITTEE, number=40).number == 40
    assert take(world, Body.PEOPLES_COMMITTEE).number == 41


def test_overlapping_terms_are_refused(world):
    numbering.term_create(
        unit=world.a,
        body=Body.PEOPLES_COUNCIL,
        name="2021–2026",
        start_date=datetime.date(2021, 6, 1),
        end_date=datetime.date(2026, 5, 31),
        by=world.officer_a,
    )
    with pytest.raises(ValidationError):
        numbering.term_create(
            unit=world.a,
            body=Body.PEOPLES_COUNCIL,
            name="sai",
            start_date=datetime.date(2024, 1, 1),
            end_date=datetime.date(2024, 12, 31),
            by=world.officer_a,
        )
    assert BodyTerm.objects.filter(body=Body.PEOPLES_COUNCIL).count() == 1


def test_only_editors_of_the_unit_take_numbers(world):
    with pytest.raises(PermissionDenied):
        numbering.number_take(
            unit=world.a,
            body=Body.PEOPLES_COMMITTEE,
            doc_type=DocumentType.REPORT,
            on=JAN,
            by=world.officer_b,
        )
    with pytest.raises(PermissionDenied):
        numbering.number_take(
            unit=world.a,
            body=Body.PEOPLES_COMMITTEE,
            doc_type=DocumentType.REPORT,
            on=JAN,
            by=world.leader_a,
        )
