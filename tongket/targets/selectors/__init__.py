"""Reads for the targets screens, the documents module and the API, by workflow stage:
catalogue (which indicators apply), achievements (one unit's year against plan), plans,
collection (entry grid, submissions, deadlines), rollups (live SQL roll-ups) and province
(communes side by side, ranking). Each runs a fixed number of queries whatever the number of
units or indicators; roll-ups of children are computed live in SQL (SUM, weighted mean
through a correlated subquery), never by an overnight job.
"""

from ..achievement import format_value
from .achievements import AchievementRow, achievement_row, unit_trend, unit_year_achievements
from .catalogue import (
    applicable_versions,
    get_indicator_version_for,
    indicator_by_code,
    indicator_set,
    reported_set,
    reports,
    reports_q,
    scope_roots,
    version_of,
    versions_by_unit,
    weight_choices,
    years_with_data,
)
from .collection import (
    BoardRow,
    EntryGrid,
    GridRow,
    cell_state,
    deadline_for,
    entry_grid,
    get_submission_for,
    submission_board,
    submission_for,
    unit_results,
)
from .common import FIRST_YEAR, LAST_YEAR, existing_in
from .dashboards import (
    RankedCell,
    cached,
    chosen_versions,
    province_data,
    public_figures,
    public_stamp,
    rollup_page,
    unit_page,
    unit_page_stamp,
)
from .plans import PlanRow, children_plans, children_results, unit_year_plans
from .province import (
    ProvinceBoard,
    ProvinceColumn,
    RankingRow,
    communes_of,
    province_board,
    province_ranking,
    ranking,
)
from .rollups import (
    VALUE_FIELD,
    NationalRollup,
    RollupValue,
    indicator_rollup,
    plan_rollup_rows,
    rollup_rows,
)
from .stamps import indicator_stamp, province_stamp

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "VALUE_FIELD",
    "AchievementRow",
    "BoardRow",
    "EntryGrid",
    "GridRow",
    "NationalRollup",
    "PlanRow",
    "ProvinceBoard",
    "ProvinceColumn",
    "RankedCell",
    "RankingRow",
    "RollupValue",
    "achievement_row",
    "applicable_versions",
    "cached",
    "cell_state",
    "children_plans",
    "children_results",
    "chosen_versions",
    "communes_of",
    "deadline_for",
    "entry_grid",
    "existing_in",
    "format_value",
    "get_indicator_version_for",
    "get_submission_for",
    "indicator_by_code",
    "indicator_rollup",
    "indicator_set",
    "indicator_stamp",
    "plan_rollup_rows",
    "province_board",
    "province_data",
    "province_ranking",
    "province_stamp",
    "public_figures",
    "public_stamp",
    "ranking",
    "reported_set",
    "reports",
    "reports_q",
    "rollup_page",
    "rollup_rows",
    "scope_roots",
    "submission_board",
    "submission_for",
    "unit_page",
    "unit_page_stamp",
    "unit_results",
    "unit_trend",
    "unit_year_achievements",
    "unit_year_plans",
    "version_of",
    "versions_by_unit",
    "weight_choices",
    "years_with_data",
]
