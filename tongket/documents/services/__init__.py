"""Every write of the documents module: articles (articles.py), generated files and the
results import (files.py), and background jobs with their steps (jobs.py; tasks.py only
hands the steps to a runner)."""

from ..choices import FileKind
from . import jobs
from .articles import article_generate, article_publish, article_unpublish, article_update
from .files import RESULT_COLUMNS, generated_file_save, results_import_xlsx
from .jobs import (
    conference_documents_make,
    job_begin,
    job_cancel,
    job_fail_if_stale,
    job_resume,
    job_start,
    job_step_run,
)

__all__ = [
    "RESULT_COLUMNS",
    "FileKind",
    "article_generate",
    "article_publish",
    "article_unpublish",
    "article_update",
    "conference_documents_make",
    "generated_file_save",
    "job_begin",
    "job_cancel",
    "job_fail_if_stale",
    "job_resume",
    "job_start",
    "job_step_run",
    "jobs",
    "results_import_xlsx",
]
