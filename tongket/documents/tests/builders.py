"""Indicators, plans and results for document tests, through the targets services."""

from __future__ import annotations

import datetime
from decimal import Decimal

from tongket.targets import services as targets

# code, name, group, unit, kind, direction, decimals, plan 2025, result 2025 (value or
# (numerator, denominator)), estimate, result 2024, plan 2026
INDICATORS = [
    (
        "THU_NS",
        "Tổng thu ngân sách nhà nước trên địa bàn",
        "economy",
        "tỷ đồng",
        "number",
        "higher",
        1,
        "11.9",
        "12.4",
        True,
        None,
        "13",
    ),
    (
        "GTSX_TTCN",
        "Giá trị sản xuất tiểu thủ công nghiệp",
        "economy",
        "tỷ đồng",
        "number",
        "higher",
        1,
        "109.7",
        "96.5",
        False,
        None,
        "105",
    ),
    (
        "SL_LT",
        "Sản lượng lương thực",
        "economy",
        "tấn",
        "number",
        "higher",
        1,
        None,
        "1204.6",
        False,
        None,
        None,
    ),
    (
        "TUYEN_PHO",
        "Tuyến phố văn minh",
        "culture_society",
        "tuyến phố",
        "ratio",
        "higher",
        0,
        "100",
        ("42", "42"),
        False,
        None,
        "100",
    ),
    (
        "HO_NGHEO",
        "Tỷ lệ hộ nghèo",
        "culture_society",
        "%",
        "percent",
        "lower",
        2,
        "0.40",
        "0.31",
        False,
        "0.45",
        "0.25",
    ),
    (
        "VIEC_LAM",
        "Số lao động được tạo việc làm",
        "culture_society",
        "lao động",
        "count",
        "higher",
        0,
        "140",
        "150",
        False,
        None,
        "160",
    ),
    (
        "DV_MOI",
        "Số đảng viên mới kết nạp",
        "party_building",
        "đảng viên",
        "count",
        "higher",
        0,
        "6",
        None,
        False,
        None,
        "7",
    ),
]


def make_indicators(world, year: int = 2025, *, with_results: bool = True) -> dict:
    """National indicators for year - 1 .. year + 1, the commune's plans and results."""
    by = world.root
    made = {}
    for order, spec in enumerate(INDICATORS, start=1):
        code, name, group, unit, kind, direction, decimals = spec[:7]
        version = targets.indicator_create(
            owner=None,
            code=code,
            year=year - 1,
            name=name,
            group=group,
            by=by,
            unit_of_measure=unit,
            value_kind=kind,
            direction=direction,
            decimals=decimals,
            order=order,
        )
        made[code] = version.indicator
    targets.indicator_year_copy(year=year, by=by)
    targets.indicator_year_copy(year=year + 1, by=by)
    for spec in INDICATORS:
        indicator, kind = made[spec[0]], spec[4]
        plan, result, estimate, previous, next_plan = spec[7:]
        if plan is not None:
            targets.plan_set(
                unit=world.a,
                indicator=indicator,
                year=year,
                value=Decimal(plan),
                by=by,
                document="Quyết định 12/QĐ-UBND",
            )
        if next_plan is not None:
            targets.plan_set(
                unit=world.a, indicator=indicator, year=year + 1, value=Decimal(next_plan), by=by
            )
        if previous is not None:
            _result(world, indicator, year - 1, previous, kind, False)
        if with_results and result is not None:
            _result(world, indicator, year, result, kind, estimate)
    return made


def _result(world, indicator, year, value, kind, estimate):
    if kind == "ratio":
        numerator, denominator = (Decimal(v) for v in value)
        return targets.result_save(
            unit=world.a,
            indicator=indicator,
            year=year,
            period="year",
            by=world.officer_a,
            expected_version=0,
            numerator=numerator,
            denominator=denominator,
            is_estimate=estimate,
        )
    return targets.result_save(
        unit=world.a,
        indicator=indicator,
        year=year,
        period="year",
        by=world.officer_a,
        expected_version=0,
        value=Decimal(value),
        is_estimate=estimate,
    )


CONFERENCE_DAY = datetime.date(2026, 1, 9)


def ready(world, conference, unit=None, by=None):
    """What a conference's reports need to be signed and sent: the commune's Chủ tịch UBND
    and Bí thư holding their positions on the date, and a number from each body's book."""
    from tongket.conferences import services as conference_services
    from tongket.conferences.tests.builders import official

    unit = unit or world.a
    by = by or world.officer_a
    official(world, f"Chủ tịch {unit.name}", "Chủ tịch UBND phường", unit=unit)
    official(world, f"Bí thư {unit.name}", "Bí thư Đảng ủy phường", unit=unit)
    for layout in ("state", "party"):
        conference_services.report_number_take(conference=conference, layout=layout, by=by)
    return conference
