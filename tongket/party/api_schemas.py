"""The shapes the party API reads and writes, and the functions that fill the output ones."""

from __future__ import annotations

import datetime
from decimal import Decimal

from ninja import Schema

from tongket.units.api_types import InSchema, Number, Year, keyed_by_id

from .models import PartyMember, QualityRating, Transfer


class CellRowOut(Schema):
    cell_id: int
    cell: str
    cell_type: str
    full: int
    probationary: int
    total: int


class PartyStatisticsOut(Schema):
    commune_id: int
    year: int
    as_of: datetime.date
    total: int
    full: int
    probationary: int
    admitted: int
    total_start: int
    cells: list[CellRowOut]
    cells_by_type: dict[str, int]
    member_levels: dict[str, int]
    cell_levels: dict[str, int]
    committee_level: str
    badges: dict[int, int]
    sentences: list[str]


class CommunePartyOut(Schema):
    commune_id: int
    commune: str
    cells: int
    total: int
    probationary: int
    admitted: int
    excellent_members: int
    excellent_cells: int
    good_cells_share: Decimal | None


class MemberOut(Schema):
    id: int
    full_name: str
    birth_date: datetime.date | None
    kind: str
    commune_id: int
    cell_id: int
    cell: str
    card_number: str
    admitted_on: datetime.date | None
    full_on: datetime.date | None
    status: str
    status_label: str
    exempt: bool
    away: bool


class EventOut(Schema):
    id: int
    kind: str
    kind_label: str
    on: datetime.date
    cell_id: int
    document: str
    other_place: str


class MemberDetailOut(MemberOut):
    events: list[EventOut]
    party_years: int | None


class MemberIn(InSchema):
    commune_id: int
    cell_id: int
    full_name: str
    birth_date: datetime.date | None = None
    gender: str = ""
    admitted_on: datetime.date
    full_on: datetime.date | None = None
    joined_on: datetime.date | None = None
    card_number: str = ""
    education: int | None = None
    badge_before: int | None = None


class EventIn(InSchema):
    kind: str
    on: datetime.date
    document: str = ""
    note: str = ""


class MoveIn(InSchema):
    to_cell_id: int
    on: datetime.date
    document: str = ""


class TransferIn(InSchema):
    kind: str
    on: datetime.date
    to_cell_id: int | None = None
    to_place: str = ""
    document: str = ""


class TransferOut(Schema):
    id: int
    member_id: int
    kind: str
    from_cell_id: int
    to_cell_id: int
    on: datetime.date
    state: str


class BadgeIn(InSchema):
    milestone: int
    awarded_on: datetime.date
    document: str = ""


class IntroducerIn(InSchema):
    member_id: int
    together_since: datetime.date


class AdmissionIn(InSchema):
    cell_id: int
    full_name: str
    birth_date: datetime.date
    gender: str = ""
    education: int
    education_exception: str = ""
    candidate_on: datetime.date


class StepIn(InSchema):
    """One step's data; each step reads the fields it needs."""

    on: datetime.date
    certificate_no: str = ""
    introducers: list[IntroducerIn] = []
    votes_for: int = 0
    total: int | None = None
    number: int | None = None
    reason: str = ""


class AdmissionOut(Schema):
    id: int
    commune_id: int
    cell_id: int
    full_name: str
    state: str
    state_label: str
    candidate_on: datetime.date
    decision: str | None
    decision_on: datetime.date | None
    ceremony_on: datetime.date | None
    member_id: int | None
    full_decision: str | None


class RatingOut(Schema):
    id: int
    subject: str
    year: int
    unit_id: int
    member_id: int | None
    self_points: Decimal | None
    self_level: str
    proposed_level: str
    decided_level: str
    state: str


class SelfIn(InSchema):
    subject: str
    year: Year
    member_id: int | None = None
    unit_id: int | None = None
    points: Number | None = None
    level: str = ""
    note: str = ""


class ProposeIn(InSchema):
    level: str
    points: Number | None = None


