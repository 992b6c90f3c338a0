"""Screens for indicators, plans, results, approval and dashboards, by workflow stage:
catalogue, plans, collection (entry grid, submissions, deadlines) and dashboards. Views
parse input, call one service or selector and render; rights come from the access layer
only."""

from .catalogue import catalogue, indicator_create, indicator_edit
from .collection import approve, board, cell_save, entry_grid, reopen, send_back, submit
from .dashboards import index, province_dashboard, rollup, unit_dashboard
from .imports import results_import, results_template
from .plans import assign, assign_xlsx

__all__ = [
    "approve",
    "assign",
    "assign_xlsx",
    "board",
    "catalogue",
    "cell_save",
    "entry_grid",
    "index",
    "indicator_create",
    "indicator_edit",
    "province_dashboard",
    "reopen",
    "results_import",
    "results_template",
    "rollup",
    "send_back",
    "submit",
    "unit_dashboard",
]
