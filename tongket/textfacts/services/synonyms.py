"""Synonyms of indicators, kept for a commune or a province: added on the synonyms screen,
or remembered when an officer confirms a fact under another indicator than proposed."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib.text import fold
from tongket.targets.models import Indicator
from tongket.units import access, audit
from tongket.units.choices import COMMUNE_KINDS, Action, UnitKind
from tongket.units.models import Unit, User

from ..models import IndicatorSynonym
from ..selectors.catalogue import commune_of


def _clean_phrase(phrase: str) -> str:
    phrase = " ".join((phrase or "").split())
    if len(fold(phrase)) < 3:
        raise ValidationError({"phrase": _("Cách gọi khác cần ít nhất 3 chữ cái.")})
    if len(phrase) > 200:
        raise ValidationError({"phrase": _("Cách gọi khác dài quá 200 ký tự.")})
    return phrase


@transaction.atomic
def synonym_add(*, owner: Unit, indicator: Indicator, phrase: str, by: User) -> IndicatorSynonym:
    """Another name of `indicator` for `owner` (a commune or a province) and the units in it."""
    access.require(by, Action.EDIT, owner)
    if owner.kind not in (*COMMUNE_KINDS, UnitKind.PROVINCE):
        raise ValidationError({"owner": _("Cách gọi khác được ghi cho một xã, phường hoặc tỉnh.")})
    if indicator.owner_id is not None and indicator.owner_id not in owner.ancestor_ids:
        raise ValidationError({"indicator": _("Chỉ tiêu này không áp dụng cho đơn vị đã chọn.")})
    phrase = _clean_phrase(phrase)
    folded = fold(phrase)[:200]
    if IndicatorSynonym.objects.filter(
        owner=owner, indicator=indicator, phrase_folded=folded
    ).exists():
        raise ValidationError({"phrase": _("Cách gọi này đã có.")})
    synonym = IndicatorSynonym(
        owner=owner, indicator=indicator, phrase=phrase, phrase_folded=folded, created_by=by
    )
    return audit.create(synonym, by=by)


def synonym_remember(*, unit: Unit, indicator: Indicator, phrase: str, by: User) -> None:
    """Keep `phrase` as a synonym for the unit's commune (or the unit), once."""
    owner = commune_of(unit) or unit
    folded = fold(" ".join(phrase.split()))[:200]
    exists = IndicatorSynonym.objects.filter(
        owner=owner, indicator=indicator, phrase_folded=folded
    ).exists()
    if not exists:
        synonym_add(owner=owner, indicator=indicator, phrase=phrase, by=by)


@transaction.atomic
def synonym_delete(*, synonym: IndicatorSynonym, by: User) -> None:
    access.require(by, Action.EDIT, synonym.owner)
    audit.delete(synonym, by=by)
