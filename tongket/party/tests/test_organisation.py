"""The Đảng bộ's organisation and its rulebook: terms with their congress and seats from
positions, chi bộ types, the rule rows seeded once and kept as edited."""

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from tongket.party import selectors, services
from tongket.party.models import Rule, cell_type_from_name
from tongket.party.rulebook_seed import RULES, seed_rulebook
from tongket.units import services as unit_services

from .conftest import D, saved_rows


def test_the_rulebook_is_seeded_once_and_edits_are_kept(pw):
    assert Rule.objects.filter(unit__isnull=True).count() == len(RULES)
    row = Rule.objects.get(kind="excellent_cap")
    row.value = 15
    row.save()
    out = StringIO()
    call_command("seed_party_rulebook", stdout=out)
    assert "Đã thêm 0 dòng" in out.getvalue()
    assert Rule.objects.get(kind="excellent_cap").value == 15
    Rule.objects.filter(kind="readmission_months").delete()
    assert seed_rulebook() == 1


def test_every_seeded_row_has_a_citation_and_unverified_ones_say_so(pw):
    for row in Rule.objects.all():
        assert row.citation_document
        assert row.citation.endswith("chưa xác minh") == row.unverified


def test_the_rulebook_page_marks_the_rows_in_force(pw):
    groups = {group.kind: group.rules for group in selectors.rulebook_page(pw.a, on=D(2025, 6, 1))}
    ages = groups["admission_min_age"]
    in_force = [row for row in ages if row.in_force]
    assert len(in_force) == 1 and "232-QĐ/TW" in in_force[0].citation_document
    bands = [row for row in groups["rating_band"] if row.in_force]
    assert bands == []  # Quy định 366-QĐ/TW takes effect on 30/08/2025


def test_the_committee_of_a_term_comes_from_the_positions_held_during_it(pw):
    services.term_record(
        commune=pw.a,
        name="2020–2025",
        congress_date=D(2020, 8, 20),
        start_date=D(2020, 8, 22),
        by=pw.party_officer_a,
    )
    services.term_record(
        commune=pw.a,
        name="2025–2030",
        congress_ordinal=1,
        congress_date=D(2025, 9, 24),
        start_date=D(2025, 9, 26),
        committee_size=7,
        by=pw.party_officer_a,
    )
    newcomer = unit_services.person_create(full_name="Ủy Viên Mới", unit=pw.a, by=pw.root)
    unit_services.position_create(
        person=newcomer, unit=pw.a, title="Đảng ủy viên", start_date=D(2025, 10, 1), by=pw.root
    )
    latest, earlier = selectors.terms_page(pw.a)
    assert (latest.term.name, latest.detail.congress_ordinal, latest.detail.committee_size) == (
        "2025–2030",
        1,
        7,
    )
    assert [p.person.full_name for p in latest.secretaries] == ["Nguyễn Văn Hùng"]
    assert "Ủy Viên Mới" in [p.person.full_name for p in latest.committee]
    assert "Ủy Viên Mới" not in [p.person.full_name for p in earlier.committee]
    assert len(earlier.standing) == 3 and len(earlier.committee) == 5


def test_a_congress_after_the_terms_start_is_refused(pw):
    before = saved_rows()
    with pytest.raises(ValidationError, match="khai mạc đại hội"):
        services.term_record(
            commune=pw.a,
            name="2025–2030",
            congress_date=D(2025, 9, 27),
            start_date=D(2025, 9, 26),
            by=pw.root,
        )
    assert saved_rows() == before


def test_a_state_officer_records_no_party_term(pw):
    with pytest.raises(PermissionDenied):
        services.term_record(
            commune=pw.a,
            name="2025–2030",
            congress_date=D(2025, 9, 24),
            start_date=D(2025, 9, 26),
            by=pw.officer_a,
        )


def test_a_cells_type_is_read_from_its_name_until_the_office_sets_it(pw):
    assert cell_type_from_name("Chi bộ Tổ dân phố số 3") == "residential"
    assert cell_type_from_name("Chi bộ Trường Tiểu học Hòa Bình") == "school"
    assert cell_type_from_name("Chi bộ Công an phường") == "police"
    assert cell_type_from_name("Chi bộ Hội Người cao tuổi") == "other"
    services.cell_type_set(cell=pw.cell_a1, cell_type="military", by=pw.party_officer_a)
    page = selectors.cells_page(pw.a, D(2025, 6, 1))
    assert {label: n for _, label, n in page.by_type} == {"cơ quan": 1, "quân sự": 1}
    with pytest.raises(PermissionDenied):
        services.cell_type_set(cell=pw.cell_a1, cell_type="school", by=pw.officer_a)
