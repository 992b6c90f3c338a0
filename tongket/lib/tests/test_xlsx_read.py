import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest

from tongket.lib.xlsx import (
    NOT_AN_XLSX,
    Column,
    read_xlsx,
)

from .xlsx_files import COLUMNS, HEADERS, make_xlsx

# read_xlsx: headers


def test_rows_are_read_by_header_with_their_excel_row_number():
    data = make_xlsx([HEADERS, ["Xã A", 2809.8, 12, date(2026, 1, 9)]])
    table = read_xlsx(data, COLUMNS)
    assert table.ok
    assert table.errors == []
    assert table.rows == [
        {
            "name": "Xã A",
            "value": Decimal("2809.8"),
            "count": 12,
            "day": date(2026, 1, 9),
            "_row": 2,
        }
    ]


def test_headers_match_ignoring_case_diacritics_and_spacing():
    data = make_xlsx([["  TEN  don   vi ", "gia tri", "SỐ NGƯỜI", "ngày"], ["Xã A", 1, 2, None]])
    table = read_xlsx(data, COLUMNS)
    assert table.ok
    assert table.rows[0]["name"] == "Xã A"


def test_columns_may_come_in_any_order():
    data = make_xlsx([["Ngày", "Số người", "Giá trị", "Tên đơn vị"], [None, 3, 4, "Xã A"]])
    table = read_xlsx(data, COLUMNS)
    assert table.rows == [{"name": "Xã A", "value": Decimal(4), "count": 3, "day": None, "_row": 2}]


def test_blank_header_cells_are_ignored():
    data = make_xlsx([["Tên đơn vị", None, "Giá trị", "Số người", "Ngày"], ["Xã A", "x", 1]])
    table = read_xlsx(data, COLUMNS)
    assert table.ok
    assert table.rows[0]["value"] == Decimal(1)


def test_missing_column_is_named():
    data = make_xlsx([["Tên đơn vị", "Số người", "Ngày"], ["Xã A", 1, None]])
    table = read_xlsx(data, COLUMNS)
    assert not table.ok
    assert table.rows == []
    assert [str(error) for error in table.errors] == ['Dòng 1: Thiếu cột "Giá trị"']
    assert table.errors[0].message == 'Thiếu cột "Giá trị"'


def test_optional_column_must_still_be_present():
    data = make_xlsx([["Tên đơn vị", "Giá trị", "Số người"], ["Xã A", 1, None]])
    assert [error.message for error in read_xlsx(data, COLUMNS).errors] == ['Thiếu cột "Ngày"']


def test_unknown_column_is_named_with_its_letter():
    data = make_xlsx([[*HEADERS, "Xyz"], ["Xã A", 1, None, None, "?"]])
    table = read_xlsx(data, COLUMNS)
    assert [str(error) for error in table.errors] == ['Dòng 1, cột E: Cột "Xyz" không có trong mẫu']
    assert table.rows == []


def test_repeated_column_is_refused():
    data = make_xlsx([[*HEADERS, "GIÁ TRỊ"], ["Xã A", 1, None, None, 2]])
    assert [error.message for error in read_xlsx(data, COLUMNS).errors] == [
        'Cột "GIÁ TRỊ" xuất hiện hai lần'
    ]


def test_numeric_header_is_compared_as_text():
    data = make_xlsx([[2026], [5]])
    table = read_xlsx(data, [Column("year_2026", "2026", "int")])
    assert table.rows == [{"year_2026": 5, "_row": 2}]


def test_all_header_problems_are_reported_together():
    data = make_xlsx([["Tên đơn vị", "Abc"], ["Xã A", 1]])
    messages = [error.message for error in read_xlsx(data, COLUMNS).errors]
    assert messages == [
        'Cột "Abc" không có trong mẫu',
        'Thiếu cột "Giá trị"',
        'Thiếu cột "Số người"',
        'Thiếu cột "Ngày"',
    ]


def test_empty_sheet_is_refused():
    table = read_xlsx(make_xlsx([]), COLUMNS)
    assert [str(error) for error in table.errors] == [
        "Tệp trống: dòng đầu tiên phải là tên các cột."
    ]


def test_blank_first_row_is_refused():
    table = read_xlsx(make_xlsx([[None, " "], HEADERS]), COLUMNS)
    assert [error.message for error in table.errors] == [
        "Tệp trống: dòng đầu tiên phải là tên các cột."
    ]


def test_header_only_gives_no_rows_and_no_errors():
    table = read_xlsx(make_xlsx([HEADERS]), COLUMNS)
    assert table.ok
    assert table.rows == []


# read_xlsx: rows


