"""API endpoints of the party module (/api/v1/party/), over the same services and selectors
as the screens. Personal records answer only party-side grants (404 otherwise); the
statistics answer either side."""

from __future__ import annotations

from django.http import Http404
from ninja import Router, Status

from tongket.units import access
from tongket.units.api_types import Year
from tongket.units.choices import COMMUNE_KINDS, Action, UnitKind
from tongket.units.models import Unit

from . import selectors, services
from .api_schemas import (
    AdmissionIn,
    AdmissionOut,
    BadgeIn,
    BadgesOut,
    CommunePartyOut,
    DecideIn,
    EventIn,
    EventOut,
    MemberDetailOut,
    MemberIn,
    MemberOut,
    MoveIn,
    PartyRuleOut,
    PartyStatisticsOut,
    ProposeIn,
    RatingOut,
    SelfIn,
    StepIn,
    TermOut,
    TransferIn,
    TransferOut,
    admission_out,
    event_out,
    member_out,
    rating_out,
    statistics_out,
    transfer_out,
)
from .choices import PARTY_SIDE, Subject
from .models import QualityRating, Transfer

router = Router(tags=["Công tác Đảng"])


def _records_commune(request, pk: int) -> Unit:
    """A Đảng bộ whose records the user reaches (its office, leaders, or a chi bộ in it)."""
    commune = Unit.objects.filter(pk=pk, kind__in=COMMUNE_KINDS).first()
    if commune is None or not (
        selectors.can_see_records(request.user, commune)
        or selectors.party_cells(request.user).filter(parent=commune).exists()
    ):
        raise Http404
    return commune


def _cell(request, pk: int) -> Unit:
    return selectors.party_unit_for(request.user, pk)


# Counts (either side) ------------------------------------------------------------------------


@router.get("/statistics", response=PartyStatisticsOut, summary="Số liệu công tác Đảng của năm")
def statistics(request, commune: int, year: Year):
    return statistics_out(
        selectors.party_statistics(selectors.counts_unit_for(request.user, commune), year)
    )


@router.get("/province", response=list[CommunePartyOut], summary="Các xã, phường cạnh nhau")
def province(request, province: int, year: Year):
    unit = selectors.counts_unit_for(request.user, province, kinds=(UnitKind.PROVINCE,))
    return [
        {
            "commune_id": row.commune.pk,
            "commune": row.commune.name,
            "cells": row.cells,
            "total": row.total,
            "probationary": row.probationary,
            "admitted": row.admitted,
            "excellent_members": row.excellent_members,
            "excellent_cells": row.excellent_cells,
            "good_cells_share": row.good_cells_share,
        }
        for row in selectors.province_party_figures(unit, year).rows
    ]


@router.get("/rulebook", response=list[PartyRuleOut], summary="Quy định công tác Đảng")
def rulebook(request):
    if not (
        access.is_superuser(request.user)
        or access.can_anywhere(request.user, Action.VIEW, PARTY_SIDE)
    ):
        raise Http404
    return [
        {
            "id": r.pk,
            "kind": r.kind,
            "kind_label": r.get_kind_display(),
            "key": r.key,
            "value": r.value,
            "text": r.text,
            "unit_id": r.unit_id,
            "effective_from": r.effective_from,
            "repealed": r.repealed,
            "citation": r.citation,
            "unverified": r.unverified,
            "in_force": r.in_force,
        }
        for group in selectors.rulebook_page(selectors.party_communes(request.user).first())
        for r in group.rules
    ]


@router.get("/terms", response=list[TermOut], summary="Nhiệm kỳ Đảng ủy và Ban Chấp hành")
def terms(request, commune: int):
    unit = _records_commune(request, commune)
    if not selectors.can_see_records(request.user, unit):
        raise Http404

    def names(positions):
        return [position.person.full_name for position in positions]

    return [
        {
            "id": page.term.pk,
            "name": page.term.name,
            "start_date": page.term.start_date,
            "end_date": page.term.end_date,
            "congress_date": page.detail.congress_date if page.detail else None,
            "congress_ordinal": page.detail.congress_ordinal if page.detail else None,
            "secretaries": names(page.secretaries),
            "deputies": names(page.deputies),
            "standing": names(page.standing),
            "committee": names(page.committee),
        }
        for page in selectors.terms_page(unit)
    ]


# Members ---------------------------------------------------------------------------------------


@router.get("/members", response=list[MemberOut], summary="Danh sách đảng viên")
def members(
    request, commune: int, q: str = "", cell: int | None = None, status: str = "", limit: int = 500
):
    unit = _records_commune(request, commune)
    listing = selectors.members_list(
        request.user,
        commune=unit,
        cell=_cell(request, cell) if cell else None,
        query=q,
        status=status,
    )
    return [member_out(record) for record in listing[: max(1, min(limit, 5000))]]


