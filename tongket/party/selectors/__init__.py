"""Every read the party screens, the API, the documents app and the report need. Each runs a
fixed number of queries whatever the number of members."""

from .admissions import (
    DecisionDocument,
    Overdue,
    admissions_board,
    admissions_for,
    decision_document,
    get_admission_for,
    overdue_steps,
)
from .common import (
    can_see_counts,
    can_see_records,
    cells_of,
    counts_communes,
    counts_provinces,
    counts_unit_for,
    party_cells,
    party_communes,
    party_unit_for,
    party_units,
)
from .exports import members_xlsx
from .members import (
    badges_due,
    get_member_for,
    get_transfer_for_receiver,
    member_page,
    members_list,
    next_award_date,
    transfers_incoming,
    transfers_outgoing,
)
from .organisation import cell_type_choices, cells_page, rulebook_page, terms_page
from .province import ProvinceParty, province_party_figures, province_xlsx
from .ratings import member_rating, ratings_page, ratings_xlsx
from .statistics import PartyStatistics, party_statistics, share_phrase, statistics_xlsx

__all__ = [
    "DecisionDocument",
    "Overdue",
    "PartyStatistics",
    "ProvinceParty",
    "admissions_board",
    "admissions_for",
    "badges_due",
    "can_see_counts",
    "can_see_records",
    "cell_type_choices",
    "cells_of",
    "cells_page",
    "counts_communes",
    "counts_provinces",
    "counts_unit_for",
    "decision_document",
    "get_admission_for",
    "get_member_for",
    "get_transfer_for_receiver",
    "member_page",
    "member_rating",
    "members_list",
    "members_xlsx",
    "next_award_date",
    "overdue_steps",
    "party_cells",
    "party_communes",
    "party_statistics",
    "party_unit_for",
    "party_units",
    "province_party_figures",
    "province_xlsx",
    "ratings_page",
    "ratings_xlsx",
    "rulebook_page",
    "share_phrase",
    "statistics_xlsx",
    "terms_page",
    "transfers_incoming",
    "transfers_outgoing",
]
