"""API for conferences, over the same selectors and services as the screens."""

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from tongket.units import access
from tongket.units.choices import Action

from . import selectors, services
from .choices import ConferenceKind, Organisers

router = Router(tags=["Hội nghị"])


class GuestOut(Schema):
    person_id: int
    full_name: str
    title: str


class ConferenceOut(Schema):
    id: int
    unit_id: int
    kind: str
    organisers: str
    year: int
    date: datetime.date
    start_time: datetime.time
    venue: str
    guests: list[GuestOut]


class ConferenceIn(Schema):
    unit_id: int
    kind: ConferenceKind = ConferenceKind.YEAR_REVIEW
    organisers: Organisers = Organisers.BOTH
    year: int
    date: datetime.date
    start_time: datetime.time = datetime.time(8, 0)
    venue: str
    directions: str = ""
    shortcomings: str = ""


class GuestIn(Schema):
    person_id: int


class ReportNumberIn(Schema):
    number: int | None = None


class ReportNumberOut(Schema):
    layout: str
    number: int
    label: str


def _out(conference) -> dict:
    return {
        **{
            name: getattr(conference, name)
            for name in ConferenceOut.model_fields
            if name != "guests"
        },
        "guests": [
            {"person_id": g.person_id, "full_name": g.person.full_name, "title": g.title}
            for g in conference.guests.all()
        ],
    }


@router.get("/", response=list[ConferenceOut], summary="Hội nghị trong phạm vi")
def list_conferences(request, year: int | None = None):
    listing = selectors.conference_list(request.user, year=year).prefetch_related("guests__person")
    return [_out(conference) for conference in listing[:200]]


@router.get("/{int:pk}", response=ConferenceOut, summary="Một hội nghị")
def get_conference(request, pk: int):
    return _out(selectors.get_conference_for(request.user, pk))


@router.post("/", response={201: ConferenceOut}, summary="Thêm hội nghị")
def create_conference(request, payload: ConferenceIn):
    unit = access.get_unit_for(request.user, payload.unit_id, Action.EDIT)
    fields = payload.dict(exclude={"unit_id"})
    conference = services.conference_create(unit=unit, by=request.user, **fields)
    return Status(201, _out(selectors.conference_queryset().get(pk=conference.pk)))


@router.post("/{int:pk}/guests", response={201: ConferenceOut}, summary="Mời khách")
def add_guest(request, pk: int, payload: GuestIn):
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    person = get_object_or_404(selectors.guest_candidates(conference.unit), pk=payload.person_id)
    services.guest_add(conference=conference, person=person, by=request.user)
    return Status(201, _out(selectors.conference_queryset().get(pk=pk)))


@router.post(
    "/{int:pk}/report-number/{layout}",
    response={201: ReportNumberOut},
    summary="Lấy số báo cáo từ sổ văn bản (state: UBND, party: Đảng ủy)",
)
def take_report_number(request, pk: int, layout: str, payload: ReportNumberIn):
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    issued = services.report_number_take(
        conference=conference, layout=layout, number=payload.number, by=request.user
    )
    return Status(201, {"layout": layout, "number": issued.number, "label": str(issued)})
