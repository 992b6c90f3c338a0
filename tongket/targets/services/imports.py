"""Results imported in bulk: one workbook for a whole province (every commune's rows: Mã
đơn vị, Mã chỉ tiêu, Thực hiện, Tử số, Mẫu số, Ước tính hay chính thức, Ghi chú), or one
commune's rows from the office's spreadsheet.

The file is read and checked whole in memory before anything is written: each unit must be
in the caller's ENTER scope under the chosen unit, each indicator must apply to its unit
that year, each cell is checked by the grid's own result_figures(), and a period sent or
approved is locked as it is for the grid. Problems are reported one line per kind with the
rows they affect. Then every result is written in one short transaction with bulk inserts
and updates and one audit row each; a result that changes gets a new version, so a grid
open on the old one meets a conflict instead of overwriting the import."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.lib.text import fold
from tongket.lib.xlsx import Column, RowError, grouped_errors
from tongket.units import access, audit
from tongket.units.choices import SUBUNIT_KINDS, Action
from tongket.units.models import Unit, User
from tongket.units.uploads import read_import

from .. import selectors
from ..choices import Period
from ..models import Indicator, IndicatorVersion, Result, Submission
from .results import lock_message, result_figures

RESULT_IMPORT_COLUMNS = [
    Column("unit_code", "Mã đơn vị", max_length=32),
    Column("indicator_code", "Mã chỉ tiêu", max_length=32),
    Column("value", "Thực hiện", kind="number", required=False),
    Column("numerator", "Tử số", kind="number", required=False),
    Column("denominator", "Mẫu số", kind="number", required=False),
    Column("estimate", "Ước tính hay chính thức", required=False, max_length=20),
    Column("note", "Ghi chú", required=False, max_length=500),
]
ESTIMATE_WORDS = {"uoc tinh", "uoc", "uoc thuc hien", "x", "co", "1", "true"}
FINAL_WORDS = {"", "chinh thuc", "khong", "0", "false"}
FIGURE_FIELDS = [
    "value",
    "numerator",
    "denominator",
    "percent_of_plan",
    "qualifier",
    "is_estimate",
    "note",
]


@dataclass
class ResultRow:
    """One row of an import, whatever the file's layout."""

    line: int
    unit_code: str
    indicator_code: str
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    is_estimate: bool = False
    note: str = ""


@dataclass
class _Checked:
    unit: Unit
    version: IndicatorVersion
    figures: dict


def estimate_of(text: str | None) -> bool | None:
    """True for an estimate ("ước tính", "x"), False for a final figure ("chính thức" or
    blank), None when the word is not understood."""
    folded = fold(text or "")
    if folded in ESTIMATE_WORDS:
        return True
    if folded in FINAL_WORDS:
        return False
    return None


def _rows_of(table_rows: list[dict]) -> tuple[list[ResultRow], list[RowError]]:
    rows, problems = [], []
    for raw in table_rows:
        is_estimate = estimate_of(raw["estimate"])
        if is_estimate is None:
            message = _("cột “Ước tính hay chính thức” ghi “ước tính” hoặc “chính thức”")
            problems.append(RowError(raw["_row"], None, message))
            continue
        rows.append(
            ResultRow(
                line=raw["_row"],
                unit_code=raw["unit_code"],
                indicator_code=raw["indicator_code"],
                value=raw["value"],
                numerator=raw["numerator"],
                denominator=raw["denominator"],
                is_estimate=is_estimate,
                note=raw["note"],
            )
        )
    return rows, problems


class _Catalogue:
    """What the check needs, read once: the units in the caller's scope, the versions that
    apply to each, the codes the catalogue knows and the periods that are locked."""

    def __init__(self, scope: Unit, year: int, period: str, rows: list[ResultRow], by: User):
        codes = {row.unit_code.strip() for row in rows}
        units = access.units_for(by, Action.ENTER).filter(
            code__in=codes, path__startswith=scope.path
        )
        self.units = {unit.code: unit for unit in units}
        self.versions = selectors.versions_by_unit(list(self.units.values()), year)
        # A subordinate unit (tổ dân phố …) enters only the indicators its kind reports or it
        # was given a plan for, as on its grid (one query per such unit in the file).
        self.reported = {
            unit.pk: {version.pk for version in selectors.reported_set(unit, year)}
            for unit in self.units.values()
            if unit.kind in SUBUNIT_KINDS
        }
        wanted = {row.indicator_code.strip().upper() for row in rows}
        self.known = set(Indicator.objects.filter(code__in=wanted).values_list("code", flat=True))
        self.locks = locked_units(list(self.units.values()), year, period)
        self.year = year


def locked_units(units: list[Unit], year: int, period: str) -> dict[int, str]:
    """Unit pk → why its results of the period cannot change now (sent or approved)."""
    names = {unit.pk: unit.name for unit in units}
    locks = {}
    for submission in Submission.objects.filter(unit__in=units, year=year, period=period):
        message = lock_message(submission)
        if message:
            locks[submission.unit_id] = f"{names[submission.unit_id]}: {message}"
    return locks


