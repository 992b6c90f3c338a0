import io
import zipfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import openpyxl
import pytest

from tongket.lib.xlsx import (
    NOT_AN_XLSX,
    Column,
    ParsedTable,
    RowError,
    Sheet,
    read_xlsx,
    write_xlsx,
)


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


# write_xlsx


def test_written_file_is_a_real_workbook():
    workbook = open_written([Sheet("Chỉ tiêu", ["Tên", "Giá trị"], [["Xã A", 1]])])
    assert workbook.sheetnames == ["Chỉ tiêu"]
    assert [list(row) for row in workbook.active.iter_rows(values_only=True)] == [
        ["Tên", "Giá trị"],
        ["Xã A", 1],
    ]


def test_header_row_is_bold_and_frozen():
    worksheet = open_written([Sheet("A", ["Tên", "Giá trị"], [["Xã A", 1]])]).active
    assert worksheet["A1"].font.bold
    assert worksheet["B1"].font.bold
    assert not worksheet["A2"].font.bold
    assert worksheet.freeze_panes == "A2"


def test_caption_sits_above_the_frozen_header():
    worksheet = open_written(
        [Sheet("A", ["Tên"], [["Xã A"]], caption="Bảng tổng hợp năm 2025")]
    ).active
    assert worksheet["A1"].value == "Bảng tổng hợp năm 2025"
    assert worksheet["A1"].font.bold
    assert worksheet["A2"].value == "Tên"
    assert worksheet["A2"].font.bold
    assert worksheet["A3"].value == "Xã A"
    assert worksheet.freeze_panes == "A3"


def test_numbers_are_numeric_cells_excel_can_sum():
    worksheet = open_written(
        [Sheet("A", ["Số"], [[17416889536], [Decimal("2809.8")], [Decimal("12.00")], [1.5]])]
    ).active
    values = [worksheet.cell(row=row, column=1).value for row in range(2, 6)]
    assert values == [17416889536, 2809.8, 12, 1.5]
    assert all(worksheet.cell(row=row, column=1).data_type == "n" for row in range(2, 6))


def test_whole_decimal_of_fifteen_digits_stays_exact():
    # Excel keeps 15 significant digits; more than that is beyond any amount a commune handles.
    worksheet = open_written([Sheet("A", ["Số"], [[Decimal("999999999999999.00")]])]).active
    assert worksheet["A2"].value == 999_999_999_999_999


def test_numbers_show_thousands_marks_and_their_own_decimals():
    worksheet = open_written(
        [Sheet("A", ["Số"], [[1234], [Decimal("2809.8")], [Decimal("0.125")], [Decimal("5.0")]])]
    ).active
    formats = [worksheet.cell(row=row, column=1).number_format for row in range(2, 6)]
    assert formats == ["#,##0", "#,##0.0", "#,##0.000", "#,##0"]


def test_given_number_formats_apply_to_their_column():
    worksheet = open_written(
        [Sheet("A", ["Tên", "Tỷ lệ"], [["Xã A", Decimal("0.5")]], number_formats={1: "0.00%"})]
    ).active
    assert worksheet["B2"].number_format == "0.00%"
    assert worksheet["A2"].number_format == "General"


def test_dates_are_date_cells_shown_day_first():
    worksheet = open_written(
        [Sheet("A", ["Ngày"], [[date(2026, 1, 9)], [datetime(2026, 1, 9, 8, 30)]])]
    ).active
    assert worksheet["A2"].value == datetime(2026, 1, 9)
    assert worksheet["A2"].number_format == "DD/MM/YYYY"
    assert worksheet["A3"].value == datetime(2026, 1, 9, 8, 30)
    assert worksheet["A3"].number_format == "DD/MM/YYYY HH:MM"


def test_aware_datetimes_are_refused():
    moment = datetime(2026, 1, 9, 8, 30, tzinfo=timezone(timedelta(hours=7)))
    with pytest.raises(ValueError):
        write_xlsx([Sheet("A", ["Lúc"], [[moment]])])


def test_none_and_non_finite_numbers_leave_the_cell_empty():
    worksheet = open_written(
        [Sheet("A", ["a", "b", "c"], [[None, float("nan"), Decimal("Infinity")]])]
    ).active
    assert [worksheet.cell(row=2, column=column).value for column in (1, 2, 3)] == [
        None,
        None,
        None,
    ]


