"""API for indicators, plans, results and achievement, over the same selectors, services and
access layer as the screens (request.user is the token's user)."""

from __future__ import annotations

from decimal import Decimal

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from tongket.units import access
from tongket.units.api_types import ErrorOut, Flag, InSchema, Number, Year

from . import selectors, services
from .choices import Period, PlanSource, Qualifier
from .models import Indicator, Result

router = Router(tags=["Chỉ tiêu, kế hoạch, kết quả"])


class IndicatorOut(Schema):
    code: str
    year: int
    name: str
    group: str
    group_label: str
    unit_of_measure: str
    value_kind: str
    direction: str
    rollup: str
    weight_indicator: str | None
    decimals: int
    owner_id: int | None


class PlanOut(Schema):
    indicator_code: str
    indicator_name: str
    group: str
    group_label: str
    unit_of_measure: str
    decimals: int
    value_kind: str
    plan: Decimal | None
    plan_text: str
    document: str
    source: str


class PlanIn(InSchema):
    unit: int
    indicator: str
    year: Year
    value: Number | None
    source: PlanSource | None = Field(
        default=None, description="Bỏ trống: giữ nguồn đã lưu (kế hoạch mới: cấp trên giao)."
    )
    document: str | None = Field(
        default=None, description="Bỏ trống: giữ văn bản giao đã lưu (kế hoạch mới: không có)."
    )


class ResultOut(Schema):
    indicator_code: str
    period: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    is_estimate: bool
    qualifier: Qualifier
    percent_of_plan: Decimal | None
    note: str
    version: int


class ResultIn(InSchema):
    """A field left out keeps what the cell holds (an empty cell: nothing); null clears a
    figure."""

    unit: int
    indicator: str
    year: Year
    period: Period = Period.YEAR
    value: Number | None = None
    numerator: Number | None = None
    denominator: Number | None = None
    is_estimate: Flag = Field(default=None, description="Bỏ trống: giữ giá trị đã lưu.")
    qualifier: Qualifier = Field(default=None, description="Bỏ trống: giữ giá trị đã lưu.")
    percent_of_plan: Number | None = None
    note: str = Field(default=None, description="Bỏ trống: giữ ghi chú đã lưu.")
    version: int = 0


# What an empty cell holds, for the fields a partial update leaves out.
EMPTY_CELL = {
    "value": None,
    "numerator": None,
    "denominator": None,
    "is_estimate": False,
    "qualifier": Qualifier.NONE,
    "percent_of_plan": None,
    "note": "",
}


class AchievementOut(Schema):
    indicator_code: str
    indicator_name: str
    group: str
    group_label: str
    unit_of_measure: str
    value_kind: str
    direction: str
    decimals: int
    plan: Decimal | None
    plan_document: str
    result: Decimal | None
    result_text: str
    qualifier: str
    percent_only: bool
    numerator: Decimal | None
    denominator: Decimal | None
    is_estimate: bool
    percent_of_plan: Decimal | None
    verdict: str | None
    verdict_label: str
    status: str
    status_label: str
    previous: Decimal | None
    change: Decimal | None


class RankingOut(Schema):
    rank: int | None
    unit_id: int
    unit_name: str
    plan: Decimal | None
    result: Decimal | None
    percent_of_plan: Decimal | None
    verdict: str | None
    status: str


class ConflictOut(ErrorOut):
    current: ResultOut


def _result_out(result: Result, code: str) -> dict:
    return {
        "indicator_code": code,
        "period": result.period,
        "value": result.value,
        "numerator": result.numerator,
        "denominator": result.denominator,
        "is_estimate": result.is_estimate,
        "qualifier": result.qualifier,
        "percent_of_plan": result.percent_of_plan,
        "note": result.note,
        "version": result.version,
    }


def _indicator(code: str) -> Indicator:
    indicator = selectors.indicator_by_code(code)
    if indicator is None:
        raise Http404(_("Không có chỉ tiêu mã “%(code)s”.") % {"code": code})
    return indicator


