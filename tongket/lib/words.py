"""Vietnamese numbers in words, as documents write amounts ("Bằng chữ: ... đồng").

Reading follows common administrative usage: "nghìn", "linh" (101 "một trăm linh một"),
"tỷ", "mốt" (21 "hai mươi mốt"), "tư" (24 "hai mươi tư"), "lăm" (15 "mười lăm").
Zero groups are skipped, and a group after a larger one is read in full:
1001 is "một nghìn không trăm linh một".
"""

from decimal import Decimal

__all__ = ["amount_in_words", "decimal_to_words", "number_to_words"]

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_GROUP_NAMES = ["", "nghìn", "triệu"]  # then "tỷ", which repeats: "nghìn tỷ", "tỷ tỷ"
_BILLION = 10**9
# Longer decimal parts are read digit by digit, shorter ones as a number ("phẩy hai mươi lăm").
_MAX_DECIMALS_READ_AS_NUMBER = 3


def _read_hundreds(n: int, full: bool) -> list[str]:
    """Read 1 <= n <= 999. full=True when a larger group came before (reads "không trăm")."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += ["linh", _DIGITS[units]] if words else [_DIGITS[units]]
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1 and tens >= 2:
        words.append("mốt")
    elif units == 4 and tens >= 2:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def _read_below_billion(n: int, full: bool) -> list[str]:
    """Read 1 <= n < 10**9 in groups of three digits: triệu, nghìn, units."""
    groups = [n // 10**6, n // 10**3 % 1000, n % 1000]
    words: list[str] = []
    for group, name in zip(groups, reversed(_GROUP_NAMES), strict=True):
        if group:
            words += _read_hundreds(group, full or bool(words))
            if name:
                words.append(name)
    return words


def number_to_words(n: int) -> str:
    """Read a whole number in Vietnamese, lowercase: 21 -> "hai mươi mốt",
    1001 -> "một nghìn không trăm linh một", 10**18 -> "một tỷ tỷ", -5 -> "âm năm".
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_to_words needs an int, not {type(n).__name__}")
    if n == 0:
        return _DIGITS[0]
    if n < 0:
        return "âm " + number_to_words(-n)
    blocks = []  # blocks of nine digits, lowest first; block k is followed by "tỷ" k times
    while n:
        blocks.append(n % _BILLION)
        n //= _BILLION
    words: list[str] = []
    for power in reversed(range(len(blocks))):
        if blocks[power]:
            words += _read_below_billion(blocks[power], full=bool(words))
            words += ["tỷ"] * power
    return " ".join(words)


def _capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def amount_in_words(amount: int | Decimal, currency: str = "đồng") -> str:
    """Write a money amount in words for documents, first letter capitalised:
    amount_in_words(2_340_000) == "Hai triệu ba trăm bốn mươi nghìn đồng".

    Money in documents is whole đồng: a Decimal with a fractional part raises ValueError.
    """
    if isinstance(amount, Decimal):
        if not amount.is_finite() or amount != amount.to_integral_value():
            raise ValueError(f"Số tiền {amount} không phải là số đồng chẵn.")
        amount = int(amount)
    words = number_to_words(amount)
    if currency:
        words += " " + currency
    return _capitalize_first(words)


def decimal_to_words(value: int | Decimal) -> str:
    """Read a decimal number in Vietnamese, lowercase: Decimal("2.5") -> "hai phẩy năm",
    Decimal("12.05") -> "mười hai phẩy không năm". Trailing zeros are not read. Up to three
    decimals are read as a number (2,25 -> "hai phẩy hai mươi lăm") after any leading zeros;
    longer decimal parts are read digit by digit.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return number_to_words(value)
    if not isinstance(value, Decimal):
        raise TypeError(f"decimal_to_words needs a Decimal or an int, not {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"Cannot read {value} in words")
    sign = "âm " if value < 0 else ""
    integer_text, _, fraction = f"{value.copy_abs():f}".partition(".")
    fraction = fraction.rstrip("0")
    words = number_to_words(int(integer_text))
    if not fraction:
        return sign + words if int(integer_text) else words
    if len(fraction) > _MAX_DECIMALS_READ_AS_NUMBER:
        fraction_words = [_DIGITS[int(digit)] for digit in fraction]
    else:
        significant = fraction.lstrip("0")
        fraction_words = [_DIGITS[0]] * (len(fraction) - len(significant))
        fraction_words.append(number_to_words(int(significant)))
    return f"{sign}{words} phẩy {' '.join(fraction_words)}"
