"""Excel (.xlsx) export and import for lists that people fill in or take away.

write_xlsx() makes a workbook whose numbers are real numeric cells, so Excel can sum them.
read_xlsx() reads a filled-in template and reports every problem at once, in Vietnamese,
by row and column, so the user can fix the file in one go.

tongket does not compute formulas. A formula cell is read as the result the spreadsheet
program saved with it (Excel and LibreOffice always save one); a formula saved without its
result (files written by scripts) is reported as such, never as an empty cell.
"""

import io
import math
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import IO, Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tongket.lib.dates import DateFormatError, format_date, parse_date
from tongket.lib.numbers import NumberFormatError, format_number, parse_number
from tongket.lib.text import code_point, fold, forbidden_characters

__all__ = ["Column", "ParsedTable", "RowError", "Sheet", "read_xlsx", "write_xlsx"]

COLUMN_KINDS = ("text", "number", "int", "date")
NOT_AN_XLSX = "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ"

_MAX_TITLE_LENGTH = 31
_FORBIDDEN_IN_TITLE = re.compile(r"[\[\]:*?/\\]")
_MAX_CELL_TEXT = 32767  # Excel's limit for one cell
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_MAX_DECIMALS_SHOWN = 10
_HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_SCAN_CHUNK = 1 << 20


@dataclass
class Column:
    """One column expected in an imported sheet.

    kind is "text", "number" (Decimal), "int" or "date"; header is compared after fold(),
    so case, diacritics and spacing may differ in the file. A text column is one line unless
    multiline: line breaks typed in a cell (Alt+Enter) only wrap it on screen, so they
    become spaces; control characters are refused in any text.
    """

    key: str
    header: str
    kind: str = "text"
    required: bool = True
    max_length: int | None = None
    multiline: bool = False


@dataclass
class Sheet:
    """One sheet to write: a header row, then rows of values.

    number_formats maps a 0-based column index to an Excel number format ("#,##0.00").
    caption, when given, is a bold title line above the header row (for reading, not
    for importing back).
    """

    title: str
    headers: list[str]
    rows: list[list[Any]]
    number_formats: dict[int, str] | None = None
    caption: str | None = None


@dataclass
class RowError:
    """A problem in an imported file. row is the Excel row number (None for the whole file),
    column the Excel column letter, header the column's header when known.
    """

    row: int | None
    column: str | None
    message: str
    header: str | None = None

    def __str__(self) -> str:
        place = []
        if self.row is not None:
            place.append(f"Dòng {self.row}")
        if self.column is not None:
            column = f"cột {self.column}"
            if self.header:
                column += f" ({self.header})"
            place.append(column)
        if not place:
            return self.message
        prefix = ", ".join(place)
        return f"{prefix[0].upper()}{prefix[1:]}: {self.message}"


@dataclass
class ParsedTable:
    """What read_xlsx() found: rows without any error, and every error.

    Each row is a dict keyed by Column.key, plus "_row" (its Excel row number). A row with
    an error is reported in errors and left out of rows.
    """

    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file had no error at all."""
        return not self.errors


# Writing


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


# Reading


class _FileError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _load_rows(
    data: bytes | IO[bytes], sheet: str | None, max_rows: int
) -> list[tuple[int, tuple[Any, ...]]]:
    """Return (Excel row number, values) for the header row and every non-blank row after it.

    Raises _FileError when the file is not an xlsx, the sheet is missing or there are more
    than max_rows rows under the header.
    """
    source = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken or foreign file
        raise _FileError(NOT_AN_XLSX) from error
    try:
        worksheet = _find_sheet(workbook, sheet)
        worksheet.reset_dimensions()  # some programs write a wrong size; read what is there
        rows: list[tuple[int, tuple[Any, ...]]] = []
        try:
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                if number > 1 and all(_is_blank(value) for value in values):
                    continue
                if len(rows) > max_rows:
                    raise _FileError(
                        f"Tệp có quá nhiều dòng: tối đa {format_number(max_rows)} dòng dữ liệu."
                    )
                rows.append((number, tuple(values)))
        except _FileError:
            raise
        except Exception as error:  # a damaged sheet inside a valid zip
            raise _FileError(NOT_AN_XLSX) from error
        return rows
    finally:
        workbook.close()


def _rewound(data: bytes | IO[bytes]) -> IO[bytes]:
    """The file from its start, for a second reading."""
    if isinstance(data, bytes | bytearray):
        return io.BytesIO(data)
    data.seek(0)
    return data


def _has_formulas(data: bytes | IO[bytes]) -> bool:
    """Whether any worksheet of the file holds a formula (a quick scan of the XML)."""
    try:
        with zipfile.ZipFile(_rewound(data)) as archive:
            for name in archive.namelist():
                if not name.startswith("xl/worksheets/"):
                    continue
                with archive.open(name) as part:
                    tail = b""
                    while chunk := part.read(_SCAN_CHUNK):
                        if _FORMULA_TAG.search(tail + chunk):
                            return True
                        tail = chunk[-16:]
    except (zipfile.BadZipFile, OSError):
        return False
    return False


def _formula_cells(
    data: bytes | IO[bytes],
    sheet: str | None,
    read: dict[int, tuple[Any, ...]],
    positions: set[int],
) -> dict[int, set[int]]:
    """Cells (Excel row number → 0-based column indexes, among `positions`) that hold a
    formula saved without its result: empty when read for values, not when read for formulas.
    `read` holds the rows the first reading kept (blank rows are not in it)."""
    if not positions or not _has_formulas(data):
        return {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(_rewound(data), read_only=True, data_only=False)
    found: dict[int, set[int]] = {}
    try:
        worksheet = _find_sheet(workbook, sheet)
        worksheet.reset_dimensions()
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if number == 1:
                continue
            values_read = read.get(number, ())
            for index in positions:
                formula = values[index] if index < len(values) else None
                value = values_read[index] if index < len(values_read) else None
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    found.setdefault(number, set()).add(index)
    finally:
        workbook.close()
    return found


def _formula_message(number: int, index: int) -> str:
    return (
        f"Ô {get_column_letter(index + 1)}{number} chứa công thức mà tệp không lưu kết quả "
        "(tongket không tự tính công thức); hãy dán giá trị (Dán đặc biệt → Chỉ giá trị)."
    )


def _find_sheet(workbook: Any, name: str | None) -> Any:
    """The named sheet (compared after fold()), or the first one."""
    if name is None:
        return workbook.worksheets[0]
    for worksheet in workbook.worksheets:
        if fold(worksheet.title) == fold(name):
            return worksheet
    raise _FileError(f'Không có trang "{name}" trong tệp.')


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _match_headers(
    header_values: tuple[Any, ...], columns: list[Column]
) -> tuple[dict[str, int], list[RowError]]:
    """Map each Column.key to its 0-based position in the file, or report what is wrong."""
    expected = {fold(column.header): column for column in columns}
    positions: dict[str, int] = {}
    errors: list[RowError] = []
    for index, value in enumerate(header_values):
        text = _header_text(value)
        if not text:
            continue
        letter = get_column_letter(index + 1)
        column = expected.get(fold(text))
        if column is None:
            errors.append(RowError(1, letter, f'Cột "{text}" không có trong mẫu'))
        elif column.key in positions:
            errors.append(RowError(1, letter, f'Cột "{text}" xuất hiện hai lần'))
        else:
            positions[column.key] = index
    for column in columns:
        if column.key not in positions:
            errors.append(RowError(1, None, f'Thiếu cột "{column.header}"'))
    return positions, errors


def _text_of(value: Any) -> str:
    """A cell as text: whole numbers without ".0", dates day first."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return format_date(value)
    return str(value).strip()


