"""Targets fixtures on top of the shared personas, built through the targets services."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

YEAR = 2025


@pytest.fixture
def catalogue(world):
    """The province's indicator set for 2024 and 2025: revenue (sum), households (sum),
    poverty rate (lower is better, weighted by households), civilised streets (ratio). The
    tổ dân phố report all but the revenue."""
    from tongket.targets import services
    from tongket.targets.choices import Direction, IndicatorGroup, Rollup, ValueKind

    by = world.province_officer
    revenue = services.indicator_create(
        owner=world.province,
        code="KT01",
        year=YEAR - 1,
        by=by,
        name="Tổng thu ngân sách nhà nước trên địa bàn",
        group=IndicatorGroup.ECONOMY,
        unit_of_measure="tỷ đồng",
        decimals=2,
        order=1,
    )
    households = services.indicator_create(
        owner=world.province,
        code="VH10",
        year=YEAR - 1,
        by=by,
        reporting_kinds="residential_group",
        name="Tổng số hộ gia đình",
        group=IndicatorGroup.CULTURE_SOCIETY,
        unit_of_measure="hộ",
        value_kind=ValueKind.COUNT,
        order=2,
    )
    poverty = services.indicator_create(
        owner=world.province,
        code="VH04",
        year=YEAR - 1,
        by=by,
        reporting_kinds="residential_group",
        name="Tỷ lệ hộ nghèo",
        group=IndicatorGroup.CULTURE_SOCIETY,
        unit_of_measure="%",
        value_kind=ValueKind.PERCENT,
        direction=Direction.LOWER,
        rollup=Rollup.WEIGHTED_MEAN,
        weight_indicator=households.indicator,
        decimals=2,
        order=3,
    )
    streets = services.indicator_create(
        owner=world.province,
        code="VH02",
        year=YEAR - 1,
        by=by,
        reporting_kinds="residential_group",
        name="Tuyến phố văn minh",
        group=IndicatorGroup.CULTURE_SOCIETY,
        unit_of_measure="tuyến phố",
        value_kind=ValueKind.RATIO,
        order=4,
    )
    services.indicator_year_copy(year=YEAR, owner=world.province, by=by)
    return SimpleNamespace(
        revenue=revenue.indicator,
        households=households.indicator,
        poverty=poverty.indicator,
        streets=streets.indicator,
    )


def save(unit, indicator, by, value=None, year=YEAR, period="year", **extra):
    """Save a result cell through the service, reading its current version first."""
    from tongket.targets import services
    from tongket.targets.models import Result

    current = Result.objects.filter(
        unit=unit, indicator=indicator, year=year, period=period
    ).first()
    return services.result_save(
        unit=unit,
        indicator=indicator,
        year=year,
        period=period,
        value=None if value is None else Decimal(str(value)),
        expected_version=current.version if current else 0,
        by=by,
        **{k: _number(v) for k, v in extra.items()},
    )


def _number(value):
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return value
    return Decimal(str(value))


@pytest.fixture
def figures(world, catalogue):
    """Plans assigned by the province and results entered by each commune's officer."""
    from tongket.targets import services

    c = catalogue
    for unit, officer, plan, result, previous in (
        (world.a, world.officer_a, "11.92", "12.4", "11.31"),
        (world.b, world.officer_b, "8", "7", None),
    ):
        for indicator, value in ((c.revenue, plan), (c.poverty, "0.5"), (c.households, "1000")):
            services.plan_set(
                unit=unit,
                indicator=indicator,
                year=YEAR,
                value=Decimal(value),
                document="Quyết định số 45/QĐ-UBND",
                by=world.province_officer,
            )
        save(unit, c.revenue, officer, result, is_estimate=True)
        if previous:
            save(unit, c.revenue, officer, previous, year=YEAR - 1)
    save(world.a, c.households, world.officer_a, 1000)
    save(world.b, c.households, world.officer_b, 3000)
    save(world.a, c.poverty, world.officer_a, "0.31")
    save(world.b, c.poverty, world.officer_b, "0.71")
    save(world.a, c.streets, world.officer_a, numerator=42, denominator=42)
    return catalogue
