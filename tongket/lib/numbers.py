"""Vietnamese number formatting and parsing.

Vietnamese writes "." between thousands and "," before decimals: 17.416.889.536 đồng,
2.809,8 tấn, 0,24%. Formatting always goes through Decimal so floats never show binary
artifacts, and parsing refuses anything that could be read two ways rather than guess.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

__all__ = [
    "NumberFormatError",
    "format_number",
    "format_percent",
    "parse_number",
    "parse_number_or_none",
]

# Spaces that people (and spreadsheets in Vietnamese locale) put between thousands.
_SPACES = " \u00a0\u202f\u2009"
_MINUS_SIGNS = "-\u2212"

_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_DOT_GROUPS = re.compile(r"[1-9][0-9]{0,2}(\.[0-9]{3})+", re.ASCII)
_SPACE_GROUPS = re.compile(r"[1-9][0-9]{0,2}( [0-9]{3})+", re.ASCII)
_ENGLISH_NUMBER = re.compile(r"[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]+)?|[0-9]+\.[0-9]+", re.ASCII)
_AMBIGUOUS_COMMA = re.compile(r"[1-9][0-9]{0,2},[0-9]{3}", re.ASCII)


class NumberFormatError(ValueError):
    """A text that is not a number written the Vietnamese way; str() is for the user."""

    def __init__(self, message: str, text: str = "") -> None:
        super().__init__(message)
        self.text = text


def _to_decimal(value: int | float | Decimal) -> Decimal:
    """Return value as a finite Decimal; floats go through str() to avoid binary artifacts."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"Cannot format {type(value).__name__} as a number")
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"Cannot format {value!r} as a number")
    return number


def _group_thousands(digits: str) -> str:
    """Put a "." between each group of three digits, counting from the right."""
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ".".join(groups)


