"""What the xlsx helpers exchange: the columns an import expects, the sheets an export
writes, the errors found and the table read."""

from dataclasses import dataclass, field
from typing import Any

COLUMN_KINDS = ("text", "number", "int", "date")
NOT_AN_XLSX = "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ"


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


_ROWS_LISTED = 20


def _rows_text(rows: list[int]) -> str:
    listed = ", ".join(str(row) for row in rows[:_ROWS_LISTED])
    if len(rows) > _ROWS_LISTED:
        listed += f" … và {len(rows) - _ROWS_LISTED} dòng khác"
    return listed


def grouped_errors(errors: list[RowError]) -> list[str]:
    """One line per kind of problem with the rows it affects, in the order the kinds first
    appear: "Dòng 5, 9, 12: mã chỉ tiêu không có trong danh mục". Problems of the whole
    file come first, as they are."""
    whole = [str(error) for error in errors if error.row is None]
    rows: dict[tuple[str | None, str | None, str], list[int]] = {}
    for error in errors:
        if error.row is not None:
            found = rows.setdefault((error.column, error.header, error.message), [])
            if error.row not in found:
                found.append(error.row)
    lines = []
    for (column, header, message), numbers in rows.items():
        listed = _rows_text(sorted(numbers))
        place = f"Dòng {listed}"
        if column is not None:
            named = f" ({header})" if header else ""
            place = f"Cột {column}{named}, dòng {listed}"
        lines.append(f"{place}: {message}")
    return whole + lines
