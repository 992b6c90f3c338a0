"""How wide a line of text prints, so header lines can be laid out before Word or LibreOffice
does it: a place name is never split across two lines, and a rule is as long as the line it
underlines. Measured with the metrics of Liberation Serif (the same as Times New Roman's);
where the font file is missing, an estimate that errs on the wide side."""

from __future__ import annotations

import functools
import os

NBSP = "\u00a0"
POINTS_PER_MM = 72 / 25.4
# Debian's fonts-liberation2 (and the older fonts-liberation) put them here.
FONT_DIRS = (
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
)
FONT_FILES = {False: "LiberationSerif-Regular.ttf", True: "LiberationSerif-Bold.ttf"}
UNITS = 1000  # the font is loaded at this many pixels per em; widths scale from it


@functools.lru_cache(maxsize=4)
def _font(bold: bool):
    from PIL import ImageFont

    for folder in FONT_DIRS:
        path = os.path.join(folder, FONT_FILES[bold])
        if os.path.exists(path):
            return ImageFont.truetype(path, UNITS)
    return None


@functools.lru_cache(maxsize=512)
def text_width_mm(text: str, size: float, bold: bool = False) -> float:
    """Printed width of one line of text at `size` points, in millimetres."""
    font = _font(bold)
    if font is None:
        em = 0.62 if bold else 0.55
        return len(text) * size * em / POINTS_PER_MM
    return font.getlength(text.replace(NBSP, " ")) * size / UNITS / POINTS_PER_MM


def keep_together(text: str) -> str:
    """The words joined by non-breaking spaces, so a line never breaks inside them."""
    return NBSP.join(text.split())


def fit_lines(
    prefix: str, name: str, *, width_mm: float, size: float, bold: bool = False
) -> list[str]:
    """ "ĐẢNG ỦY PHƯỜNG HÒA BÌNH" on one line when it fits in width_mm, else "ĐẢNG ỦY" over
    "PHƯỜNG HÒA BÌNH"; the place name itself is never split."""
    whole = f"{prefix} {name}".strip()
    if not prefix or text_width_mm(whole, size, bold) <= width_mm:
        return [f"{prefix} {keep_together(name)}".strip()]
    return [prefix, keep_together(name)]
