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
    "commune__parent",
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


# The decisions' documents ----------------------------------------------------------------------


@dataclass
class DecisionDocument:
    """What an admission decision or a decision making a member full says, read once for the
    documents app (HD 36 layout)."""

    kind: str  # "admission" or "full"
    admission: Admission
    commune: Unit
    province_name: str
    number: str
    signed_on: datetime.date
    signer_title: str
    signer_name: str
    grounds: list[str]
    probation_months: int | None
    ceremony_days: int | None
    full_from: datetime.date | None


def decision_document(admission: Admission, kind: str) -> DecisionDocument | None:
    """The decision of a file ("admission" or "full"), or None before it is taken."""
    decided = admission.decision if kind == "admission" else admission.full_decision
    if decided is None:
        return None
    on = admission.decision_on if kind == "admission" else admission.full_decision_on
    rules = Rulebook.load(admission.commune, on)
    documents = []
    for rule_kind in (RuleKind.PROBATION_MONTHS, RuleKind.ADMISSION_MIN_AGE):
        rule = rules.get(rule_kind)
        if rule is not None and rule.citation_document not in documents:
            documents.append(rule.citation_document)
    probation = rules.get(RuleKind.PROBATION_MONTHS)
    ceremony = rules.get(RuleKind.CEREMONY_DAYS)
    full_from = None
    if kind == "full" and admission.ceremony_on and probation is not None:
        full_from = ledger.add_months(admission.ceremony_on, whole(probation.value))
    province = admission.commune.parent
    return DecisionDocument(
        kind=kind,
        admission=admission,
        commune=admission.commune,
        province_name=province.name if province is not None else "",
        number=str(decided),
        signed_on=on,
        signer_title=admission.signer_title if kind == "admission" else admission.full_signer_title,
        signer_name=admission.signer_name if kind == "admission" else admission.full_signer_name,
        grounds=documents,
        probation_months=whole(probation.value) if probation else None,
        ceremony_days=whole(ceremony.value) if ceremony else None,
        full_from=full_from,
    )
