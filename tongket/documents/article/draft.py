"""What an article is made of before it is saved: its headline, an ordered list of blocks
(a paragraph, or a photo where the text refers to it), its byline, and what was left out
and why (shown to the editor, never printed). Also the guard against office status text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A photo's place in the saved body: a line of its own, "[ẢNH 12]" (the photo's number).
PHOTO_MARKER = "[ẢNH {pk}]"
PHOTO_LINE = re.compile(r"^\[\s*ảnh\s+(\d+)\s*\]$", re.IGNORECASE)


def photo_marker(pk: int) -> str:
    return PHOTO_MARKER.format(pk=pk)


def marker_photo_id(line: str) -> int | None:
    """The photo a body line stands for, or None for a line of text."""
    match = PHOTO_LINE.match(line.strip())
    return int(match.group(1)) if match else None


@dataclass
class Block:
    """A paragraph of text, or a photo (its id) placed where the text refers to it."""

    text: str = ""
    photo_id: int | None = None

    @property
    def is_photo(self) -> bool:
        return self.photo_id is not None


@dataclass
class ArticleDraft:
    headline: str
    blocks: list[Block]
    byline: str
    left_out: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [block.text for block in self.blocks if not block.is_photo]

    @property
    def body(self) -> str:
        """The body as saved and edited: paragraphs and photo markers, a blank line apart."""
        return "\n\n".join(
            photo_marker(block.photo_id) if block.is_photo else block.text for block in self.blocks
        )

    @property
    def text(self) -> str:
        """Everything a reader reads: headline, paragraphs, byline."""
        return "\n".join([self.headline, *self.paragraphs, self.byline])


# Office status text and machine leftovers that never belong in a published article.
FORBIDDEN_PHRASES = (
    "chưa giao kế hoạch",
    "chưa có kế hoạch",
    "chưa có số liệu",
    "chưa được cập nhật",
    "chưa cập nhật",
    "chưa có chỉ tiêu",
    "chưa nhập",
    "không có dữ liệu",
    "không tính được",
    "chưa đánh giá được",
    "(trống)",
    "—",
    "%(",
    "{",
    "}",
)
FORBIDDEN_WORDS = re.compile(r"\b(None|nan|NaN|null|undefined|Decimal)\b")


def forbidden_phrases(text: str) -> list[str]:
    """The status phrases and leftovers found in `text` (empty when it is fit to publish)."""
    lowered = text.lower()
    found = [phrase for phrase in FORBIDDEN_PHRASES if phrase in lowered]
    found += sorted(set(FORBIDDEN_WORDS.findall(text)))
    return found
