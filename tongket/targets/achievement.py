"""How a result measures against its plan: % of plan, verdict, change on last year, and the
status shown when no honest percentage exists. Pure functions on Decimals (the labels go
through gettext, nothing else touches Django), shared by screens, documents and the API.

Rules:
- % of plan = result / plan × 100; for lower-is-better indicators plan / result × 100.
- Verdict compares result with plan at the indicator's decimals: equal → "đạt", better →
  "vượt", worse → "không đạt". No tolerance: a tolerance would be a dated rulebook number.
- No percentage when the plan is missing or zero, the result is missing, a ratio's
  denominator is zero or a value is negative where it cannot be; each has its own status.
- A ratio's value is numerator / denominator × 100 (e.g. 42/42 tuyến phố → 100).
- A result known only as a % of plan ("đạt 112% kế hoạch") keeps that percentage: its
  verdict compares it with 100, and no value is derived from it.
- A qualifier ("trên", "gần", "khoảng", "hơn") goes before the figure wherever it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from tongket.lib.numbers import format_number

HUNDRED = Decimal(100)
PERCENT_PLACES = Decimal("0.1")

OK = "ok"
MISSING_PLAN = "missing_plan"
ZERO_PLAN = "zero_plan"
MISSING_RESULT = "missing_result"
ZERO_DENOMINATOR = "zero_denominator"
NEGATIVE = "negative"

STATUS_LABELS = {
    OK: _("Đủ số liệu"),
    MISSING_PLAN: _("Chưa có kế hoạch"),
    ZERO_PLAN: _("Kế hoạch bằng 0, không tính được tỷ lệ"),
    MISSING_RESULT: _("Chưa có kết quả"),
    ZERO_DENOMINATOR: _("Mẫu số bằng 0, không tính được tỷ lệ"),
    NEGATIVE: _("Giá trị âm không hợp lệ với chỉ tiêu này"),
}

VUOT, DAT, KHONG_DAT = "vuot", "dat", "khong_dat"
VERDICT_LABELS = {
    VUOT: _("Vượt"),
    DAT: _("Đạt"),
    KHONG_DAT: _("Không đạt"),
    None: "",
}


@dataclass(frozen=True)
class Achievement:
    result: Decimal | None
    percent_of_plan: Decimal | None
    verdict: str | None
    status: str
    change: Decimal | None
    change_percent: Decimal | None

    @property
    def verdict_label(self) -> str:
        return str(VERDICT_LABELS[self.verdict])

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


def ratio_value(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """numerator / denominator × 100, or None when either is missing or the denominator is 0."""
    if numerator is None or not denominator:
        return None
    return numerator * HUNDRED / denominator


def _rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _percent(part: Decimal, whole: Decimal) -> Decimal | None:
    try:
        return (part * HUNDRED / whole).quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ZeroDivisionError):
        return None


def evaluate(
    *,
    plan: Decimal | None,
    result: Decimal | None,
    lower_is_better: bool = False,
    is_ratio: bool = False,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    previous: Decimal | None = None,
    decimals: int = 0,
    allows_negative: bool = False,
    percent_only: Decimal | None = None,
) -> Achievement:
    """Measure one result against its plan. Never raises for missing or odd figures: it
    returns a status instead. `percent_only` is a result reported only as % of plan."""
    if result is None and numerator is None and percent_only is not None:
        return _percent_only(percent_only)
    if is_ratio and (numerator is not None or denominator is not None):
        if denominator is not None and denominator == 0:
            return Achievement(None, None, None, ZERO_DENOMINATOR, None, None)
        result = ratio_value(numerator, denominator)
    negative = not allows_negative and any(
        value is not None and value < 0 for value in (plan, result, numerator, denominator)
    )
    if negative:
        return Achievement(result, None, None, NEGATIVE, None, None)
    change = change_percent = None
    if result is not None and previous is not None:
        change = _rounded(result - previous, 1 if is_ratio else decimals)
        if previous != 0:
            change_percent = _percent(change, abs(previous))
    if result is None:
        status = MISSING_PLAN if plan is None else MISSING_RESULT
        return Achievement(None, None, None, status, None, None)
    if plan is None:
        return Achievement(result, None, None, MISSING_PLAN, change, change_percent)

    places = max(decimals, 2) if is_ratio else decimals  # a ratio is compared as a percentage
    shown_result, shown_plan = _rounded(result, places), _rounded(plan, places)
    if shown_result == shown_plan:
        verdict = DAT
    elif (shown_result < shown_plan) == lower_is_better:
        verdict = VUOT
    else:
        verdict = KHONG_DAT
    if plan == 0:
        return Achievement(result, None, verdict, ZERO_PLAN, change, change_percent)
    if lower_is_better:
        percent = _percent(plan, result) if result != 0 else None
    else:
        percent = _percent(result, plan)
    return Achievement(result, percent, verdict, OK, change, change_percent)


def _percent_only(percent: Decimal) -> Achievement:
    shown = percent.quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)
    verdicts = {-1: KHONG_DAT, 0: DAT, 1: VUOT}
    verdict = verdicts[(shown > HUNDRED) - (shown < HUNDRED)]
    return Achievement(None, shown, verdict, OK, None, None)


QUALIFIER_WORDS = {"tren": "trên", "gan": "gần", "khoang": "khoảng", "hon": "hơn"}


def qualified(text: str, qualifier: str | None) -> str:
    """ "36 tỷ đồng" with "tren" → "trên 36 tỷ đồng"; no qualifier, or no figure: unchanged."""
    word = QUALIFIER_WORDS.get(qualifier or "")
    return f"{word} {text}" if word and text else text


def _value_text(value: Decimal, decimals: int) -> str:
    """At most `decimals` places, trailing zeros dropped: 12.40 → "12,4", 96.00 → "96"."""
    return format_number(_rounded(Decimal(value), decimals).normalize())


def format_value(
    row_or_indicator,
    value: Decimal | None,
    *,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
) -> str:
    """A value with its unit of measure as reports write it: "12,4 tỷ đồng", "0,31%",
    "42/42 tuyến phố". Accepts an AchievementRow, a PlanRow or an IndicatorVersion (anything
    with value_kind, unit_of_measure and decimals). For a ratio the fraction is written when
    the caller gives its numerator and denominator; otherwise the ratio reads as a percent."""
    if value is None and numerator is None:
        return ""
    kind = row_or_indicator.value_kind
    unit = row_or_indicator.unit_of_measure or ""
    decimals = row_or_indicator.decimals
    if kind == "ratio":
        if numerator is not None and denominator is not None:
            text = f"{_value_text(numerator, decimals)}/{_value_text(denominator, decimals)}"
            return f"{text} {unit}".strip()
        return f"{_value_text(value, 1)}%"
    if kind == "percent" or unit == "%":
        return f"{_value_text(value, decimals)}%"
    return f"{_value_text(value, decimals)} {unit}".strip()


def format_percent_of_plan(percent: Decimal | None) -> str:
    """104 → "104%", 88.5 → "88,5%"."""
    if percent is None:
        return ""
    return f"{_value_text(percent, 1)}%"
