"""Shared by the xlsx tests: real workbooks built with openpyxl as Excel would save them,
and the columns of the sample import."""

import io

import openpyxl

from tongket.lib.xlsx import Column, write_xlsx


def make_xlsx(rows, title="Trang 1", extra_sheets=()):
    """A real .xlsx file holding rows, built with openpyxl as Excel would save it."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = title
    for row in rows:
        worksheet.append(row)
    for name, sheet_rows in extra_sheets:
        extra = workbook.create_sheet(name)
        for row in sheet_rows:
            extra.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def open_written(sheets):
    return openpyxl.load_workbook(io.BytesIO(write_xlsx(sheets)))


COLUMNS = [
    Column("name", "Tên đơn vị", max_length=20),
    Column("value", "Giá trị", "number"),
    Column("count", "Số người", "int", required=False),
    Column("day", "Ngày", "date", required=False),
]
HEADERS = ["Tên đơn vị", "Giá trị", "Số người", "Ngày"]
