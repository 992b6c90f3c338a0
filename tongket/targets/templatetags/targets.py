"""Template filters of the targets screens."""

from html import escape

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

VERDICT_BADGES = {"vuot": "success", "dat": "primary", "khong_dat": "danger"}


@register.filter
def status_badges(row) -> str:
    """The verdict badge, then the status badge when the figures are incomplete, of anything
    with verdict, verdict_label, status and status_label (a filter, not an include: it runs
    once per row of long tables)."""
    html = ""
    colour = VERDICT_BADGES.get(row.verdict)
    if colour:
        html = format_html('<span class="badge text-bg-{}">{}</span>', colour, row.verdict_label)
    if row.status != "ok":
        html = format_html(
            '{} <span class="badge text-bg-light border text-wrap" data-status="{}">{}</span>',
            html,
            row.status,
            row.status_label,
        )
    return html


@register.filter
def matrix_cells(cells) -> str:
    """The cells of one row of the province matrix, from its (class, % of plan, status note)
    triples: a thousand cells are written here in one pass rather than node by node."""
    parts = []
    for css, text, note in cells:
        inner = escape(text)
        if note:
            inner += f'<span class="small text-secondary">{escape(note)}</span>'
        parts.append(f'<td class="num {escape(css)}">{inner}</td>')
    return mark_safe("".join(parts))  # every piece above is escaped
