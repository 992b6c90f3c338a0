"""tongket.lib.text.fold, made fast for the reader: a 20-page report folds thousands of
phrases, and folding is the reader's hottest step. Precomposed Vietnamese letters are folded
with one str.translate table built from fold() itself; text holding combining marks (NFD)
goes through fold() as before, so the result is always fold()'s."""

from functools import lru_cache

from tongket.lib.text import fold as _fold

__all__ = ["fold"]

_LETTERS = {
    code: _fold(chr(code)) or " "
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
    if chr(code).isalpha()
}
_TABLE = str.maketrans({chr(code): folded for code, folded in _LETTERS.items()})
_COMBINING = range(0x300, 0x370)


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    if not text:
        return ""
    if any(ord(char) in _COMBINING for char in text):
        return _fold(text)
    return " ".join(text.translate(_TABLE).lower().split())
