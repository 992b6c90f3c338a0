"""Every write of the petitions module, by workflow stage. Each checks the caller's right
through the access layer, validates, saves and audits in one transaction: a refusal saves
nothing."""

from ._common import (
    SIGNER_ROLES,
    acts_inside_commune,
    commune_of,
    province_of,
    require_edit_in_commune,
)
from .citizens import (
    MAX_PHOTO_BYTES,
    TooManySubmissions,
    photo_size_message,
    read_photo,
    submission_accept,
    submission_create,
    submission_limit_reached,
    submission_reject,
)
from .forwarding import (
    ForwardItem,
    forwarding_answer,
    forwarding_assign,
    forwarding_receive,
    report_create,
)
from .notices import notice_create, notice_items
from .plans import (
    delegation_add,
    delegation_group,
    delegation_remove,
    plan_create,
    plan_issue,
    plan_update,
    session_create,
    session_record,
    session_update,
)
from .policy import policy_set
from .recommendations import (
    answer_publish,
    answer_unpublish,
    may_work_on,
    recommendation_assign,
    recommendation_classify,
    recommendation_close,
    recommendation_create,
    recommendation_merge,
    recommendation_resolve,
    recommendation_start,
)

__all__ = [
    "MAX_PHOTO_BYTES",
    "SIGNER_ROLES",
    "ForwardItem",
    "TooManySubmissions",
    "acts_inside_commune",
    "answer_publish",
    "answer_unpublish",
    "commune_of",
    "delegation_add",
    "delegation_group",
    "delegation_remove",
    "forwarding_answer",
    "forwarding_assign",
    "forwarding_receive",
    "may_work_on",
    "notice_create",
    "notice_items",
    "photo_size_message",
    "plan_create",
    "plan_issue",
    "plan_update",
    "policy_set",
    "province_of",
    "read_photo",
    "recommendation_assign",
    "recommendation_classify",
    "recommendation_close",
    "recommendation_create",
    "recommendation_merge",
    "recommendation_resolve",
    "recommendation_start",
    "report_create",
    "require_edit_in_commune",
    "session_create",
    "session_record",
    "session_update",
    "submission_accept",
    "submission_create",
    "submission_limit_reached",
    "submission_reject",
]
