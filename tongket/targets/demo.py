"""Demo indicators, plans and results for Tỉnh An Hòa and its four communes, 2021–2025, and
the 2026 plan, built through the services. Pseudo-random but deterministic: some targets are
missed, some figures are missing. Phường Hòa Bình's 2025 figures are those of the year-end
article (12,4 tỷ đồng = 104% kế hoạch, 42/42 tuyến phố văn minh, …). Its 2025 submission is
approved (locked); Xã Đậu Liêu's was returned with a reason. Idempotent.
"""

from __future__ import annotations

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from tongket.units.models import Unit

from . import services
from .choices import Direction, IndicatorGroup, Period, PlanSource, Rollup, ValueKind
from .models import Indicator, IndicatorVersion, Plan, Result, Submission

FIRST_YEAR, TARGET_YEAR, NEXT_YEAR = 2021, 2025, 2026
G = IndicatorGroup
N, P, R, C = ValueKind.NUMBER, ValueKind.PERCENT, ValueKind.RATIO, ValueKind.COUNT
LOW = Direction.LOWER

# code, name, group, unit, kind, decimals, base plan in Hòa Bình 2021, yearly growth,
# extras (direction, rollup, weight code, denominator for ratios)
INDICATORS = [
    (
        "KT01",
        "Tổng thu ngân sách nhà nước trên địa bàn",
        G.ECONOMY,
        "tỷ đồng",
        N,
        2,
        9.6,
        1.055,
        {},
    ),
    ("KT02", "Giá trị sản xuất tiểu thủ công nghiệp", G.ECONOMY, "tỷ đồng", N, 1, 88.0, 1.056, {}),
    ("KT03", "Sản lượng lương thực", G.ECONOMY, "tấn", N, 1, 1250.0, 0.99, {}),
    (
        "KT04",
        "Tổng vốn đầu tư phát triển trên địa bàn",
        G.ECONOMY,
        "tỷ đồng",
        N,
        1,
        140.0,
        1.08,
        {},
    ),
    (
        "KT05",
        "Thu nhập bình quân đầu người",
        G.ECONOMY,
        "triệu đồng/người/năm",
        N,
        1,
        58.0,
        1.07,
        {"rollup": Rollup.WEIGHTED_MEAN, "weight": "VH01"},
    ),
    ("KT06", "Diện tích gieo trồng cây hằng năm", G.ECONOMY, "ha", N, 1, 320.0, 0.98, {}),
    ("KT07", "Số doanh nghiệp thành lập mới", G.ECONOMY, "doanh nghiệp", C, 0, 18, 1.06, {}),
    ("KT08", "Số hộ kinh doanh cá thể đăng ký mới", G.ECONOMY, "hộ", C, 0, 95, 1.04, {}),
    ("VH01", "Dân số trung bình", G.CULTURE_SOCIETY, "người", C, 0, 21400, 1.01, {"spread": 0.015}),
    ("VH10", "Tổng số hộ gia đình", G.CULTURE_SOCIETY, "hộ", C, 0, 5600, 1.012, {"spread": 0.02}),
    (
        "VH02",
        "Tuyến phố văn minh",
        G.CULTURE_SOCIETY,
        "tuyến phố",
        R,
        0,
        100,
        1.0,
        {"denominator": 42},
    ),
    (
        "VH03",
        "Tỷ lệ hộ gia đình văn hóa",
        G.CULTURE_SOCIETY,
        "%",
        P,
        1,
        93.0,
        1.008,
        {"rollup": Rollup.WEIGHTED_MEAN, "weight": "VH10"},
    ),
    (
        "VH04",
        "Tỷ lệ hộ nghèo",
        G.CULTURE_SOCIETY,
        "%",
        P,
        2,
        0.9,
        0.85,
        {"direction": LOW, "rollup": Rollup.WEIGHTED_MEAN, "weight": "VH10"},
    ),
    ("VH05", "Lao động được tạo việc làm", G.CULTURE_SOCIETY, "người", C, 0, 140, 1.02, {}),
    (
        "VH06",
        "Tỷ lệ người dân tham gia bảo hiểm y tế",
        G.CULTURE_SOCIETY,
        "%",
        P,
        1,
        90.0,
        1.015,
        {"rollup": Rollup.WEIGHTED_MEAN, "weight": "VH01"},
    ),
    (
        "VH07",
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
        G.CULTURE_SOCIETY,
        "%",
        P,
        1,
        9.5,
        0.95,
        {"direction": LOW, "rollup": Rollup.WEIGHTED_MEAN, "weight": "VH01"},
    ),
    (
        "VH08",
        "Trường học đạt chuẩn quốc gia",
        G.CULTURE_SOCIETY,
        "trường",
        R,
        0,
        100,
        1.0,
        {"denominator": 5},
    ),
    (
        "VH09",
        "Tổ dân phố, thôn đạt danh hiệu văn hóa",
        G.CULTURE_SOCIETY,
        "tổ dân phố",
        R,
        0,
        90,
        1.01,
        {"denominator": 24},
    ),
    ("VH11", "Số hộ thoát nghèo", G.CULTURE_SOCIETY, "hộ", C, 0, 14, 0.9, {}),
    (
        "QP01",
        "Tuyển chọn, gọi công dân nhập ngũ",
        G.DEFENSE_SECURITY,
        "công dân",
        C,
        0,
        28,
        1.0,
        {},
    ),
    (
        "QP02",
        "Số vụ phạm pháp hình sự",
        G.DEFENSE_SECURITY,
        "vụ",
        C,
        0,
        12,
        0.92,
        {"direction": LOW},
    ),
    (
        "QP03",
        "Tỷ lệ điều tra, khám phá án hình sự",
        G.DEFENSE_SECURITY,
        "%",
        P,
        1,
        80.0,
        1.01,
        {"rollup": Rollup.NONE},
    ),
    (
        "QP04",
        "Số vụ tai nạn giao thông",
        G.DEFENSE_SECURITY,
        "vụ",
        C,
        0,
        6,
        0.9,
        {"direction": LOW},
    ),
    (
        "QP05",
        "Tổ dân phố đạt tiêu chuẩn an toàn về an ninh, trật tự",
        G.DEFENSE_SECURITY,
        "tổ dân phố",
        R,
        0,
        95,
        1.0,
        {"denominator": 24},
    ),
    ("XD01", "Đảng viên mới kết nạp", G.PARTY_BUILDING, "đảng viên", C, 0, 7, 1.0, {}),
    ("XD02", "Tổng số đảng viên", G.PARTY_BUILDING, "đồng chí", C, 0, 790, 1.006, {"spread": 0.02}),
    (
        "XD03",
        "Chi bộ hoàn thành tốt nhiệm vụ trở lên",
        G.PARTY_BUILDING,
        "chi bộ",
        R,
        0,
        90,
        1.0,
        {"denominator": 5},
    ),
    (
        "XD04",
        "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên",
        G.PARTY_BUILDING,
        "%",
        P,
        1,
        88.0,
        1.005,
        {"rollup": Rollup.WEIGHTED_MEAN, "weight": "XD02"},
    ),
    (
        "XD05",
        "Tỷ lệ tập hợp đoàn viên, hội viên vào các đoàn thể",
        G.PARTY_BUILDING,
        "%",
        P,
        1,
        85.0,
        1.01,
        {"rollup": Rollup.NONE},
    ),
    (
        "XD06",
        "Quần chúng ưu tú được giới thiệu kết nạp Đảng",
        G.PARTY_BUILDING,
        "người",
        C,
        0,
        12,
        1.0,
        {},
    ),
]

