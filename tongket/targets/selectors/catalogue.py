"""The indicator catalogue: which indicator versions apply to a unit in a year, one version
by indicator or code, the years that have a set, and the catalogue's own lookups."""

from __future__ import annotations

from django.db.models import OuterRef, Q, QuerySet, Subquery

from tongket.units import access
from tongket.units.choices import SUBUNIT_KINDS
from tongket.units.models import Unit, User

from ..choices import GROUP_ORDER
from ..models import Indicator, IndicatorVersion, Plan


def _owned_by_none_or(unit_ids) -> Q:
    return Q(indicator__owner__isnull=True) | Q(indicator__owner_id__in=unit_ids)


def _applies_to(unit: Unit) -> Q:
    """National indicators and those owned by the unit or one of its ancestors."""
    return _owned_by_none_or(unit.ancestor_ids)


def applicable_versions(unit: Unit, year: int) -> QuerySet[IndicatorVersion]:
    """The indicator versions of `year` that apply to `unit`: national ones and those owned
    by the unit or one of its ancestors, not retired."""
    return IndicatorVersion.objects.filter(year=year, retired=False).filter(_applies_to(unit))


def versions_by_unit(units: list[Unit], year: int) -> dict[int, dict[str, IndicatorVersion]]:
    """For each unit (by pk), the versions of `year` that apply to it (as
    applicable_versions), keyed by indicator code, with their indicator (one query)."""
    ancestors = {pk for unit in units for pk in unit.ancestor_ids}
    versions = list(
        IndicatorVersion.objects.filter(year=year, retired=False)
        .filter(_owned_by_none_or(ancestors))
        .select_related("indicator")
    )
    found: dict[int, dict[str, IndicatorVersion]] = {}
    for unit in units:
        own = set(unit.ancestor_ids)
        found[unit.pk] = {
            version.indicator.code: version
            for version in versions
            if version.indicator.owner_id is None or version.indicator.owner_id in own
        }
    return found


def _sorted(versions) -> list[IndicatorVersion]:
    return sorted(versions, key=lambda v: (GROUP_ORDER.get(v.group, 99), v.order, v.indicator.code))


def indicator_set(unit: Unit, year: int, include_retired: bool = False) -> list[IndicatorVersion]:
    """The indicators that apply to `unit` in `year`, in report order (one query)."""
    versions = IndicatorVersion.objects.filter(year=year).filter(_applies_to(unit))
    if not include_retired:
        versions = versions.filter(retired=False)
    return _sorted(versions.select_related("indicator", "indicator__owner", "weight_indicator"))


def reports_q(unit: Unit, year: int) -> Q:
    """Which of the versions that apply a unit reports itself: all of them for a commune or a
    level above; for a subordinate unit (tổ dân phố, trường học …) those its kind reports and
    those it was given a plan for. A tổ dân phố never sees the budget or criminal cases."""
    if unit.kind not in SUBUNIT_KINDS:
        return Q()
    planned = Plan.objects.filter(unit=unit, year=year).values("indicator_id")
    return Q(reporting_kinds__contains=unit.kind) | Q(indicator_id__in=planned)


def reported_set(unit: Unit, year: int) -> list[IndicatorVersion]:
    """The indicators `unit` enters in `year`, in report order (one query)."""
    versions = applicable_versions(unit, year).filter(reports_q(unit, year))
    return _sorted(versions.select_related("indicator", "indicator__owner", "weight_indicator"))


def reports(unit: Unit, version: IndicatorVersion) -> bool:
    """Whether `unit` enters `version` (no query for a commune)."""
    if unit.kind not in SUBUNIT_KINDS:
        return True
    return (
        IndicatorVersion.objects.filter(pk=version.pk)
        .filter(reports_q(unit, version.year))
        .exists()
    )


def version_of(unit: Unit, indicator: Indicator | IndicatorVersion | str | int, year: int):
    """The version of `indicator` (an Indicator, its id, a version or a code) in `year` that
    applies to `unit`, with its indicator, or None (one query)."""
    versions = applicable_versions(unit, year).select_related("indicator")
    if isinstance(indicator, IndicatorVersion):
        indicator = indicator.indicator_id
    if isinstance(indicator, str):
        return versions.filter(indicator__code=indicator.strip().upper()).first()
    return versions.filter(indicator=indicator).first()


def years_with_data(unit: Unit) -> list[int]:
    """Years that have an indicator set (one query), newest first."""
    return list(
        IndicatorVersion.objects.filter(_applies_to(unit))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def indicator_by_code(code: str) -> Indicator | None:
    return Indicator.objects.filter(code=code.strip().upper()).first()


def get_indicator_version_for(user: User, pk) -> IndicatorVersion:
    """One year's version of an indicator, through the access layer (404 outside scope)."""
    versions = IndicatorVersion.objects.select_related("indicator", "indicator__owner")
    return access.get_for(versions, user, pk)


def weight_choices(
    owner: Unit | None, year: int, exclude: int | None = None
) -> QuerySet[Indicator]:
    """The indicators a weighted mean may be weighted by: those of the owner's set for the
    year (any indicator for a national one), never the indicator itself."""
    name = IndicatorVersion.objects.filter(indicator=OuterRef("pk"), year=year).values("name")
    indicators = Indicator.objects.annotate(version_name=Subquery(name[:1])).order_by(
        "version_name", "code"
    )
    if exclude is not None:
        indicators = indicators.exclude(pk=exclude)
    if owner is not None:
        indicators = indicators.filter(versions__in=indicator_set(owner, year))
    return indicators


def scope_roots(user: User) -> QuerySet[Unit]:
    """The units at the top of the user's view, for the index page."""
    return access.root_units_for(user).order_by("path")
