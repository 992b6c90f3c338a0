"""The limits that keep a hostile upload cheap: size in bytes, rows under the header
(blank or not), and a sheet that is streamed, never loaded whole."""

import io
import time
import zipfile

import openpyxl
import pytest

from tongket.lib.xlsx import read_xlsx, size_message
from tongket.lib.xlsx import source as xlsx_source

from .xlsx_files import COLUMNS, HEADERS, make_xlsx


def test_up_to_max_rows_are_accepted():
    data = make_xlsx([HEADERS] + [["Xã", index] for index in range(3)])
    table = read_xlsx(data, COLUMNS, max_rows=3)
    assert table.ok
    assert len(table.rows) == 3


def test_more_than_max_rows_is_refused():
    data = make_xlsx([HEADERS] + [["Xã", index] for index in range(4)])
    table = read_xlsx(data, COLUMNS, max_rows=3)
    assert [str(error) for error in table.errors] == [
        "Tệp có quá nhiều dòng: tối đa 3 dòng dữ liệu."
    ]
    assert table.rows == []


def test_row_limit_in_the_message_uses_thousands_dots():
    data = make_xlsx([HEADERS] + [["Xã", 1]] * 1001)
    message = read_xlsx(data, COLUMNS, max_rows=1000).errors[0].message
    assert message == "Tệp có quá nhiều dòng: tối đa 1.000 dòng dữ liệu."


def test_blank_rows_count_toward_the_row_limit():
    data = make_xlsx([HEADERS, ["Xã", 1]] + [[None, None]] * 5 + [["Xã", 2]])
    table = read_xlsx(data, COLUMNS, max_rows=3)
    assert [str(error) for error in table.errors] == [
        "Tệp có quá nhiều dòng: tối đa 3 dòng dữ liệu."
    ]


def test_a_row_far_below_the_data_counts_as_the_rows_in_between():
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADERS)
    workbook.active["A500000"] = "Xã"
    workbook.active["B500000"] = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_xlsx(buffer.getvalue(), COLUMNS, max_rows=100)
    assert table.errors[0].message == "Tệp có quá nhiều dòng: tối đa 100 dòng dữ liệu."


def _blank_rows_file(count: int) -> bytes:
    """A sheet of `count` blank-but-present rows written straight as XML, the way a hostile
    script would (openpyxl would take minutes to build it)."""
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADERS)
    buffer = io.BytesIO()
    workbook.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                rows = "".join(f'<row r="{n}"><c r="A{n}" t="s"/></row>' for n in range(2, count))
                content = content.replace(b"</row>", b"</row>" + rows.encode(), 1)
            target.writestr(item, content)
    return out.getvalue()


def test_a_file_of_many_blank_rows_stops_at_the_limit_quickly(monkeypatch):
    data = _blank_rows_file(300_000)
    seen = []
    original = xlsx_source.numbered_rows

    def counting(worksheet, max_rows):
        for row in original(worksheet, max_rows):
            seen.append(row[0])
            yield row

    monkeypatch.setattr(xlsx_source, "numbered_rows", counting)
    started = time.perf_counter()
    table = read_xlsx(data, COLUMNS, max_rows=1000)
    assert table.errors[0].message == "Tệp có quá nhiều dòng: tối đa 1.000 dòng dữ liệu."
    assert max(seen) == 1001  # the reading stopped at the limit, not at the end of the sheet
    assert time.perf_counter() - started < 5


def test_a_file_larger_than_the_limit_is_refused_before_it_is_opened():
    data = make_xlsx([HEADERS, ["Xã", 1]])
    table = read_xlsx(data, COLUMNS, max_bytes=len(data) - 1)
    assert len(table.errors) == 1
    assert table.errors[0].message.startswith("Tệp quá lớn")
    assert read_xlsx(data, COLUMNS, max_bytes=len(data)).ok


def test_a_stream_larger_than_the_limit_is_refused():
    data = make_xlsx([HEADERS, ["Xã", 1]])
    table = read_xlsx(io.BytesIO(data), COLUMNS, max_bytes=100)
    assert table.errors[0].message.startswith("Tệp quá lớn")


@pytest.mark.parametrize(
    ("limit", "size", "expected"),
    [
        (10 * 1024 * 1024, None, "Tệp quá lớn: chỉ nhận tệp đến 10 MB."),
        (
            10 * 1024 * 1024,
            15 * 1024 * 1024 + 512 * 1024,
            "Tệp quá lớn (tệp đang có 15,5 MB): chỉ nhận tệp đến 10 MB.",
        ),
    ],
)
def test_the_size_message_states_the_limit_in_megabytes(limit, size, expected):
    assert size_message(limit, size) == expected