def test_blank_rows_are_skipped_and_row_numbers_stay_true():
    data = make_xlsx([HEADERS, ["Xã A", 1], [None, None], ["  ", ""], ["Xã B", 2], [], ["Xã C", 3]])
    table = read_xlsx(data, COLUMNS)
    assert [(row["name"], row["_row"]) for row in table.rows] == [
        ("Xã A", 2),
        ("Xã B", 5),
        ("Xã C", 7),
    ]


def test_real_number_cells_become_exact_decimals():
    data = make_xlsx([HEADERS, ["a", 0.1], ["b", 2809.8], ["c", 17416889536], ["d", -3]])
    values = [row["value"] for row in read_xlsx(data, COLUMNS).rows]
    assert values == [Decimal("0.1"), Decimal("2809.8"), Decimal("17416889536"), Decimal(-3)]
    assert all(isinstance(value, Decimal) for value in values)


def test_text_numbers_are_read_the_vietnamese_way():
    data = make_xlsx([HEADERS, ["a", "2.809,8"], ["b", " 1 204,6 "], ["c", "1.204"], ["d", "5%"]])
    values = [row["value"] for row in read_xlsx(data, COLUMNS).rows]
    assert values == [Decimal("2809.8"), Decimal("1204.6"), Decimal("1204"), Decimal("5")]


def test_english_text_number_is_refused_with_its_message():
    data = make_xlsx([HEADERS, ["Xã A", "2,809.8"]])
    table = read_xlsx(data, COLUMNS)
    assert table.rows == []
    assert [str(error) for error in table.errors] == [
        'Dòng 2, cột B (Giá trị): Số "2,809.8" viết theo kiểu Anh (dấu phẩy ngăn nghìn, '
        "dấu chấm thập phân). Hãy viết 2.809,8."
    ]


def test_bad_number_error_names_row_column_and_header():
    data = make_xlsx([HEADERS, ["a", 1], ["b", 2], ["c", 3], ["d", "abc"]])
    table = read_xlsx(data, COLUMNS)
    error = table.errors[0]
    assert (error.row, error.column, error.header) == (5, "B", "Giá trị")
    assert str(error).startswith('Dòng 5, cột B (Giá trị): Số "abc" không hợp lệ')


def test_decimal_dot_in_text_is_refused():
    table = read_xlsx(make_xlsx([HEADERS, ["a", "2.8"]]), COLUMNS)
    assert 'dùng dấu phẩy cho phần thập phân: "2,8"' in table.errors[0].message


def test_whole_number_column_reads_ints():
    data = make_xlsx([HEADERS, ["a", 1, 12], ["b", 1, 3.0], ["c", 1, "1.204"], ["d", 1, "-7"]])
    assert [row["count"] for row in read_xlsx(data, COLUMNS).rows] == [12, 3, 1204, -7]


@pytest.mark.parametrize("value", [2.5, "2,5"])
def test_whole_number_column_refuses_fractions(value):
    table = read_xlsx(make_xlsx([HEADERS, ["a", 1, value]]), COLUMNS)
    assert [str(error) for error in table.errors] == [
        f'Dòng 2, cột C (Số người): Số "{value}" phải là số nguyên.'
    ]


@pytest.mark.parametrize(("value", "shown"), [(True, "True"), (date(2026, 1, 9), "09/01/2026")])
def test_number_column_refuses_booleans_and_dates(value, shown):
    table = read_xlsx(make_xlsx([HEADERS, ["a", value]]), COLUMNS)
    assert [error.message for error in table.errors] == [f'"{shown}" không phải là số.']


def test_dates_are_read_from_date_cells_and_text():
    data = make_xlsx(
        [
            HEADERS,
            ["a", 1, None, date(2026, 1, 9)],
            ["b", 1, None, datetime(2026, 1, 9, 8, 30)],
            ["c", 1, None, "9/1/2026"],
            ["d", 1, None, "2026-01-09"],
        ]
    )
    table = read_xlsx(data, COLUMNS)
    assert table.ok
    assert [row["day"] for row in table.rows] == [date(2026, 1, 9)] * 4
    assert all(type(row["day"]) is date for row in table.rows)


def test_impossible_text_date_is_refused():
    table = read_xlsx(make_xlsx([HEADERS, ["a", 1, None, "31/02/2026"]]), COLUMNS)
    assert [str(error) for error in table.errors] == [
        'Dòng 2, cột D (Ngày): Ngày "31/02/2026" không có thật: tháng 2 năm 2026 có 28 ngày.'
    ]


def test_number_in_a_date_column_is_refused():
    table = read_xlsx(make_xlsx([HEADERS, ["a", 1, None, 46031]]), COLUMNS)
    assert [error.message for error in table.errors] == [
        '"46031" không phải là ngày; hãy viết dạng 09/01/2026.'
    ]


