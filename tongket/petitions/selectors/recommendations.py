"""Reads of recommendations: the commune's list with its filters, one item with its history,
and each person's own list (assigned to me, raised by my unit, overdue)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from tongket.lib.text import fold
from tongket.units import access
from tongket.units.choices import Action, UnitKind
from tongket.units.models import AuditEntry, Person, Unit, User

from ..choices import OPEN_STATES, RUNNING_STATES, VERB_LABELS, Competence, State
from ..models import Assignment, Recommendation, Source


def recommendation_queryset() -> QuerySet[Recommendation]:
    return Recommendation.objects.select_related(
        "commune",
        "unit",
        "plan__number",
        "session__unit",
        "department",
        "assignee_unit",
        "assignee_person",
        "forwarding__report__number",
        "forwarding__department",
    )


def get_recommendation_for(user: User, pk, action: str = Action.VIEW) -> Recommendation:
    """One item the user may see: in their scope, or raised by one of their units (merged
    items keep every source), or assigned to them in person. Else 404; 403 for an action
    they may not take on a visible item."""
    try:
        return access.get_for(recommendation_queryset(), user, pk, action)
    except Http404:
        if action != Action.VIEW:
            raise
    try:
        raised_by_mine = access.restrict(Source.objects.filter(recommendation_id=pk), user)
        assigned_to_me = (
            Recommendation.objects.filter(pk=pk, assignee_person_id=user.person_id)
            if user.person_id
            else Recommendation.objects.none()
        )
        if raised_by_mine.exists() or assigned_to_me.exists():
            return recommendation_queryset().get(pk=pk)
    except (ValueError, TypeError, Recommendation.DoesNotExist):
        pass
    raise Http404("Không tìm thấy hoặc bạn không có quyền xem.")


@dataclass
class Filters:
    """The commune list's filters, parsed from a query string; unknown values are ignored."""

    state: str = ""
    field: str = ""
    competence: str = ""
    unit: int | None = None
    plan: int | None = None
    query: str = ""
    overdue: bool = False
    year: int | None = None


def recommendation_list(
    user: User, filters: Filters | None = None, today: datetime.date | None = None
) -> QuerySet[Recommendation]:
    """Items the user may see (one query), filtered, most urgent first."""
    filters = filters or Filters()
    today = today or datetime.date.today()
    items = access.restrict(
        Recommendation.objects.select_related(
            "commune", "unit", "assignee_unit", "assignee_person", "department"
        ),
        user,
    )
    if filters.state in State.values:
        items = items.filter(state=filters.state)
    if filters.field:
        items = items.filter(field=filters.field)
    if filters.competence in Competence.values:
        items = items.filter(competence=filters.competence)
    if filters.unit:
        items = items.filter(unit_id=filters.unit)
    if filters.plan:
        items = items.filter(plan_id=filters.plan)
    if filters.year:
        items = items.filter(received_on__year=filters.year)
    for term in fold(filters.query).split():
        items = items.filter(text_folded__contains=term)
    if filters.overdue:
        items = items.filter(overdue_q(today))
    return items.order_by("priority", "deadline", "-received_on", "-id")


def overdue_q(today: datetime.date) -> Q:
    """Past the deadline and still being worked on: computed, never stored."""
    return Q(state__in=RUNNING_STATES, deadline__lt=today)


def assigned_to(user: User, today: datetime.date | None = None) -> list[Recommendation]:
    """An officer's list: what is assigned to them in person and still open, by deadline."""
    if not user.person_id:
        return []
    return list(
        Recommendation.objects.filter(assignee_person_id=user.person_id, state__in=RUNNING_STATES)
        .select_related("commune", "unit", "assignee_unit")
        .order_by("deadline", "priority", "id")[:200]
    )


def raised_by_my_units(user: User, limit: int = 200) -> list[Source]:
    """A unit reporter's list: what their unit raised, where it stands and the answer (the
    sources in their scope, with the item each joined)."""
    return list(
        access.restrict(
            Source.objects.select_related(
                "unit",
                "recommendation",
                "recommendation__forwarding",
                "recommendation__assignee_unit",
            ),
            user,
        ).order_by("-received_on", "-id")[:limit]
    )


def overdue_items(user: User, today: datetime.date | None = None) -> QuerySet[Recommendation]:
    """A leader's list: items past their deadline in the user's scope."""
    today = today or datetime.date.today()
    return (
        access.restrict(
            Recommendation.objects.select_related("unit", "assignee_unit", "assignee_person"),
            user,
        )
        .filter(overdue_q(today))
        .order_by("deadline", "priority", "id")
    )


@dataclass
class ItemPage:
    item: Recommendation
    sources: list[Source]
    assignments: list[Assignment]
    history: list[AuditEntry]
    notices: list


def item_page(item: Recommendation) -> ItemPage:
    """An item's page: its sources, assignments, notices and audit trail (four queries)."""
    history = AuditEntry.objects.filter(
        model="petitions.recommendation", object_id=str(item.pk)
    ).select_related("actor")
    entries = list(history.order_by("at", "id")[:100])
    for entry in entries:
        entry.label = str(VERB_LABELS.get(entry.verb) or entry.get_action_display()).lower()
    return ItemPage(
        item=item,
        sources=list(item.sources.select_related("unit", "session", "person", "submission")),
        assignments=list(
            item.assignments.select_related("assignee_unit", "assignee_person", "assigned_by")
        ),
        history=entries,
        notices=list(item.notices.select_related("number").order_by("issued_on")),
    )


def assignee_units(commune: Unit) -> QuerySet[Unit]:
    """Units an item may be assigned to: the commune's departments and subordinate units."""
    return (
        Unit.objects.filter(parent=commune)
        .filter(valid_to__isnull=True)
        .order_by("kind", "name_folded")
    )


def commune_people(commune: Unit) -> QuerySet[Person]:
    """People of the commune and its units (assignees, who raised an item)."""
    return (
        Person.objects.filter(unit__path__startswith=commune.path)
        .select_related("unit")
        .order_by("name_folded", "id")
    )


def departments_of(province: Unit | None) -> QuerySet[Unit]:
    """The province's departments (sở, ngành): its agencies."""
    if province is None:
        return Unit.objects.none()
    return Unit.objects.filter(
        parent=province, kind=UnitKind.AGENCY, valid_to__isnull=True
    ).order_by("name_folded")


def forwardable_items(commune: Unit) -> QuerySet[Recommendation]:
    """The commune's open items beyond its competence, not yet sent up."""
    return (
        Recommendation.objects.filter(
            commune=commune, state__in=OPEN_STATES, forwarding__isnull=True
        )
        .exclude(competence=Competence.COMMUNE)
        .select_related("unit", "department")
        .order_by("received_on", "id")
    )


def merge_candidates(item: Recommendation) -> QuerySet[Recommendation]:
    """Other open items of the same commune and field that could be the same matter."""
    return (
        Recommendation.objects.filter(
            commune=item.commune_id, field=item.field, state__in=OPEN_STATES
        )
        .exclude(pk=item.pk)
        .select_related("unit")
        .order_by("-received_on", "-id")[:50]
    )
