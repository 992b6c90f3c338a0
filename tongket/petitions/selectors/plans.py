"""Reads of the planning stage: plans in scope, one plan's page, who may join the delegation
or sign, which units a session may be held with."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from tongket.units import access
from tongket.units.choices import Action, UnitKind
from tongket.units.models import Person, Position, Unit, User
from tongket.units.selectors import holders_on

from ..choices import COMMUNE_DELEGATION_ROLES, MASS_DELEGATION_ROLES, State
from ..models import (
    ConclusionNotice,
    DelegationMember,
    Forwarding,
    Plan,
    ProvinceReport,
    Recommendation,
    Session,
)
from ..services._common import SIGNER_ROLES


def communes_for(user: User, action: str = Action.EDIT) -> QuerySet[Unit]:
    """Communes where the user may plan working sessions."""
    return access.units_for(user, action).communes().filter(valid_to__isnull=True).order_by("path")


def plan_list(user: User, *, year: int | None = None) -> QuerySet[Plan]:
    plans = access.restrict(Plan.objects.select_related("unit", "number"), user)
    if year is not None:
        plans = plans.filter(period_start__year=year)
    return plans.annotate(
        session_count=Count("sessions", distinct=True),
        item_count=Count("recommendations", distinct=True),
    ).order_by("-issued_on", "-id")


def plan_queryset() -> QuerySet[Plan]:
    return Plan.objects.select_related("unit", "unit__parent", "number", "signer")


def get_plan_for(user: User, pk, action: str = Action.VIEW) -> Plan:
    return access.get_for(plan_queryset(), user, pk, action)


def session_queryset() -> QuerySet[Session]:
    return Session.objects.select_related("plan__unit", "plan__number", "unit")


def get_session_for(user: User, pk, action: str = Action.VIEW) -> Session:
    return access.get_for(session_queryset(), user, pk, action)


@dataclass
class PlanPage:
    plan: Plan
    delegation: list[DelegationMember]
    sessions: list[Session]
    notices: list[ConclusionNotice]
    reports: list[ProvinceReport]


def plan_page(plan: Plan, user: User) -> PlanPage:
    """What a plan's page shows (five queries): the delegation, the sessions the user may see
    with their item counts, the notices and the reports that carried the round's items up."""
    sessions = (
        access.restrict(Session.objects.filter(plan=plan).select_related("unit"), user)
        .annotate(
            item_count=Count("recommendations", distinct=True),
            open_count=Count(
                "recommendations",
                filter=Q(recommendations__state__in=[State.NEW, State.ASSIGNED, State.IN_PROGRESS]),
                distinct=True,
            ),
        )
        .order_by("date", "start_time", "id")
    )
    reports = ProvinceReport.objects.filter(
        pk__in=Forwarding.objects.filter(recommendation__plan=plan).values("report_id")
    ).select_related("number")
    return PlanPage(
        plan=plan,
        delegation=list(plan.delegation.select_related("person").order_by("-leads", "order", "id")),
        sessions=list(sessions),
        notices=list(
            access.restrict(
                ConclusionNotice.objects.filter(plan=plan).select_related(
                    "number", "session__unit"
                ),
                user,
            ).order_by("issued_on", "id")
        ),
        reports=list(access.restrict(reports, user).order_by("issued_on", "id")),
    )


def delegation_candidates(plan: Plan) -> QuerySet[Position]:
    """Positions whose holders may join the delegation on the plan's date: the commune's Ban
    Thường vụ, Thường trực HĐND, UBND and Ủy ban MTTQ, and the heads of its đoàn thể."""
    on = plan.issued_on
    commune = plan.unit
    return (
        Position.objects.filter(start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .filter(
            Q(unit=commune, role__in=list(COMMUNE_DELEGATION_ROLES))
            | Q(
                unit__parent=commune,
                unit__kind=UnitKind.MASS_ORGANIZATION,
                role__in=list(MASS_DELEGATION_ROLES),
            )
        )
        .exclude(person_id__in=plan.delegation.values("person_id"))
        .select_related("person", "unit")
        .order_by("unit__depth", "role", "person__name_folded")
    )


def signer_candidates(body: str, commune: Unit, on: datetime.date) -> list[Person]:
    """Who may sign the body's documents on a date, the preferred first."""
    return [position.person for position in holders_on(commune, SIGNER_ROLES[body], on)]


def signer_choices(commune: Unit) -> QuerySet[Person]:
    """People holding (now or before) a position that signs the commune's documents; the
    service checks the position was held on the document's date."""
    roles = [role for roles in SIGNER_ROLES.values() for role in roles]
    return (
        Person.objects.filter(positions__unit=commune, positions__role__in=roles)
        .distinct()
        .order_by("name_folded", "id")
    )


def session_units(plan: Plan) -> QuerySet[Unit]:
    """Subordinate units of the commune a session may be held with."""
    return (
        Unit.objects.filter(parent=plan.unit)
        .exclude(kind__in=[UnitKind.XA, UnitKind.PHUONG, UnitKind.DAC_KHU])
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=plan.period_start))
        .order_by("kind", "name_folded")
    )


def session_page_items(session: Session, user: User) -> list[Recommendation]:
    return list(
        access.restrict(
            session.recommendations.select_related(
                "assignee_unit", "assignee_person", "department"
            ),
            user,
        ).order_by("priority", "id")
    )


@dataclass
class PlanDocument:
    """What the plan's document and the round's article read (three queries)."""

    plan: Plan
    delegation: list[DelegationMember]
    sessions: list[Session]
    notices: list[ConclusionNotice]

    @property
    def head(self) -> DelegationMember | None:
        return next((member for member in self.delegation if member.leads), None)


def plan_document(plan: Plan) -> PlanDocument:
    return PlanDocument(
        plan=plan,
        delegation=list(plan.delegation.select_related("person").order_by("-leads", "order", "id")),
        sessions=list(plan.sessions.select_related("unit").order_by("date", "start_time", "id")),
        notices=list(plan.notices.select_related("number").order_by("issued_on", "id")),
    )


@dataclass
class NoticeDocument:
    """What a conclusion notice's document reads (four queries)."""

    notice: ConclusionNotice
    items: list[Recommendation]
    sent_up: list[Recommendation]
    head: DelegationMember | None
    present: list[DelegationMember]


def notice_document(notice: ConclusionNotice) -> NoticeDocument:
    beyond = Recommendation.objects.filter(plan=notice.plan_id).exclude(competence="commune")
    if notice.session_id:
        beyond = beyond.filter(session=notice.session_id)
    present = (
        list(notice.session.delegation_present.select_related("person"))
        if notice.session_id
        else []
    )
    return NoticeDocument(
        notice=notice,
        items=[
            line.recommendation
            for line in notice.lines.select_related(
                "recommendation__assignee_unit", "recommendation__assignee_person"
            ).order_by("order", "id")
        ],
        sent_up=list(beyond.select_related("department").order_by("received_on", "id")),
        head=notice.plan.delegation.select_related("person").filter(leads=True).first(),
        present=present,
    )
