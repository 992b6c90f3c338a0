"""Generated files kept for download, and results imported from the office's spreadsheet."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.conferences.models import Conference
from tongket.lib.xlsx import Column, read_xlsx
from tongket.targets import services as targets_services
from tongket.targets.models import Indicator, Result
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

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


def _import_problem(row: dict, indicators: dict[str, Indicator], seen: dict) -> str | None:
    """Why a spreadsheet row cannot be saved (unknown code, code already seen, no figure),
    or None. Records the row's code in `seen`."""
    line = row["_row"]
    code = row["indicator_code"].strip().upper()
    if code not in indicators:
        return _("Dòng %(row)s, cột A (Mã chỉ tiêu): không có chỉ tiêu mã “%(code)s”.") % {
            "row": line,
            "code": row["indicator_code"],
        }
    if code in seen:
        return _("Dòng %(row)s: chỉ tiêu %(code)s đã có ở dòng %(first)s.") % {
            "row": line,
            "code": code,
            "first": seen[code],
        }
    seen[code] = line
    if row["value"] is None and row["numerator"] is None:
        return _("Dòng %(row)s: chưa điền số thực hiện (hoặc tử số, mẫu số).") % {"row": line}
    return None


def _import_save(row: dict, indicator: Indicator, expected_version: int, **cell) -> list[str]:
    """Save one spreadsheet row through the targets module; the refusals, each naming its row."""
    try:
        with transaction.atomic():
            targets_services.result_save(
                indicator=indicator,
                expected_version=expected_version,
                value=row["value"] if row["numerator"] is None else None,
                numerator=row["numerator"],
                denominator=row["denominator"],
                is_estimate=(row["estimate"] or "").strip().lower() in YES,
                note=row["note"] or "",
                **cell,
            )
    except ValidationError as exc:
        return [
            _("Dòng %(row)s: %(message)s") % {"row": row["_row"], "message": message}
            for message in exc.messages
        ]
    return []


@transaction.atomic
def results_import_xlsx(*, unit: Unit, year: int, period: str, data: bytes, by: User) -> int:
    """Import a commune's results for a year from the office's .xlsx (columns: Mã chỉ tiêu,
    Thực hiện, Tử số, Mẫu số, Ước thực hiện, Ghi chú). Each row is saved through the targets
    module's result_save; any row refused means nothing is saved and every message names its
    row. Returns the number of results saved."""
    access.require(by, Action.ENTER, unit)
    table = read_xlsx(data, RESULT_COLUMNS)
    errors = [str(error) for error in table.errors]
    codes = {row["indicator_code"].strip().upper() for row in table.rows}
    indicators = {i.code.upper(): i for i in Indicator.objects.filter(code__in=codes)}
    versions = {
        result.indicator_id: result.version
        for result in Result.objects.filter(
            unit=unit, year=year, period=period, indicator__in=indicators.values()
        )
    }
    seen: dict[str, int] = {}
    saved = 0
    for row in table.rows:
        problem = _import_problem(row, indicators, seen)
        if problem:
            errors.append(problem)
            continue
        indicator = indicators[row["indicator_code"].strip().upper()]
        refused = _import_save(
            row,
            indicator,
            versions.get(indicator.pk, 0),
            unit=unit,
            year=year,
            period=period,
            by=by,
        )
        errors.extend(refused)
        saved += not refused
    if errors:
        raise ValidationError(errors)
    if not saved:
        raise ValidationError(_("Tệp không có dòng số liệu nào."))
    return saved
