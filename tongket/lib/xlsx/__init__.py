"""Excel (.xlsx) export and import for lists that people fill in or take away.

write_xlsx() makes a workbook whose numbers are real numeric cells, so Excel can sum them.
read_xlsx() reads a filled-in template and reports every problem at once, in Vietnamese,
by row and column, so the user can fix the file in one go. It streams the sheet (openpyxl
read-only) and stops at the size and row limits whatever the rows hold, so a hostile file
costs little; callers parse before they open a write transaction.

tongket does not compute formulas. A formula cell is read as the result the spreadsheet
program saved with it (Excel and LibreOffice always save one); a formula saved without its
result (files written by scripts) is reported as such, never as an empty cell.

Modules: model (Column, Sheet, RowError, ParsedTable) · writing · source (opening the file,
limits) · formulas · cells (headers and values) · reading.
"""

from .model import (
    COLUMN_KINDS,
    NOT_AN_XLSX,
    Column,
    ParsedTable,
    RowError,
    Sheet,
    grouped_errors,
)
from .reading import read_xlsx
from .source import size_message
from .writing import write_xlsx

__all__ = [
    "COLUMN_KINDS",
    "NOT_AN_XLSX",
    "Column",
    "ParsedTable",
    "RowError",
    "Sheet",
    "grouped_errors",
    "read_xlsx",
    "size_message",
    "write_xlsx",
]
