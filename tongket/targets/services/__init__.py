"""Every write to indicators, plans, results, submissions and deadlines, by workflow stage:
catalogue, plans, results, collection (submissions, deadlines). Each service checks the
caller's right through the access layer, validates, saves and records the audit row in one
transaction; a ValidationError leaves nothing saved.

Rights:
- an indicator owned by a unit is edited by whoever may EDIT that unit (a national one, with
  no owner, only by a superuser);
- a plan "assigned" by the level above needs EDIT on the parent unit; a plan from the unit's
  own resolution needs EDIT on the unit and cannot replace one the level above assigned;
- results need ENTER on the unit; they are locked while the period's submission is sent or
  approved; a province's workbook of results is imported in bulk under the same rules
  (imports);
- approving, returning and reopening a submission need APPROVE on the unit.
"""

from .catalogue import (
    VERSION_FIELDS,
    indicator_create,
    indicator_version_update,
    indicator_year_copy,
)
from .collection import (
    deadline_set,
    submission_approve,
    submission_reopen,
    submission_return,
    submission_submit,
)
from .common import check_value, required_version
from .imports import (
    RESULT_IMPORT_COLUMNS,
    ResultRow,
    estimate_of,
    results_import,
    results_import_xlsx,
)
from .plans import (
    PLAN_IMPORT_COLUMNS,
    PlanEntry,
    plan_assign_bulk,
    plan_set,
    plans_import_xlsx,
)
from .results import ConflictError, lock_message, result_figures, result_save

__all__ = [
    "PLAN_IMPORT_COLUMNS",
    "RESULT_IMPORT_COLUMNS",
    "VERSION_FIELDS",
    "ConflictError",
    "PlanEntry",
    "ResultRow",
    "check_value",
    "deadline_set",
    "estimate_of",
    "indicator_create",
    "indicator_version_update",
    "indicator_year_copy",
    "lock_message",
    "plan_assign_bulk",
    "plan_set",
    "plans_import_xlsx",
    "required_version",
    "result_figures",
    "result_save",
    "results_import",
    "results_import_xlsx",
    "submission_approve",
    "submission_reopen",
    "submission_return",
    "submission_submit",
]
