"""Search-friendly folding of Vietnamese text, and the characters no input may carry.

People search for "dau lieu" and expect to find "Xã Đậu Liêu": fold() drops case, diacritics
and extra whitespace so the two compare equal. forbidden_characters() names what a typed text
never contains: control characters (a NUL makes PostgreSQL refuse the row), lone surrogates
(no UTF-8 form), and U+FFFD, the mark a wrongly encoded text leaves behind.
"""

import re
import unicodedata

__all__ = ["LINE_BREAKS", "code_point", "fold", "forbidden_characters", "matches", "slug"]

_NOT_SLUG = re.compile(r"[^a-z0-9]+")

# Tab, line feed and carriage return: what a long text (a textarea, a list one item a line)
# may hold; a single-line field holds none of them.
LINE_BREAKS = frozenset("\t\n\r")
# C0 controls and DEL, C1 controls, UTF-16 surrogates, the replacement character and the two
# non-characters at the end of the Basic Multilingual Plane.
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffd\ufffe\uffff]")


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


def forbidden_characters(text: str | None, *, multiline: bool = False) -> list[str]:
    """The distinct characters of `text` that no input may carry, in order of appearance.
    With multiline=True tab, line feed and carriage return are allowed (long texts);
    otherwise they are refused too (names, titles, codes, search words, URLs)."""
    if not text:
        return []
    found: list[str] = []
    for match in _FORBIDDEN.finditer(text):
        char = match.group()
        if multiline and char in LINE_BREAKS:
            continue
        if char not in found:
            found.append(char)
    return found


def code_point(char: str) -> str:
    """How a message names a character: "U+0000"."""
    return f"U+{ord(char):04X}"
