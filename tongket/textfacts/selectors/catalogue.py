"""The catalogue a document is matched against: the indicator versions that apply to the
unit in the year, with the synonyms kept for the unit's commune and province."""

from __future__ import annotations

from django.db.models import QuerySet

from tongket.emulation.models import AwardRecord
from tongket.lib import facts as reader
from tongket.targets import selectors as targets
from tongket.targets.choices import ValueKind
from tongket.targets.models import IndicatorVersion
from tongket.units import access
from tongket.units.choices import COMMUNE_KINDS, Action, UnitKind
from tongket.units.models import Unit, User

from ..models import IndicatorSynonym


def commune_of(unit: Unit) -> Unit | None:
    """The xã, phường or đặc khu a unit is (or sits in); None above the communes."""
    if unit.is_commune:
        return unit
    return (
        Unit.objects.filter(pk__in=unit.ancestor_ids, kind__in=COMMUNE_KINDS)
        .order_by("-depth")
        .first()
    )


def synonym_owners(unit: Unit) -> QuerySet[Unit]:
    """The units whose synonyms apply to `unit`: its commune and its province."""
    return Unit.objects.filter(
        pk__in=unit.ancestor_ids, kind__in=(*COMMUNE_KINDS, UnitKind.PROVINCE)
    )


def synonyms_by_indicator(unit: Unit) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    rows = IndicatorSynonym.objects.filter(owner_id__in=unit.ancestor_ids).values_list(
        "indicator_id", "phrase"
    )
    for indicator_id, phrase in rows:
        found.setdefault(indicator_id, []).append(phrase)
    return found


def catalogue_for(unit: Unit, year: int) -> tuple[list[IndicatorVersion], reader.IndicatorMatcher]:
    """The unit's indicator versions in report order and a matcher over their names and
    synonyms (two queries)."""
    versions = targets.indicator_set(unit, year)
    synonyms = synonyms_by_indicator(unit)
    rows = [
        (
            version.indicator.code,
            version.name,
            tuple(synonyms.get(version.indicator_id, ())),
            version.unit_of_measure,
            "ratio" if version.value_kind == ValueKind.RATIO else "",
        )
        for version in versions
    ]
    return versions, reader.IndicatorMatcher(rows)


def synonyms_list(user: User, unit: Unit) -> QuerySet[IndicatorSynonym]:
    """The synonyms that apply to `unit`, as the user may see them."""
    rows = IndicatorSynonym.objects.filter(owner_id__in=unit.ancestor_ids)
    return access.restrict(rows, user).select_related("indicator", "owner", "created_by")


def get_synonym_for(user: User, pk, action: str = Action.VIEW) -> IndicatorSynonym:
    return access.get_for(IndicatorSynonym.objects.select_related("owner"), user, pk, action)


def recorded_awards(commune: Unit | None, year: int) -> dict[tuple, str]:
    """The awards recorded by count for a commune's year, by (body, collectives,
    individuals, households), with their decision number (one query)."""
    if commune is None:
        return {}
    rows = AwardRecord.objects.filter(commune=commune, year=year).values_list(
        "body", "collectives", "individuals", "households", "number"
    )
    return {tuple(row[:4]): row[4] for row in rows}