def format_number(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """Format a number the Vietnamese way: format_number(Decimal("2809.8")) == "2.809,8".

    With decimals=None, integers print without decimals and Decimals and floats print their
    significant decimals (trailing zeros dropped). With decimals=n the value is rounded half
    up to n places and always shows n places. None gives "".
    """
    if value is None:
        return ""
    number = _to_decimal(value)
    # Enough precision for any size of number, so quantize never fails or rounds the integer part.
    with localcontext() as context:
        context.prec = len(number.as_tuple().digits) + abs(number.adjusted()) + (decimals or 0) + 28
        if decimals is None:
            if number == number.to_integral_value():
                number = number.quantize(Decimal(1))
            else:
                number = number.normalize()
        else:
            if decimals < 0:
                raise ValueError("decimals must be zero or more")
            number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""  # a value that rounds to zero prints without a sign
    # copy_abs(), unlike abs(), never rounds to the current context's precision.
    integer_part, _, fraction = f"{number.copy_abs():f}".partition(".")
    text = sign + _group_thousands(integer_part)
    if fraction:
        text += "," + fraction
    return text


def format_percent(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """Format a value already in percent units: format_percent(Decimal("0.24")) == "0,24%"."""
    if value is None:
        return ""
    return format_number(value, decimals) + "%"


def _refuse_english(text: str, sign: str, body: str) -> NumberFormatError:
    """The error for a number written with "," between thousands and "." before decimals."""
    if _ENGLISH_NUMBER.fullmatch(body):
        swapped = sign + body.translate(str.maketrans({",": ".", ".": ","}))
        return NumberFormatError(
            f'Số "{text}" viết theo kiểu Anh (dấu phẩy ngăn nghìn, dấu chấm thập phân). '
            f"Hãy viết {swapped}.",
            text,
        )
    return NumberFormatError(
        f'Số "{text}" không hợp lệ: dấu chấm dùng để ngăn nghìn, dấu phẩy dùng cho phần '
        "thập phân (ví dụ 2.809,8).",
        text,
    )


def _refuse_ambiguous(text: str, sign: str, body: str) -> NumberFormatError:
    """The error for "1,234": English thousands or a Vietnamese decimal, and no way to tell."""
    whole, _, fraction = body.partition(",")
    as_decimal = body.rstrip("0").rstrip(",") if fraction.endswith("0") else body + "0"
    return NumberFormatError(
        f'Số "{text}" không rõ nghĩa: nếu dấu phẩy dùng để ngăn nghìn (kiểu Anh) thì hãy viết '
        f"{sign}{whole}.{fraction}; nếu là số thập phân thì hãy viết {sign}{as_decimal}.",
        text,
    )


def _read_integer_part(text: str, part: str) -> str:
    """Return the digits of the part before the decimal comma, thousands marks removed."""
    if _DIGITS.fullmatch(part):
        return part
    if "." in part and " " in part:
        raise NumberFormatError(
            f'Số "{text}" không hợp lệ: chỉ dùng một kiểu ngăn nghìn, dấu chấm hoặc dấu cách.',
            text,
        )
    if _DOT_GROUPS.fullmatch(part):
        return part.replace(".", "")
    if _SPACE_GROUPS.fullmatch(part):
        return part.replace(" ", "")
    if part.count(".") == 1 and _DIGITS.fullmatch(part.replace(".", "")):
        whole, _, fraction = part.partition(".")
        if whole and fraction:
            raise NumberFormatError(
                f'Số "{text}" không hợp lệ: dấu chấm chỉ dùng để ngăn nghìn, '
                f'dùng dấu phẩy cho phần thập phân: "{whole},{fraction}".',
                text,
            )
    separator = "dấu cách" if " " in part else "dấu chấm"
    raise NumberFormatError(
        f'Số "{text}" không hợp lệ: {separator} ngăn nghìn phải tách đúng từng nhóm '
        "3 chữ số (ví dụ 1.234.567).",
        text,
    )


def parse_number(text: str) -> Decimal:
    """Read a number as a Vietnamese user types it: parse_number("2.809,8") == Decimal("2809.8").

    Accepts "." or spaces between groups of three digits, one "," before the decimals, a
    leading sign and a trailing "%" (which is dropped: "100%" gives 100). Raises
    NumberFormatError, whose message is Vietnamese and names the text, for anything else,
    in particular English style "2,809.8", a decimal dot "2.8" and the ambiguous "1,234".
    """
    original = (text or "").strip()
    if not original:
        raise NumberFormatError("Chưa nhập số.", original)
    body = original
    for space in _SPACES:
        body = body.replace(space, " ")
    if body.endswith("%"):
        body = body[:-1].rstrip()
    sign = ""
    if body and body[0] in _MINUS_SIGNS + "+":
        sign = "-" if body[0] in _MINUS_SIGNS else ""
        body = body[1:].lstrip()
    if not body or any(char not in "0123456789., " for char in body):
        raise NumberFormatError(
            f'Số "{original}" không hợp lệ: chỉ được dùng chữ số, dấu chấm ngăn nghìn '
            "và dấu phẩy thập phân.",
            original,
        )
    if "," in body and "." in body.partition(",")[2]:
        raise _refuse_english(original, sign, body)
    if body.count(",") > 1:
        if _ENGLISH_NUMBER.fullmatch(body):
            raise _refuse_english(original, sign, body)
        raise NumberFormatError(
            f'Số "{original}" không hợp lệ: có nhiều dấu phẩy; dấu phẩy chỉ dùng một lần, '
            "trước phần thập phân.",
            original,
        )
    if _AMBIGUOUS_COMMA.fullmatch(body):
        raise _refuse_ambiguous(original, sign, body)
    integer_part, comma, fraction = body.partition(",")
    if comma and not (integer_part and fraction):
        raise NumberFormatError(
            f'Số "{original}" không hợp lệ: cần có chữ số ở cả hai bên dấu phẩy (ví dụ 0,5).',
            original,
        )
    if comma and not _DIGITS.fullmatch(fraction):
        raise NumberFormatError(
            f'Số "{original}" không hợp lệ: sau dấu phẩy chỉ được có chữ số.', original
        )
    digits = _read_integer_part(original, integer_part)
    return Decimal(f"{sign}{digits}.{fraction}" if comma else f"{sign}{digits}")


def parse_number_or_none(text: str | None) -> Decimal | None:
    """Like parse_number, but a blank (or None) text gives None instead of an error."""
    if text is None or not text.strip():
        return None
    return parse_number(text)
