"""Template filters of the targets screens."""

from django import template
from django.utils.html import format_html

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
