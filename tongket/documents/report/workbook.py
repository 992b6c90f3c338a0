"""The report's tables as one .xlsx workbook, a sheet per table."""

from __future__ import annotations

from tongket.lib.xlsx import Sheet, write_xlsx

from ..data import ReportData
from .tables import (
    ACHIEVEMENT_HEADERS,
    COMMENDATION_HEADERS,
    PLAN_HEADERS,
    achievement_sheet_rows,
    commendation_sheet_rows,
    plan_sheet_rows,
)


def report_xlsx(data: ReportData) -> bytes:
    """Every table of the report as a sheet of one workbook."""
    sheets = [
        Sheet(
            title=f"Kết quả {data.year}",
            headers=ACHIEVEMENT_HEADERS,
            rows=achievement_sheet_rows(data),
            caption=f"{data.commune.name}: kết quả thực hiện các chỉ tiêu năm {data.year}",
        ),
        Sheet(
            title=f"Kế hoạch {data.next_year}",
            headers=PLAN_HEADERS,
            rows=plan_sheet_rows(data),
            caption=f"{data.commune.name}: chỉ tiêu kế hoạch năm {data.next_year}",
        ),
    ]
    if data.commendations.rows:
        sheets.append(
            Sheet(
                title="Khen thưởng",
                headers=COMMENDATION_HEADERS,
                rows=commendation_sheet_rows(data),
            )
        )
    return write_xlsx(sheets)
