"""Hiding people's names in text published on the portal."""

from __future__ import annotations

import unicodedata

from tongket.lib.text import fold

HIDDEN = "(đã ẩn tên)"


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """fold() of the text character by character, with each folded character's position in
    the original (so a match in the folded text maps back to the original span)."""
    folded: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(unicodedata.normalize("NFC", text)):
        piece = fold(char) if not char.isspace() else " "
        for folded_char in piece:
            folded.append(folded_char)
            positions.append(index)
    return "".join(folded), positions


def mask_names(text: str, names: list[str]) -> str:
    """The text with every occurrence of each name (case and diacritics ignored) replaced by
    "(đã ẩn tên)"."""
    text = unicodedata.normalize("NFC", text or "")
    for name in sorted({fold(name) for name in names if fold(name)}, key=len, reverse=True):
        folded, positions = _folded_with_positions(text)
        spans = []
        start = folded.find(name)
        while start != -1:
            end = start + len(name) - 1
            spans.append((positions[start], positions[end] + 1))
            start = folded.find(name, start + len(name))
        for begin, finish in reversed(spans):
            text = text[:begin] + HIDDEN + text[finish:]
    return text
