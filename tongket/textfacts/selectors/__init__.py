"""Reads of the text import: documents and their review rows, the catalogue a document is
matched against (with synonyms)."""

from .catalogue import (
    catalogue_for,
    commune_of,
    get_synonym_for,
    recorded_awards,
    synonym_owners,
    synonyms_by_indicator,
    synonyms_list,
)
from .documents import (
    FIGURES,
    Existing,
    ReviewRow,
    differs,
    documents_list,
    fact_label,
    get_document_for,
    holds_figures,
    pieces_of,
    review_rows,
)

__all__ = [
    "FIGURES",
    "Existing",
    "ReviewRow",
    "catalogue_for",
    "commune_of",
    "differs",
    "documents_list",
    "fact_label",
    "get_document_for",
    "get_synonym_for",
    "holds_figures",
    "pieces_of",
    "recorded_awards",
    "review_rows",
    "synonym_owners",
    "synonyms_by_indicator",
    "synonyms_list",
]
