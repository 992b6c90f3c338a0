"""Documents of the petitions module: the plan of working sessions with its schedule, the
conclusion notice, the report to the province (DOCX and its .xlsx list), and the article
about a round of sessions. Each writer reads its data once through the petitions selectors
and lays it out with office.py (HD 36 for the Đảng ủy, NĐ 30 for the UBND)."""

from .article import compose_round_article, round_article_generate
from .notice import notice_docx, notice_filename
from .plan import plan_docx, plan_filename
from .report import report_docx, report_filename, report_xlsx

__all__ = [
    "compose_round_article",
    "notice_docx",
    "notice_filename",
    "plan_docx",
    "plan_filename",
    "report_docx",
    "report_filename",
    "report_xlsx",
    "round_article_generate",
]
