"""read_xlsx(): a filled-in template read row by row into typed records, every problem
collected as a RowError naming its row and column."""

from typing import IO, Any

from openpyxl.utils import get_column_letter

from tongket.lib.dates import DateFormatError
from tongket.lib.numbers import NumberFormatError

from .cells import convert, match_headers
from .formulas import formula_cells, formula_message
from .model import COLUMN_KINDS, Column, ParsedTable, RowError
from .source import FileError, is_blank, load_rows


def _read_row(
    number: int,
    values: tuple[Any, ...],
    columns: list[Column],
    positions: dict[str, int],
    formulas: set[int],
) -> tuple[dict[str, Any], list[RowError]]:
    """One row as a record keyed by Column.key, and its problems."""
    record: dict[str, Any] = {}
    errors: list[RowError] = []
    for column in columns:
        index = positions[column.key]
        letter = get_column_letter(index + 1)
        if index in formulas:
            errors.append(RowError(number, letter, formula_message(number, index), column.header))
            continue
        value = values[index] if index < len(values) else None
        if is_blank(value):
            if column.required:
                errors.append(RowError(number, letter, "Chưa điền.", column.header))
            record[column.key] = "" if column.kind == "text" else None
            continue
        try:
            record[column.key] = convert(value, column)
        except (NumberFormatError, DateFormatError, ValueError) as error:
            errors.append(RowError(number, letter, str(error), column.header))
    return record, errors


def read_xlsx(
    data: bytes | IO[bytes],
    columns: list[Column],
    sheet: str | None = None,
    max_rows: int = 20000,
    max_bytes: int | None = None,
) -> ParsedTable:
    """Read a filled-in template: the first row holds the headers, then one record per row.

    Blank rows are skipped but count toward max_rows (a file with more rows under its
    header is refused as soon as the reading passes the limit); a file larger than
    max_bytes is refused before it is opened. Numbers may be real number cells or text
    written the Vietnamese way; dates may be real date cells or text such as 09/01/2026.
    Every problem is collected as a RowError; rows with a problem are left out of
    ParsedTable.rows.
    """
    for column in columns:
        if column.kind not in COLUMN_KINDS:
            raise ValueError(f"Unknown column kind {column.kind!r} for {column.key!r}")
    table = ParsedTable()
    try:
        rows = load_rows(data, sheet, max_rows, max_bytes)
    except FileError as error:
        table.errors.append(RowError(None, None, str(error)))
        return table
    if not rows or all(is_blank(value) for value in rows[0][1]):
        table.errors.append(RowError(None, None, "Tệp trống: dòng đầu tiên phải là tên các cột."))
        return table
    positions, header_errors = match_headers(rows[0][1], columns)
    if header_errors:
        table.errors.extend(header_errors)
        return table
    data_rows = dict(rows[1:])
    formulas = formula_cells(data, sheet, data_rows, set(positions.values()), max_rows)
    for number in formulas:
        data_rows.setdefault(number, ())  # a row of formulas only looked blank
    for number, values in sorted(data_rows.items()):
        record, row_errors = _read_row(
            number, values, columns, positions, formulas.get(number, set())
        )
        if row_errors:
            table.errors.extend(row_errors)
        else:
            record["_row"] = number
            table.rows.append(record)
    return table