@router.get("/members/{int:pk}", response=MemberDetailOut, summary="Hồ sơ một đảng viên")
def member_detail(request, pk: int):
    page = selectors.member_page(selectors.get_member_for(request.user, pk))
    return {
        **member_out(page.record),
        "events": [event_out(event) for event in page.events],
        "party_years": page.years,
    }


@router.post("/members", response={201: MemberOut}, summary="Thêm đảng viên")
def member_create(request, payload: MemberIn):
    commune = _records_commune(request, payload.commune_id)
    data = payload.dict(exclude={"commune_id", "cell_id"})
    record = services.member_create(
        commune=commune, cell=_cell(request, payload.cell_id), by=request.user, **data
    )
    return Status(201, member_out(record))


@router.post("/members/{int:pk}/events", response={201: EventOut}, summary="Ghi sự kiện")
def member_event(request, pk: int, payload: EventIn):
    record = selectors.get_member_for(request.user, pk, Action.EDIT)
    event = services.member_event_record(record=record, by=request.user, **payload.dict())
    return Status(201, event_out(event))


@router.post("/members/{int:pk}/move", response={201: EventOut}, summary="Chuyển chi bộ")
def member_move(request, pk: int, payload: MoveIn):
    record = selectors.get_member_for(request.user, pk, Action.EDIT)
    to_cell = Unit.objects.filter(pk=payload.to_cell_id, kind=UnitKind.PARTY_CELL).first()
    if to_cell is None:
        raise Http404
    event = services.member_move_cell(
        record=record, to_cell=to_cell, on=payload.on, document=payload.document, by=request.user
    )
    return Status(201, event_out(event))


@router.post("/members/{int:pk}/transfer", response={201: dict}, summary="Chuyển sinh hoạt đi")
def member_transfer(request, pk: int, payload: TransferIn):
    record = selectors.get_member_for(request.user, pk, Action.EDIT)
    to_cell = None
    if payload.to_cell_id:
        to_cell = Unit.objects.filter(pk=payload.to_cell_id, kind=UnitKind.PARTY_CELL).first()
        if to_cell is None:
            raise Http404
    result = services.transfer_out(
        record=record,
        kind=payload.kind,
        on=payload.on,
        to_cell=to_cell,
        to_place=payload.to_place,
        document=payload.document,
        by=request.user,
    )
    if isinstance(result, Transfer):
        return Status(201, {"transfer_id": result.pk, "state": result.state})
    return Status(201, {"event_id": result.pk, "kind": result.kind})


@router.post("/members/{int:pk}/badges", response={201: dict}, summary="Trao Huy hiệu Đảng")
def member_badge(request, pk: int, payload: BadgeIn):
    record = selectors.get_member_for(request.user, pk, Action.EDIT)
    badge = services.badge_award(record=record, by=request.user, **payload.dict())
    return Status(201, {"id": badge.pk, "milestone": badge.milestone})


@router.get("/transfers/incoming", response=list[TransferOut], summary="Chờ tiếp nhận")
def transfers_incoming(request):
    if not (
        access.is_superuser(request.user)
        or access.can_anywhere(request.user, Action.VIEW, PARTY_SIDE)
    ):
        raise Http404
    return [transfer_out(t) for t in selectors.transfers_incoming(request.user)[:500]]


@router.post("/transfers/{int:pk}/accept", response=TransferOut, summary="Tiếp nhận")
def transfer_accept(request, pk: int):
    transfer = selectors.get_transfer_for_receiver(request.user, pk)
    return transfer_out(services.transfer_accept(transfer=transfer, by=request.user))


@router.post("/transfers/{int:pk}/refuse", response=TransferOut, summary="Không tiếp nhận")
def transfer_refuse(request, pk: int):
    transfer = selectors.get_transfer_for_receiver(request.user, pk)
    return transfer_out(services.transfer_refuse(transfer=transfer, by=request.user))


@router.get("/badges", response=BadgesOut, summary="Huy hiệu Đảng đến mốc ở đợt trao tới")
def badges(request, commune: int):
    unit = _records_commune(request, commune)
    found = selectors.badges_due(unit, selectors.members_list(request.user, commune=unit))
    return {
        "award_on": found.award_on,
        "due": [
            {
                "member_id": item.record.pk,
                "full_name": item.record.person.full_name,
                "milestone": item.milestone,
                "reached_on": item.reached_on,
            }
            for item in found.due
        ],
    }


