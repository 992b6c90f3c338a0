"""The report's chart: % of plan per indicator, drawn with matplotlib as a PNG."""

from __future__ import annotations

import io

from ..data import ReportData

# Bundled with matplotlib and covers every Vietnamese letter, so charts need no system font.
CHART_FONT = "DejaVu Sans"


def chart_png(data: ReportData) -> bytes | None:
    """A horizontal bar chart of % of plan for every indicator that has one, with the 100%
    line; None when no indicator has a percentage (the report then says why). The exact
    percentages are in the table above it, so bars carry no labels (text is what costs
    time to draw)."""
    rows = [row for row in data.achievements if row.percent_of_plan is not None]
    if not rows:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    labels = [_short(row.indicator_name) for row in rows]
    values = [float(row.percent_of_plan) for row in rows]
    colours = [
        "#2e7d32" if row.verdict == "vuot" else "#1565c0" if row.verdict == "dat" else "#c62828"
        for row in rows
    ]
    height = max(2.2, 0.32 * len(rows) + 1.0)
    figure = Figure(figsize=(7.0, height), dpi=120)
    # Fixed margins instead of tight_layout, which would draw the figure twice.
    figure.subplots_adjust(left=0.42, right=0.97, top=1 - 0.25 / height, bottom=0.7 / height)
    axes = figure.add_subplot()
    positions = list(range(len(rows)))[::-1]
    axes.barh(positions, values, color=colours, height=0.65)
    axes.set_yticks(positions, labels, fontsize=7, fontfamily=CHART_FONT)
    axes.axvline(100, color="#444", linewidth=0.8, linestyle="--")
    axes.set_xlabel(f"% kế hoạch năm {data.year}", fontsize=8, fontfamily=CHART_FONT)
    axes.tick_params(axis="x", labelsize=7)
    upper = max([*values, 100.0]) * 1.15
    axes.set_xlim(0, upper)
    axes.spines[["top", "right"]].set_visible(False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
