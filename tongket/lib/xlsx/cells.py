"""Headers matched to the expected columns, and one cell turned into its column's kind
(text, number, whole number, date), with the user's message when it cannot be."""

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter

from tongket.lib.dates import format_date, parse_date
from tongket.lib.numbers import parse_number
from tongket.lib.text import code_point, fold, forbidden_characters

from .model import Column, RowError


def header_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def match_headers(
    header_values: tuple[Any, ...], columns: list[Column]
) -> tuple[dict[str, int], list[RowError]]:
    """Map each Column.key to its 0-based position in the file, or report what is wrong."""
    expected = {fold(column.header): column for column in columns}
    positions: dict[str, int] = {}
    errors: list[RowError] = []
    for index, value in enumerate(header_values):
        text = header_text(value)
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


def convert(value: Any, column: Column) -> Any:
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
