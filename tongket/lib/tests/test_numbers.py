from decimal import Decimal

import pytest

from tongket.lib.numbers import (
    NumberFormatError,
    format_number,
    format_percent,
    parse_number,
    parse_number_or_none,
)

# format_number


def test_thousands_use_dots():
    assert format_number(17416889536) == "17.416.889.536"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (12345, "12.345"),
        (123456, "123.456"),
        (1234567, "1.234.567"),
        (-1000, "-1.000"),
    ],
)
def test_groups_of_three_counted_from_the_right(value, expected):
    assert format_number(value) == expected


def test_decimal_uses_a_comma():
    assert format_number(Decimal("2809.8")) == "2.809,8"


def test_decimal_trailing_zeros_are_dropped_by_default():
    assert format_number(Decimal("12.40")) == "12,4"


def test_integral_decimal_prints_without_decimals_by_default():
    assert format_number(Decimal("100.00")) == "100"


def test_decimal_in_exponent_form_prints_plainly():
    assert format_number(Decimal("1E+3")) == "1.000"
    assert format_number(Decimal("1E-7")) == "0,0000001"


def test_float_prints_its_short_form_without_binary_artifacts():
    assert format_number(2809.8) == "2.809,8"
    assert format_number(0.1) == "0,1"


def test_integral_float_prints_without_decimals():
    assert format_number(3.0) == "3"


def test_fixed_decimals_pad_with_zeros():
    assert format_number(2809.8, 2) == "2.809,80"
    assert format_number(5, 2) == "5,00"


def test_zero_decimals_rounds_to_a_whole_number():
    assert format_number(Decimal("2809.5"), 0) == "2.810"


def test_rounding_is_half_up():
    assert format_number(Decimal("0.125"), 2) == "0,13"
    assert format_number(Decimal("2.5"), 0) == "3"
    assert format_number(Decimal("-2.5"), 0) == "-3"


def test_float_rounding_goes_through_its_decimal_text():
    # 1.005 is 1.00499999... in binary; written 1.005, it rounds up
    assert format_number(1.005, 2) == "1,01"
    assert format_number(0.1 + 0.2, 2) == "0,30"


def test_negatives_keep_their_sign():
    assert format_number(Decimal("-1234.5")) == "-1.234,5"
    assert format_number(-0.5) == "-0,5"


def test_value_rounding_to_zero_has_no_minus_sign():
    assert format_number(Decimal("-0.001"), 2) == "0,00"
    assert format_number(-0.0) == "0"


def test_zero_prints_as_zero():
    assert format_number(0) == "0"
    assert format_number(Decimal("0.00")) == "0"
    assert format_number(0, 1) == "0,0"


def test_none_prints_as_empty():
    assert format_number(None) == ""
    assert format_number(None, 2) == ""


def test_very_large_numbers_keep_every_digit():
    assert format_number(10**30) == "1.000.000.000.000.000.000.000.000.000.000"
    assert format_number(Decimal("1E+30"), 2) == "1.000.000.000.000.000.000.000.000.000.000,00"
    assert format_number(Decimal("123456789012345678901234567890.55"), 1) == (
        "123.456.789.012.345.678.901.234.567.890,6"
    )


def test_very_small_decimals_keep_every_digit():
    assert format_number(Decimal("0.000000000000000000000000000001")) == (
        "0,000000000000000000000000000001"
    )


def test_negative_decimals_argument_is_refused():
    with pytest.raises(ValueError):
        format_number(1, -1)


@pytest.mark.parametrize("value", ["12", True, [1]])
def test_non_numbers_are_refused(value):
    with pytest.raises(TypeError):
        format_number(value)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), float("inf")])
def test_non_finite_numbers_are_refused(value):
    with pytest.raises(ValueError):
        format_number(value)


# format_percent


def test_percent_value_is_already_in_percent_units():
    assert format_percent(Decimal("0.24")) == "0,24%"


def test_whole_percent_has_no_decimals():
    assert format_percent(104) == "104%"


def test_percent_with_fixed_decimals():
    assert format_percent(Decimal("12.345"), 1) == "12,3%"
    assert format_percent(Decimal("12.35"), 1) == "12,4%"


def test_large_percent_uses_thousands_dots():
    assert format_percent(1250) == "1.250%"


def test_percent_of_none_is_empty():
    assert format_percent(None) == ""


# parse_number: accepted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.809,8", Decimal("2809.8")),
        ("2809,8", Decimal("2809.8")),
        ("17.416.889.536", Decimal("17416889536")),
        ("12,4", Decimal("12.4")),
        ("-3,5", Decimal("-3.5")),
        (" 1 204,6 ", Decimal("1204.6")),
        ("1.204", Decimal("1204")),
        ("100%", Decimal("100")),
        ("0,24%", Decimal("0.24")),
        ("0,24 %", Decimal("0.24")),
        ("0", Decimal("0")),
        ("0,125", Decimal("0.125")),
        ("1.234,567", Decimal("1234.567")),
        ("1234,5678", Decimal("1234.5678")),
        ("+5", Decimal("5")),
        ("\u22125", Decimal("-5")),
        ("- 5", Decimal("-5")),
        ("1\u00a0234,5", Decimal("1234.5")),
        ("1\u202f234", Decimal("1234")),
        ("007", Decimal("7")),
        ("999.999.999.999.999.999.999", Decimal("999999999999999999999")),
    ],
)
def test_vietnamese_numbers_are_read(text, expected):
    assert parse_number(text) == expected


