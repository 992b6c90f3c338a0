"""Screens of the emulation module, one module per workflow stage (as `models/`, `services/`
and `selectors/` are). Views parse input, call one service or selector, and render; rights
are checked by the access layer and the services."""

from .council import (
    council,
    session_approve,
    session_create,
    session_detail,
    session_minutes,
    session_minutes_info,
    session_minutes_number,
    session_schedule,
    session_votes,
)
from .dashboard import index, statistics, statistics_xlsx
from .decisions import decision_detail, decisions
from .movements import (
    cluster_create,
    cluster_detail,
    clusters,
    movements,
    pledge_create,
    pledge_score,
    pledge_sign,
)
from .nominations import (
    evidence_add,
    evidence_download,
    nomination_create,
    nomination_detail,
    nomination_edit,
    nomination_import,
    nomination_return,
    nomination_submit,
    nominations,
    past_awards,
    registrations,
)
from .records import record_delete, record_detail, record_recipients, records
from .rulebook import legal_document_edit, rule_create, rule_edit, rulebook

__all__ = [
    "cluster_create",
    "cluster_detail",
    "clusters",
    "council",
    "decision_detail",
    "decisions",
    "evidence_add",
    "evidence_download",
    "index",
    "legal_document_edit",
    "movements",
    "nomination_create",
    "nomination_detail",
    "nomination_edit",
    "nomination_import",
    "nomination_return",
    "nomination_submit",
    "nominations",
    "past_awards",
    "pledge_create",
    "pledge_score",
    "pledge_sign",
    "record_delete",
    "record_detail",
    "record_recipients",
    "records",
    "registrations",
    "rule_create",
    "rule_edit",
    "rulebook",
    "session_approve",
    "session_create",
    "session_detail",
    "session_minutes",
    "session_minutes_info",
    "session_minutes_number",
    "session_schedule",
    "session_votes",
    "statistics",
    "statistics_xlsx",
]
