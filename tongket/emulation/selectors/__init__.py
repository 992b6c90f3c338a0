"""Every read the emulation screens, the documents app, the report generator and the API
need, one module per workflow stage (as `models/` and `services/` are). Each runs a fixed
number of queries whatever the amount of data."""

from .common import NOMINATION_RELATED, body_label, current_year, kind_word
from .council import SessionPage, council_members, is_council_member, session_page, sessions_for
from .decisions import (
    DecisionPage,
    awards_for,
    certificate_salutation,
    decision_grounds,
    decision_page,
    decisions_list,
)
from .movements import (
    ClusterRanking,
    PledgeSigned,
    RankRow,
    cluster_rankings,
    clusters_list,
    movements_list,
    pledges_signed,
)
from .nominations import (
    NominationPage,
    StateCount,
    dashboard_counts,
    nomination_page,
    nominations_list,
    past_awards_list,
    registrations_list,
)
from .rulebook import KindRules, rulebook_page
from .statistics import (
    BODY_ORDER,
    CommendationStatistics,
    StatRow,
    TitleRow,
    commendation_statistics,
    counts_phrase,
    statistics_xlsx,
)

__all__ = [
    "BODY_ORDER",
    "NOMINATION_RELATED",
    "ClusterRanking",
    "CommendationStatistics",
    "DecisionPage",
    "KindRules",
    "NominationPage",
    "PledgeSigned",
    "RankRow",
    "SessionPage",
    "StatRow",
    "StateCount",
    "TitleRow",
    "awards_for",
    "body_label",
    "certificate_salutation",
    "cluster_rankings",
    "clusters_list",
    "commendation_statistics",
    "council_members",
    "counts_phrase",
    "current_year",
    "dashboard_counts",
    "decision_grounds",
    "decision_page",
    "decisions_list",
    "is_council_member",
    "kind_word",
    "movements_list",
    "nomination_page",
    "nominations_list",
    "past_awards_list",
    "pledges_signed",
    "registrations_list",
    "rulebook_page",
    "session_page",
    "sessions_for",
    "statistics_xlsx",
]
