from decimal import Decimal

import pytest

from tongket.lib.words import amount_in_words, decimal_to_words, number_to_words

# number_to_words


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (9, "chín"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (31, "ba mươi mốt"),
        (44, "bốn mươi tư"),
        (55, "năm mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (124, "một trăm hai mươi tư"),
        (999, "chín trăm chín mươi chín"),
    ],
)
def test_small_numbers_are_read(number, expected):
    assert number_to_words(number) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1000, "một nghìn"),
        (1001, "một nghìn không trăm linh một"),
        (1010, "một nghìn không trăm mười"),
        (1015, "một nghìn không trăm mười lăm"),
        (1021, "một nghìn không trăm hai mươi mốt"),
        (1100, "một nghìn một trăm"),
        (10_000, "mười nghìn"),
        (15_000, "mười lăm nghìn"),
        (21_000, "hai mươi mốt nghìn"),
        (100_000, "một trăm nghìn"),
        (200_005, "hai trăm nghìn không trăm linh năm"),
        (1_000_000, "một triệu"),
        (1_000_001, "một triệu không trăm linh một"),
        (1_050_000, "một triệu không trăm năm mươi nghìn"),
        (2_340_000, "hai triệu ba trăm bốn mươi nghìn"),
        (1_000_000_000, "một tỷ"),
        (1_000_000_005, "một tỷ không trăm linh năm"),
        (1_005_000_000, "một tỷ không trăm linh năm triệu"),
    ],
)
def test_thousands_millions_and_billions_are_read(number, expected):
    assert number_to_words(number) == expected


def test_seventeen_billion_is_read_in_full():
    assert number_to_words(17_416_889_536) == (
        "mười bảy tỷ bốn trăm mười sáu triệu tám trăm tám mươi chín nghìn năm trăm ba mươi sáu"
    )


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (10**12, "một nghìn tỷ"),
        (1_005 * 10**9, "một nghìn không trăm linh năm tỷ"),
        (10**15, "một triệu tỷ"),
        (10**18, "một tỷ tỷ"),
        (10**21, "một nghìn tỷ tỷ"),
        (10**27, "một tỷ tỷ tỷ"),
        (10**18 + 10**9, "một tỷ tỷ không trăm linh một tỷ"),
        (10**18 + 1, "một tỷ tỷ không trăm linh một"),
    ],
)
def test_billions_of_billions_repeat_ty(number, expected):
    assert number_to_words(number) == expected


def test_largest_twelve_digit_number_is_read():
    assert number_to_words(999_999_999_999) == (
        "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu "
        "chín trăm chín mươi chín nghìn chín trăm chín mươi chín"
    )


def test_negatives_start_with_am():
    assert number_to_words(-5) == "âm năm"
    assert number_to_words(-2_340_000) == "âm hai triệu ba trăm bốn mươi nghìn"


def test_words_are_lowercase_with_single_spaces():
    text = number_to_words(1_000_000_000_001)
    assert text == text.lower()
    assert "  " not in text
    assert text == text.strip()


@pytest.mark.parametrize("value", [1.5, Decimal("5"), "5", True, None])
def test_only_ints_are_read(value):
    with pytest.raises(TypeError):
        number_to_words(value)


# amount_in_words


def test_amount_starts_with_a_capital_and_ends_with_dong():
    assert amount_in_words(17_416_889_536) == (
        "Mười bảy tỷ bốn trăm mười sáu triệu tám trăm tám mươi chín nghìn năm trăm ba mươi sáu đồng"
    )


def test_base_salary_amount_is_read():
    assert amount_in_words(2_340_000) == "Hai triệu ba trăm bốn mươi nghìn đồng"


def test_zero_amount_is_khong_dong():
    assert amount_in_words(0) == "Không đồng"


def test_negative_amount_starts_with_am():
    assert amount_in_words(-5) == "Âm năm đồng"


def test_whole_decimal_amount_is_read():
    assert amount_in_words(Decimal("702000.00")) == "Bảy trăm linh hai nghìn đồng"


def test_amount_with_cents_is_refused():
    with pytest.raises(ValueError):
        amount_in_words(Decimal("1000.5"))


def test_non_finite_amount_is_refused():
    with pytest.raises(ValueError):
        amount_in_words(Decimal("NaN"))


def test_float_amount_is_refused():
    with pytest.raises(TypeError):
        amount_in_words(1000.0)


def test_amount_in_another_currency():
    assert amount_in_words(5, "đô la Mỹ") == "Năm đô la Mỹ"


def test_amount_without_currency_has_no_trailing_space():
    assert amount_in_words(21, "") == "Hai mươi mốt"


# decimal_to_words


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2.5", "hai phẩy năm"),
        ("12.05", "mười hai phẩy không năm"),
        ("2.25", "hai phẩy hai mươi lăm"),
        ("0.24", "không phẩy hai mươi tư"),
        ("0.125", "không phẩy một trăm hai mươi lăm"),
        ("0.001", "không phẩy không không một"),
        ("2809.8", "hai nghìn tám trăm linh chín phẩy tám"),
        ("-2.5", "âm hai phẩy năm"),
        ("-0.5", "âm không phẩy năm"),
    ],
)
def test_decimals_are_read_with_phay(value, expected):
    assert decimal_to_words(Decimal(value)) == expected


def test_trailing_zeros_are_not_read():
    assert decimal_to_words(Decimal("2.50")) == "hai phẩy năm"


def test_long_decimal_part_is_read_digit_by_digit():
    assert decimal_to_words(Decimal("3.14159")) == "ba phẩy một bốn một năm chín"
    assert decimal_to_words(Decimal("0.0125")) == "không phẩy không một hai năm"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("3.0"), "ba"),
        (Decimal("-3.0"), "âm ba"),
        (Decimal("-0.0"), "không"),
        (Decimal("1E+3"), "một nghìn"),
        (Decimal("0"), "không"),
        (7, "bảy"),
    ],
)
def test_whole_values_are_read_without_phay(value, expected):
    assert decimal_to_words(value) == expected


def test_large_decimal_keeps_every_digit():
    assert decimal_to_words(Decimal("1000000000000000000000000000001.5")) == (
        "một nghìn tỷ tỷ tỷ không trăm linh một phẩy năm"
    )


def test_decimal_reading_refuses_floats():
    with pytest.raises(TypeError):
        decimal_to_words(2.5)


def test_decimal_reading_refuses_non_finite_values():
    with pytest.raises(ValueError):
        decimal_to_words(Decimal("Infinity"))