def _check_row(row: ResultRow, catalogue: _Catalogue, seen: set) -> _Checked | list[str]:
    """The row ready to write, or its problems (each a message without the row number)."""
    unit = catalogue.units.get(row.unit_code.strip())
    if unit is None:
        return [_("mã đơn vị không có hoặc không thuộc phạm vi nhập liệu của bạn")]
    code = row.indicator_code.strip().upper()
    if code not in catalogue.known:
        return [_("mã chỉ tiêu không có trong danh mục")]
    version = catalogue.versions[unit.pk].get(code)
    if version is None:
        return [
            _("chỉ tiêu %(code)s không áp dụng cho %(unit)s năm %(year)s")
            % {"code": code, "unit": unit.name, "year": catalogue.year}
        ]
    if unit.pk in catalogue.reported and version.pk not in catalogue.reported[unit.pk]:
        return [_("%(unit)s không báo cáo chỉ tiêu %(code)s") % {"unit": unit.name, "code": code}]
    if (unit.pk, code) in seen:
        return [_("trùng mã đơn vị và mã chỉ tiêu với một dòng ở trên")]
    seen.add((unit.pk, code))
    if unit.pk in catalogue.locks:
        return [catalogue.locks[unit.pk]]
    if row.value is None and row.numerator is None:
        return [_("chưa điền số thực hiện (hoặc tử số, mẫu số)")]
    try:
        figures = result_figures(
            version,
            value=row.value if row.numerator is None else None,
            numerator=row.numerator,
            denominator=row.denominator,
            is_estimate=row.is_estimate,
            note=row.note,
        )
    except ValidationError as exc:
        return list(exc.messages)
    return _Checked(unit, version, figures)


def results_check(
    *, scope: Unit, year: int, period: str, rows: list[ResultRow], by: User
) -> tuple[list[_Checked], list[RowError]]:
    """Check every row against the database, reading only (a fixed number of queries)."""
    if period not in Period.values:
        raise ValidationError({"period": _("Kỳ báo cáo không hợp lệ.")})
    catalogue = _Catalogue(scope, year, period, rows, by)
    checked, problems, seen = [], [], set()
    for row in rows:
        found = _check_row(row, catalogue, seen)
        if isinstance(found, _Checked):
            checked.append(found)
        else:
            problems.extend(RowError(row.line, None, message) for message in found)
    return checked, problems


def _refuse(problems: list[RowError]) -> ValidationError:
    return ValidationError(grouped_errors(problems))


def _edited(current: Result, item: _Checked, by: User, now) -> tuple[Result, dict]:
    before = audit.snapshot(current)
    changed = False
    for name, value in item.figures.items():
        if getattr(current, name) != value:  # 12.4 is 12.4000 as stored: not a change
            setattr(current, name, value)
            changed = True
    current.unit, current.indicator = item.unit, item.version.indicator  # no query for audit
    if changed:
        current.version += 1
        current.updated_by, current.updated_at = by, now
    return current, before


def results_write(*, checked: list[_Checked], year: int, period: str, by: User) -> int:
    """Write checked rows in one short transaction: bulk insert of the new results, bulk
    update of the changed ones, one audit row each. Returns the number of rows written."""
    units = list({item.unit.pk: item.unit for item in checked}.values())
    with transaction.atomic():
        locks = locked_units(units, year, period)  # a submission sent since the check
        if locks:
            raise ValidationError(sorted(set(locks.values())))
        existing = {
            (result.unit_id, result.indicator_id): result
            for result in Result.objects.select_for_update().filter(
                unit__in=units,
                year=year,
                period=period,
                indicator__in={item.version.indicator_id for item in checked},
            )
        }
        now = timezone.now()
        new, edited = [], []
        for item in checked:
            current = existing.get((item.unit.pk, item.version.indicator_id))
            if current is None:
                new.append(
                    Result(
                        unit=item.unit,
                        indicator=item.version.indicator,
                        year=year,
                        period=period,
                        updated_by=by,
                        **item.figures,
                    )
                )
            else:
                edited.append(_edited(current, item, by, now))
        audit.create_many(new, by=by, verb="import")
        fields = [*FIGURE_FIELDS, "version", "updated_by", "updated_at"]
        audit.update_many(edited, fields, by=by, verb="import")
    return len(checked)


def results_import(
    *,
    scope: Unit,
    year: int,
    period: str,
    rows: list[ResultRow],
    by: User,
    problems: list[RowError] | None = None,
) -> int:
    """Check every row, then write them all or none (see the module's docstring).
    `problems` are those the caller found reading the file; they are reported with the
    others, sorted by row."""
    checked, found = results_check(scope=scope, year=year, period=period, rows=rows, by=by)
    problems = sorted([*(problems or []), *found], key=lambda error: error.row or 0)
    if problems:
        raise _refuse(problems)
    if not checked:
        raise ValidationError(_("Tệp không có dòng số liệu nào."))
    return results_write(checked=checked, year=year, period=period, by=by)


def results_import_xlsx(
    *, scope: Unit, year: int, period: str, data: bytes | IO[bytes], by: User
) -> int:
    """Import every commune's results under `scope` from one workbook (the columns of
    RESULT_IMPORT_COLUMNS). Returns the number of results written."""
    access.require(by, Action.VIEW, scope)
    table = read_import(data, RESULT_IMPORT_COLUMNS)
    if any(error.row in (None, 1) for error in table.errors):  # the file or its header
        raise _refuse(table.errors)
    rows, problems = _rows_of(table.rows)
    return results_import(
        scope=scope, year=year, period=period, rows=rows, by=by, problems=table.errors + problems
    )
