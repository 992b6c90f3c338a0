"""Reads of the admission pipeline: the board by step, one file, and the deadlines that
have passed (the ceremony after the decision, the review after the probation)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from .. import ledger
from ..choices import (
    ADMISSION_ORDER,
    OPEN_ADMISSION_STATES,
    AdmissionState,
    MemberKind,
    MemberStatus,
    RuleKind,
)
from ..models import Admission, PartyMember
from ..rules import Rulebook, whole

ADMISSION_RELATED = (
    "person",
    "cell",
    "commune",
    "decision",
    "full_decision",
    "member",
    "readmission",
)


def admissions_for(user: User, commune: Unit | None = None) -> QuerySet[Admission]:
    admissions = access.restrict(Admission.objects.select_related(*ADMISSION_RELATED), user)
    return admissions.filter(commune=commune) if commune is not None else admissions


def get_admission_for(user: User, pk, action: str = Action.VIEW) -> Admission:
    return access.get_for(Admission.objects.select_related(*ADMISSION_RELATED), user, pk, action)


@dataclass
class Overdue:
    """A deadline that has passed: what is late, since when, and the file or record."""

    label: str
    due_on: datetime.date
    days: int
    admission: Admission | None = None
    record: PartyMember | None = None


def overdue_steps(
    commune: Unit,
    admissions: QuerySet[Admission],
    records: QuerySet[PartyMember],
    today: datetime.date | None = None,
) -> list[Overdue]:
    """Deadlines passed in the Đảng bộ (of what the user may see): ceremonies not held in
    time after the decision, probationary members not yet considered after their 12 months
    (three queries)."""
    today = today or timezone.localdate()
    rules = Rulebook.load(commune, today)
    late: list[Overdue] = []
    ceremony = rules.get(RuleKind.CEREMONY_DAYS)
    if ceremony is not None:
        for admission in admissions.filter(commune=commune, state=AdmissionState.DECIDED):
            due = admission.decision_on + datetime.timedelta(days=whole(ceremony.value))
            if due < today:
                late.append(
                    Overdue("Chưa tổ chức lễ kết nạp", due, (today - due).days, admission=admission)
                )
    probation, review = rules.get(RuleKind.PROBATION_MONTHS), rules.get(RuleKind.FULL_REVIEW_DAYS)
    if probation is not None and review is not None:
        for record in (
            records.filter(
                commune=commune, kind=MemberKind.MEMBER, status=MemberStatus.PROBATIONARY
            )
            .exclude(probation_from__isnull=True)
            .select_related("person", "cell")
        ):
            ends = ledger.add_months(record.probation_from, whole(probation.value))
            due = ends + datetime.timedelta(days=whole(review.value))
            if due < today:
                late.append(
                    Overdue(
                        "Chưa xét công nhận đảng viên chính thức",
                        due,
                        (today - due).days,
                        record=record,
                    )
                )
    late.sort(key=lambda item: -item.days)
    return late


@dataclass
class BoardColumn:
    state: str
    label: str
    admissions: list[Admission]


def admissions_board(admissions: QuerySet[Admission]) -> list[BoardColumn]:
    """Open files by step, in the pipeline's order (one query)."""
    columns = {state: [] for state in OPEN_ADMISSION_STATES}
    for admission in admissions.filter(state__in=OPEN_ADMISSION_STATES).order_by(
        "candidate_on", "id"
    ):
        columns[admission.state].append(admission)
    return [
        BoardColumn(state, AdmissionState(state).label, columns[state])
        for state in ADMISSION_ORDER
        if state in columns
    ]
