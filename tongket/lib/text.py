"""Search-friendly folding of Vietnamese text.

People search for "dau lieu" and expect to find "Xã Đậu Liêu": fold() drops case, diacritics
and extra whitespace so the two compare equal.
"""

import re
import unicodedata

__all__ = ["fold", "matches", "slug"]

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str | None) -> str:
    """Lowercase, strip Vietnamese diacritics, turn đ/Đ into d, collapse whitespace.

    fold("Đậu  Liêu ") == "dau lieu". Works on precomposed (NFC) and decomposed (NFD) input.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.lower().split())


def matches(query: str | None, text: str | None) -> bool:
    """True when every word of the query occurs in the text, ignoring case and diacritics.

    matches("dau lieu", "Xã Đậu Liêu") is True. A blank query matches everything.
    """
    folded_text = fold(text)
    return all(term in folded_text for term in fold(query).split())


def slug(text: str | None) -> str:
    """An ASCII slug for URLs and file names: slug("Phường Hòa Bình") == "phuong-hoa-binh"."""
    return _NOT_SLUG.sub("-", fold(text)).strip("-")
