"""Every targets table as an .xlsx (tongket.lib.xlsx.write_xlsx): numbers are real numeric
cells, labels Vietnamese."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units.models import Unit

from .achievement import QUALIFIER_WORDS
from .choices import Period
from .selectors import AchievementRow, ProvinceBoard
from .services import RESULT_IMPORT_COLUMNS

ACHIEVEMENT_HEADERS = [
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Nhóm",
    "Đơn vị tính",
    "Kế hoạch",
    "Thực hiện",
    "Ước thực hiện",
    "% kế hoạch",
    "Đánh giá",
    "Cùng kỳ năm trước",
    "Tăng/giảm",
    "Tình trạng",
    "Văn bản giao",
    "Từ chỉ mức",
    "Thực hiện (như báo cáo)",
]


def achievement_cells(row: AchievementRow) -> list:
    return [
        row.indicator_code,
        row.indicator_name,
        row.group_label,
        row.unit_of_measure,
        row.plan,
        row.result,
        _("Ước") if row.is_estimate else "",
        row.percent_of_plan,
        row.verdict_label,
        row.previous,
        row.change,
        row.status_label,
        row.plan_document,
        QUALIFIER_WORDS.get(row.qualifier, ""),
        row.result_text or (f"{row.percent_text} kế hoạch" if row.percent_only else ""),
    ]


def achievements_xlsx(unit: Unit, year: int, period: str, rows: list[AchievementRow]) -> bytes:
    caption = _("%(unit)s – kết quả thực hiện chỉ tiêu %(period)s năm %(year)s") % {
        "unit": unit.name,
        "period": Period(period).label.lower(),
        "year": year,
    }
    return write_xlsx(
        [
            Sheet(
                title=_("Chỉ tiêu %(year)s") % {"year": year},
                headers=ACHIEVEMENT_HEADERS,
                rows=[achievement_cells(row) for row in rows],
                caption=caption,
            )
        ]
    )


def province_xlsx(board: ProvinceBoard) -> bytes:
    """One sheet of % of plan (communes × indicators, with the roll-up) and one long sheet
    with every figure."""
    headers = ["Đơn vị", *[c.version.name for c in board.columns]]
    percent_rows = [
        [commune.name, *[c.cells[commune.pk].percent_of_plan for c in board.columns]]
        for commune in board.communes
    ]
    result_rows = [
        [commune.name, *[c.cells[commune.pk].result for c in board.columns]]
        for commune in board.communes
    ]
    result_rows.append(
        [
            _("Toàn tỉnh (tổng hợp)"),
            *[c.rollup.value if c.rollup else None for c in board.columns],
        ]
    )
    detail = [
        [commune.name, *achievement_cells(c.cells[commune.pk])]
        for c in board.columns
        for commune in board.communes
    ]
    year = board.year
    return write_xlsx(
        [
            Sheet(
                _("Thực hiện"), headers, result_rows, caption=_("Kết quả thực hiện năm %s") % year
            ),
            Sheet(_("% kế hoạch"), headers, percent_rows, caption=_("%% kế hoạch năm %s") % year),
            Sheet(_("Chi tiết"), ["Đơn vị", *ACHIEVEMENT_HEADERS], detail),
        ]
    )


def plan_template_xlsx(parent: Unit, year: int, communes, versions, plans) -> bytes:
    """The import template, filled with the current plans: the first sheet holds exactly
    the columns the importer reads, one row per commune and indicator; the second lists the
    names behind the codes."""
    rows = []
    for commune in communes:
        for version in versions:
            plan = plans.get((commune.pk, version.indicator_id))
            rows.append(
                [
                    commune.code,
                    version.indicator.code,
                    plan.value if plan else None,
                    plan.document if plan else "",
                ]
            )
    return write_xlsx(
        [
            Sheet(
                _("Kế hoạch %(year)s") % {"year": year},
                ["Mã đơn vị", "Mã chỉ tiêu", "Kế hoạch", "Văn bản giao"],
                rows,
            ),
            Sheet(
                _("Danh mục"),
                ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Mã đơn vị", "Tên đơn vị"],
                [[v.indicator.code, v.name, v.unit_of_measure, None, None] for v in versions]
                + [[None, None, None, c.code, c.name] for c in communes],
            ),
        ]
    )


def results_template_xlsx(year: int, communes, versions, results) -> bytes:
    """The province-wide results workbook, filled with the results already entered: the
    first sheet holds exactly the columns the bulk import reads, one row per commune and
    indicator; the second lists the names behind the codes."""
    rows = []
    for commune in communes:
        for version in versions:
            result = results.get((commune.pk, version.indicator_id))
            rows.append(
                [
                    commune.code,
                    version.indicator.code,
                    result.value if result and result.numerator is None else None,
                    result.numerator if result else None,
                    result.denominator if result else None,
                    ("ước tính" if result.is_estimate else "chính thức") if result else "",
                    result.note if result else "",
                ]
            )
    return write_xlsx(
        [
            Sheet(
                _("Kết quả %(year)s") % {"year": year},
                [column.header for column in RESULT_IMPORT_COLUMNS],
                rows,
            ),
            Sheet(
                _("Danh mục"),
                ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Mã đơn vị", "Tên đơn vị"],
                [[v.indicator.code, v.name, v.unit_of_measure, None, None] for v in versions]
                + [[None, None, None, c.code, c.name] for c in communes],
            ),
        ]
    )
