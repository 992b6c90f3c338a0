from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from tongket.lib.xlsx import (
    Sheet,
    read_xlsx,
    write_xlsx,
)

from .xlsx_files import COLUMNS, HEADERS, open_written

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
