"""Reads every stage shares: the related rows a nomination is shown with, and how a
commune and its awarding bodies are named ("phường", "Chủ tịch UBND phường")."""

from __future__ import annotations

from django.utils import timezone

from tongket.units.choices import COMMUNE_KINDS, UnitKind
from tongket.units.models import Unit

from ..choices import BODY_STYLE

NOMINATION_RELATED = (
    "unit",
    "commune",
    "award_kind",
    "person__unit",
    "collective",
    "household_group",
    "movement",
)


def current_year() -> int:
    return timezone.localdate().year


def kind_word(unit: Unit | None) -> str:
    """ "phường", "xã", "đặc khu" for a commune; "cấp xã" otherwise."""
    if unit is not None and unit.kind in COMMUNE_KINDS:
        return UnitKind(unit.kind).label.lower()
    return "cấp xã"


def body_label(body: str, unit: Unit | None) -> str:
    """ "Chủ tịch UBND phường", "Đảng ủy xã"."""
    return BODY_STYLE[body]["label"].format(kind=kind_word(unit))


def bare_name(unit: Unit) -> str:
    """ "Hòa Bình" from "Phường Hòa Bình"."""
    word = kind_word(unit)
    if unit.name.lower().startswith(word + " "):
        return unit.name[len(word) + 1 :]
    return unit.name
