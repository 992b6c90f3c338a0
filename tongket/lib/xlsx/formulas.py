"""Formula cells saved without their result (files written by scripts): found by a quick
scan of the sheets' XML, then located by a second streamed reading for formulas."""

import re
import zipfile
from typing import IO, Any

from openpyxl.utils import get_column_letter

from .source import numbered_rows, opened_sheet, rewound

_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_SCAN_CHUNK = 1 << 20


def _has_formulas(data: bytes | IO[bytes]) -> bool:
    """Whether any worksheet of the file holds a formula (a quick scan of the XML)."""
    try:
        with zipfile.ZipFile(rewound(data)) as archive:
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


def formula_cells(
    data: bytes | IO[bytes],
    sheet: str | None,
    read: dict[int, tuple[Any, ...]],
    positions: set[int],
    max_rows: int,
) -> dict[int, set[int]]:
    """Cells (Excel row number → 0-based column indexes, among `positions`) that hold a
    formula saved without its result: empty when read for values, not when read for formulas.
    `read` holds the rows the first reading kept (blank rows are not in it)."""
    if not positions or not _has_formulas(data):
        return {}
    found: dict[int, set[int]] = {}
    with opened_sheet(data, sheet, formulas=True) as worksheet:
        for number, values in numbered_rows(worksheet, max_rows):
            if number == 1:
                continue
            values_read = read.get(number, ())
            for index in positions:
                formula = values[index] if index < len(values) else None
                value = values_read[index] if index < len(values_read) else None
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    found.setdefault(number, set()).add(index)
    return found


def formula_message(number: int, index: int) -> str:
    return (
        f"Ô {get_column_letter(index + 1)}{number} chứa công thức mà tệp không lưu kết quả "
        "(tongket không tự tính công thức); hãy dán giá trị (Dán đặc biệt → Chỉ giá trị)."
    )