def test_text_that_looks_like_a_formula_stays_text():
    worksheet = open_written([Sheet("A", ["=SUM(A1)"], [['=HYPERLINK("x")']])]).active
    assert worksheet["A1"].data_type == "s"
    assert worksheet["A2"].data_type == "s"
    assert worksheet["A2"].value == '=HYPERLINK("x")'


def test_caption_and_number_headers_are_written_as_text():
    worksheet = open_written([Sheet("A", [2026, "=B1"], [], caption="=1+1")]).active
    assert (worksheet["A1"].value, worksheet["A1"].data_type) == ("=1+1", "s")
    assert (worksheet["A2"].value, worksheet["A2"].data_type) == ("2026", "s")
    assert (worksheet["B2"].value, worksheet["B2"].data_type) == ("=B1", "s")


def test_control_characters_are_removed_from_text():
    worksheet = open_written([Sheet("A", ["Tên"], [["Xã\x0b A\x00"]])]).active
    assert worksheet["A2"].value == "Xã A"


def test_text_longer_than_an_excel_cell_is_cut():
    worksheet = open_written([Sheet("A", ["Tên"], [["x" * 40000]])]).active
    assert len(worksheet["A2"].value) == 32767


def test_booleans_and_other_objects_are_written():
    worksheet = open_written([Sheet("A", ["a", "b"], [[True, Decimal]])]).active
    assert worksheet["A2"].value is True
    assert worksheet["B2"].value == str(Decimal)


def test_column_widths_follow_the_content_within_bounds():
    worksheet = open_written(
        [Sheet("A", ["a", "Tên đơn vị", "c"], [["x", "Ủy ban nhân dân xã Đậu Liêu", "y" * 500]])]
    ).active
    widths = {letter: worksheet.column_dimensions[letter].width for letter in "ABC"}
    assert widths["A"] == 8
    assert widths["B"] == len("Ủy ban nhân dân xã Đậu Liêu") + 2
    assert widths["C"] == 60


def test_column_width_counts_numbers_as_formatted():
    worksheet = open_written([Sheet("A", ["a"], [[17416889536]])]).active
    assert worksheet.column_dimensions["A"].width == len("17.416.889.536") + 2


def test_rows_longer_than_the_header_are_written_in_full():
    worksheet = open_written([Sheet("A", ["a"], [["x", "y"]])]).active
    assert worksheet["B2"].value == "y"


def test_several_sheets_keep_their_order():
    workbook = open_written([Sheet("Một", ["a"], []), Sheet("Hai", ["b"], [])])
    assert workbook.sheetnames == ["Một", "Hai"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Chỉ tiêu: 01/2026", "Chỉ tiêu- 01-2026"),
        ("a[b]c*d?e\\f", "a-b-c-d-e-f"),
        ("'Trang'", "Trang"),
        ("", "Trang 1"),
        ("   ", "Trang 1"),
        ("///", "---"),
        ("Tổng hợp kết quả thực hiện chỉ tiêu năm 2025", "Tổng hợp kết quả thực hiện chỉ"),
    ],
)
def test_sheet_title_is_made_acceptable_to_excel(title, expected):
    workbook = open_written([Sheet(title, ["a"], [])])
    assert workbook.sheetnames == [expected]
    assert len(workbook.sheetnames[0]) <= 31


def test_repeated_sheet_titles_are_numbered():
    workbook = open_written(
        [Sheet("Xã", ["a"], []), Sheet("XÃ", ["a"], []), Sheet("Xã", ["a"], [])]
    )
    assert workbook.sheetnames == ["Xã", "XÃ (2)", "Xã (3)"]


def test_numbered_long_title_stays_within_31_characters():
    title = "x" * 40
    workbook = open_written([Sheet(title, ["a"], []), Sheet(title, ["a"], [])])
    assert workbook.sheetnames == ["x" * 31, "x" * 27 + " (2)"]


def test_writing_nothing_is_refused():
    with pytest.raises(ValueError):
        write_xlsx([])


def test_written_file_reads_back():
    data = write_xlsx(
        [
            Sheet(
                "Chỉ tiêu",
                HEADERS,
                [
                    ["Xã A", Decimal("2809.8"), 12, date(2026, 1, 9)],
                    ["Xã B", 17416889536, None, None],
                ],
            )
        ]
    )
    table = read_xlsx(data, COLUMNS)
    assert table.ok
    assert table.rows == [
        {
            "name": "Xã A",
            "value": Decimal("2809.8"),
            "count": 12,
            "day": date(2026, 1, 9),
            "_row": 2,
        },
        {"name": "Xã B", "value": Decimal("17416889536"), "count": None, "day": None, "_row": 3},
    ]


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


