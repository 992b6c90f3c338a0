"""The review report (báo cáo tổng kết): the DOCX in the official layout (document.py, one
function per section), its tables (tables.py), its chart (chart.py) and its tables as one
.xlsx (workbook.py). Everything written comes from ReportData (see ../data.py)."""

from .chart import chart_png
from .document import build_report, report_docx, report_filename, report_issue
from .tables import achievement_table, bare, commendation_table, half_year_table, plan_table
from .workbook import report_xlsx

__all__ = [
    "achievement_table",
    "bare",
    "build_report",
    "chart_png",
    "commendation_table",
    "half_year_table",
    "plan_table",
    "report_docx",
    "report_filename",
    "report_issue",
    "report_xlsx",
]
