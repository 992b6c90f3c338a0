"""What every stage's writes share: the indicator version that applies (read through the
selectors, refused in Vietnamese when there is none) and the check of one figure against
its indicator (size, sign, decimals)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tongket.units.models import Unit

from .. import selectors
from ..models import Indicator, IndicatorVersion


def required_version(unit: Unit, indicator: Indicator, year: int) -> IndicatorVersion:
    """The version of `indicator` that applies to `unit` in `year`; a ValidationError naming
    the indicator when it does not apply."""
    version = selectors.version_of(unit, indicator, year)
    if version is None:
        raise ValidationError(
            {
                "indicator": _("Chỉ tiêu “%(code)s” không áp dụng cho %(unit)s năm %(year)s.")
                % {"code": indicator.code, "unit": unit.name, "year": year}
            }
        )
    return version


def check_value(version: IndicatorVersion, value: Decimal | None, field: str = "value") -> None:
    if value is None:
        return
    if not value.is_finite() or abs(value) >= Decimal(10) ** 15:
        raise ValidationError({field: _("Giá trị quá lớn hoặc không hợp lệ.")})
    if value < 0 and not version.allows_negative:
        raise ValidationError(
            {field: _("Chỉ tiêu “%(name)s” không nhận giá trị âm.") % {"name": version.name}}
        )
    if value != value.quantize(Decimal(1).scaleb(-version.decimals)):
        raise ValidationError(
            {
                field: _("Chỉ tiêu “%(name)s” lấy tối đa %(n)s chữ số thập phân.")
                % {"name": version.name, "n": version.decimals}
            }
        )
