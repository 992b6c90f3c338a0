"""Every write of the emulation module, one module per workflow stage (as `models/` is):
the rulebook, movements (clusters, pledges), nominations (registrations, past awards,
evidence, import), the council (members, sessions, ballots) and decisions. Each service
checks the caller's right through the access layer, validates against the rulebook, saves
through the audit helpers and runs in one transaction: a ValidationError leaves nothing
saved."""

from .common import commune_of
from .council import (
    MINUTES_FIELDS,
    ballot_record,
    ballots_record,
    council_member_add,
    council_size,
    session_add_nominations,
    session_create,
    session_minutes_number_take,
    session_minutes_update,
)
from .decisions import (
    council_result_approve,
    decision_create,
    decision_signer,
    next_decision_number,
)
from .movements import (
    cluster_create,
    movement_create,
    pledge_create,
    pledge_grid_save,
    pledge_scores_set,
    pledge_sign,
)
from .nomination_imports import IMPORT_COLUMNS, nominations_import
from .nominations import (
    EVIDENCE_MAX_BYTES,
    EVIDENCE_TYPES,
    evidence_add,
    evidence_delete,
    nomination_create,
    nomination_return,
    nomination_submit,
    nomination_update,
    past_award_create,
    registration_create,
)
from .records import (
    RECIPIENT_COLUMNS,
    RECORD_FIELDS,
    recipients_import_xlsx,
    record_create,
    record_delete,
    record_update,
)
from .rulebook import DOCUMENT_FIELDS, RULE_FIELDS, legal_document_save, rule_create, rule_update

__all__ = [
    "DOCUMENT_FIELDS",
    "EVIDENCE_MAX_BYTES",
    "EVIDENCE_TYPES",
    "IMPORT_COLUMNS",
    "MINUTES_FIELDS",
    "RECIPIENT_COLUMNS",
    "RECORD_FIELDS",
    "RULE_FIELDS",
    "ballot_record",
    "ballots_record",
    "cluster_create",
    "commune_of",
    "council_member_add",
    "council_result_approve",
    "council_size",
    "decision_create",
    "decision_signer",
    "evidence_add",
    "evidence_delete",
    "legal_document_save",
    "movement_create",
    "next_decision_number",
    "nomination_create",
    "nomination_return",
    "nomination_submit",
    "nomination_update",
    "nominations_import",
    "past_award_create",
    "pledge_create",
    "pledge_grid_save",
    "pledge_scores_set",
    "pledge_sign",
    "recipients_import_xlsx",
    "record_create",
    "record_delete",
    "record_update",
    "registration_create",
    "rule_create",
    "rule_update",
    "session_add_nominations",
    "session_create",
    "session_minutes_number_take",
    "session_minutes_update",
]