# The commune's own (resolution) indicators, owned by Phường Hòa Bình.
# The chỉ tiêu chủ yếu a year-end article names (PRODUCT.md's example article).
FEATURED = {"KT01", "KT02", "KT03", "VH02", "VH03", "VH04", "VH05", "XD01", "XD02"}
# How the article says some indicators, as ward portals write them.
ARTICLE_WORDING = {
    "VH05": "tạo việc làm cho {số liệu}",
    "XD01": "kết nạp {số liệu} mới",
    "XD02": "nâng tổng số đảng viên lên {số liệu}",
}

OWN_INDICATORS = [
    (
        "HB-01",
        "Tuyến đường được chỉnh trang, lắp đèn chiếu sáng",
        G.ECONOMY,
        "công trình",
        C,
        0,
        4,
        1.1,
        {},
    ),
    (
        "HB-02",
        "Mô hình “Dân vận khéo” được công nhận",
        G.PARTY_BUILDING,
        "mô hình",
        C,
        0,
        3,
        1.0,
        {},
    ),
]

COMMUNE_SCALE = {"AH-HB-P": 1.0, "AH-DL": 0.7, "AH-BS": 1.25, "AH-HN": 0.45}

# Phường Hòa Bình, 2025: (plan, result, estimate) as the year-end article reports them.
ARTICLE_2025 = {
    "KT01": ("11.92", "12.4", True),
    "KT02": ("109.7", "96.5", False),
    "KT03": ("1200", "1204.6", False),
    "VH02": ("100", (42, 42), False),
    "VH03": ("95", "96", False),
    "VH04": ("0.5", "0.31", False),
    "VH05": ("150", "150", False),
    "XD01": ("6", "6", False),
    "XD02": ("810", "812", False),
}

