"""Every write of the party module. Each service checks the caller's party-side right
through the access layer, validates against the rulebook, saves through the audit helpers
and runs in one transaction: a ValidationError leaves nothing saved."""

from ..columns import MEMBER_COLUMNS
from .admission_decisions import (
    admission_ceremony,
    admission_close,
    admission_decide,
    admission_full_vote,
    admission_make_full,
    probation_end,
    signer_on,
)
from .admissions import (
    admission_cell_vote,
    admission_committee_vote,
    admission_course,
    admission_create,
    admission_introduce,
    committee_size_on,
    full_members_on,
    status_on,
)
from .badges import badge_award
from .imports import members_import_xlsx
from .members import (
    event_append,
    member_create,
    member_entry_events,
    member_event_record,
    member_update,
)
from .organisation import RULE_FIELDS, cell_type_set, rule_create, rule_update, term_record
from .ratings import (
    band_of,
    cap_check,
    rating_decide,
    rating_propose,
    rating_self_assess,
    ratings_decide,
)
from .transfers import (
    guest_create,
    guest_end,
    member_move_cell,
    member_return,
    transfer_accept,
    transfer_out,
    transfer_refuse,
)

__all__ = [
    "MEMBER_COLUMNS",
    "RULE_FIELDS",
    "admission_cell_vote",
    "admission_ceremony",
    "admission_close",
    "admission_committee_vote",
    "admission_course",
    "admission_create",
    "admission_decide",
    "admission_full_vote",
    "admission_introduce",
    "admission_make_full",
    "badge_award",
    "band_of",
    "cap_check",
    "cell_type_set",
    "committee_size_on",
    "event_append",
    "full_members_on",
    "guest_create",
    "guest_end",
    "member_create",
    "member_entry_events",
    "member_event_record",
    "member_move_cell",
    "member_return",
    "member_update",
    "members_import_xlsx",
    "probation_end",
    "rating_decide",
    "rating_propose",
    "rating_self_assess",
    "ratings_decide",
    "rule_create",
    "rule_update",
    "signer_on",
    "status_on",
    "term_record",
    "transfer_accept",
    "transfer_out",
    "transfer_refuse",
]
