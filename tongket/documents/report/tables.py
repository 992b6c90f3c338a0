"""The report's tables as rows of cells: written out for the DOCX (Vietnamese number text,
the unit left to its column) and as numbers for the .xlsx. Missing figures are named,
never filled in."""

from __future__ import annotations

from collections.abc import Callable

from tongket.lib.numbers import format_number

from ..data import ReportData

PERCENT_ONLY = "(chỉ báo % KH)"
DASH = "-"  # what a table cell prints where there is no value
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]

ACHIEVEMENT_HEADERS = ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "% KH", "Đánh giá"]
HALF_YEAR_HEADERS = [
    "TT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch năm",
    "Thực hiện 6 tháng",
    "% KH năm",
]
PLAN_HEADERS = ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Văn bản giao"]
PARTY_HEADERS = ["", "Chi bộ", "Đảng viên"]
PETITION_HEADERS = ["Lĩnh vực", "Tiếp nhận", "Đã giải quyết", "Chuyển cấp trên", "Đang xử lý"]
COMMENDATION_HEADERS = ["Cấp khen thưởng", "Hình thức", "Tập thể", "Cá nhân", "Hộ gia đình"]


def roman(index: int) -> str:
    """The numeral of a group heading: I, II, … then 9, 10 past VIII."""
    return ROMAN[index] if index < len(ROMAN) else str(index + 1)


def numbered(groups, cells: Callable[[int, object], list], blanks: int = 0) -> list[list]:
    """A heading row per group (its numeral, its label and `blanks` empty cells), then each
    row of the group numbered from 1 and written by `cells(number, row)`."""
    rows: list[list] = []
    for index, (label, members) in enumerate(groups):
        rows.append([roman(index), label, *[""] * blanks])
        for number, row in enumerate(members, start=1):
            rows.append(cells(number, row))
    return rows


def bare(row, text: str) -> str:
    """A figure without the unit the table's unit column already states: "12,4", "42/42",
    "0,31". A ratio's plan is a share ("100%") while its unit counts things ("tuyến phố"), so
    its "%" stays."""
    unit = row.unit_of_measure
    if unit and text.endswith(f" {unit}"):
        return text[: -len(unit) - 1]
    return text.removesuffix("%") if unit == "%" else text


def verdict_cell(row) -> str:
    """Vượt, Đạt, Không đạt, or "-" where there is no verdict (never the entry status)."""
    return row.verdict_label if row.verdict else DASH


def _achievement_cells(number: int, row) -> list[str]:
    result = bare(row, row.result_text) if row.result is not None else DASH
    if row.percent_only:
        result = PERCENT_ONLY
    if row.is_estimate and row.result is not None:
        result += " (ước)"
    return [
        str(number),
        row.indicator_name,
        row.unit_of_measure or DASH,
        bare(row, row.plan_text) if row.plan is not None else DASH,
        result,
        row.percent_text if row.percent_of_plan is not None else DASH,
        verdict_cell(row),
    ]


def achievement_table(data: ReportData) -> list[list[str]]:
    """Rows of the results table: a heading row per group, then every indicator with plan,
    result, % of plan and verdict written out; missing figures are named, never filled in."""
    return numbered(data.groups, _achievement_cells, blanks=5)


def half_year_table(data: ReportData) -> list[list[str]]:
    """The six-month table: first-half figures against the annual plan, no verdict column
    (a half-year figure is not judged against a full-year plan)."""
    return [row[:6] for row in numbered(data.groups, _achievement_cells, blanks=5)]


def _plan_cells(number: int, row) -> list[str]:
    plan = bare(row, row.plan_text) if row.plan is not None else DASH
    return [str(number), row.indicator_name, row.unit_of_measure or DASH, plan, row.document]


def plan_table(data: ReportData) -> list[list[str]]:
    return numbered(data.plan_groups, _plan_cells, blanks=3)


def commendation_table(data: ReportData) -> list[list[str]]:
    """The emulation statistics as a table: who awarded what to how many."""
    return [
        [
            row.awarding_body_label,
            row.form_label,
            format_number(row.collectives),
            format_number(row.individuals),
            format_number(row.households),
        ]
        for row in data.commendations.rows
    ]


# The same tables with numbers Excel can compute with -----------------------------------


def _achievement_sheet_cells(number: int, row) -> list:
    return [
        number,
        row.indicator_name,
        row.unit_of_measure,
        row.plan if row.plan is not None else DASH,
        _sheet_result(row),
        row.percent_of_plan,
        verdict_cell(row),
    ]


def _sheet_result(row):
    """The result as a number; a qualified one ("trên 36") as the text the report says, so
    nobody adds it up as exact; one known only as % of plan says so."""
    if row.percent_only:
        return PERCENT_ONLY
    if row.result is None:
        return DASH
    return bare(row, row.result_text) if row.qualifier else row.result


def achievement_sheet_rows(data: ReportData) -> list[list]:
    """The results table with real numbers in the figure columns, so Excel can compute with
    them; a missing figure is "-", as in the document."""
    return numbered(data.groups, _achievement_sheet_cells)


def _plan_sheet_cells(number: int, row) -> list:
    plan = row.plan if row.plan is not None else DASH
    return [number, row.indicator_name, row.unit_of_measure, plan, row.document]


def plan_sheet_rows(data: ReportData) -> list[list]:
    return numbered(data.plan_groups, _plan_sheet_cells)


def commendation_sheet_rows(data: ReportData) -> list[list]:
    return [
        [
            row.awarding_body_label,
            row.form_label,
            row.collectives,
            row.individuals,
            row.households,
        ]
        for row in data.commendations.rows
    ]


def party_table(party) -> list[list]:
    """The Đảng bộ in rows: the total, the chi bộ by type, then each rating level (chi bộ and
    đảng viên) when the year's ratings are decided. Empty when there is nothing to count."""
    n = format_number
    rows: list[list] = []
    if party.total or party.active_cells:
        rows.append(["Tổng số", n(len(party.active_cells)), n(party.total)])
        rows.append(["Trong đó: đảng viên dự bị", "", n(party.probationary)])
        rows.append(["Kết nạp đảng viên mới trong kỳ", "", n(party.admitted)])
    for _value, label, count in party.cells_by_type:
        rows.append([f"Chi bộ {label}", n(count), ""])
    if party.cell_levels or party.member_levels:
        for label, cells, members in party.level_rows():
            rows.append([f"Xếp loại: {label[:1].lower() + label[1:]}", n(cells), n(members)])
    return rows


def petition_table(stats) -> list[list]:
    """One row per field the recommendations fall in, then the total."""
    n = format_number
    rows = [
        [line.label, n(line.received), n(line.resolved), n(line.forwarded), n(line.open)]
        for line in stats.by_field
    ]
    if rows:
        rows.append(
            ["Cộng", n(stats.received), n(stats.resolved), n(stats.forwarded), n(stats.open)]
        )
    return rows