def test_up_to_max_rows_are_accepted():
    data = make_xlsx([HEADERS] + [["Xã", index] for index in range(3)] + [[None]] * 5)
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


# RowError and ParsedTable


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (RowError(5, "C", "Sai.", "Giá trị"), "Dòng 5, cột C (Giá trị): Sai."),
        (RowError(5, "C", "Sai."), "Dòng 5, cột C: Sai."),
        (RowError(5, None, "Sai."), "Dòng 5: Sai."),
        (RowError(None, "C", "Sai.", "Giá trị"), "Cột C (Giá trị): Sai."),
        (RowError(None, None, "Sai."), "Sai."),
    ],
)
def test_row_error_reads_as_a_vietnamese_sentence(error, expected):
    assert str(error) == expected


def test_table_without_errors_is_ok():
    assert ParsedTable(rows=[{"_row": 2}]).ok
    assert not ParsedTable(errors=[RowError(None, None, "x")]).ok


# Formulas and control characters in imported cells


def _with_cached_value(data: bytes, cell: str, cached: str) -> bytes:
    """The file as Excel saves it: the formula cell `cell` carries its result `cached`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                start = text.index(f'<c r="{cell}"')
                end = text.index("</c>", start)
                text = text[:start] + text[start:end].replace("<v></v>", "") + text[end:]
                end = text.index("</c>", start)
                text = text[:end] + f"<v>{cached}</v>" + text[end:]
                content = text.encode()
            target.writestr(item, content)
    return target_buffer.getvalue()


def test_a_formula_saved_without_its_result_is_reported_as_a_formula():
    data = make_xlsx([HEADERS, ["Xã A", 10, 3], ["Xã B", "=B2*2", 4]])
    table = read_xlsx(data, COLUMNS)
    assert [str(error) for error in table.errors] == [
        "Dòng 3, cột B (Giá trị): Ô B3 chứa công thức mà tệp không lưu kết quả (tongket không "
        "tự tính công thức); hãy dán giá trị (Dán đặc biệt → Chỉ giá trị)."
    ]
    assert [row["name"] for row in table.rows] == ["Xã A"]


def test_a_formula_in_an_optional_column_is_not_read_as_empty():
    data = make_xlsx([HEADERS, ["Xã A", 10, "=1+2"]])
    table = read_xlsx(data, COLUMNS)
    assert "Ô C2 chứa công thức" in str(table.errors[0])
    assert table.rows == []


def test_a_row_of_formulas_only_is_reported_not_skipped_as_blank():
    data = make_xlsx([HEADERS, ["Xã A", 10], ['=UPPER("b")', "=B2"]])
    table = read_xlsx(data, COLUMNS)
    assert {error.column for error in table.errors} == {"A", "B"}
    assert {error.row for error in table.errors} == {3}


def test_a_formula_saved_with_its_result_reads_as_that_result():
    data = _with_cached_value(make_xlsx([HEADERS, ["Xã A", "=2*6"]]), "B2", "12")
    table = read_xlsx(data, COLUMNS)
    assert table.ok, table.errors
    assert table.rows[0]["value"] == Decimal("12")


def test_a_formula_is_found_in_a_file_given_as_a_stream():
    data = make_xlsx([HEADERS, ["Xã A", "=1+1"]])
    table = read_xlsx(io.BytesIO(data), COLUMNS)
    assert "Ô B2 chứa công thức" in str(table.errors[0])


def test_a_control_character_in_a_text_cell_is_refused_by_row_and_column():
    data = make_xlsx([HEADERS, ["Xã\x85 A", 1]])
    table = read_xlsx(data, COLUMNS)
    assert str(table.errors[0]) == (
        "Dòng 2, cột A (Tên đơn vị): Có ký tự điều khiển không được phép (U+0085)."
    )


def test_line_breaks_in_a_one_line_text_cell_become_spaces():
    data = make_xlsx([["Tên", "Ghi chú"], ["Xã\nAn  Bình", "Dòng 1\nDòng 2"]])
    columns = [Column("name", "Tên"), Column("note", "Ghi chú", multiline=True)]
    row = read_xlsx(data, columns).rows[0]
    assert (row["name"], row["note"]) == ("Xã An Bình", "Dòng 1\nDòng 2")
