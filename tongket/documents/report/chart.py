"""The report's chart: % of plan per indicator, drawn with matplotlib as a PNG.

At most half a page (150 × 120 mm in the document), a legend naming the colours and the 100%
line, and Vietnamese labels wrapped onto two lines instead of cut: the left margin is measured
from the labels before drawing, so the figure is drawn once, without a layout pass. The PNG
depends only on the figures it shows, so it is cached by them: the same data draws once."""

from __future__ import annotations

import hashlib
import io
import textwrap

from django.core.cache import caches

from ..data import ReportData

# Part of the cache key: change it when the drawing changes, so no old picture is reused.
DRAWING_VERSION = 2
CACHE_SECONDS = 90 * 24 * 3600
# Bundled with matplotlib and covers every Vietnamese letter, so charts need no system font.
CHART_FONT = "DejaVu Sans"
WIDTH_IN = 150 / 25.4
DPI = 150
MAX_HEIGHT_IN = 105 / 25.4  # with its caption, at most half of the A4 text height
COLOURS = {"vuot": "#2e7d32", "dat": "#1565c0", "khong_dat": "#c62828", None: "#757575"}
LEGEND = (
    ("vuot", "Vượt kế hoạch"),
    ("dat", "Đạt kế hoạch"),
    ("khong_dat", "Không đạt kế hoạch"),
)


def chart_png(data: ReportData) -> bytes | None:
    """A horizontal bar chart of % of plan for every indicator that has one, with the 100%
    line and a legend; None when no indicator has a percentage. A six-month chart is against
    the annual plan and carries no verdict colours."""
    rows = [row for row in data.achievements if row.percent_of_plan is not None]
    if not rows:
        return None
    half = data.period == "h1"
    bars = tuple(
        (row.indicator_name, float(row.percent_of_plan), None if half else row.verdict)
        for row in rows
    )
    axis = f"% kế hoạch năm {data.year}"
    return draw(bars, axis)


def _font_size(count: int) -> float:
    return 8.0 if count <= 12 else 7.0 if count <= 20 else 6.0


def _labels(names: list[str], size: float, height_in: float) -> list[str]:
    """Each name on at most two lines of about 34 characters (one line when bars are dense);
    what still does not fit ends in "…" rather than running off the figure."""
    room_lines = max(1, int(height_in * 72 / len(names) / (size * 1.25)))
    lines = 2 if room_lines >= 2 else 1
    width = 34 if lines == 2 else 48
    wrapped = []
    for name in names:
        parts = textwrap.wrap(name, width) or [""]
        if len(parts) > lines:
            parts = parts[:lines]
            parts[-1] = parts[-1][: width - 1].rstrip() + "…"
        wrapped.append("\n".join(parts))
    return wrapped


def draw(bars: tuple, axis: str) -> bytes:
    """The PNG of `figure`, cached by the figures it shows."""
    key = cache_key(bars, axis)
    cache = caches["documents"]
    png = cache.get(key)
    if png is None:
        png = render(bars, axis)
        cache.set(key, png, CACHE_SECONDS)
    return png


def cache_key(bars: tuple, axis: str) -> str:
    return "chart:" + hashlib.sha256(repr((DRAWING_VERSION, bars, axis)).encode()).hexdigest()


def render(bars: tuple, axis: str) -> bytes:
    """The chart drawn now, as PNG bytes."""
    buffer = io.BytesIO()
    figure(bars, axis).savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def figure(bars: tuple, axis: str):
    """The chart as a matplotlib Figure: bars (name, percent, verdict or None)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    count = len(bars)
    size = _font_size(count)
    height = min(MAX_HEIGHT_IN, max(2.4, 0.3 * count + 1.3))
    plot_height = height - 1.0
    labels = _labels([name for name, _, _ in bars], size, plot_height)
    font = FontProperties(family=CHART_FONT, size=size)
    # The labels' printed width, measured by the renderer that will draw them (no layout pass).
    measure = RendererAgg(1, 1, DPI)
    widest = max(
        measure.get_text_width_height_descent(line, font, ismath=False)[0]
        for label in labels
        for line in label.split("\n")
    )
    left = min(0.6, (widest / DPI + 0.18) / WIDTH_IN)
    drawn = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    drawn.subplots_adjust(left=left, right=0.97, top=1 - 0.15 / height, bottom=0.95 / height)
    axes = drawn.add_subplot()
    positions = list(range(count))[::-1]
    values = [value for _, value, _ in bars]
    axes.barh(positions, values, color=[COLOURS[v] for _, _, v in bars], height=0.65)
    axes.set_yticks(positions, labels, fontsize=size, fontfamily=CHART_FONT)
    axes.axvline(100, color="#444", linewidth=0.8, linestyle="--")
    axes.set_xlabel(axis, fontsize=8, fontfamily=CHART_FONT)
    axes.tick_params(axis="x", labelsize=7)
    axes.set_xlim(0, max([*values, 100.0]) * 1.12)
    axes.spines[["top", "right"]].set_visible(False)
    verdicts = {v for _, _, v in bars}
    handles = [Patch(color=COLOURS[key], label=label) for key, label in LEGEND if key in verdicts]
    if None in verdicts:
        handles.append(Patch(color=COLOURS[None], label="Tỷ lệ so với kế hoạch năm"))
    handles.append(Line2D([], [], color="#444", linestyle="--", label="Mức 100% kế hoạch"))
    drawn.legend(
        handles=handles,
        loc="lower center",
        ncol=len(handles),
        fontsize=7,
        frameon=False,
        prop={"family": CHART_FONT, "size": 7},
    )
    return drawn
