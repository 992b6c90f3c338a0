"""API of the petitions module, over the same selectors and services as the screens."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from tongket.units import access
from tongket.units.api_types import InSchema, Year
from tongket.units.choices import Action
from tongket.units.models import Unit

from . import selectors, services
from .choices import Competence, Field, ForwardLevel, Priority

router = Router(tags=["Kiến nghị"])


class SourceOut(Schema):
    unit_id: int
    unit: str
    text: str
    received_on: datetime.date
    informed_on: datetime.date | None


class ForwardingOut(Schema):
    id: int
    report: str
    level: str
    forwarded_on: datetime.date
    department: str | None
    answer: str
    answered_on: datetime.date | None


class ItemOut(Schema):
    id: int
    commune_id: int
    unit_id: int
    unit: str
    text: str
    field: str
    competence: str
    state: str
    priority: int
    deadline: datetime.date | None
    overdue: bool
    assignee: str
    answer: str
    resolved_on: datetime.date | None


class ItemDetailOut(ItemOut):
    sources: list[SourceOut]
    forwarding: ForwardingOut | None


class ItemIn(InSchema):
    session_id: int | None = None
    unit_id: int | None = None
    text: str
    field: Field
    competence: Competence
    department_id: int | None = None
    person_name: str = ""


class AssignIn(InSchema):
    assignee_unit_id: int | None = None
    assignee_person_id: int | None = None
    deadline: datetime.date
    priority: Priority = Priority.NORMAL
    reason: str = ""


class ResolveIn(InSchema):
    answer: str
    resolved_on: datetime.date | None = None


class CloseIn(InSchema):
    note: str = ""


class ForwardItemIn(InSchema):
    recommendation_id: int
    level: ForwardLevel | None = None
    department_id: int | None = None


class ReportIn(InSchema):
    commune_id: int
    body: str
    issued_on: datetime.date
    number: int | None = None
    subject: str = ""
    items: list[ForwardItemIn]


class ReportOut(Schema):
    id: int
    number: str
    issued_on: datetime.date
    items: int


class ForwardedRowOut(Schema):
    id: int
    recommendation_id: int
    commune: str
    text: str
    field: str
    level: str
    forwarded_on: datetime.date
    age_days: int
    flagged: bool
    department: str | None
    answered_on: datetime.date | None


class DepartmentIn(InSchema):
    department_id: int


class AnswerIn(InSchema):
    answer: str
    answered_on: datetime.date | None = None


class PetitionStatisticsOut(Schema):
    sessions_held: int
    units_worked: int
    received: int
    from_citizens: int
    resolved: int
    resolved_on_time: int
    resolved_late: int
    open: int
    overdue: int
    forwarded: int
    answered: int
    by_field: dict[str, int]
    sentences: list[str]


def _item(item) -> dict:
    return {
        "id": item.pk,
        "commune_id": item.commune_id,
        "unit_id": item.unit_id,
        "unit": item.unit.name,
        "text": item.text,
        "field": item.field,
        "competence": item.competence,
        "state": item.state,
        "priority": item.priority,
        "deadline": item.deadline,
        "overdue": item.is_overdue(),
        "assignee": item.assignee_text,
        "answer": item.answer,
        "resolved_on": item.resolved_on,
    }


def _detail(item) -> dict:
    forwarding = getattr(item, "forwarding", None)
    return {
        **_item(item),
        "sources": [
            {
                "unit_id": s.unit_id,
                "unit": s.unit.name,
                "text": s.text,
                "received_on": s.received_on,
                "informed_on": s.informed_on,
            }
            for s in item.sources.select_related("unit")
        ],
        "forwarding": {
            "id": forwarding.pk,
            "report": forwarding.report.number_label,
            "level": forwarding.level,
            "forwarded_on": forwarding.forwarded_on,
            "department": forwarding.department.name if forwarding.department else None,
            "answer": forwarding.answer,
            "answered_on": forwarding.answered_on,
        }
        if forwarding
        else None,
    }


def _fresh(request, pk):
    return selectors.get_recommendation_for(request.user, pk)


@router.get("/", response=list[ItemOut], summary="Kiến nghị trong phạm vi")
def list_items(
    request,
    state: str = "",
    field: str = "",
    competence: str = "",
    year: Year | None = None,
    overdue: bool = False,
):
    filters = selectors.Filters(
        state=state, field=field, competence=competence, year=year, overdue=overdue
    )
    return [_item(item) for item in selectors.recommendation_list(request.user, filters)[:200]]


@router.get("/mine", response=list[ItemOut], summary="Kiến nghị được giao cho tôi")
def my_items(request):
    return [_item(item) for item in selectors.assigned_to(request.user)]


@router.get("/forwarded", response=list[ForwardedRowOut], summary="Kiến nghị chuyển lên")
def forwarded(
    request,
    field: str = "",
    commune: int | None = None,
    min_age: int | None = Query(None, ge=0, le=36500, description="Số ngày chờ ít nhất."),
    answer: str = "waiting",
    page: int = Query(1, ge=1, le=100000),
):
    result = selectors.forwarded_list(
        request.user,
        selectors.ForwardedFilters(
            field=field, commune=commune, min_age=min_age, answer=answer, page=page
        ),
    )
    return [_row_out(row.forwarding, row.age_days, row.flagged) for row in result.rows]


@router.get("/statistics", response=PetitionStatisticsOut, summary="Số liệu kiến nghị một năm")
def statistics(request, unit: int, year: Year):
    commune = access.get_unit_for(request.user, unit)
    stats = selectors.year_statistics(commune, year)
    return {
        **{
            name: getattr(stats, name)
            for name in PetitionStatisticsOut.model_fields
            if name != "by_field"
        },
        "by_field": {row.field: row.received for row in stats.by_field},
    }


@router.get("/{int:pk}", response=ItemDetailOut, summary="Một kiến nghị")
def get_item(request, pk: int):
    return _detail(_fresh(request, pk))


@router.post("/", response={201: ItemDetailOut}, summary="Ghi kiến nghị")
def create_item(request, payload: ItemIn):
    session = (
        selectors.get_session_for(request.user, payload.session_id) if payload.session_id else None
    )
    if session is None and payload.unit_id is None:
        raise ValidationError({"unit_id": "Chưa chọn buổi làm việc hoặc đơn vị kiến nghị."})
    unit = None if session else access.get_unit_for(request.user, payload.unit_id)
    commune = services.commune_of(session.unit if session else unit)
    department = (
        get_object_or_404(
            selectors.departments_of(services.province_of(commune)), pk=payload.department_id
        )
        if payload.department_id and commune
        else None
    )
    item = services.recommendation_create(
        by=request.user,
        session=session,
        unit=unit,
        text=payload.text,
        field=payload.field,
        competence=payload.competence,
        department=department,
        person_name=payload.person_name,
    )
    return Status(201, _detail(_fresh(request, item.pk)))


@router.post("/{int:pk}/assign", response=ItemDetailOut, summary="Giao xử lý")
def assign(request, pk: int, payload: AssignIn):
    item = selectors.get_recommendation_for(request.user, pk, Action.EDIT)
    unit = (
        get_object_or_404(selectors.assignee_units(item.commune), pk=payload.assignee_unit_id)
        if payload.assignee_unit_id
        else None
    )
    person = (
        get_object_or_404(selectors.commune_people(item.commune), pk=payload.assignee_person_id)
        if payload.assignee_person_id
        else None
    )
    services.recommendation_assign(
        item=item,
        by=request.user,
        deadline=payload.deadline,
        priority=payload.priority,
        assignee_unit=unit,
        assignee_person=person,
        reason=payload.reason,
    )
    return _detail(_fresh(request, pk))


@router.post("/{int:pk}/resolve", response=ItemDetailOut, summary="Ghi kết quả giải quyết")
def resolve(request, pk: int, payload: ResolveIn):
    item = _fresh(request, pk)
    services.recommendation_resolve(
        item=item, by=request.user, answer=payload.answer, resolved_on=payload.resolved_on
    )
    return _detail(_fresh(request, pk))


@router.post("/{int:pk}/close", response=ItemDetailOut, summary="Đóng theo trả lời cấp trên")
def close(request, pk: int, payload: CloseIn):
    item = selectors.get_recommendation_for(request.user, pk, Action.EDIT)
    services.recommendation_close(item=item, by=request.user, note=payload.note)
    return _detail(_fresh(request, pk))


@router.post("/reports", response={201: ReportOut}, summary="Báo cáo chuyển kiến nghị lên tỉnh")
def create_report(request, payload: ReportIn):
    commune = access.get_unit_for(request.user, payload.commune_id, Action.EDIT)
    departments = selectors.departments_of(services.province_of(commune))
    entries = []
    for line in payload.items:
        item = selectors.get_recommendation_for(request.user, line.recommendation_id, Action.EDIT)
        department = (
            get_object_or_404(departments, pk=line.department_id) if line.department_id else None
        )
        entries.append(services.ForwardItem(item, line.level, department))
    report = services.report_create(
        commune=commune,
        by=request.user,
        items=entries,
        issued_on=payload.issued_on,
        body=payload.body,
        number=payload.number,
        subject=payload.subject,
    )
    return Status(
        201,
        {
            "id": report.pk,
            "number": report.number_label,
            "issued_on": report.issued_on,
            "items": len(entries),
        },
    )


@router.post(
    "/forwarded/{int:pk}/department", response=ForwardedRowOut, summary="Tỉnh giao sở, ngành"
)
def assign_department(request, pk: int, payload: DepartmentIn):
    forwarding = selectors.get_forwarding_for(request.user, pk, Action.EDIT)
    department = get_object_or_404(
        Unit.objects.filter(parent=forwarding.report.province), pk=payload.department_id
    )
    services.forwarding_assign(forwarding=forwarding, department=department, by=request.user)
    return _row(request, pk)


@router.post("/forwarded/{int:pk}/answer", response=ForwardedRowOut, summary="Tỉnh trả lời")
def answer(request, pk: int, payload: AnswerIn):
    forwarding = selectors.get_forwarding_for(request.user, pk, Action.EDIT)
    services.forwarding_answer(
        forwarding=forwarding,
        answer=payload.answer,
        answered_on=payload.answered_on,
        by=request.user,
    )
    return _row(request, pk)


def _row_out(forwarding, age_days: int, flagged: bool) -> dict:
    return {
        "id": forwarding.pk,
        "recommendation_id": forwarding.recommendation_id,
        "commune": forwarding.commune.name,
        "text": forwarding.recommendation.text,
        "field": forwarding.recommendation.field,
        "level": forwarding.level,
        "forwarded_on": forwarding.forwarded_on,
        "age_days": age_days,
        "flagged": flagged,
        "department": forwarding.department.name if forwarding.department else None,
        "answered_on": forwarding.answered_on,
    }


def _row(request, pk: int) -> dict:
    forwarding = selectors.get_forwarding_for(request.user, pk)
    today = datetime.date.today()
    flagged = selectors.is_flagged(forwarding, selectors.AnswerDays.load(), today)
    return _row_out(forwarding, (today - forwarding.forwarded_on).days, flagged)
