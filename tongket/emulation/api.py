"""API endpoints of the emulation module, over the same services and selectors as the
screens (request.user is the token's user)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from tongket.units import access
from tongket.units.api_types import Flag, InSchema, Year, keyed_by_id
from tongket.units.choices import Action
from tongket.units.models import Person

from . import selectors, services
from .models import AwardDecision, AwardKind, Movement, Nomination

router = Router(tags=["Thi đua, khen thưởng"])


class AwardRuleOut(Schema):
    id: int
    award_kind: str | None
    kind: str
    kind_label: str
    recipient: str
    operator: str
    value: Decimal | None
    text: str
    reference_kind: str | None
    unit_id: int | None
    effective_from: datetime.date
    citation: str
    unverified: bool
    in_force: bool


class CheckOut(Schema):
    label: str
    passed: bool
    message: str
    citation: str


class NominationOut(Schema):
    id: int
    year: int
    unit_id: int
    commune_id: int
    award_kind: str
    award_kind_name: str
    recipient: str
    nominee: str
    person_id: int | None
    collective_id: int | None
    achievement: str
    state: str
    state_label: str
    return_reason: str


class NominationDetailOut(NominationOut):
    checks: list[CheckOut]


class NominationIn(InSchema):
    unit_id: int
    year: Year
    award_kind: str
    recipient: str = "individual"
    person_id: int | None = None
    collective_id: int | None = None
    household_name: str = ""
    household_group_id: int | None = None
    movement_id: int | None = None
    achievement: str
    submit: Flag = False


class RegistrationIn(InSchema):
    unit_id: int
    year: Year
    award_kind: str
    recipient: str = "individual"
    person_id: int | None = None
    collective_id: int | None = None
    household_name: str = ""
    household_group_id: int | None = None
    registered_on: datetime.date | None = None


class ReturnIn(InSchema):
    reason: str


class VotesIn(InSchema):
    votes: keyed_by_id(int, {"type": "integer"})


class ApproveIn(InSchema):
    body: str
    number: int | None = None
    signed_on: datetime.date
    signer_id: int | None = None
    signer_name: str = ""
    signer_title: str = ""


class DecisionIn(ApproveIn):
    commune_id: int
    nomination_ids: list[int]


class AwardOut(Schema):
    id: int
    nominee: str
    award_kind: str
    coefficient: Decimal
    prize: int


class DecisionOut(Schema):
    id: int
    number: int
    number_label: str
    body: str
    year: int
    signed_on: datetime.date
    signer_name: str
    base_salary: int
    total: int
    total_in_words: str
    awards: list[AwardOut]


class SessionOut(Schema):
    id: int
    commune_id: int
    year: int
    held_on: datetime.date
    members_present: int


class StatRowOut(Schema):
    awarding_body_label: str
    form_label: str
    collectives: int
    individuals: int
    households: int
    prize_total: int


class TitleRowOut(Schema):
    title_label: str
    count: int


class AwardStatisticsOut(Schema):
    year: int
    rows: list[StatRowOut]
    titles: list[TitleRowOut]
    sentences: list[str]
    has_data: bool


class PledgeSignedOut(Schema):
    cluster_name: str
    cluster_kind: str
    pledge_title: str
    year: int
    first_signed_on: datetime.date
    signed_count: int
    member_count: int


def _nomination_out(n: Nomination) -> dict:
    return {
        "id": n.pk,
        "year": n.year,
        "unit_id": n.unit_id,
        "commune_id": n.commune_id,
        "award_kind": n.award_kind.code,
        "award_kind_name": n.award_kind.name,
        "recipient": n.recipient,
        "nominee": n.nominee_name,
        "person_id": n.person_id,
        "collective_id": n.collective_id,
        "achievement": n.achievement,
        "state": n.state,
        "state_label": n.get_state_display(),
        "return_reason": n.return_reason,
    }


def _decision_out(decision: AwardDecision) -> dict:
    page = selectors.decision_page(decision)
    return {
        "id": decision.pk,
        "number": decision.number,
        "number_label": decision.number_label,
        "body": decision.body,
        "year": decision.year,
        "signed_on": decision.signed_on,
        "signer_name": decision.signer_name,
        "base_salary": decision.base_salary,
        "total": page.total,
        "total_in_words": page.total_in_words,
        "awards": [
            {
                "id": a.pk,
                "nominee": a.nomination.nominee_name,
                "award_kind": a.nomination.award_kind.code,
                "coefficient": a.coefficient,
                "prize": a.prize,
            }
            for a in page.awards
        ],
    }


def _kind(code: str) -> AwardKind:
    return get_object_or_404(AwardKind, code=code)


def _nominee(request, payload) -> dict:
    def unit(pk):
        return access.get_unit_for(request.user, pk) if pk else None

    return {
        "recipient": payload.recipient,
        "person": access.get_for(
            Person.objects.select_related("unit"), request.user, payload.person_id
        )
        if payload.person_id
        else None,
        "collective": unit(payload.collective_id),
        "household_name": payload.household_name,
        "household_group": unit(payload.household_group_id),
    }


@router.get("/rulebook", response=list[AwardRuleOut], summary="Bộ quy định (mọi dòng có ngày)")
def rulebook(request):
    return [
        {
            "id": r.pk,
            "award_kind": r.award_kind.code if r.award_kind_id else None,
            "kind": r.kind,
            "kind_label": r.get_kind_display(),
            "recipient": r.recipient,
            "operator": r.operator,
            "value": r.value,
            "text": r.text,
            "reference_kind": r.reference_kind.code if r.reference_kind_id else None,
            "unit_id": r.unit_id,
            "effective_from": r.effective_from,
            "citation": r.citation,
            "unverified": r.unverified,
            "in_force": r.in_force,
        }
        for group in selectors.rulebook_page(request.user)
        for r in group.rules
    ]


@router.get("/nominations", response=list[NominationOut], summary="Đề nghị khen thưởng")
def nominations(request, year: Year | None = None, state: str = "", limit: int = 500):
    listing = selectors.nominations_list(request.user, year=year, state=state)
    return [_nomination_out(n) for n in listing[: max(1, min(limit, 5000))]]


@router.post("/nominations", response={201: NominationOut}, summary="Lập (và gửi) đề nghị")
def nomination_create(request, payload: NominationIn):
    unit = access.get_unit_for(request.user, payload.unit_id)
    movement = (
        access.get_for(Movement.objects.all(), request.user, payload.movement_id)
        if payload.movement_id
        else None
    )
    nomination = services.nomination_create(
        unit=unit,
        year=payload.year,
        award_kind=_kind(payload.award_kind),
        achievement=payload.achievement,
        movement=movement,
        submit=payload.submit,
        by=request.user,
        **_nominee(request, payload),
    )
    return Status(201, _nomination_out(nomination))


@router.get("/nominations/{int:pk}", response=NominationDetailOut, summary="Một đề nghị")
def nomination_detail(request, pk: int):
    nomination = selectors.get_nomination_for(request.user, pk)
    page = selectors.nomination_page(nomination)
    return {
        **_nomination_out(nomination),
        "checks": [
            {"label": c.label, "passed": c.passed, "message": c.message, "citation": c.citation}
            for c in page.checks
        ],
    }


@router.post("/nominations/{int:pk}/submit", response=NominationOut, summary="Gửi đề nghị")
def nomination_submit(request, pk: int):
    nomination = selectors.get_nomination_for(request.user, pk, Action.ENTER)
    return _nomination_out(services.nomination_submit(nomination=nomination, by=request.user))


@router.post("/nominations/{int:pk}/return", response=NominationOut, summary="Trả lại")
def nomination_return(request, pk: int, payload: ReturnIn):
    nomination = selectors.get_nomination_for(request.user, pk)
    return _nomination_out(
        services.nomination_return(nomination=nomination, reason=payload.reason, by=request.user)
    )


@router.post("/registrations", response={201: dict}, summary="Đăng ký thi đua")
def registration_create(request, payload: RegistrationIn):
    registration = services.registration_create(
        unit=access.get_unit_for(request.user, payload.unit_id),
        year=payload.year,
        award_kind=_kind(payload.award_kind),
        registered_on=payload.registered_on,
        by=request.user,
        **_nominee(request, payload),
    )
    return Status(201, {"id": registration.pk, "nominee": registration.nominee_name})


@router.get("/sessions", response=list[SessionOut], summary="Phiên họp Hội đồng")
def sessions(request, year: Year | None = None):
    listing = selectors.sessions_for(request.user)
    if year:
        listing = listing.filter(year=year)
    return list(listing.order_by("-held_on")[:500])


@router.post("/sessions/{int:pk}/votes", response=dict, summary="Ghi kết quả bỏ phiếu kín")
def session_votes(request, pk: int, payload: VotesIn):
    ballots = services.ballots_record(
        session=selectors.get_session_for(request.user, pk), votes=payload.votes, by=request.user
    )
    return {"recorded": len(ballots), "passed": sum(1 for b in ballots if b.passed)}


@router.post(
    "/sessions/{int:pk}/approve",
    response={201: DecisionOut},
    summary="Duyệt toàn bộ kết quả, ban hành quyết định",
)
def session_approve(request, pk: int, payload: ApproveIn):
    session = selectors.get_session_for(request.user, pk)
    data = payload.dict(exclude={"signer_id"})
    signer = selectors.get_signer(session.commune, payload.signer_id)
    decision = services.council_result_approve(
        session=session, by=request.user, signer=signer, **data
    )
    return Status(201, _decision_out(decision))


@router.get("/decisions", response=list[DecisionOut], summary="Quyết định khen thưởng")
def decisions(request, year: Year | None = None):
    return [_decision_out(d) for d in selectors.decisions_list(request.user, year)[:200]]


@router.post("/decisions", response={201: DecisionOut}, summary="Ban hành quyết định")
def decision_create(request, payload: DecisionIn):
    commune = access.get_unit_for(request.user, payload.commune_id)
    nominations = [selectors.get_nomination_for(request.user, pk) for pk in payload.nomination_ids]
    data = payload.dict(exclude={"commune_id", "nomination_ids", "signer_id"})
    signer = selectors.get_signer(commune, payload.signer_id)
    decision = services.decision_create(
        commune=commune, nominations=nominations, by=request.user, signer=signer, **data
    )
    return Status(201, _decision_out(decision))


@router.get("/statistics", response=AwardStatisticsOut, summary="Thống kê khen thưởng của năm")
def statistics(request, unit: int, year: Year):
    stats = selectors.commendation_statistics(access.get_unit_for(request.user, unit), year)
    return stats


@router.get(
    "/pledges-signed", response=list[PledgeSignedOut], summary="Các cụm, khối đã ký giao ước"
)
def pledges_signed(request, unit: int, year: Year):
    return selectors.pledges_signed(access.get_unit_for(request.user, unit), year)
