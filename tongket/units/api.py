"""API endpoints for units, over the same selectors and access layer as the screens."""

import datetime

from ninja import Field, Router, Schema

from . import access, selectors
from .models import Unit

router = Router(tags=["Đơn vị"])


class UnitOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    kind_label: str = Field(alias="get_kind_display")
    parent_id: int | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    merged_into_id: int | None


@router.get("/", response=list[UnitOut], summary="Đơn vị trong phạm vi (tìm không dấu)")
def list_units(request, q: str = "", parent: int | None = None, limit: int = 200):
    limit = max(1, min(limit, 1000))
    if q.strip():
        return [hit.unit for hit in selectors.unit_search(request.user, q, limit)]
    units = access.units_for(request.user)
    if parent is not None:
        units = units.filter(parent_id=parent)
    return list(units.order_by("path")[:limit])


@router.get("/{int:unit_id}", response=UnitOut, summary="Một đơn vị")
def get_unit(request, unit_id: int) -> Unit:
    return access.get_unit_for(request.user, unit_id)
