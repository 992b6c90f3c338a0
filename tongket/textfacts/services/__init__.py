"""Writes of the text import: reading a document (nothing is kept when it cannot be read),
confirming its facts all or nothing through the targets and emulation services, discarding
it, and the indicator synonyms."""

from .confirming import AwardChoice, ResultChoice, document_confirm, document_discard
from .proposals import award_body, same_unit, unit_scale
from .reading import document_read, max_upload_bytes, read_source, too_large_message
from .synonyms import synonym_add, synonym_delete, synonym_remember

__all__ = [
    "AwardChoice",
    "ResultChoice",
    "award_body",
    "document_confirm",
    "document_discard",
    "document_read",
    "max_upload_bytes",
    "read_source",
    "same_unit",
    "synonym_add",
    "synonym_delete",
    "synonym_remember",
    "too_large_message",
    "unit_scale",
]
