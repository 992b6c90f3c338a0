"""Reads of what was sent up: the province's list of forwarded items (filters by field,
commune, age; a fixed number of queries whatever the number of communes), the flag on items
unanswered past the policy's days, the reports to the province, and the policy itself."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet

from tongket.units import access
from tongket.units.choices import Action, UnitKind
from tongket.units.models import Unit, User

from ..choices import Field
from ..models import (
    DEFAULT_ANSWER_DAYS,
    DEFAULT_CITIZEN_HOURLY_LIMIT,
    Forwarding,
    PetitionPolicy,
    ProvinceReport,
)

AGE_CHOICES = (7, 15, 30, 60, 90)
ANSWER_FILTERS = ("waiting", "flagged", "answered", "all")
PAGE_SIZE = 50


@dataclass(frozen=True)
class EffectivePolicy:
    answer_days: int
    citizen_hourly_limit: int


def policy_for(unit: Unit) -> EffectivePolicy:
    """A unit's policy: its own values, else the nearest level above that has them, else the
    defaults (one query)."""
    chain = [*unit.ancestor_ids]
    if unit.pk not in chain:
        chain.append(unit.pk)
    rows = {row.unit_id: row for row in PetitionPolicy.objects.filter(unit_id__in=chain)}
    answer_days = citizen_limit = None
    for unit_id in reversed(chain):
        row = rows.get(unit_id)
        if row is None:
            continue
        answer_days = answer_days or row.answer_days
        citizen_limit = citizen_limit or row.citizen_hourly_limit
    return EffectivePolicy(
        answer_days=answer_days or DEFAULT_ANSWER_DAYS,
        citizen_hourly_limit=citizen_limit or DEFAULT_CITIZEN_HOURLY_LIMIT,
    )


@dataclass(frozen=True)
class AnswerDays:
    """How many days each commune's forwarded items have before they are flagged: communes
    and provinces with their own value, and the default for the rest."""

    by_commune: dict[int, int]
    by_province: dict[int, int]

    @classmethod
    def load(cls) -> AnswerDays:
        rows = PetitionPolicy.objects.filter(answer_days__isnull=False).values_list(
            "unit_id", "unit__kind", "answer_days"
        )
        by_commune, by_province = {}, {}
        for unit_id, kind, days in rows:
            (by_province if kind == UnitKind.PROVINCE else by_commune)[unit_id] = days
        return cls(by_commune, by_province)

    def days(self, commune_id: int, province_id: int) -> int:
        return self.by_commune.get(
            commune_id, self.by_province.get(province_id, DEFAULT_ANSWER_DAYS)
        )

    def flagged_q(self, today: datetime.date) -> Q:
        """Forwarded items unanswered past their days, as one filter. (An item is closed
        only once answered, so "unanswered" is enough: no join to the item.)"""

        def late(days: int) -> Q:
            return Q(forwarded_on__lt=today - datetime.timedelta(days=days))

        condition = Q()
        grouped: dict[int, list[int]] = {}
        for commune_id, days in self.by_commune.items():
            grouped.setdefault(days, []).append(commune_id)
        for days, ids in grouped.items():
            condition |= Q(commune_id__in=ids) & late(days)
        own = list(self.by_commune)
        for province_id, days in self.by_province.items():
            condition |= Q(report__province_id=province_id) & ~Q(commune_id__in=own) & late(days)
        condition |= (
            ~Q(commune_id__in=own)
            & ~Q(report__province_id__in=list(self.by_province))
            & late(DEFAULT_ANSWER_DAYS)
        )
        return Q(answered_on__isnull=True) & condition


@dataclass
class ForwardedRow:
    forwarding: Forwarding
    age_days: int
    flagged: bool


@dataclass
class ForwardedFilters:
    field: str = ""
    commune: int | None = None
    min_age: int | None = None
    answer: str = "waiting"
    page: str | int = 1


@dataclass
class ForwardedPage:
    rows: list[ForwardedRow]
    page: Page
    total: int
    flagged_total: int


def forwarded_queryset(user: User) -> QuerySet[Forwarding]:
    """Forwarded items in scope with what a list row shows (the report only for its
    province's id, which the flag needs)."""
    return access.restrict(
        Forwarding.objects.select_related(
            "recommendation", "commune", "department", "report"
        ).defer(
            "answer",
            "recommendation__text_folded",
            "recommendation__answer",
            "recommendation__public_question",
        ),
        user,
    )


def forwarded_list(
    user: User, filters: ForwardedFilters | None = None, today: datetime.date | None = None
) -> ForwardedPage:
    """The forwarded items the user may see, 50 a page, each with its age and whether it is
    flagged: by default those still waiting for an answer, oldest first (the province's work
    list); answered ones newest first. Four queries however many communes send items."""
    filters = filters or ForwardedFilters()
    today = today or datetime.date.today()
    days = AnswerDays.load()
    items = forwarded_queryset(user)
    if filters.field in Field.values:
        items = items.filter(recommendation__field=filters.field)
    if filters.commune:
        items = items.filter(commune_id=filters.commune)
    if filters.min_age:
        items = items.filter(forwarded_on__lte=today - datetime.timedelta(days=filters.min_age))
    oldest_first = True
    if filters.answer == "waiting":
        items = items.filter(answered_on__isnull=True)
    elif filters.answer == "flagged":
        items = items.filter(days.flagged_q(today))
    else:
        oldest_first = False
        if filters.answer == "answered":
            items = items.filter(answered_on__isnull=False)
    items = items.order_by(*(("forwarded_on", "id") if oldest_first else ("-forwarded_on", "-id")))
    page = Paginator(items, PAGE_SIZE).get_page(filters.page)
    rows = [
        ForwardedRow(
            forwarding=forwarding,
            age_days=(today - forwarding.forwarded_on).days,
            flagged=is_flagged(forwarding, days, today),
        )
        for forwarding in page.object_list
    ]
    flagged_total = forwarded_queryset(user).filter(days.flagged_q(today)).count()
    return ForwardedPage(
        rows=rows, page=page, total=page.paginator.count, flagged_total=flagged_total
    )


def is_flagged(forwarding: Forwarding, days: AnswerDays, today: datetime.date) -> bool:
    if forwarding.answered_on is not None:
        return False
    limit = days.days(forwarding.commune_id, forwarding.report.province_id)
    return (today - forwarding.forwarded_on).days > limit


def flagged_forwardings(user: User, today: datetime.date | None = None) -> QuerySet[Forwarding]:
    """Forwarded items in the user's scope unanswered past their days (both levels see it)."""
    today = today or datetime.date.today()
    return (
        forwarded_queryset(user)
        .filter(AnswerDays.load().flagged_q(today))
        .order_by("forwarded_on", "id")
    )


def get_forwarding_for(user: User, pk, action: str = Action.VIEW) -> Forwarding:
    return access.get_for(
        Forwarding.objects.select_related(
            "recommendation__unit",
            "recommendation__commune",
            "commune",
            "department",
            "report__number",
            "report__province",
            "received_by",
            "answered_by",
        ),
        user,
        pk,
        action,
    )


def filter_communes(user: User) -> QuerySet[Unit]:
    """Communes offered in the forwarded list's filter: those in scope that sent items."""
    return (
        access.units_for(user)
        .communes()
        .filter(pk__in=Forwarding.objects.values("commune_id"))
        .order_by("name_folded")
    )


def province_units(user: User, action: str = Action.VIEW) -> QuerySet[Unit]:
    """Provinces where the user holds a grant (the province side of the work)."""
    if access.is_superuser(user):
        return Unit.objects.filter(kind=UnitKind.PROVINCE)
    return Unit.objects.filter(path__in=access.scope_paths(user, action), kind=UnitKind.PROVINCE)


def report_list(user: User) -> QuerySet[ProvinceReport]:
    return access.restrict(
        ProvinceReport.objects.select_related("commune", "number", "province"), user
    ).order_by("-issued_on", "-id")


def get_report_for(user: User, pk, action: str = Action.VIEW) -> ProvinceReport:
    return access.get_for(
        ProvinceReport.objects.select_related(
            "commune", "commune__parent", "province", "number", "signer"
        ),
        user,
        pk,
        action,
    )


def report_items(report: ProvinceReport) -> list[Forwarding]:
    return list(
        report.items.select_related(
            "recommendation__unit", "department", "recommendation__department"
        )
        .prefetch_related("recommendation__sources__unit")
        .order_by("recommendation__field", "id")
    )
