from decimal import Decimal as D

from tongket.targets.achievement import evaluate, format_percent_of_plan, format_value
from tongket.targets.selectors import PlanRow


def test_percent_of_plan_is_result_over_plan():
    measured = evaluate(plan=D("11.92"), result=D("12.4"), decimals=2)
    assert measured.percent_of_plan == D("104.0")
    assert measured.verdict == "vuot"
    assert measured.verdict_label == "Vượt"
    assert measured.status == "ok"


def test_result_equal_to_plan_at_the_indicators_decimals_is_dat():
    assert evaluate(plan=D("150"), result=D("150")).verdict == "dat"
    assert evaluate(plan=D("12.4"), result=D("12.40"), decimals=1).verdict == "dat"


def test_result_below_plan_is_khong_dat():
    measured = evaluate(plan=D("109.7"), result=D("96.5"), decimals=1)
    assert measured.verdict == "khong_dat"
    assert measured.verdict_label == "Không đạt"
    assert format_percent_of_plan(measured.percent_of_plan) == "88%"


def test_lower_is_better_inverts_the_comparison():
    measured = evaluate(plan=D("0.5"), result=D("0.31"), lower_is_better=True, decimals=2)
    assert measured.verdict == "vuot"
    assert measured.percent_of_plan == D("161.3")
    worse = evaluate(plan=D("0.5"), result=D("0.6"), lower_is_better=True, decimals=2)
    assert worse.verdict == "khong_dat"
    assert worse.percent_of_plan == D("83.3")


def test_lower_is_better_with_zero_result_beats_the_plan_without_a_percentage():
    measured = evaluate(plan=D("3"), result=D("0"), lower_is_better=True)
    assert measured.verdict == "vuot"
    assert measured.percent_of_plan is None


def test_missing_plan_gives_a_status_not_a_percentage():
    measured = evaluate(plan=None, result=D("5"))
    assert (measured.status, measured.percent_of_plan, measured.verdict) == (
        "missing_plan",
        None,
        None,
    )
    assert measured.status_label == "Chưa có kế hoạch"


def test_zero_plan_gives_a_status_and_still_compares():
    measured = evaluate(plan=D("0"), result=D("2"))
    assert measured.status == "zero_plan"
    assert measured.percent_of_plan is None
    assert measured.verdict == "vuot"
    assert "Kế hoạch bằng 0" in measured.status_label


def test_missing_result_gives_a_status():
    measured = evaluate(plan=D("10"), result=None)
    assert measured.status == "missing_result"
    assert measured.status_label == "Chưa có kết quả"


def test_ratio_with_zero_denominator_gives_a_status():
    measured = evaluate(plan=D("100"), result=None, is_ratio=True, numerator=D(0), denominator=D(0))
    assert measured.status == "zero_denominator"
    assert measured.percent_of_plan is None
    assert "Mẫu số bằng 0" in measured.status_label


def test_ratio_value_is_numerator_over_denominator_in_percent():
    measured = evaluate(
        plan=D("95"), result=None, is_ratio=True, numerator=D(40), denominator=D(42)
    )
    assert measured.result.quantize(D("0.01")) == D("95.24")
    assert measured.verdict == "vuot"


def test_negative_value_where_impossible_gives_a_status():
    measured = evaluate(plan=D("10"), result=D("-1"))
    assert measured.status == "negative"
    assert measured.percent_of_plan is None
    assert evaluate(plan=D("10"), result=D("-1"), allows_negative=True).status == "ok"


def test_change_against_last_year():
    measured = evaluate(plan=D("10"), result=D("12.4"), previous=D("11.31"), decimals=2)
    assert measured.change == D("1.09")
    assert measured.change_percent == D("9.6")
    assert evaluate(plan=D("1"), result=D("1"), previous=D("0")).change_percent is None


def _row(kind, unit, decimals, **extra):
    return PlanRow("X", "x", "economy", "Kinh tế", unit, decimals, kind, None, "", **extra)


def test_format_value_writes_values_as_reports_do():
    assert format_value(_row("number", "tỷ đồng", 2), D("12.40")) == "12,4 tỷ đồng"
    assert format_value(_row("number", "tấn", 1), D("1204.6")) == "1.204,6 tấn"
    assert format_value(_row("percent", "%", 2), D("0.31")) == "0,31%"
    assert format_value(_row("percent", "%", 0), D("96.0000")) == "96%"
    assert format_value(_row("count", "người", 0), D("150")) == "150 người"
    ratio = _row("ratio", "tuyến phố", 0)
    assert format_value(ratio, None, numerator=D(42), denominator=D(42)) == "42/42 tuyến phố"
    assert format_value(ratio, D("100")) == "100%"
    assert format_value(ratio, None) == ""