def _convert(value: Any, column: Column) -> Any:
    """Turn a non-blank cell into the column's kind; ValueError carries the user message."""
    if column.kind == "text":
        text = _text_of(value)
        found = forbidden_characters(text, multiline=True)
        if found:
            names = ", ".join(code_point(char) for char in found)
            raise ValueError(f"Có ký tự điều khiển không được phép ({names}).")
        if not column.multiline:
            text = " ".join(text.split())
        if column.max_length is not None and len(text) > column.max_length:
            raise ValueError(f"Dài quá {column.max_length} ký tự (đang có {len(text)} ký tự).")
        return text
    if column.kind in ("number", "int"):
        if isinstance(value, bool | datetime | date | time):
            raise ValueError(f'"{_text_of(value)}" không phải là số.')
        is_number_cell = isinstance(value, int | float)
        number = Decimal(str(value)) if is_number_cell else parse_number(str(value))
        if column.kind == "number":
            return number
        if number != number.to_integral_value():
            raise ValueError(f'Số "{_text_of(value)}" phải là số nguyên.')
        return int(number)
    # date
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    raise ValueError(f'"{_text_of(value)}" không phải là ngày; hãy viết dạng 09/01/2026.')


def read_xlsx(
    data: bytes | IO[bytes],
    columns: list[Column],
    sheet: str | None = None,
    max_rows: int = 20000,
) -> ParsedTable:
    """Read a filled-in template: the first row holds the headers, then one record per row.

    Blank rows are skipped. Numbers may be real number cells or text written the
    Vietnamese way; dates may be real date cells or text such as 09/01/2026. Every problem
    is collected as a RowError; rows with a problem are left out of ParsedTable.rows.
    """
    for column in columns:
        if column.kind not in COLUMN_KINDS:
            raise ValueError(f"Unknown column kind {column.kind!r} for {column.key!r}")
    table = ParsedTable()
    try:
        rows = _load_rows(data, sheet, max_rows)
    except _FileError as error:
        table.errors.append(RowError(None, None, str(error)))
        return table
    if not rows or all(_is_blank(value) for value in rows[0][1]):
        table.errors.append(RowError(None, None, "Tệp trống: dòng đầu tiên phải là tên các cột."))
        return table
    positions, header_errors = _match_headers(rows[0][1], columns)
    if header_errors:
        table.errors.extend(header_errors)
        return table

    formulas = _formula_cells(data, sheet, dict(rows[1:]), set(positions.values()))
    data_rows = dict(rows[1:])
    for number in formulas:
        data_rows.setdefault(number, ())  # a row of formulas only looked blank
    for number, values in sorted(data_rows.items()):
        record: dict[str, Any] = {}
        row_errors: list[RowError] = []
        for column in columns:
            index = positions[column.key]
            letter = get_column_letter(index + 1)
            if index in formulas.get(number, ()):
                message = _formula_message(number, index)
                row_errors.append(RowError(number, letter, message, column.header))
                continue
            value = values[index] if index < len(values) else None
            if _is_blank(value):
                if column.required:
                    row_errors.append(RowError(number, letter, "Chưa điền.", column.header))
                record[column.key] = "" if column.kind == "text" else None
                continue
            try:
                record[column.key] = _convert(value, column)
            except (NumberFormatError, DateFormatError, ValueError) as error:
                row_errors.append(RowError(number, letter, str(error), column.header))
        if row_errors:
            table.errors.extend(row_errors)
        else:
            record["_row"] = number
            table.rows.append(record)
    return table
