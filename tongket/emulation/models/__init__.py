"""Emulation and commendation: the rulebook, movements and clusters, registrations,
nominations, the council and award decisions."""

from .council import Award, AwardDecision, Ballot, CouncilMember, CouncilSession
from .movements import (
    Cluster,
    Movement,
    Pledge,
    PledgeCriterion,
    PledgeScore,
    PledgeSignature,
)
from .nominations import Evidence, Nomination, PastAward, Registration, nominee_key
from .records import AwardRecord
from .rulebook import AwardKind, LegalDocument, Rule

__all__ = [
    "Award",
    "AwardDecision",
    "AwardKind",
    "AwardRecord",
    "Ballot",
    "Cluster",
    "CouncilMember",
    "CouncilSession",
    "Evidence",
    "LegalDocument",
    "Movement",
    "Nomination",
    "PastAward",
    "Pledge",
    "PledgeCriterion",
    "PledgeScore",
    "PledgeSignature",
    "Registration",
    "Rule",
    "nominee_key",
]
