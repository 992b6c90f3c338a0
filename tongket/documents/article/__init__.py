"""The news article (tin bài) written from a conference's data in the form ward portals
publish: the lead (when, who organised, which conference, who attended), the results by
field, what was said, the awards handed out, the tasks ahead, the photos where the text
refers to them, and the author's byline. One function per paragraph (paragraphs.py), over
the one ReportData read through the selectors (data.py); office status text never appears
(draft.forbidden_phrases guards it in every test)."""

from .compose import blocks, compose, left_out
from .draft import (
    FORBIDDEN_PHRASES,
    ArticleDraft,
    Block,
    forbidden_phrases,
    marker_photo_id,
    photo_marker,
)

__all__ = [
    "FORBIDDEN_PHRASES",
    "ArticleDraft",
    "Block",
    "blocks",
    "compose",
    "forbidden_phrases",
    "left_out",
    "marker_photo_id",
    "photo_marker",
]
