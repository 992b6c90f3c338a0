"""Reading Vietnamese administrative texts into proposed facts (issue 16).

Django-free. read_upload()/read_text() turn a .docx, .txt or .pdf (or pasted text) into text,
refusing what cannot be read with a TextImportError; extract_facts() reads the text into Fact
objects, each pointing at the words it came from; IndicatorMatcher maps indicator phrases to a
commune's catalogue.
"""

from .engine import extract_facts
from .errors import TextImportError
from .matcher import IndicatorMatcher, Match
from .model import Fact, FactKind, NumberRef, Period, PlanShare, Span
from .sources import DEFAULT_MAX_BYTES, read_text, read_upload

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Fact",
    "FactKind",
    "IndicatorMatcher",
    "Match",
    "NumberRef",
    "Period",
    "PlanShare",
    "Span",
    "TextImportError",
    "extract_facts",
    "read_text",
    "read_upload",
]