class DecideIn(InSchema):
    commune_id: int
    year: Year
    decided_on: datetime.date
    levels: keyed_by_id(str, {"type": "string"})


class BadgeDueOut(Schema):
    member_id: int
    full_name: str
    milestone: int
    reached_on: datetime.date


class BadgesOut(Schema):
    award_on: datetime.date | None
    due: list[BadgeDueOut]


class PartyRuleOut(Schema):
    id: int
    kind: str
    kind_label: str
    key: str
    value: Decimal | None
    text: str
    unit_id: int | None
    effective_from: datetime.date
    repealed: bool
    citation: str
    unverified: bool
    in_force: bool


class TermOut(Schema):
    id: int
    name: str
    start_date: datetime.date
    end_date: datetime.date | None
    congress_date: datetime.date | None
    congress_ordinal: int | None
    secretaries: list[str]
    deputies: list[str]
    standing: list[str]
    committee: list[str]


# Output ------------------------------------------------------------------------------------


def member_out(record: PartyMember) -> dict:
    return {
        "id": record.pk,
        "full_name": record.person.full_name,
        "birth_date": record.person.birth_date,
        "kind": record.kind,
        "commune_id": record.commune_id,
        "cell_id": record.cell_id,
        "cell": record.cell.name,
        "card_number": record.card_number,
        "admitted_on": record.admitted_on,
        "full_on": record.full_on,
        "status": record.status,
        "status_label": record.get_status_display() if record.status else "",
        "exempt": record.exempt,
        "away": record.away,
    }


def event_out(event) -> dict:
    return {
        "id": event.pk,
        "kind": event.kind,
        "kind_label": event.get_kind_display(),
        "on": event.on,
        "cell_id": event.cell_id,
        "document": event.document,
        "other_place": event.other_place,
    }


def admission_out(admission) -> dict:
    return {
        "id": admission.pk,
        "commune_id": admission.commune_id,
        "cell_id": admission.cell_id,
        "full_name": admission.person.full_name,
        "state": admission.state,
        "state_label": admission.get_state_display(),
        "candidate_on": admission.candidate_on,
        "decision": str(admission.decision) if admission.decision_id else None,
        "decision_on": admission.decision_on,
        "ceremony_on": admission.ceremony_on,
        "member_id": admission.member_id,
        "full_decision": str(admission.full_decision) if admission.full_decision_id else None,
    }


def rating_out(rating: QualityRating) -> dict:
    return {
        "id": rating.pk,
        "subject": rating.subject,
        "year": rating.year,
        "unit_id": rating.unit_id,
        "member_id": rating.member_id,
        "self_points": rating.self_points,
        "self_level": rating.self_level,
        "proposed_level": rating.proposed_level,
        "decided_level": rating.decided_level,
        "state": rating.state,
    }


def transfer_out(transfer: Transfer) -> dict:
    return {
        "id": transfer.pk,
        "member_id": transfer.member_id,
        "kind": transfer.kind,
        "from_cell_id": transfer.from_cell_id,
        "to_cell_id": transfer.to_cell_id,
        "on": transfer.on,
        "state": transfer.state,
    }


def statistics_out(stats) -> dict:
    return {
        "commune_id": stats.commune.pk,
        "year": stats.year,
        "as_of": stats.as_of,
        "total": stats.total,
        "full": stats.full,
        "probationary": stats.probationary,
        "admitted": stats.admitted,
        "total_start": stats.total_start,
        "cells": [
            {
                "cell_id": row.cell.pk,
                "cell": row.cell.name,
                "cell_type": row.cell_type,
                "full": row.full,
                "probationary": row.probationary,
                "total": row.total,
            }
            for row in stats.cells
        ],
        "cells_by_type": {key: n for key, _, n in stats.cells_by_type},
        "member_levels": stats.member_levels,
        "cell_levels": stats.cell_levels,
        "committee_level": stats.committee_level,
        "badges": stats.badges,
        "sentences": stats.sentences,
    }
