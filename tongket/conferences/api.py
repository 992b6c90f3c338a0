"""API for conferences, over the same selectors and services as the screens."""

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from tongket.units import access
from tongket.units.api_types import InSchema, LocalTime, Year
from tongket.units.choices import Action

from . import selectors, services
from .choices import ConferenceKind, Organisers, SpeechKind

router = Router(tags=["Hội nghị"])


class GuestOut(Schema):
    person_id: int | None
    full_name: str
    title: str


class SpeechOut(Schema):
    id: int
    kind: str
    speaker_name: str
    speaker_title: str
    content: str


class ConferenceOut(Schema):
    id: int
    unit_id: int
    kind: str
    organisers: str
    year: int
    date: datetime.date
    start_time: LocalTime | None
    venue: str
    title: str
    headline: str
    discussion: str
    author_name: str
    author_unit: str
    guests: list[GuestOut]
    speeches: list[SpeechOut]


class ConferenceIn(InSchema):
    unit_id: int
    kind: ConferenceKind = ConferenceKind.YEAR_REVIEW
    organisers: Organisers = Organisers.BOTH
    year: Year
    date: datetime.date
    start_time: LocalTime | None = None
    venue: str
    directions: str = ""
    shortcomings: str = ""
    title: str = ""
    headline: str = ""
    discussion: str = ""
    author_name: str = ""
    author_unit: str = ""


class GuestIn(InSchema):
    """A person of the list (person_id), or a past year's guest by name and title."""

    person_id: int | None = None
    name: str = ""
    title: str = ""


class SpeechIn(InSchema):
    kind: SpeechKind = SpeechKind.DIRECTION
    guest_id: int | None = None
    speaker_name: str = ""
    speaker_title: str = ""
    content: str


class ReportNumberIn(InSchema):
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
            if name not in ("guests", "speeches")
        },
        "guests": [
            {"person_id": g.person_id, "full_name": g.full_name, "title": g.title}
            for g in conference.guests.all()
        ],
        "speeches": list(conference.speeches.all()),
    }


@router.get("/", response=list[ConferenceOut], summary="Hội nghị trong phạm vi")
def list_conferences(request, year: Year | None = None):
    listing = selectors.conference_list(request.user, year=year).prefetch_related(
        "guests__person", "speeches"
    )
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
    if payload.person_id is None:
        services.guest_add_named(
            conference=conference, name=payload.name, title=payload.title, by=request.user
        )
    else:
        person = get_object_or_404(
            selectors.guest_candidates(conference.unit), pk=payload.person_id
        )
        services.guest_add(conference=conference, person=person, by=request.user)
    return Status(201, _out(selectors.conference_queryset().get(pk=pk)))


@router.post("/{int:pk}/speeches", response={201: ConferenceOut}, summary="Ghi một phát biểu")
def add_speech(request, pk: int, payload: SpeechIn):
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    guest = (
        get_object_or_404(conference.guests.all(), pk=payload.guest_id)
        if payload.guest_id is not None
        else None
    )
    services.speech_add(
        conference=conference,
        kind=payload.kind,
        guest=guest,
        speaker_name=payload.speaker_name,
        speaker_title=payload.speaker_title,
        content=payload.content,
        by=request.user,
    )
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
