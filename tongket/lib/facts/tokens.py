"""Numbers in a sentence: which are quantities and which are dates, document numbers,
years, times and names ("Tổ dân phố số 7", "ngõ 12", "đợt 3/2").

A number token is a run of digits with "." and "," between them ("1.204,6", "23.518,402,117").
It is read with tongket.lib.numbers.parse_number; a token that function refuses (English
separators "2,809.8", mixed "23.518,402,117", a decimal dot "12.5", the ambiguous "1,234")
keeps its error message, so the import can flag it instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from tongket.lib.numbers import NumberFormatError, parse_number

from .model import Span

__all__ = ["NumberToken", "number_tokens", "protected_spans"]

_NUMBER = re.compile(
    r"(?<!\w)(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)*)(?!\w|[.,]\d)"
)

_DOC_NUMBER = re.compile(r"(?<![\w/])\d+(?:/\d{2,4})?(?:[-/][A-ZĐ][\wĐđ]*)+")
_DATE = re.compile(
    r"(?<![\w/.])\d{1,2}([/.-])\d{1,2}\1\d{4}(?![\w/])"
    r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?"
    r"|tháng\s+\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?",
    re.IGNORECASE,
)
_SHORT_DATE = re.compile(
    r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|đợt|dịp|từ|đến|trước)\s+"
    r"\d{1,2}/\d{1,2}(?:\s*(?:,|và)\s*\d{1,2}/\d{1,2})*(?![\d/])",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"(?<![\w.,/])(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?(?![\w/%]|[.,]\d|\s*(?:tỷ|triệu|nghìn))"
)
_TIME = re.compile(r"(?<![\w.,])\d{1,2}\s*(?:giờ|h(?![a-zà-ỹđ]))\s*\d{0,2}(?:\s*phút)?", re.I)
_NAME_NUMBER = re.compile(
    r"(?<!tổng )(?<!Tổng )\b(?:số|thứ|ngõ|ngách|hẻm|kiệt|Điều|điều|khoản|điểm|mục|khóa|khoá|"
    r"lần thứ|lô|Quốc lộ|quốc lộ|QL|tỉnh lộ|ĐT|phòng|đợt|kỳ họp thứ|khu phố|tổ|cụm|đội|xóm|"
    r"thôn|ấp|khu|Khu|Tổ|Thôn|Cụm|Đội|Xóm|Khu phố|Tổ dân phố|tổ dân phố|Khu dân cư|khu dân cư|"
    r"Ấp|Bản|Làng|làng|Buôn|buôn|Ban Chỉ đạo|Ban chỉ đạo)\s+\d+[a-zA-Z]?(?:/\d+)?(?![.,]\d)"
    r"(?:\s*[-–,]\s*\d+\b(?![.,]\d))*"
)
_STREET = re.compile(r"\b(?:đường|phố|Đường|Phố)\s+\d{1,2}/\d{1,2}\b")
# "giá trị sản xuất trên 1 ha đất canh tác": a per-unit denominator, not a figure
_PER_UNIT = re.compile(
    r"(?:trên|mỗi|/)\s*1\s+(?:ha|héc-ta|km2|người|hộ|lao\s+động)(?=\s+(?:đất|canh\s+tác|gieo\s+trồng))"
)
# "sản phẩm OCOP 3 sao", "khách sạn 4 sao": a grade, not a count
_STARS = re.compile(r"(?<![\w.,])[1-5]\s+sao\b")
_AGE = re.compile(r"(?<![\w.,])\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s+(?:năm\s+)?tuổi\b")


@dataclass(frozen=True)
class NumberToken:
    """A number as written, read if it can be: `value` is None and `error` says why when it
    is written with wrong or mixed separators."""

    span: Span
    text: str
    value: Decimal | None
    error: str = ""


def protected_spans(text: str, start: int, end: int) -> list[Span]:
    """Parts of text[start:end] whose digits are not quantities: dates, document numbers,
    years, times, house and unit numbers."""
    chunk = text[start:end]
    spans = []
    patterns = (
        _DOC_NUMBER,
        _DATE,
        _SHORT_DATE,
        _YEAR,
        _TIME,
        _NAME_NUMBER,
        _STREET,
        _AGE,
        _STARS,
        _PER_UNIT,
    )
    for pattern in patterns:
        for match in pattern.finditer(chunk):
            spans.append(Span(start + match.start(), start + match.end()))
    return spans


def number_tokens(text: str, start: int, end: int) -> list[NumberToken]:
    """Every number of text[start:end] outside the protected spans, in order."""
    protected = protected_spans(text, start, end)
    tokens = []
    for match in _NUMBER.finditer(text, start, end):
        span = Span(match.start(), match.end())
        if any(p.start <= span.start and span.end <= p.end for p in protected):
            continue
        tokens.append(read_token(span, match.group(0)))
    return tokens


def read_token(span: Span, written: str) -> NumberToken:
    try:
        return NumberToken(span, written, parse_number(written))
    except NumberFormatError as error:
        return NumberToken(span, written, None, str(error))