def test_parsed_number_keeps_its_exact_digits():
    assert str(parse_number("2,10")) == "2.10"
    assert isinstance(parse_number("1"), Decimal)


def test_very_long_number_is_read_exactly():
    assert parse_number("123.456.789.012.345.678.901.234.567,123456789") == Decimal(
        "123456789012345678901234567.123456789"
    )


# parse_number: refused


def _message(text):
    with pytest.raises(NumberFormatError) as caught:
        parse_number(text)
    return str(caught.value)


def test_number_format_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_number("abc")


def test_error_keeps_the_text():
    with pytest.raises(NumberFormatError) as caught:
        parse_number(" 12a ")
    assert caught.value.text == "12a"


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_text_is_refused(text):
    assert _message(text) == "Chưa nhập số."


@pytest.mark.parametrize("text", ["abc", "12a", "1e5", "%", "-", "+", "--5", "5-", "1_000", "²"])
def test_letters_and_symbols_are_refused_naming_the_text(text):
    message = _message(text)
    assert f'Số "{text}" không hợp lệ' in message
    assert "chỉ được dùng chữ số" in message


def test_english_style_is_refused_with_the_vietnamese_spelling():
    assert _message("2,809.8") == (
        'Số "2,809.8" viết theo kiểu Anh (dấu phẩy ngăn nghìn, dấu chấm thập phân). '
        "Hãy viết 2.809,8."
    )


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("1,234,567", "1.234.567"),
        ("1,234,567.89", "1.234.567,89"),
        ("-2,809.8", "-2.809,8"),
        ("12.5", None),
    ],
)
def test_english_thousands_are_refused(text, suggestion):
    message = _message(text)
    if suggestion:
        assert "kiểu Anh" in message
        assert f"Hãy viết {suggestion}." in message


def test_comma_followed_by_three_digits_is_refused_as_ambiguous():
    message = _message("1,234")
    assert message == (
        'Số "1,234" không rõ nghĩa: nếu dấu phẩy dùng để ngăn nghìn (kiểu Anh) thì hãy viết '
        "1.234; nếu là số thập phân thì hãy viết 1,2340."
    )


def test_ambiguous_number_with_trailing_zeros_suggests_the_short_decimal():
    assert "hãy viết 12.400; nếu là số thập phân thì hãy viết 12,4." in _message("12,400")
    assert "nếu là số thập phân thì hãy viết 1." in _message("1,000")


def test_ambiguous_negative_number_keeps_its_sign_in_the_advice():
    assert "hãy viết -1.234; nếu là số thập phân thì hãy viết -1,2340." in _message("-1,234")


def test_comma_after_a_zero_is_not_ambiguous():
    assert parse_number("0,250") == Decimal("0.25")


def test_comma_after_four_digits_is_not_ambiguous():
    assert parse_number("1234,567") == Decimal("1234.567")


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("2.8", "2,8"), ("1.5", "1,5"), ("0.5", "0,5"), ("0.500", "0,500"), ("1234.567", "1234,567")],
)
def test_decimal_dot_is_refused_with_the_comma_spelling(text, suggestion):
    assert _message(text) == (
        f'Số "{text}" không hợp lệ: dấu chấm chỉ dùng để ngăn nghìn, '
        f'dùng dấu phẩy cho phần thập phân: "{suggestion}".'
    )


def test_multiple_commas_are_refused():
    assert "có nhiều dấu phẩy" in _message("1,2,3")
    assert "có nhiều dấu phẩy" in _message("1,23,456")


@pytest.mark.parametrize("text", ["1.23.456", "12.34", "1..234", "1.2345", "1.234.56", ".5", "5."])
def test_malformed_thousands_groups_are_refused(text):
    assert f'Số "{text}"' in _message(text)


def test_malformed_groups_message_explains_the_groups_of_three():
    assert "nhóm 3 chữ số" in _message("1.23.456")


def test_malformed_space_groups_are_refused():
    assert "dấu cách ngăn nghìn" in _message("1 2345")
    assert "dấu cách ngăn nghìn" in _message("12 34")


def test_mixing_dots_and_spaces_is_refused():
    assert "một kiểu ngăn nghìn" in _message("1 234.567")


@pytest.mark.parametrize("text", ["5,", ",5", "-,5"])
def test_comma_needs_digits_on_both_sides(text):
    assert "cả hai bên dấu phẩy" in _message(text)


def test_spaces_after_the_comma_are_refused():
    assert "sau dấu phẩy chỉ được có chữ số" in _message("1,2 3")


def test_two_percent_signs_are_refused():
    assert 'Số "5%%"' in _message("5%%")


# parse_number_or_none


@pytest.mark.parametrize("text", [None, "", "  \t "])
def test_blank_reads_as_none(text):
    assert parse_number_or_none(text) is None


def test_non_blank_reads_as_a_number():
    assert parse_number_or_none(" 2.809,8 ") == Decimal("2809.8")


def test_non_blank_garbage_is_still_refused():
    with pytest.raises(NumberFormatError):
        parse_number_or_none("2,809.8")


def test_formatted_numbers_read_back_to_the_same_value():
    for value in [Decimal("0"), Decimal("-1234.5"), Decimal("17416889536"), Decimal("0.24")]:
        assert parse_number(format_number(value)) == value