# Which subordinate units enter which indicators: a tổ dân phố its twelve (never the budget
# or criminal cases), the police the security figures. Chi bộ figures come from the party
# module's own records.
TDP, POLICE = "residential_group", "police"
REPORTED_BY = {
    **dict.fromkeys(
        ("KT08", "VH01", "VH10", "VH03", "VH04", "VH05", "VH06", "VH07", "VH11", "QP01"), TDP
    ),
    **dict.fromkeys(("HB-01", "HB-02"), TDP),
    **dict.fromkeys(("QP02", "QP03", "QP04", "QP05"), POLICE),
}

PROVINCE_DOCUMENT = "Quyết định số {n}/QĐ-UBND ngày 10/01/{year} của UBND tỉnh An Hòa"
OWN_DOCUMENT = "Nghị quyết số 12/NQ-HĐND ngày 20/12/{prev} của HĐND phường Hòa Bình"


def _q(value: float | Decimal, decimals: int) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _indicators(owner: Unit, spec: list, by, order_start: int) -> None:
    existing = set(Indicator.objects.values_list("code", flat=True))
    numbered = sorted(enumerate(spec, start=order_start), key=lambda pair: "weight" in pair[1][8])
    for order, (code, name, group, unit, kind, decimals, _b, _g, extra) in numbered:
        if code in existing:
            continue
        weight = (
            Indicator.objects.filter(code=extra["weight"]).first() if "weight" in extra else None
        )
        services.indicator_create(
            owner=owner,
            code=code,
            year=FIRST_YEAR,
            name=name,
            group=group,
            unit_of_measure=unit,
            value_kind=kind,
            direction=extra.get("direction", Direction.HIGHER),
            rollup=extra.get("rollup", Rollup.SUM if kind != P else Rollup.NONE),
            weight_indicator=weight,
            decimals=decimals,
            order=order,
            featured=code in FEATURED,
            article_wording=ARTICLE_WORDING.get(code, ""),
            reporting_kinds=REPORTED_BY.get(code, ""),
            by=by,
        )
    for year in range(FIRST_YEAR + 1, NEXT_YEAR + 1):
        if IndicatorVersion.objects.filter(year=year, indicator__owner=owner).count() < len(spec):
            services.indicator_year_copy(year=year, owner=owner, by=by)


def _plan_value(spec, commune: Unit, year: int) -> Decimal:
    _code, _n, _g, _u, kind, decimals, base, growth, _extra = spec
    if kind in (P, R):
        value = min(100.0, base * growth ** (year - FIRST_YEAR))
        return _q(value, decimals)
    scale = COMMUNE_SCALE.get(commune.code, 1.0)
    value = base * scale * growth ** (year - FIRST_YEAR)
    return _q(max(value, 1 if kind == C else 0.1), decimals)


def _result(spec, commune: Unit, year: int, plan: Decimal):
    """(value, numerator, denominator) around the plan; None when the figure is missing."""
    code, _n, _g, _u, kind, decimals, _b, _grow, extra = spec
    rng = random.Random(f"{commune.code}:{code}:{year}")
    if rng.random() < 0.06:
        return None
    spread = extra.get("spread", 0.13)
    factor = rng.uniform(1 - spread, 1 + spread * 0.9)
    if kind == R:
        denominator = max(1, round(extra["denominator"] * COMMUNE_SCALE.get(commune.code, 1.0)))
        numerator = min(denominator, round(denominator * float(plan) / 100 * factor))
        return None, Decimal(numerator), Decimal(denominator)
    if kind == P:
        if extra.get("direction") == LOW:
            return _q(float(plan) / factor, decimals), None, None
        return _q(min(100.0, float(plan) * factor), decimals), None, None
    if extra.get("direction") == LOW:
        return _q(float(plan) / factor, decimals), None, None
    return _q(float(plan) * factor, decimals), None, None


def _save_result(commune, indicator, year, period, figures, by, estimate=False, note=""):
    value, numerator, denominator = figures
    services.result_save(
        unit=commune,
        indicator=indicator,
        year=year,
        period=period,
        value=value,
        numerator=numerator,
        denominator=denominator,
        is_estimate=estimate,
        note=note,
        expected_version=0,
        by=by,
    )


