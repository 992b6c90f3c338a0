"""The party module's models: organisation (cell types, congress terms), the rulebook,
members and their events, transfers and badges, admissions, quality ratings."""

from .admissions import Admission, Introducer
from .members import BadgeAward, MemberEvent, PartyMember, Transfer
from .organisation import CellProfile, TermDetail, cell_type_from_name
from .ratings import QualityRating
from .rulebook import Rule

__all__ = [
    "Admission",
    "BadgeAward",
    "CellProfile",
    "Introducer",
    "MemberEvent",
    "PartyMember",
    "QualityRating",
    "Rule",
    "TermDetail",
    "Transfer",
    "cell_type_from_name",
]
