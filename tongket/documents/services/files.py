"""Generated files kept for download, and results imported from the office's spreadsheet."""

from __future__ import annotations

from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from tongket.conferences.models import Conference
from tongket.lib.xlsx import Column, grouped_errors
from tongket.targets import services as targets_services
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User
from tongket.units.uploads import read_import

from ..models import GeneratedFile

# Generated files --------------------------------------------------------------------------


@transaction.atomic
def generated_file_save(
    *, conference: Conference, kind: str, filename: str, data: bytes, by: User | None, job=None
) -> GeneratedFile:
    """Keep a generated file. `by` is None only for background jobs, whose starter was
    checked when the job was started."""
    if by is not None:
        access.require(by, Action.VIEW, conference.unit)
    generated = GeneratedFile(
        unit=conference.unit, conference=conference, kind=kind, size=len(data), job=job
    )
    generated.file.save(filename, ContentFile(data), save=False)
    return audit.create(generated, by=by, clean=False)


# Results from the office's spreadsheet ----------------------------------------------------

RESULT_COLUMNS = [
    Column("indicator_code", "Mã chỉ tiêu"),
    Column("value", "Thực hiện", kind="number", required=False),
    Column("numerator", "Tử số", kind="number", required=False),
    Column("denominator", "Mẫu số", kind="number", required=False),
    Column("estimate", "Ước thực hiện", required=False, max_length=10),
    Column("note", "Ghi chú", required=False, max_length=500),
]
YES = {"x", "có", "co", "1", "true", "ước", "uoc"}


def results_import_xlsx(
    *, unit: Unit, year: int, period: str, data: bytes | IO[bytes], by: User
) -> int:
    """Import a commune's results for a year from the office's .xlsx (columns: Mã chỉ tiêu,
    Thực hiện, Tử số, Mẫu số, Ước thực hiện, Ghi chú) through the targets module's bulk
    import: the file is read and checked whole first (the grid's rules), then written in one
    transaction; any bad row means nothing is saved, and the messages name the rows, one
    line per kind of problem. Returns the number of results saved."""
    access.require(by, Action.ENTER, unit)
    table = read_import(data, RESULT_COLUMNS)
    if any(error.row in (None, 1) for error in table.errors):  # the file or its header
        raise ValidationError(grouped_errors(table.errors))
    rows = [
        targets_services.ResultRow(
            line=row["_row"],
            unit_code=unit.code,
            indicator_code=row["indicator_code"],
            value=row["value"],
            numerator=row["numerator"],
            denominator=row["denominator"],
            is_estimate=(row["estimate"] or "").strip().lower() in YES,
            note=row["note"] or "",
        )
        for row in table.rows
    ]
    return targets_services.results_import(
        scope=unit, year=year, period=period, rows=rows, by=by, problems=table.errors
    )
