"""Vietnamese date formatting and parsing.

Documents write "ngày 07 tháng 01 năm 2022" and "ngày 12 tháng 3 năm 2023": days under 10
and the months 1 and 2 take a leading zero, other months do not (Nghị định 30/2020/NĐ-CP).
Screens write dates day first: 09/01/2026.
"""

import calendar
import re
from datetime import date, datetime, time

__all__ = [
    "DateFormatError",
    "format_date",
    "format_datetime",
    "format_document_date",
    "format_place_date",
    "parse_date",
    "time_of_day",
]

_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})", re.ASCII)
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)


class DateFormatError(ValueError):
    """A text that is not a date the user could mean; str() is for the user."""

    def __init__(self, message: str, text: str = "") -> None:
        super().__init__(message)
        self.text = text


def format_document_date(d: date | None) -> str:
    """Write a date as documents do: "ngày 07 tháng 01 năm 2022", "ngày 12 tháng 3 năm 2023"."""
    if d is None:
        return ""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def format_place_date(place: str, d: date | None) -> str:
    """Write the place and date line of a document: "Hòa Bình, ngày 09 tháng 01 năm 2026"."""
    if d is None:
        return ""
    return f"{place}, {format_document_date(d)}"


def format_date(d: date | None) -> str:
    """Write a date day first: "09/01/2026". A datetime shows its date only."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_datetime(dt: datetime | None) -> str:
    """Write a date and time: "08:30 ngày 09/01/2026" (the time as given, no zone change)."""
    if dt is None:
        return ""
    return f"{dt.hour:02d}:{dt.minute:02d} ngày {format_date(dt)}"


def parse_date(text: str) -> date:
    """Read a date typed day first ("09/01/2026", "9/1/2026", "9-1-2026", "9.1.2026") or ISO
    ("2026-01-09"). The year needs four digits. Raises DateFormatError with a Vietnamese
    message naming the text, also for days that do not exist such as "31/02/2026".
    """
    original = (text or "").strip()
    if not original:
        raise DateFormatError("Chưa nhập ngày.", original)
    if match := _ISO.fullmatch(original):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.fullmatch(original):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    else:
        raise DateFormatError(
            f'Ngày "{original}" không hợp lệ: hãy viết theo dạng ngày/tháng/năm, ví dụ 09/01/2026.',
            original,
        )
    if year < 1:
        raise DateFormatError(f'Ngày "{original}" không hợp lệ: năm phải lớn hơn 0.', original)
    if not 1 <= month <= 12:
        raise DateFormatError(f'Ngày "{original}" không hợp lệ: tháng phải từ 1 đến 12.', original)
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise DateFormatError(
            f'Ngày "{original}" không có thật: tháng {month} năm {year} có {days_in_month} ngày.',
            original,
        )
    return date(year, month, day)


def time_of_day(moment: datetime | time | None) -> str:
    """Name the part of the day: "Sáng" before 12:00, "Chiều" from 12:00 to before 18:00,
    "Tối" from 18:00. None gives "".
    """
    if moment is None:
        return ""
    if not isinstance(moment, datetime | time):
        raise TypeError(f"time_of_day needs a datetime or a time, not {type(moment).__name__}")
    if moment.hour < 12:
        return "Sáng"
    if moment.hour < 18:
        return "Chiều"
    return "Tối"
