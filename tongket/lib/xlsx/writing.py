"""write_xlsx(): workbooks whose numbers are numeric cells, dates date cells, text never a
formula, with a bold frozen header and columns sized to their content."""

import io
import math
import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tongket.lib.numbers import format_number

from .model import Sheet

_MAX_TITLE_LENGTH = 31
_FORBIDDEN_IN_TITLE = re.compile(r"[\[\]:*?/\\]")
_MAX_CELL_TEXT = 32767  # Excel's limit for one cell
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_MAX_DECIMALS_SHOWN = 10
_HEADER_FILL = PatternFill("solid", start_color="DDEBF7")


def _sheet_title(title: str, index: int, taken: set[str]) -> str:
    """Make a title Excel accepts: no []:*?/\\, at most 31 characters, not blank, unique."""
    cleaned = _FORBIDDEN_IN_TITLE.sub("-", title or "").strip().strip("'").strip()
    cleaned = cleaned[:_MAX_TITLE_LENGTH].strip() or f"Trang {index}"
    candidate, number = cleaned, 1
    while candidate.lower() in taken:  # Excel compares sheet names ignoring case
        number += 1
        suffix = f" ({number})"
        candidate = cleaned[: _MAX_TITLE_LENGTH - len(suffix)].rstrip() + suffix
    taken.add(candidate.lower())
    return candidate


def _decimal_format(number: Decimal) -> str:
    """An Excel format that shows this number with thousands marks and its own decimals."""
    decimals = len(f"{number:f}".partition(".")[2].rstrip("0"))
    if decimals == 0:
        return "#,##0"
    return "#,##0." + "0" * min(decimals, _MAX_DECIMALS_SHOWN)


def _clean_text(value: Any) -> str:
    """Text Excel accepts in a cell: no control characters, not longer than a cell holds."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:_MAX_CELL_TEXT]


def _cell_value(value: Any) -> tuple[Any, str | None]:
    """Return what to store in the cell and its default number format."""
    if value is None or isinstance(value, bool):
        return value, None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None, None
        value = Decimal(str(value))
    if isinstance(value, int):
        return value, "#,##0"
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None, None
        number_format = _decimal_format(value)
        if value == value.to_integral_value():
            return int(value), number_format
        return float(value), number_format
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise ValueError("Convert aware datetimes to local time (naive) before writing xlsx")
        return value, "DD/MM/YYYY HH:MM"
    if isinstance(value, date):
        return value, "DD/MM/YYYY"
    if isinstance(value, time):
        return value, "HH:MM"
    return _clean_text(value), None


def _display_length(value: Any) -> int:
    """Roughly how many characters the value takes on screen, to size the column."""
    if value is None:
        return 0
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            return len(format_number(value))
        except ValueError:
            return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _write_sheet(worksheet: Any, sheet: Sheet) -> None:
    """Fill one worksheet: optional caption, bold frozen header, values, column widths."""
    header_row = 2 if sheet.caption else 1
    if sheet.caption:
        cell = worksheet.cell(row=1, column=1, value=_clean_text(sheet.caption))
        cell.data_type = "s"
        cell.font = Font(bold=True, size=13)
    for index, header in enumerate(sheet.headers, start=1):
        cell = worksheet.cell(row=header_row, column=index, value=_clean_text(header))
        cell.data_type = "s"  # headers and captions are always text, never formulas
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    worksheet.freeze_panes = worksheet.cell(row=header_row + 1, column=1)

    formats = sheet.number_formats or {}
    widths = [_display_length(header) for header in sheet.headers]
    for row_index, row in enumerate(sheet.rows, start=header_row + 1):
        for column_index, value in enumerate(row):
            stored, default_format = _cell_value(value)
            if stored is None:
                continue
            cell = worksheet.cell(row=row_index, column=column_index + 1, value=stored)
            if isinstance(stored, str):
                cell.data_type = "s"  # never let user text starting with "=" become a formula
            number_format = formats.get(column_index, default_format)
            if number_format:
                cell.number_format = number_format
            if column_index >= len(widths):
                widths.append(0)
            widths[column_index] = max(widths[column_index], _display_length(value))
    for index, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = min(
            _MAX_WIDTH, max(_MIN_WIDTH, width + 2)
        )


def write_xlsx(sheets: list[Sheet]) -> bytes:
    """Build an .xlsx workbook with one worksheet per Sheet and return its bytes."""
    if not sheets:
        raise ValueError("write_xlsx needs at least one sheet")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for index, sheet in enumerate(sheets, start=1):
        worksheet = workbook.create_sheet(_sheet_title(sheet.title, index, taken))
        _write_sheet(worksheet, sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
