"""Template filters that print numbers, dates and amounts the Vietnamese way.

    {% load vn %}
    {{ total|vn_number }}            17.416.889.536
    {{ output|vn_number:1 }}         2.809,8
    {{ rate|vn_percent }}            0,24%
    {{ decision.date|vn_date }}      09/01/2026
    {{ decision.date|vn_docdate }}   ngày 09 tháng 01 năm 2026
    {{ meeting.starts|vn_datetime }} 08:30 ngày 09/01/2026
    {{ amount|vn_words }}            mười bảy tỷ ... (lowercase; decimals read with "phẩy")
    {{ amount|vn_words:"đồng" }}     Mười bảy tỷ ... đồng (for "Bằng chữ:")

Each filter gives "" for None, and gives the value back unchanged when it is not a number
or a date, as Django's own filters do, rather than break the page.
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils import timezone

from tongket.lib.dates import format_date, format_datetime, format_document_date
from tongket.lib.numbers import format_number, format_percent
from tongket.lib.words import amount_in_words, decimal_to_words, number_to_words

register = template.Library()


def _as_number(value: Any) -> int | float | Decimal | None:
    """The value as a number, reading strings such as "2809.8" (Python notation); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return None
    return None


def _as_decimals(arg: Any) -> int | None:
    """The filter argument as a number of decimals ("" or None means: as many as needed)."""
    if arg is None or arg == "":
        return None
    return int(arg)


def _local(value: Any) -> Any:
    """An aware datetime in the site's time zone; anything else unchanged."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def vn_number(value: Any, decimals: Any = None) -> Any:
    """17416889536 -> "17.416.889.536"; with an argument, that many decimals."""
    if value is None:
        return ""
    number = _as_number(value)
    if number is None:
        return value
    try:
        return format_number(number, _as_decimals(decimals))
    except (TypeError, ValueError):
        return value


@register.filter
def vn_percent(value: Any, decimals: Any = None) -> Any:
    """A value in percent units: 0.24 -> "0,24%"."""
    if value is None:
        return ""
    number = _as_number(value)
    if number is None:
        return value
    try:
        return format_percent(number, _as_decimals(decimals))
    except (TypeError, ValueError):
        return value


@register.filter
def vn_date(value: Any) -> Any:
    """A date day first: "09/01/2026"."""
    if value is None:
        return ""
    if not isinstance(value, date):
        return value
    return format_date(_local(value))


@register.filter
def vn_docdate(value: Any) -> Any:
    """A date as documents write it: "ngày 09 tháng 01 năm 2026"."""
    if value is None:
        return ""
    if not isinstance(value, date):
        return value
    return format_document_date(_local(value))


@register.filter
def vn_datetime(value: Any) -> Any:
    """A date and time in the site's time zone: "08:30 ngày 09/01/2026"."""
    if value is None:
        return ""
    if not isinstance(value, datetime):
        return value
    return format_datetime(_local(value))


@register.filter
def vn_words(value: Any, currency: str = "") -> Any:
    """A number in words. With a currency ("đồng"), an amount for "Bằng chữ:" with a capital
    first letter (whole amounts only); without, lowercase words, decimals read with "phẩy".
    """
    if value is None:
        return ""
    number = _as_number(value)
    if number is None:
        return value
    if isinstance(number, float):
        number = Decimal(str(number))
    try:
        if currency:
            return amount_in_words(number, currency)
        if isinstance(number, int):
            return number_to_words(number)
        return decimal_to_words(number)
    except (TypeError, ValueError):
        return value
