"""Every spreadsheet importer (results for a commune and for a province, plans, party
members, nominations, recipient lists) reads its file with no transaction open, refuses a
file over the size limit with a message stating the limit, stops at the row limit whatever
the rows hold, and writes nothing when it refuses."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tongket.documents import services
from tongket.emulation import services as emulation
from tongket.emulation.models import AwardKind
from tongket.emulation.rulebook_seed import seed_rulebook
from tongket.party import services as party
from tongket.party.rulebook_seed import seed_rulebook as seed_party_rulebook
from tongket.targets import services as targets
from tongket.units import uploads
from tongket.units.models import AuditEntry
from tongket.units.services import unit_create

YEAR = 2025


def _results(world):
    return lambda data: services.results_import_xlsx(
        unit=world.a, year=YEAR, period="year", data=data, by=world.officer_a
    )


def _province_results(world):
    return lambda data: targets.results_import_xlsx(
        scope=world.province, year=YEAR, period="year", data=data, by=world.province_officer
    )


def _plans(world):
    return lambda data: targets.plans_import_xlsx(
        parent=world.province, year=YEAR, data=data, document="", by=world.province_officer
    )


def _members(world):
    from tongket.units import services as unit_services
    from tongket.units.choices import Role, Side, UnitKind

    seed_party_rulebook()
    unit_create(
        code="P-A-CB1", name="Chi bộ 1", kind=UnitKind.PARTY_CELL, parent=world.a, by=world.root
    )
    user = unit_services.user_create(
        username="dang_a", password=world.password, unit=world.a, by=world.root
    )
    unit_services.role_grant(
        user=user, unit=world.a, role=Role.OFFICER, side=Side.PARTY, by=world.root
    )
    return lambda data: party.members_import_xlsx(commune=world.a, data=data, by=user)


def _nominations(world):
    return lambda data: emulation.nominations_import(
        unit=world.a, year=YEAR, data=data, by=world.officer_a
    )


def _recipients(world):
    seed_rulebook()
    record = emulation.record_create(
        commune=world.a,
        year=YEAR,
        number="15/QĐ-UBND",
        signed_on=datetime.date(2026, 1, 8),
        body="chairman",
        award_kind=AwardKind.objects.get(code="gk-chutich"),
        collectives=1,
        individuals=2,
        by=world.officer_a,
    )
    return lambda data: emulation.recipients_import_xlsx(
        record=record, data=data, by=world.officer_a
    )


IMPORTERS = [_results, _province_results, _plans, _members, _nominations, _recipients]


def _blank_rows_file(count: int) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Mã chỉ tiêu"])
    for number in range(2, count + 2):
        sheet.cell(row=number, column=1).value = None  # a present but empty cell
        sheet.cell(row=number, column=1).number_format = "0"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("importer", IMPORTERS, ids=lambda f: f.__name__.strip("_"))
def test_the_file_is_read_with_no_transaction_open(world, importer, monkeypatch):
    call = importer(world)
    seen = []
    original = uploads.read_xlsx

    def watched(*args, **kwargs):
        seen.append(connection.in_atomic_block)
        return original(*args, **kwargs)

    monkeypatch.setattr(uploads, "read_xlsx", watched)
    with pytest.raises(ValidationError):
        call(b"not an xlsx file")
    assert seen == [False]


@pytest.mark.django_db
@pytest.mark.parametrize("importer", IMPORTERS, ids=lambda f: f.__name__.strip("_"))
def test_a_file_over_the_size_limit_is_refused_with_the_limit_and_nothing_is_written(
    world, importer, settings
):
    call = importer(world)
    audited = AuditEntry.objects.count()
    settings.IMPORT_MAX_BYTES = 10 * 1024 * 1024
    with pytest.raises(ValidationError) as error:
        call(b"x" * (10 * 1024 * 1024 + 1))
    assert "chỉ nhận tệp đến 10 MB" in " ".join(error.value.messages)
    assert AuditEntry.objects.count() == audited


@pytest.mark.django_db
@pytest.mark.parametrize("importer", IMPORTERS, ids=lambda f: f.__name__.strip("_"))
def test_blank_rows_count_toward_the_row_limit(world, importer, monkeypatch):
    call = importer(world)
    audited = AuditEntry.objects.count()
    monkeypatch.setattr(uploads, "DEFAULT_MAX_ROWS", 50)
    limit = 5000 if importer is _recipients else 50
    with pytest.raises(ValidationError) as error:
        call(_blank_rows_file(limit + 1))
    assert "Tệp có quá nhiều dòng" in " ".join(error.value.messages)
    assert AuditEntry.objects.count() == audited
