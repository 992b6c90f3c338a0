from datetime import date, datetime, time, timedelta, timezone

import pytest

from tongket.lib.dates import (
    DateFormatError,
    format_date,
    format_datetime,
    format_document_date,
    format_place_date,
    parse_date,
    time_of_day,
)

# format_document_date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2022, 1, 7), "ngày 07 tháng 01 năm 2022"),
        (date(2023, 3, 12), "ngày 12 tháng 3 năm 2023"),
        (date(2024, 2, 5), "ngày 05 tháng 02 năm 2024"),
        (date(2025, 12, 25), "ngày 25 tháng 12 năm 2025"),
        (date(2025, 10, 1), "ngày 01 tháng 10 năm 2025"),
        (date(2025, 11, 30), "ngày 30 tháng 11 năm 2025"),
        (date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
    ],
)
def test_document_date_follows_the_decree(day, expected):
    assert format_document_date(day) == expected


@pytest.mark.parametrize("month", range(3, 13))
def test_months_from_march_have_no_leading_zero(month):
    assert f"tháng {month} năm" in format_document_date(date(2026, month, 1))


@pytest.mark.parametrize("day", range(1, 10))
def test_days_under_ten_have_a_leading_zero(day):
    assert format_document_date(date(2026, 5, day)).startswith(f"ngày 0{day} ")


def test_document_date_of_a_datetime_uses_its_date():
    assert format_document_date(datetime(2026, 1, 9, 23, 59)) == "ngày 09 tháng 01 năm 2026"


def test_document_date_of_none_is_empty():
    assert format_document_date(None) == ""


# format_place_date


def test_place_date_puts_the_place_before_the_date():
    assert format_place_date("Hòa Bình", date(2026, 1, 9)) == (
        "Hòa Bình, ngày 09 tháng 01 năm 2026"
    )


def test_place_date_without_a_date_is_empty():
    assert format_place_date("Hòa Bình", None) == ""


# format_date and format_datetime


def test_date_is_written_day_first_with_zeros():
    assert format_date(date(2026, 1, 9)) == "09/01/2026"
    assert format_date(date(2025, 12, 31)) == "31/12/2025"


def test_date_of_a_datetime_drops_the_time():
    assert format_date(datetime(2026, 1, 9, 8, 30)) == "09/01/2026"


def test_date_pads_early_years_to_four_digits():
    assert format_date(date(5, 1, 1)) == "01/01/0005"


def test_date_of_none_is_empty():
    assert format_date(None) == ""


def test_datetime_puts_the_time_first():
    assert format_datetime(datetime(2026, 1, 9, 8, 30)) == "08:30 ngày 09/01/2026"
    assert format_datetime(datetime(2026, 1, 9, 17, 5, 59)) == "17:05 ngày 09/01/2026"


def test_datetime_is_written_in_its_own_zone():
    plus_seven = timezone(timedelta(hours=7))
    assert format_datetime(datetime(2026, 1, 9, 0, 15, tzinfo=plus_seven)) == (
        "00:15 ngày 09/01/2026"
    )


def test_datetime_of_none_is_empty():
    assert format_datetime(None) == ""


# parse_date


@pytest.mark.parametrize(
    "text",
    ["09/01/2026", "9/1/2026", "2026-01-09", "2026-1-9", " 09/01/2026 ", "9-1-2026", "09.01.2026"],
)
def test_usual_spellings_are_read(text):
    assert parse_date(text) == date(2026, 1, 9)


def test_day_comes_before_month():
    assert parse_date("02/03/2026") == date(2026, 3, 2)


def test_leap_day_is_read_in_a_leap_year():
    assert parse_date("29/02/2024") == date(2024, 2, 29)


def test_formatted_date_reads_back():
    assert parse_date(format_date(date(2025, 12, 31))) == date(2025, 12, 31)


def _message(text):
    with pytest.raises(DateFormatError) as caught:
        parse_date(text)
    return str(caught.value)


def test_date_format_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_date("hôm qua")


def test_day_that_does_not_exist_is_refused():
    assert _message("31/02/2026") == (
        'Ngày "31/02/2026" không có thật: tháng 2 năm 2026 có 28 ngày.'
    )


def test_leap_day_is_refused_outside_a_leap_year():
    assert "tháng 2 năm 2025 có 28 ngày" in _message("29/02/2025")


def test_day_zero_is_refused():
    assert 'Ngày "00/01/2026" không có thật' in _message("00/01/2026")


def test_month_thirteen_is_refused():
    assert _message("01/13/2026") == 'Ngày "01/13/2026" không hợp lệ: tháng phải từ 1 đến 12.'


def test_month_first_american_date_is_refused_when_impossible():
    assert "tháng phải từ 1 đến 12" in _message("12/31/2026")


def test_year_zero_is_refused():
    assert "năm phải lớn hơn 0" in _message("01/01/0000")


@pytest.mark.parametrize(
    "text",
    [
        "hôm qua",
        "09/01/26",
        "2026/01/09",
        "09/01",
        "9/1-2026",
        "09 01 2026",
        "١٢/٠١/٢٠٢٦",
        "x09/01/2026",
    ],
)
def test_other_spellings_are_refused_with_an_example(text):
    assert _message(text) == (
        f'Ngày "{text}" không hợp lệ: hãy viết theo dạng ngày/tháng/năm, ví dụ 09/01/2026.'
    )


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_date_is_refused(text):
    assert _message(text) == "Chưa nhập ngày."


def test_error_keeps_the_text():
    with pytest.raises(DateFormatError) as caught:
        parse_date(" 31/02/2026 ")
    assert caught.value.text == "31/02/2026"


# time_of_day


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (time(0, 0), "Sáng"),
        (time(7, 30), "Sáng"),
        (time(11, 59, 59), "Sáng"),
        (time(12, 0), "Chiều"),
        (time(14, 0), "Chiều"),
        (time(17, 59), "Chiều"),
        (time(18, 0), "Tối"),
        (time(23, 59), "Tối"),
        (datetime(2026, 1, 9, 8, 30), "Sáng"),
        (datetime(2026, 1, 9, 13, 30), "Chiều"),
        (datetime(2026, 1, 9, 19, 30), "Tối"),
    ],
)
def test_part_of_the_day_is_named(moment, expected):
    assert time_of_day(moment) == expected


def test_part_of_the_day_of_none_is_empty():
    assert time_of_day(None) == ""


def test_part_of_the_day_needs_a_time():
    with pytest.raises(TypeError):
        time_of_day(date(2026, 1, 9))
