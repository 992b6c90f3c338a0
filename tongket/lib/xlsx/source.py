"""Opening an uploaded workbook within limits: its size in bytes, then its rows streamed
(openpyxl read-only) and counted whatever they hold, so a file of millions of blank rows
stops at the limit after reading no more than the limit."""

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import IO, Any

import openpyxl

from tongket.lib.numbers import format_number
from tongket.lib.text import fold

from .model import NOT_AN_XLSX

_MEGABYTE = 1024 * 1024


class FileError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def megabytes(size: int) -> str:
    """A size in bytes as megabytes the Vietnamese way: "10 MB", "12,5 MB"."""
    return f"{format_number(Decimal(size) / _MEGABYTE, 1).removesuffix(',0')} MB"


def size_message(limit: int, size: int | None = None) -> str:
    """What the user is told when a file is larger than `limit` bytes."""
    found = f" (tệp đang có {megabytes(size)})" if size is not None else ""
    return f"Tệp quá lớn{found}: chỉ nhận tệp đến {megabytes(limit)}."


def size_of(data: bytes | IO[bytes]) -> int:
    if isinstance(data, bytes | bytearray):
        return len(data)
    size = getattr(data, "size", None)
    if size is not None:
        return size
    position = data.tell()
    data.seek(0, io.SEEK_END)
    size = data.tell()
    data.seek(position)
    return size


def rewound(data: bytes | IO[bytes]) -> IO[bytes]:
    """The file from its start, for a (second) reading."""
    if isinstance(data, bytes | bytearray):
        return io.BytesIO(data)
    data.seek(0)
    return data


def find_sheet(workbook: Any, name: str | None) -> Any:
    """The named sheet (compared after fold()), or the first one."""
    if name is None:
        return workbook.worksheets[0]
    for worksheet in workbook.worksheets:
        if fold(worksheet.title) == fold(name):
            return worksheet
    raise FileError(f'Không có trang "{name}" trong tệp.')


@contextmanager
def opened_sheet(data: bytes | IO[bytes], sheet: str | None, *, formulas: bool = False):
    """The sheet of a workbook opened read-only (streamed), for values or for formulas."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            workbook = openpyxl.load_workbook(rewound(data), read_only=True, data_only=not formulas)
    except Exception as error:  # openpyxl raises many kinds for a broken or foreign file
        raise FileError(NOT_AN_XLSX) from error
    try:
        worksheet = find_sheet(workbook, sheet)
        worksheet.reset_dimensions()  # some programs write a wrong size; read what is there
        yield worksheet
    finally:
        workbook.close()


def _too_many(max_rows: int) -> FileError:
    return FileError(f"Tệp có quá nhiều dòng: tối đa {format_number(max_rows)} dòng dữ liệu.")


def numbered_rows(worksheet: Any, max_rows: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(Excel row number, values) of the header and the rows under it, up to `max_rows`
    rows under the header: blank rows and gaps count, so the reading stops there."""
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if number > max_rows + 1:
            raise _too_many(max_rows)
        yield number, values


def load_rows(
    data: bytes | IO[bytes], sheet: str | None, max_rows: int, max_bytes: int | None = None
) -> list[tuple[int, tuple[Any, ...]]]:
    """Return (Excel row number, values) for the header row and every non-blank row after it.

    Raises FileError when the file is larger than max_bytes, not an xlsx, the sheet is
    missing or there are more than max_rows rows (blank or not) under the header.
    """
    if max_bytes is not None and size_of(data) > max_bytes:
        raise FileError(size_message(max_bytes, size_of(data)))
    with opened_sheet(data, sheet) as worksheet:
        rows: list[tuple[int, tuple[Any, ...]]] = []
        try:
            for number, values in numbered_rows(worksheet, max_rows):
                if number == 1 or not all(is_blank(value) for value in values):
                    rows.append((number, tuple(values)))
        except FileError:
            raise
        except Exception as error:  # a damaged sheet inside a valid zip
            raise FileError(NOT_AN_XLSX) from error
        return rows
