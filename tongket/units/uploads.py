"""Spreadsheet imports for every app: the upload size limit (settings.IMPORT_MAX_BYTES)
checked on the form before the file is read, and the sheet read and checked by read_xlsx
under the same limit. Importers call read_import before they open their one short write
transaction: a slow or hostile file never holds a database lock."""

from __future__ import annotations

from typing import IO

from django import forms
from django.conf import settings

from tongket.lib.xlsx import Column, ParsedTable, read_xlsx, size_message

DEFAULT_MAX_ROWS = 20000


def import_max_bytes() -> int:
    return settings.IMPORT_MAX_BYTES


def read_import(
    data: bytes | IO[bytes], columns: list[Column], *, max_rows: int | None = None
) -> ParsedTable:
    """read_xlsx within the import limits (size in bytes, rows under the header: blank
    ones count)."""
    return read_xlsx(
        data, columns, max_rows=max_rows or DEFAULT_MAX_ROWS, max_bytes=import_max_bytes()
    )


class SpreadsheetField(forms.FileField):
    """An .xlsx upload, refused with the limit stated when larger than IMPORT_MAX_BYTES."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        size = getattr(upload, "size", None)
        if size is not None and size > import_max_bytes():
            raise forms.ValidationError(size_message(import_max_bytes(), size), code="too_large")
        return upload
