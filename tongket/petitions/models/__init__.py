"""Working sessions and recommendations, by workflow stage: the plan and its sessions, the
recommendations raised there (with their sources and assignments), conclusion notices,
forwarding to the province and its answers, citizens' submissions, and the policy settings."""

from .citizens import CitizenSubmission
from .forwarding import Forwarding, ProvinceReport
from .notices import ConclusionNotice, NoticeItem
from .plans import DelegationMember, Plan, Session
from .policy import DEFAULT_ANSWER_DAYS, DEFAULT_CITIZEN_HOURLY_LIMIT, PetitionPolicy
from .recommendations import Assignment, Recommendation, Source

__all__ = [
    "DEFAULT_ANSWER_DAYS",
    "DEFAULT_CITIZEN_HOURLY_LIMIT",
    "Assignment",
    "CitizenSubmission",
    "ConclusionNotice",
    "DelegationMember",
    "Forwarding",
    "NoticeItem",
    "PetitionPolicy",
    "Plan",
    "ProvinceReport",
    "Recommendation",
    "Session",
    "Source",
]