# Admissions -------------------------------------------------------------------------------------


@router.get("/admissions", response=list[AdmissionOut], summary="Hồ sơ kết nạp")
def admissions(request, commune: int):
    unit = _records_commune(request, commune)
    return [admission_out(a) for a in selectors.admissions_for(request.user, unit)[:1000]]


@router.get("/admissions/{int:pk}", response=AdmissionOut, summary="Một hồ sơ kết nạp")
def admission_detail(request, pk: int):
    return admission_out(selectors.get_admission_for(request.user, pk))


@router.post("/admissions", response={201: AdmissionOut}, summary="Lập hồ sơ quần chúng ưu tú")
def admission_create(request, payload: AdmissionIn):
    admission = services.admission_create(
        cell=_cell(request, payload.cell_id),
        by=request.user,
        **payload.dict(exclude={"cell_id"}),
    )
    return Status(201, admission_out(admission))


def _step_call(request, admission, step: str, payload: StepIn):
    by, on = request.user, payload.on
    if step == "course":
        return services.admission_course(
            admission=admission, course_on=on, certificate_no=payload.certificate_no, by=by
        )
    if step == "introduce":
        introducers = [
            (selectors.get_member_for(by, item.member_id), item.together_since)
            for item in payload.introducers
        ]
        return services.admission_introduce(
            admission=admission, introduced_on=on, introducers=introducers, by=by
        )
    votes = {"vote_on": on, "votes_for": payload.votes_for, "by": by}
    if step == "cell-vote":
        return services.admission_cell_vote(
            admission=admission, full_members=payload.total, **votes
        )
    if step == "committee-vote":
        return services.admission_committee_vote(
            admission=admission, members=payload.total, **votes
        )
    if step == "full-vote":
        return services.admission_full_vote(
            admission=admission, full_members=payload.total, **votes
        )
    if step == "decide":
        return services.admission_decide(
            admission=admission, decision_on=on, number=payload.number, by=by
        )
    if step == "make-full":
        return services.admission_make_full(
            admission=admission, decision_on=on, number=payload.number, by=by
        )
    if step == "ceremony":
        return services.admission_ceremony(admission=admission, ceremony_on=on, by=by)
    if step == "close":
        return services.admission_close(admission=admission, on=on, reason=payload.reason, by=by)
    raise Http404


@router.post(
    "/admissions/{int:pk}/{step}",
    response=AdmissionOut,
    summary="Một bước: course, introduce, cell-vote, committee-vote, decide, ceremony, "
    "full-vote, make-full, close",
)
def admission_step(request, pk: int, step: str, payload: StepIn):
    admission = selectors.get_admission_for(request.user, pk)
    return admission_out(_step_call(request, admission, step, payload))


# Ratings --------------------------------------------------------------------------------------


@router.get("/ratings", response=list[RatingOut], summary="Xếp loại chất lượng của năm")
def ratings(request, commune: int, year: Year):
    unit = _records_commune(request, commune)
    listing = access.restrict(QualityRating.objects.filter(commune=unit, year=year), request.user)
    return [rating_out(r) for r in listing.order_by("subject", "unit_id", "id")[:5000]]


@router.post("/ratings/self", response={201: RatingOut}, summary="Tự đánh giá")
def rating_self(request, payload: SelfIn):
    target = {}
    if payload.subject == Subject.MEMBER:
        target["member"] = selectors.get_member_for(request.user, payload.member_id)
    elif payload.subject == Subject.CELL:
        target["unit"] = _cell(request, payload.unit_id)
    else:
        target["unit"] = _records_commune(request, payload.unit_id or 0)
    rating = services.rating_self_assess(
        subject=payload.subject,
        year=payload.year,
        points=payload.points,
        level=payload.level,
        note=payload.note,
        by=request.user,
        **target,
    )
    return Status(201, rating_out(rating))


@router.post("/ratings/{int:pk}/propose", response=RatingOut, summary="Chi bộ đề xuất")
def rating_propose(request, pk: int, payload: ProposeIn):
    rating = access.get_for(
        QualityRating.objects.select_related("commune", "unit"), request.user, pk
    )
    return rating_out(services.rating_propose(rating=rating, by=request.user, **payload.dict()))


@router.post("/ratings/decide", response=list[RatingOut], summary="Đảng ủy quyết định")
def ratings_decide(request, payload: DecideIn):
    commune = _records_commune(request, payload.commune_id)
    decided = services.ratings_decide(
        commune=commune,
        year=payload.year,
        levels=payload.levels,
        decided_on=payload.decided_on,
        by=request.user,
    )
    return [rating_out(r) for r in decided]
