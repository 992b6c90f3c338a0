"""Views of the text import: documents (upload, review, confirm) and synonyms."""

from .documents import discard, index, review, source_file
from .synonyms import synonym_delete, synonyms

__all__ = ["discard", "index", "review", "source_file", "synonym_delete", "synonyms"]
