"""Lines, headings, list markers and sentences of a text, with their offsets.

Sentences end at ".", "!", "?" or "…" followed by a capital letter, and at the end of a line.
A full stop after an abbreviation ("TP.", "TS.", "đ/c.") or inside a number ("1.204,6",
"15.8.2025", "Số 12-KH/ĐU") does not end one; neither does one inside brackets. A table row
(cells separated by tabs, as read_docx writes a Word table) is its own block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Span

__all__ = ["Line", "lines_of", "sentences_of"]

_MARKER = re.compile(
    r"\s*(?:(?P<roman>[IVXLC]{1,5})[.)]"
    r"|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?:[.)]|(?=\s)(?<=\d\.\d)|(?<=\d\.\d\d))"
    r"|(?P<letter>[a-zđ])\)"
    r"|\((?P<paren>\d{1,2}|[a-zđ])\)"
    r"|(?P<bullet>[-+•*–—]))\s+"
)
_ABBREVIATIONS = {
    "tp",
    "ts",
    "ths",
    "pgs",
    "gs",
    "bs",
    "ks",
    "cn",
    "tt",
    "tx",
    "đ/c",
    "th.s",
    "pgs.ts",
    "st",
    "tm",
    "kt",
    "tl",
    "tuq",
    "ng",
    "v.v",
    "đc",
    "ông",
    "bà",
    "q",
    "p",
    "h",
    "x",
    "số",
    "sđd",
}
_END = re.compile(r"[.!?…]+[\"”»’)]*\s+")
_WORD_BEFORE = re.compile(r"([\w./]+)$")


@dataclass(frozen=True)
class Line:
    """One line of the text. `body` starts after its list marker ("1.", "-", "II.", "a)");
    `level` ranks the marker (1 Roman, 2 Arabic, 3 "1.1"/letter, 4 bullet, 0 none)."""

    index: int
    start: int
    end: int
    body: int
    text: str
    marker: str
    level: int
    is_table: bool

    @property
    def body_text(self) -> str:
        return self.text[self.body - self.start :]

    @property
    def is_heading(self) -> bool:
        """A short title line: "1. Lĩnh vực kinh tế", "II. HẠN CHẾ, NGUYÊN NHÂN", "BÁO CÁO"."""
        body = self.body_text.strip()
        if not body or self.is_table:
            return False
        letters = [char for char in body if char.isalpha()]
        if len(letters) >= 2 and all(char.isupper() for char in letters):
            return True
        if self.level in (1, 2, 3) and not body.endswith((".", ";", ":")):
            return len(body.split()) <= 16
        return False


def _marker_level(match: re.Match | None) -> int:
    if match is None:
        return 0
    if match["roman"]:
        return 1
    if match["num"]:
        return 3 if "." in match["num"] or match.group(0).strip().endswith(")") else 2
    if match["letter"] or match["paren"]:
        return 3
    return 4


def lines_of(text: str) -> list[Line]:
    """Every non-blank line of the text, with its marker and offsets."""
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        if not raw.strip():
            continue
        is_table = raw.count("\t") >= 2
        match = None if is_table else _MARKER.match(raw)
        if match and match["roman"] and not _roman_heading(raw, match):
            match = None
        body = start + (match.end() if match else len(raw) - len(raw.lstrip()))
        marker = match.group(0).strip() if match else ""
        level = _marker_level(match)
        lines.append(Line(len(lines), start, end, body, raw, marker, level, is_table))
    return lines


def _roman_heading(raw: str, match: re.Match) -> bool:
    """ "I. KẾT QUẢ" is a heading marker; "C. Hoa" or "V. Tuấn" (initials) are not."""
    rest = raw[match.end() :]
    return bool(rest) and (rest[:1].isupper() or rest[:1].isdigit())


def sentences_of(text: str, line: Line) -> list[Span]:
    """The sentences of a line's body (a table row is one sentence)."""
    if line.is_table:
        return [Span(line.start, line.end)]
    spans: list[Span] = []
    start = line.body
    body = text[line.body : line.end]
    for match in _END.finditer(body):
        cut = line.body + match.end()
        if cut >= line.end or not _is_boundary(text, line.body, line.body + match.start(), cut):
            continue
        spans.append(_trimmed(text, start, cut))
        start = cut
    if start < line.end:
        spans.append(_trimmed(text, start, line.end))
    return [span for span in spans if span.end > span.start]


def _is_boundary(text: str, line_start: int, stop: int, next_start: int) -> bool:
    """Whether the punctuation at `stop` ends a sentence whose successor starts at next_start."""
    following = text[next_start : next_start + 1]
    if not (following.isupper() or following.isdigit() or following in '"“«('):
        return False
    before = text[line_start:stop]
    if before.count("(") > before.count(")"):
        return False
    word = _WORD_BEFORE.search(before)
    if word:
        token = word.group(1).lower()
        if token in _ABBREVIATIONS or token.split(".")[-1] in _ABBREVIATIONS:
            return False
        if len(token) == 1 and token.isalpha():
            return False  # an initial: "N. V. An"
    return True


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
