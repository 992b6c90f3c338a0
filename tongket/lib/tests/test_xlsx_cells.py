import io
import zipfile
from decimal import Decimal

import pytest

from tongket.lib.xlsx import (
    Column,
    ParsedTable,
    RowError,
    grouped_errors,
    read_xlsx,
)

from .xlsx_files import COLUMNS, HEADERS, make_xlsx

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


def test_grouped_errors_give_one_line_per_kind_with_its_rows():
    errors = [
        RowError(None, None, "Tệp có quá nhiều dòng."),
        RowError(9, None, "mã chỉ tiêu không có trong danh mục"),
        RowError(5, None, "mã chỉ tiêu không có trong danh mục"),
        RowError(7, "C", "Chưa điền.", "Thực hiện"),
        RowError(12, None, "mã chỉ tiêu không có trong danh mục"),
        RowError(8, "C", "Chưa điền.", "Thực hiện"),
        RowError(8, "D", "Chưa điền."),
    ]
    assert grouped_errors(errors) == [
        "Tệp có quá nhiều dòng.",
        "Dòng 5, 9, 12: mã chỉ tiêu không có trong danh mục",
        "Cột C (Thực hiện), dòng 7, 8: Chưa điền.",
        "Cột D, dòng 8: Chưa điền.",
    ]


def test_grouped_errors_name_the_first_twenty_rows_and_count_the_rest():
    errors = [RowError(row, None, "trùng") for row in range(2, 32)]
    listed = ", ".join(str(row) for row in range(2, 22))
    assert grouped_errors(errors) == [f"Dòng {listed} … và 10 dòng khác: trùng"]
