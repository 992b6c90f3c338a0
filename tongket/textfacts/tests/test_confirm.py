"""Confirming a document: the kept facts are saved through the targets and emulation
services (audited), all or nothing; a figure that differs from one already entered needs an
explicit choice; synonyms an officer remembers match the next document."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tongket.emulation.models import AwardRecord
from tongket.targets import services as targets
from tongket.targets.models import Result
from tongket.textfacts import services
from tongket.textfacts.models import IndicatorSynonym, SourceDocument
from tongket.units.models import AuditEntry

from .conftest import REPORT

pytestmark = pytest.mark.django_db


def _decimal(raw):
    return None if raw in (None, "") else Decimal(str(raw))


def choices_as_proposed(document, overrides=None):
    """The choices the review screen submits when the officer changes nothing, then
    `overrides` by fact position (a dict of fields, or a whole choice)."""
    found = {}
    for fact in document.facts.exclude(status="info"):
        p = fact.proposal
        if fact.kind == "award_count":
            choice = services.AwardChoice(
                decision=p["decision"],
                body=p["body"],
                body_name=p["body_name"],
                form_name=p["form_name"],
                collectives=int(p["collectives"] or 0),
                individuals=int(p["individuals"] or 0),
                number="15/QĐ-UBND",
                signed_on=datetime.date(2026, 1, 8),
            )
        else:
            choice = services.ResultChoice(
                decision=p["decision"],
                indicator=fact.indicator,
                year=p["year"],
                period=p["period"],
                value=_decimal(p.get("value")),
                numerator=_decimal(p.get("numerator")),
                denominator=_decimal(p.get("denominator")),
                percent_of_plan=_decimal(p.get("percent_of_plan")),
                qualifier=p["qualifier"],
                is_estimate=p["is_estimate"],
            )
        for name, value in (overrides or {}).get(fact.position, {}).items():
            setattr(choice, name, value)
        found[fact.pk] = choice
    return found


@pytest.fixture
def document(world, catalogue, media):
    return services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text=REPORT
    )


def test_confirming_saves_estimates_finals_and_award_records(world, catalogue, document):
    counts = services.document_confirm(
        document=document, choices=choices_as_proposed(document), by=world.officer_a
    )
    assert counts["saved"] == 4
    cells = {r.indicator.code: r for r in Result.objects.filter(unit=world.a, year=2025)}
    assert cells["KT01"].value == Decimal("12.4") and cells["KT01"].is_estimate
    assert cells["VH04"].value == Decimal("0.31") and not cells["VH04"].is_estimate
    assert (cells["VH02"].numerator, cells["VH02"].denominator) == (42, 42)
    assert "Theo văn bản" in cells["KT01"].note
    record = AwardRecord.objects.get()
    assert (record.body, record.form_name, record.collectives, record.individuals) == (
        "chairman",
        "giấy khen",
        21,
        57,
    )
    assert record.commune == world.a and record.year == 2025
    document.refresh_from_db()
    assert document.state == "confirmed" and document.decided_by == world.officer_a
    assert set(document.facts.values_list("status", flat=True)) == {"saved"}
    audited = set(AuditEntry.objects.values_list("model", flat=True))
    assert {"targets.result", "emulation.awardrecord", "textfacts.sourcedocument"} <= audited


def test_one_refusal_saves_nothing(world, catalogue, document):
    """The award lacks its decision number: no result and no award of the document is saved."""
    award = document.facts.get(kind="award_count").position
    choices = choices_as_proposed(document, {award: {"number": ""}})
    with pytest.raises(ValidationError) as caught:
        services.document_confirm(document=document, choices=choices, by=world.officer_a)
    assert f"Số liệu {award}" in str(caught.value) and "số quyết định" in str(caught.value)
    assert not Result.objects.exists() and not AwardRecord.objects.exists()
    document.refresh_from_db()
    assert document.state == "proposed"
    assert set(document.facts.values_list("status", flat=True)) == {"proposed"}


def test_a_value_the_indicator_refuses_saves_nothing(world, catalogue, document):
    """A service refusal (too many decimals) after other facts were saved rolls them back."""
    streets = document.facts.get(indicator=catalogue.streets).position
    choices = choices_as_proposed(document, {streets: {"numerator": Decimal("43")}})
    with pytest.raises(ValidationError) as caught:
        services.document_confirm(document=document, choices=choices, by=world.officer_a)
    assert "Tử số không được lớn hơn mẫu số" in str(caught.value)
    assert not Result.objects.exists() and not AwardRecord.objects.exists()


def test_rejected_facts_are_not_saved(world, catalogue, document):
    award = document.facts.get(kind="award_count").position
    choices = choices_as_proposed(document, {award: {"decision": "reject", "number": ""}})
    counts = services.document_confirm(document=document, choices=choices, by=world.officer_a)
    assert (counts["saved"], counts["rejected"]) == (3, 1)
    assert not AwardRecord.objects.exists()


def _approved_poverty(world, catalogue, value="0.5"):
    targets.result_save(
        unit=world.a,
        indicator=catalogue.poverty,
        year=2025,
        period="year",
        value=Decimal(value),
        expected_version=0,
        by=world.officer_a,
    )
    submission = targets.submission_submit(
        unit=world.a, year=2025, period="year", by=world.officer_a
    )
    targets.submission_approve(submission=submission, by=world.root)


def test_a_conflict_with_an_approved_figure_needs_an_explicit_choice(world, catalogue, media):
    from tongket.textfacts import selectors

    _approved_poverty(world, catalogue)
    text = "Năm 2025, tỷ lệ hộ nghèo giảm còn 0,31%."
    document = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text=text
    )
    versions, _ = selectors.catalogue_for(world.a, 2025)
    (row,) = selectors.review_rows(document, versions)
    assert row.existing.display == "0,5%" and row.existing.locked
    assert row.existing.state == "Đã duyệt"
    with pytest.raises(ValidationError) as caught:
        services.document_confirm(
            document=document, choices=choices_as_proposed(document), by=world.officer_a
        )
    assert "hãy chọn giữ số đã có hoặc dùng số trong văn bản" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        services.document_confirm(
            document=document,
            choices=choices_as_proposed(document, {1: {"decision": "replace"}}),
            by=world.officer_a,
        )
    assert "đã được duyệt" in str(caught.value)
    counts = services.document_confirm(
        document=document,
        choices=choices_as_proposed(document, {1: {"decision": "keep"}}),
        by=world.officer_a,
    )
    assert counts["kept"] == 1
    assert Result.objects.get(indicator=catalogue.poverty).value == Decimal("0.5")


def test_replacing_a_figure_still_being_entered(world, catalogue, media):
    targets.result_save(
        unit=world.a,
        indicator=catalogue.poverty,
        year=2025,
        period="year",
        value=Decimal("0.5"),
        expected_version=0,
        by=world.officer_a,
    )
    document = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text="Tỷ lệ hộ nghèo 0,31%."
    )
    services.document_confirm(
        document=document,
        choices=choices_as_proposed(document, {1: {"decision": "replace"}}),
        by=world.officer_a,
    )
    result = Result.objects.get(indicator=catalogue.poverty)
    assert (result.value, result.version) == (Decimal("0.31"), 2)


def test_a_document_is_confirmed_once(world, catalogue, document):
    choices = choices_as_proposed(document)
    services.document_confirm(document=document, choices=choices, by=world.officer_a)
    with pytest.raises(ValidationError):
        services.document_confirm(document=document, choices=choices, by=world.officer_a)
    assert AwardRecord.objects.count() == 1


def test_discarding_saves_nothing(world, catalogue, document):
    services.document_discard(document=document, by=world.officer_a)
    assert SourceDocument.objects.get().state == "discarded"
    assert not Result.objects.exists()


def test_synonyms_extend_the_match(world, catalogue, media):
    text = "Năm 2025, thu NS của phường đạt 12,4 tỷ đồng."
    first = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text=text
    )
    fact = first.facts.get()
    assert fact.indicator is None and fact.proposal["decision"] == "reject"
    # The officer picks the indicator and asks tongket to remember the phrase.
    choices = choices_as_proposed(
        first,
        {1: {"decision": "save", "indicator": catalogue.revenue, "value": Decimal("12.4")}},
    )
    choices[fact.pk].remember = True
    services.document_confirm(document=first, choices=choices, by=world.officer_a)
    synonym = IndicatorSynonym.objects.get()
    assert (synonym.owner, synonym.indicator, synonym.phrase) == (
        world.a,
        catalogue.revenue,
        fact.subject,
    )
    second = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text=text
    )
    assert second.facts.get().indicator == catalogue.revenue


def test_a_province_synonym_serves_every_commune(world, catalogue, media):
    services.synonym_add(
        owner=world.province,
        indicator=catalogue.revenue,
        phrase="Thu NS",
        by=world.province_officer,
    )
    document = services.document_read(
        unit=world.b,
        year=2025,
        period="year",
        by=world.officer_b,
        text="Năm 2025, thu ns đạt 8,2 tỷ đồng.",
    )
    assert document.facts.get().indicator == catalogue.revenue
    with pytest.raises(ValidationError):
        services.synonym_add(
            owner=world.province,
            indicator=catalogue.revenue,
            phrase="thu NS",
            by=world.province_officer,
        )


def test_a_figure_already_approved_as_written_is_kept_without_writing(world, catalogue, media):
    from tongket.textfacts import selectors

    _approved_poverty(world, catalogue, value="0.31")
    document = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text="Tỷ lệ hộ nghèo 0,31%."
    )
    versions, _ = selectors.catalogue_for(world.a, 2025)
    (row,) = selectors.review_rows(document, versions)
    assert row.existing.same and row.conflict is None
    counts = services.document_confirm(
        document=document, choices=choices_as_proposed(document), by=world.officer_a
    )
    assert counts["kept"] == 1
    assert Result.objects.get(indicator=catalogue.poverty).version == 1


def test_an_estimate_against_a_final_figure_is_a_conflict(world, catalogue, media):
    from tongket.textfacts import selectors

    _approved_poverty(world, catalogue, value="0.31")
    document = services.document_read(
        unit=world.a,
        year=2025,
        period="year",
        by=world.officer_a,
        text="Năm 2025, tỷ lệ hộ nghèo ước còn 0,31%.",
    )
    versions, _ = selectors.catalogue_for(world.a, 2025)
    (row,) = selectors.review_rows(document, versions)
    assert document.facts.get().proposal["is_estimate"]
    assert row.conflict is not None and row.conflict.display == "0,31%"


def test_an_award_already_recorded_starts_rejected(world, catalogue, document):
    services.document_confirm(
        document=document, choices=choices_as_proposed(document), by=world.officer_a
    )
    again = services.document_read(
        unit=world.a, year=2025, period="year", by=world.officer_a, text=REPORT
    )
    award = again.facts.get(kind="award_count")
    assert award.proposal["decision"] == "reject"
    assert "Đã ghi quyết định số 15/QĐ-UBND" in award.proposal["reason"]