@router.get("/indicators", response=list[IndicatorOut], summary="Bộ chỉ tiêu của đơn vị trong năm")
def indicators(request, unit: int, year: Year):
    target = access.get_unit_for(request.user, unit)
    return [
        {
            "code": v.indicator.code,
            "year": v.year,
            "name": v.name,
            "group": v.group,
            "group_label": v.get_group_display(),
            "unit_of_measure": v.unit_of_measure,
            "value_kind": v.value_kind,
            "direction": v.direction,
            "rollup": v.rollup,
            "weight_indicator": v.weight_indicator.code if v.weight_indicator else None,
            "decimals": v.decimals,
            "owner_id": v.indicator.owner_id,
        }
        for v in selectors.reported_set(target, year)  # a tổ dân phố: only what it reports
    ]


@router.get("/plans", response=list[PlanOut], summary="Kế hoạch của đơn vị trong năm")
def plans(request, unit: int, year: Year):
    return selectors.unit_year_plans(access.get_unit_for(request.user, unit), year)


@router.put("/plans", response={200: PlanOut, 204: None}, summary="Đặt (hoặc xóa) một kế hoạch")
def plan_put(request, payload: PlanIn):
    target = access.get_unit_for(request.user, payload.unit)
    plan = services.plan_set(
        unit=target,
        indicator=_indicator(payload.indicator),
        year=payload.year,
        value=payload.value,
        source=payload.source,
        document=payload.document,
        by=request.user,
    )
    if plan is None:
        return Status(204, None)
    code = payload.indicator.strip().upper()
    return next(
        row for row in selectors.unit_year_plans(target, payload.year) if row.indicator_code == code
    )


@router.get("/results", response=list[ResultOut], summary="Kết quả của đơn vị trong một kỳ")
def results(request, unit: int, year: Year, period: Period = Period.YEAR):
    target = access.get_unit_for(request.user, unit)
    rows = selectors.unit_results(target, year, period)
    return [_result_out(r, r.indicator.code) for r in rows]


@router.put(
    "/results",
    response={200: ResultOut, 409: ConflictOut},
    summary="Lưu một ô kết quả (version là phiên bản đã đọc; 0 khi ô còn trống)",
)
def result_put(request, payload: ResultIn):
    target = access.get_unit_for(request.user, payload.unit)
    indicator = _indicator(payload.indicator)
    stored = (
        selectors.unit_results(target, payload.year, payload.period)
        .filter(indicator=indicator)
        .first()
    )
    given = payload.dict(exclude_unset=True)
    figures = {
        name: given[name] if name in given else getattr(stored, name, empty)
        for name, empty in EMPTY_CELL.items()
    }
    try:
        result = services.result_save(
            unit=target,
            indicator=indicator,
            year=payload.year,
            period=payload.period,
            by=request.user,
            expected_version=payload.version,
            **figures,
        )
    except services.ConflictError as exc:
        current = exc.current
        current.period = current.period or payload.period
        return Status(
            409,
            {"detail": " ".join(exc.messages), "current": _result_out(current, indicator.code)},
        )
    return _result_out(result, indicator.code)


@router.get(
    "/achievement",
    response=list[AchievementOut],
    summary="% kế hoạch, đánh giá và so với cùng kỳ của mọi chỉ tiêu",
)
def achievement(request, unit: int, year: Year, period: Period = Period.YEAR):
    return selectors.unit_year_achievements(access.get_unit_for(request.user, unit), year, period)


@router.get("/ranking", response=list[RankingOut], summary="Xếp hạng các xã, phường của tỉnh")
def ranking(request, province: int, year: Year, indicator: str):
    target = access.get_unit_for(request.user, province)
    return [
        {
            "rank": item.rank,
            "unit_id": item.unit.pk,
            "unit_name": item.unit.name,
            "plan": item.row.plan,
            "result": item.row.result,
            "percent_of_plan": item.row.percent_of_plan,
            "verdict": item.row.verdict,
            "status": item.row.status,
        }
        for item in selectors.province_ranking(target, year, indicator)
    ]