def _figures(commune: Unit, year: int, by, specs, source: str, owner: Unit) -> None:
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=[s[0] for s in specs])}
    plans = set(
        Plan.objects.filter(unit=commune, year=year).values_list("indicator__code", flat=True)
    )
    results = set(
        Result.objects.filter(unit=commune, year=year).values_list("indicator__code", "period")
    )
    article = ARTICLE_2025 if commune.code == "AH-HB-P" and year == TARGET_YEAR else {}
    for spec in specs:
        code = spec[0]
        indicator = indicators[code]
        plan = _plan_value(spec, commune, year)
        if code in article:
            plan = Decimal(article[code][0])
        skip_plan = random.Random(f"plan:{commune.code}:{code}:{year}").random() < 0.03
        if code not in plans and not skip_plan:
            document = (
                PROVINCE_DOCUMENT.format(n=40 + year - FIRST_YEAR, year=year)
                if source == PlanSource.ASSIGNED
                else OWN_DOCUMENT.format(prev=year - 1)
            )
            services.plan_set(
                unit=commune,
                indicator=indicator,
                year=year,
                value=plan,
                source=source,
                document=document,
                by=by,
            )
        if year > TARGET_YEAR or (code, Period.YEAR) in results:
            continue
        if code in article:
            _plan, shown, estimate = article[code]
            if isinstance(shown, tuple):
                figures = (None, Decimal(shown[0]), Decimal(shown[1]))
            else:
                figures = (Decimal(shown), None, None)
            _save_result(commune, indicator, year, Period.YEAR, figures, by, estimate)
            continue
        figures = _result(spec, commune, year, plan)
        if figures is None:
            continue
        _save_result(commune, indicator, year, Period.YEAR, figures, by, year == TARGET_YEAR)
        if year == TARGET_YEAR and spec[4] in (N, C) and (code, Period.H1) not in results:
            value = figures[0]
            if spec[8].get("direction") != LOW and code not in ("VH01", "VH10", "XD02"):
                value = _q(value * Decimal("0.48"), spec[5])
            _save_result(commune, indicator, year, Period.H1, (value, None, None), by)


def _workflow(ctx, by) -> None:
    """Past years approved; 2025: Hòa Bình approved (locked), Đậu Liêu returned, Bắc Sơn
    sent and waiting, Hòn Ngọc still entering. Deadlines set by the province."""
    province, leader = ctx.province, by
    for period, due in (
        (Period.YEAR, datetime.date(TARGET_YEAR, 12, 20)),
        (Period.H1, datetime.date(TARGET_YEAR, 6, 20)),
    ):
        services.deadline_set(unit=province, year=TARGET_YEAR, period=period, due=due, by=by)
    if Submission.objects.filter(unit__in=ctx.communes).exists():
        return
    for commune in ctx.communes:
        for year in range(FIRST_YEAR, TARGET_YEAR):
            sent = services.submission_submit(unit=commune, year=year, period=Period.YEAR, by=by)
            services.submission_approve(submission=sent, by=leader)
    hoa_binh = services.submission_submit(
        unit=ctx.hoa_binh, year=TARGET_YEAR, period=Period.YEAR, by=ctx.users["canbo"]
    )
    services.submission_approve(submission=hoa_binh, by=ctx.users.get("lanhdao", by))
    dau_lieu = services.submission_submit(
        unit=ctx.dau_lieu, year=TARGET_YEAR, period=Period.YEAR, by=by
    )
    services.submission_return(
        submission=dau_lieu,
        reason="Sản lượng lương thực chưa khớp số liệu thống kê; đề nghị rà soát lại.",
        by=by,
    )
    services.submission_submit(unit=ctx.bac_son, year=TARGET_YEAR, period=Period.YEAR, by=by)


def load(ctx, stdout) -> None:
    by = ctx.root
    _indicators(ctx.province, INDICATORS, by, order_start=1)
    _indicators(ctx.hoa_binh, OWN_INDICATORS, by, order_start=50)
    for commune in ctx.communes:
        for year in range(FIRST_YEAR, NEXT_YEAR + 1):
            _figures(commune, year, by, INDICATORS, PlanSource.ASSIGNED, ctx.province)
    for year in range(FIRST_YEAR, NEXT_YEAR + 1):
        _figures(ctx.hoa_binh, year, by, OWN_INDICATORS, PlanSource.OWN, ctx.hoa_binh)
    _workflow(ctx, by)
    ctx.target_year = TARGET_YEAR
    ctx.next_year = NEXT_YEAR
    ctx.indicator_codes = [spec[0] for spec in INDICATORS + OWN_INDICATORS]
    stdout.write(
        f"Chỉ tiêu: {len(ctx.indicator_codes)} chỉ tiêu, kế hoạch và kết quả "
        f"{FIRST_YEAR}–{TARGET_YEAR}, kế hoạch {NEXT_YEAR} cho {len(ctx.communes)} xã, phường."
    )
