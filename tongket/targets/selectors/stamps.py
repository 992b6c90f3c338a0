"""Data versions of the dashboards: one short string per scope that changes whenever a
result, plan, indicator version or unit the page reads is created, changed or deleted.

A stamp is the latest `updated_at` and the row count of each kind of row in the scope (one
aggregate per kind, read from an index). Every write path changes one of them: a save moves
`updated_at` (auto_now, bulk_create included), a delete lowers the count. So the key needs no
bookkeeping by the services and no nightly job; the dashboards' caches and ETags are built on
it (tongket.targets.dashboards).
"""

from __future__ import annotations

import hashlib

from django.db.models import Count, Max, Q, QuerySet

from tongket.units.choices import COMMUNE_KINDS
from tongket.units.models import Unit

from ..models import IndicatorVersion, Plan, Result
from .catalogue import _applies_to


def _stamp(**parts: QuerySet) -> str:
    """The latest change and the count of each part, hashed to a short key (one small
    aggregate per part, each read from an index: cheaper to build and run than one query
    with a subquery per part)."""
    found = [
        (name, rows.order_by().aggregate(latest=Max("updated_at"), count=Count("pk")))
        for name, rows in sorted(parts.items())
    ]
    return hashlib.sha1(repr(found).encode()).hexdigest()[:20]


def _versions(unit: Unit, year: int) -> QuerySet:
    """Every indicator version of `year` that may apply to `unit` (retired ones included: a
    version retired or restored changes the set)."""
    return IndicatorVersion.objects.filter(year=year).filter(_applies_to(unit))


def province_stamp(province: Unit, year: int) -> str:
    """The province dashboard's data: the province (and the units above it, named in the
    breadcrumbs), its communes, their plans and results of the year, and the indicator set of
    the year (every period's: one stamp serves the page of every period)."""
    communes = Q(unit__parent=province, unit__kind__in=COMMUNE_KINDS)
    return _stamp(
        units=Unit.objects.filter(Q(pk__in=province.ancestor_ids) | Q(parent=province)),
        plans=Plan.objects.filter(communes, year=year),
        # every period: a commune is listed for the year when it holds any figure of it
        results=Result.objects.filter(communes, year=year),
        versions=_versions(province, year),
    )


def unit_stamp(unit: Unit, first_year: int, year: int) -> str:
    """One unit (and the units above it) with its figures from `first_year` to `year` (every
    period) and its indicator set of `year`: the unit dashboard (with its five-year trend) and
    the portal's commune page."""
    span = {"year__gte": first_year, "year__lte": year}
    return _stamp(
        units=Unit.objects.filter(pk__in=unit.ancestor_ids),
        plans=Plan.objects.filter(unit=unit, **span),
        results=Result.objects.filter(unit=unit, **span),
        versions=_versions(unit, year),
    )


def indicator_stamp(root: Unit, version: IndicatorVersion, year: int, period: str) -> str:
    """One indicator (and its weight) over the whole country for the roll-up page, the units
    it is broken down by and the indicator set offered (that of `root`). Not narrowed to the
    user's view: a wider stamp only changes more often, never too rarely."""
    indicators = [pk for pk in (version.indicator_id, version.weight_indicator_id) if pk]
    return _stamp(
        units=Unit.objects.all(),
        results=Result.objects.filter(indicator_id__in=indicators, year=year, period=period),
        versions=_versions(root, year),
    )
