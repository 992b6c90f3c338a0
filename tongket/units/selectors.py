"""Reads for the units screens, the documents and the API. Each runs a fixed number of
queries whatever the size of the tree."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet

from tongket.lib.text import fold

from . import access
from .choices import Action, Side, UnitKind
from .models import AuditEntry, Person, Position, RoleGrant, Unit, User

SEARCH_LIMIT = 50
KIND_ORDER = {
    kind: index
    for index, kind in enumerate(
        [
            UnitKind.PROVINCE,
            UnitKind.DISTRICT,
            UnitKind.PHUONG,
            UnitKind.XA,
            UnitKind.DAC_KHU,
            UnitKind.RESIDENTIAL_GROUP,
            UnitKind.PARTY_CELL,
            UnitKind.MASS_ORGANIZATION,
            UnitKind.AGENCY,
            UnitKind.SCHOOL,
            UnitKind.HEALTH_STATION,
            UnitKind.POLICE,
        ]
    )
}


def _tree_order(units: Iterable[Unit]) -> list[Unit]:
    """Subunits in the order officials list them: residential groups, party cells, mass
    organisations, then agencies; alphabetical (accents ignored) within a kind."""
    return sorted(units, key=lambda unit: (KIND_ORDER.get(unit.kind, 99), unit.name_folded))


def _search_filter(field: str, query: str) -> Q:
    condition = Q()
    for term in fold(query).split():
        condition &= Q(**{f"{field}__contains": term})
    return condition


def ancestors_of(units: Iterable[Unit]) -> dict[int, Unit]:
    """All ancestors of the given units, by id, in one query."""
    ids = {pk for unit in units for pk in unit.ancestor_ids}
    return {unit.pk: unit for unit in Unit.objects.filter(pk__in=ids)}


def breadcrumbs(unit: Unit, known: dict[int, Unit] | None = None) -> list[Unit]:
    known = known if known is not None else ancestors_of([unit])
    return [known[pk] for pk in unit.ancestor_ids if pk in known and pk != unit.pk]


@dataclass
class TreeNode:
    unit: Unit
    children: list[Unit]


def unit_tree(user: User) -> list[TreeNode]:
    """The tops of the user's scope, each with its direct children (two queries)."""
    roots = list(access.root_units_for(user).order_by("path"))
    children = Unit.objects.filter(parent__in=roots).annotate(child_count=Count("children"))
    by_parent: dict[int, list[Unit]] = {}
    for child in _tree_order(children):
        by_parent.setdefault(child.parent_id, []).append(child)
    return [TreeNode(root, by_parent.get(root.pk, [])) for root in roots]


@dataclass
class SearchHit:
    unit: Unit
    trail: list[Unit]


def unit_search(user: User, query: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
    """Units in scope whose name (or code) contains every term of the query, accents
    ignored: "dau lieu" finds "Đậu Liêu" (two queries)."""
    if not fold(query):
        return []
    hits = list(
        access.units_for(user)
        .filter(_search_filter("name_folded", query) | Q(code__iexact=query.strip()))
        .order_by("depth", "name_folded")[:limit]
    )
    known = ancestors_of(hits)
    return [SearchHit(unit, breadcrumbs(unit, known)) for unit in hits]


@dataclass
class UnitPage:
    unit: Unit
    trail: list[Unit]
    children: list[Unit]
    positions: list[Position]
    people_count: int


def unit_page(unit: Unit, on: datetime.date | None = None) -> UnitPage:
    on = on or datetime.date.today()
    children = _tree_order(unit.children.annotate(child_count=Count("children")))
    positions = list(
        Position.objects.filter(unit=unit, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .select_related("person")
        .order_by("start_date", "id")
    )
    return UnitPage(
        unit=unit,
        trail=breadcrumbs(unit),
        children=children,
        positions=positions,
        people_count=Person.objects.filter(unit=unit).count(),
    )


def people_list(user: User, query: str = "", unit: Unit | None = None) -> QuerySet[Person]:
    people = access.restrict(Person.objects.select_related("unit"), user)
    if unit is not None:
        people = people.filter(unit__path__startswith=unit.path)
    if fold(query):
        people = people.filter(_search_filter("name_folded", query))
    return people.prefetch_related(
        Prefetch(
            "positions",
            queryset=Position.objects.filter(end_date__isnull=True).select_related("unit"),
            to_attr="current_positions",
        )
    ).order_by("name_folded", "id")


def paginate(queryset, page_number, per_page: int = 50) -> Page:
    return Paginator(queryset, per_page).get_page(page_number)


def person_page(person: Person) -> dict:
    return {
        "person": person,
        "positions": list(person.positions.select_related("unit").order_by("-start_date")),
        "account": User.objects.filter(person=person).first(),
    }


def title_on(person: Person, on: datetime.date) -> str:
    """The person's title on a date, as documents write it ("Phó Chủ tịch UBND tỉnh");
    "" when they held no position then."""
    return titles_on([person.pk], on).get(person.pk, "")


def titles_on(person_ids: Iterable[int], on: datetime.date) -> dict[int, str]:
    """Titles held on a date for many people, one query; the earliest-started position wins."""
    rows = (
        Position.objects.filter(person_id__in=list(person_ids), start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .order_by("start_date", "id")
        .values_list("person_id", "title")
    )
    titles: dict[int, str] = {}
    for person_id, title in rows:
        titles.setdefault(person_id, title)
    return titles


def holders_on(unit: Unit, roles: Iterable[str], on: datetime.date) -> list[Position]:
    """Positions of the given roles held in a unit on a date, in the order the roles are given
    (then the earliest started first), with their people: one query. Documents read their
    signers here ("the Bí thư on the signing date")."""
    wanted = list(roles)
    rows = (
        Position.objects.filter(unit=unit, role__in=wanted, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .select_related("person")
        .order_by("start_date", "id")
    )
    return sorted(rows, key=lambda position: wanted.index(position.role))


def holder_on(unit: Unit, role: str, on: datetime.date) -> Position | None:
    """The position of one role held in a unit on a date (the earliest started), or None."""
    held = holders_on(unit, [role], on)
    return held[0] if held else None


def accounts_list(user: User, query: str = "") -> QuerySet[User]:
    accounts = access.restrict(
        User.objects.select_related("unit", "person"), user, Action.ADMINISTER
    )
    if query.strip():
        accounts = accounts.filter(
            Q(username__icontains=query.strip()) | _search_filter("person__name_folded", query)
        )
    return accounts.prefetch_related(
        Prefetch("grants", queryset=RoleGrant.objects.select_related("unit"))
    ).order_by("username")


def audit_log(user: User, unit: Unit | None = None) -> QuerySet[AuditEntry]:
    """The audit rows the user may read: each side's rows within that side's audit scope."""
    entries = AuditEntry.objects.select_related("actor", "actor__person", "unit")
    sides = [(side, access.scope_q(AuditEntry, user, Action.AUDIT, side)) for side in Side.values]
    if all(condition is not None for _, condition in sides):
        visible = Q(pk__in=[])
        for side, condition in sides:
            visible |= Q(side=side) & condition
        entries = entries.filter(visible)
    if unit is not None:
        entries = entries.filter(unit__path__startswith=unit.path)
    return entries.order_by("-at", "-id")


def units_choices(user: User, action: str = Action.VIEW) -> QuerySet[Unit]:
    """Units a form may offer: in scope, active, ordered as a tree."""
    return access.units_for(user, action).filter(valid_to__isnull=True).order_by("path")
