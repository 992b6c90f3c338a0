from decimal import Decimal as D

import pytest

from tongket.targets import selectors
from tongket.targets.achievement import format_value
from tongket.targets.models import IndicatorVersion
from tongket.units import services as unit_services
from tongket.units.choices import UnitKind

from .conftest import YEAR, save


def _by_code(rows):
    return {row.indicator_code: row for row in rows}


def test_unit_year_achievements_measures_every_indicator(world, figures):
    rows = _by_code(selectors.unit_year_achievements(world.a, YEAR))
    assert list(rows) == ["KT01", "VH10", "VH04", "VH02"]
    revenue = rows["KT01"]
    assert (revenue.plan, revenue.result, revenue.percent_of_plan) == (
        D("11.92"),
        D("12.4"),
        D("104.0"),
    )
    assert (revenue.verdict, revenue.verdict_label, revenue.is_estimate) == ("vuot", "Vượt", True)
    assert (revenue.previous, revenue.change) == (D("11.31"), D("1.09"))
    assert revenue.group_label == "Kinh tế" and revenue.plan_document == "Quyết định số 45/QĐ-UBND"
    assert format_value(revenue, revenue.result) == "12,4 tỷ đồng"
    poverty = rows["VH04"]
    assert (poverty.verdict, poverty.percent_of_plan) == ("vuot", D("161.3"))
    streets = rows["VH02"]
    assert (streets.status, streets.status_label) == ("missing_plan", "Chưa có kế hoạch")
    assert streets.result_text == "42/42 tuyến phố"


def test_a_ratio_plan_equal_to_the_result_is_not_written_as_the_results_fraction(
    world, catalogue, figures
):
    from tongket.targets import services

    services.plan_set(
        unit=world.a,
        indicator=catalogue.streets,
        year=YEAR,
        value=D("100"),
        by=world.province_officer,
    )
    streets = _by_code(selectors.unit_year_achievements(world.a, YEAR))["VH02"]
    assert streets.result == streets.plan == D("100")
    assert streets.result_text == "42/42 tuyến phố"
    assert streets.plan_text == "100%"


def test_unit_year_plans_lists_next_years_targets(world, figures):
    rows = {row.indicator_code: row for row in selectors.unit_year_plans(world.a, YEAR)}
    assert rows["KT01"].plan == D("11.92") and rows["KT01"].document == "Quyết định số 45/QĐ-UBND"
    assert rows["VH02"].plan is None
    assert rows["VH04"].plan_text == "0,5%"


def test_province_rolls_up_sums_and_weighted_means_live(world, figures):
    board = selectors.province_board(world.province, YEAR)
    revenue = board.column("KT01")
    assert revenue.rollup.value == D("19.4")
    assert revenue.rollup.plan == D("19.92")
    poverty = board.column("VH04")
    # (0.31 × 1000 + 0.71 × 3000) / 4000 = 0.61
    assert poverty.rollup.value.quantize(D("0.01")) == D("0.61")
    assert poverty.rollup_text == "0,61%"
    save(world.b, figures.revenue, world.officer_b, "9")
    assert selectors.province_board(world.province, YEAR).column("KT01").rollup.value == D("21.4")


def test_province_ranking_orders_communes_by_percent_of_plan(world, figures):
    ranked = selectors.province_ranking(world.province, YEAR, "KT01")
    assert [(r.rank, r.unit.code, r.row.percent_of_plan) for r in ranked] == [
        (1, "P-A", D("104.0")),
        (2, "P-B", D("87.5")),
    ]
    poverty = selectors.province_ranking(world.province, YEAR, figures.poverty)
    assert [r.unit.code for r in poverty] == ["P-A", "P-B"]
    assert selectors.province_ranking(world.province, YEAR, "NOPE") == []


def test_commune_without_a_result_is_ranked_last_and_unranked(world, figures):
    c = unit_services.unit_create(
        code="P-C", name="Phường Cát", kind=UnitKind.PHUONG, parent=world.province, by=world.root
    )
    ranked = selectors.province_ranking(world.province, YEAR, "KT01")
    assert ranked[-1].unit == c and ranked[-1].rank is None
    assert ranked[-1].row.status == "missing_plan"


def test_national_rollup_of_one_indicator_breaks_down_by_province(world, figures):
    version = IndicatorVersion.objects.get(indicator=figures.revenue, year=YEAR)
    report = selectors.indicator_rollup(world.root, version, YEAR)
    assert report.total.value == D("19.4") and report.total.units == 2
    assert [(area, value.value) for area, value in report.by_area] == [(world.province, D("19.4"))]
    weighted = selectors.indicator_rollup(
        world.root, IndicatorVersion.objects.get(indicator=figures.poverty, year=YEAR), YEAR
    )
    assert weighted.total.value.quantize(D("0.01")) == D("0.61")
    assert selectors.indicator_rollup(world.officer_b, version, YEAR).total.value == D("7")


@pytest.mark.parametrize("period", ["h1", "q4"])
def test_periods_are_measured_against_the_annual_plan(world, figures, period):
    save(world.a, figures.revenue, world.officer_a, "6", period=period)
    row = _by_code(selectors.unit_year_achievements(world.a, YEAR, period))["KT01"]
    assert row.percent_of_plan == D("50.3")
    # Half of the plan in part of the year is no verdict of "không đạt" on the year's plan.
    assert row.verdict is None and row.verdict_label == ""
    year_row = _by_code(selectors.unit_year_achievements(world.a, YEAR))["KT01"]
    assert year_row.verdict is not None or year_row.result is None