def test_text_column_reads_numbers_and_dates_as_text():
    columns = [Column("code", "Mã")]
    data = make_xlsx([["Mã"], [123], [12.5], ["  x  "], [date(2026, 1, 9)]])
    assert [row["code"] for row in read_xlsx(data, columns).rows] == [
        "123",
        "12.5",
        "x",
        "09/01/2026",
    ]


def test_text_longer_than_allowed_is_refused():
    table = read_xlsx(make_xlsx([HEADERS, ["x" * 21, 1], ["x" * 20, 1]]), COLUMNS)
    assert [str(error) for error in table.errors] == [
        "Dòng 2, cột A (Tên đơn vị): Dài quá 20 ký tự (đang có 21 ký tự)."
    ]
    assert [row["_row"] for row in table.rows] == [3]


def test_required_blank_cell_is_refused():
    table = read_xlsx(make_xlsx([HEADERS, ["Xã A", None], ["  ", 5]]), COLUMNS)
    assert [str(error) for error in table.errors] == [
        "Dòng 2, cột B (Giá trị): Chưa điền.",
        "Dòng 3, cột A (Tên đơn vị): Chưa điền.",
    ]


def test_optional_blank_cells_read_as_empty():
    columns = [Column("key", "Khóa"), Column("note", "Ghi chú", required=False)]
    columns += [Column("value", "Giá trị", "number", required=False)]
    columns += [Column("day", "Ngày", "date", required=False)]
    data = make_xlsx([["Khóa", "Ghi chú", "Giá trị", "Ngày"], ["k", "  ", None]])
    assert read_xlsx(data, columns).rows == [
        {"key": "k", "note": "", "value": None, "day": None, "_row": 2}
    ]


def test_every_error_is_reported_and_bad_rows_are_left_out():
    data = make_xlsx(
        [
            HEADERS,
            ["Xã A", "abc", "1,5", "hôm qua"],
            ["Xã B", 2],
            [None, "2.8"],
        ]
    )
    table = read_xlsx(data, COLUMNS)
    assert [(error.row, error.column) for error in table.errors] == [
        (2, "B"),
        (2, "C"),
        (2, "D"),
        (4, "A"),
        (4, "B"),
    ]
    assert [row["name"] for row in table.rows] == ["Xã B"]
    assert not table.ok


def test_rows_beyond_a_wrong_recorded_size_are_read():
    # Some programs record the sheet's size as just "A1"; the data past it must still be read.
    source = zipfile.ZipFile(io.BytesIO(make_xlsx([HEADERS, ["Xã A", 1], ["Xã B", 2]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b'<dimension ref="A1:D3"/>' in content
                content = content.replace(b'<dimension ref="A1:D3"/>', b'<dimension ref="A1"/>')
            target.writestr(item, content)
    table = read_xlsx(buffer.getvalue(), COLUMNS)
    assert table.ok
    assert [row["name"] for row in table.rows] == ["Xã A", "Xã B"]


def test_file_like_input_is_read():
    table = read_xlsx(io.BytesIO(make_xlsx([HEADERS, ["Xã A", 1]])), COLUMNS)
    assert table.rows[0]["name"] == "Xã A"


def test_first_sheet_is_read_by_default():
    data = make_xlsx([HEADERS, ["Xã A", 1]], extra_sheets=[("Khác", [HEADERS, ["Xã B", 2]])])
    assert [row["name"] for row in read_xlsx(data, COLUMNS).rows] == ["Xã A"]


def test_named_sheet_is_read_matching_loosely():
    data = make_xlsx([["x"]], extra_sheets=[("Số liệu", [HEADERS, ["Xã B", 2]])])
    assert [row["name"] for row in read_xlsx(data, COLUMNS, sheet="so lieu").rows] == ["Xã B"]


def test_missing_sheet_is_named():
    table = read_xlsx(make_xlsx([HEADERS]), COLUMNS, sheet="Số liệu")
    assert [str(error) for error in table.errors] == ['Không có trang "Số liệu" trong tệp.']


def _zip_without_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"Ten,Gia tri\nXa A,1\n",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,  # an old .xls header
        _zip_without_workbook(),
    ],
)
def test_file_that_is_not_an_xlsx_gives_one_error(data):
    table = read_xlsx(data, COLUMNS)
    assert table.rows == []
    assert len(table.errors) == 1
    assert table.errors[0].row is None
    assert str(table.errors[0]) == "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ"
    assert NOT_AN_XLSX == "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ"


def test_unknown_column_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        read_xlsx(make_xlsx([["a"]]), [Column("a", "a", "money")])
