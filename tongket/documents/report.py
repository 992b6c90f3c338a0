"""The review report (báo cáo tổng kết) as a DOCX in the official layout, its chart, and its
tables as .xlsx. Everything written comes from ReportData (see data.py)."""

from __future__ import annotations

import io

from tongket.lib.numbers import format_number
from tongket.lib.xlsx import Sheet, write_xlsx

from . import office
from .data import (
    ReportData,
    achievement_phrase,
    lower_first,
    missing_sentences,
    plan_phrase,
    summary_sentence,
    verdict_text,
)

NO_RESULT = "chưa có số liệu"
NO_PLAN = "chưa giao kế hoạch"
# Bundled with matplotlib and covers every Vietnamese letter, so charts need no system font.
CHART_FONT = "DejaVu Sans"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]

ACHIEVEMENT_HEADERS = ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "% KH", "Đánh giá"]
PLAN_HEADERS = ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Văn bản giao"]


# Tables -----------------------------------------------------------------------------------


def bare(row, text: str) -> str:
    """A figure without the unit the table's unit column already states: "12,4", "42/42",
    "0,31". A ratio's plan is a share ("100%") while its unit counts things ("tuyến phố"), so
    its "%" stays."""
    unit = row.unit_of_measure
    if unit and text.endswith(f" {unit}"):
        return text[: -len(unit) - 1]
    return text.removesuffix("%") if unit == "%" else text


def achievement_table(data: ReportData) -> list[list[str]]:
    """Rows of the results table: a heading row per group, then every indicator with plan,
    result, % of plan and verdict written out; missing figures are named, never filled in."""
    rows: list[list[str]] = []
    for index, (label, group_rows) in enumerate(data.groups):
        rows.append(
            [ROMAN[index] if index < len(ROMAN) else str(index + 1), label, "", "", "", "", ""]
        )
        for number, row in enumerate(group_rows, start=1):
            result = bare(row, row.result_text) if row.result is not None else NO_RESULT
            if row.is_estimate and row.result is not None:
                result += " (ước)"
            rows.append(
                [
                    str(number),
                    row.indicator_name,
                    row.unit_of_measure,
                    bare(row, row.plan_text) if row.plan is not None else NO_PLAN,
                    result,
                    row.percent_text,
                    verdict_text(row),
                ]
            )
    return rows


def plan_table(data: ReportData) -> list[list[str]]:
    rows: list[list[str]] = []
    for index, (label, group_rows) in enumerate(data.plan_groups):
        rows.append([ROMAN[index] if index < len(ROMAN) else str(index + 1), label, "", "", ""])
        for number, row in enumerate(group_rows, start=1):
            rows.append(
                [
                    str(number),
                    row.indicator_name,
                    row.unit_of_measure,
                    bare(row, row.plan_text) if row.plan is not None else NO_PLAN,
                    row.document,
                ]
            )
    return rows


COMMENDATION_HEADERS = ["Cấp khen thưởng", "Hình thức", "Tập thể", "Cá nhân", "Hộ gia đình"]


def commendation_table(data: ReportData) -> list[list[str]]:
    """The emulation statistics as a table: who awarded what to how many."""
    return [
        [
            str(getattr(row, "awarding_body_label", "")),
            str(getattr(row, "form_label", "")),
            format_number(getattr(row, "collectives", 0) or 0),
            format_number(getattr(row, "individuals", 0) or 0),
            format_number(getattr(row, "households", 0) or 0),
        ]
        for row in data.commendations.rows
    ]


# Chart ------------------------------------------------------------------------------------


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


# The document -----------------------------------------------------------------------------


def _bodies(data: ReportData) -> tuple[str, str]:
    commune = data.commune.name
    province = data.province.name if data.province else ""
    if data.layout == "party":
        return (
            f"Đảng bộ {lower_first(province)}" if province else "",
            f"Đảng ủy {lower_first(commune)}",
        )
    return (
        f"UBND {lower_first(province)}" if province else "",
        f"Ủy ban nhân dân {lower_first(commune)}",
    )


def _number(data: ReportData) -> str:
    if data.conference.report_number:
        return data.conference.report_number
    # Left blank for the office to fill in when the report is issued.
    return "      -BC/ĐU" if data.layout == "party" else "      /BC-UBND"


def _signature(data: ReportData) -> dict:
    signer = data.signer
    title = signer.title if signer else ""
    if data.layout == "party":
        on_behalf = "T/M ĐẢNG ỦY"
        role = "Phó Bí thư" if title.lower().startswith("phó bí thư") else "Bí thư"
        if role == "Phó Bí thư":
            on_behalf += "\nPHÓ BÍ THƯ"
            role = ""
        recipients = [
            "Ban Thường vụ Tỉnh ủy (b/c)",
            "Các chi bộ trực thuộc",
            "Lưu Văn phòng Đảng ủy",
        ]
    else:
        on_behalf = "TM. ỦY BAN NHÂN DÂN"
        role = "Chủ tịch"
        if title.lower().startswith("phó chủ tịch"):
            on_behalf += "\nKT. CHỦ TỊCH"
            role = "Phó Chủ tịch"
        recipients = [
            "UBND tỉnh (b/c)",
            "Thường trực Đảng ủy, HĐND phường",
            "Các đơn vị trực thuộc",
            "Lưu: VT",
        ]
    return {
        "on_behalf": on_behalf,
        "signer_title": role,
        "signer_name": signer.name if signer else "",
        "recipients": recipients,
    }


def _items(doc, items: list[str], empty: str) -> None:
    if not items:
        office.add_paragraph(doc, empty, italic=True)
        return
    for item in items:
        office.add_paragraph(doc, f"- {item}")


def build_report(data: ReportData) -> office.DocxDocument:
    """The report as a python-docx Document, sections in the order RULES.md gives."""
    doc = office.new_document(data.layout)
    parent_body, body = _bodies(data)
    header = office.add_party_header if data.layout == "party" else office.add_state_header
    header(
        doc,
        parent_body=parent_body,
        body=body,
        number=_number(data),
        place=data.place,
        on=data.conference.date,
    )
    office.add_title(doc, "Báo cáo", data.subject)
    issuer = "Đảng ủy" if data.layout == "party" else "Ủy ban nhân dân"
    office.add_paragraph(
        doc,
        f"{issuer} {lower_first(data.commune.name)} báo cáo kết quả thực hiện nhiệm vụ năm "
        f"{data.year} và phương hướng, nhiệm vụ năm {data.next_year} như sau:",
    )

    section = iter(ROMAN)
    office.add_heading_text(doc, f"{next(section)}. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {data.year}")
    office.add_paragraph(doc, summary_sentence(data))
    for index, (label, rows) in enumerate(data.groups, start=1):
        office.add_heading_text(doc, f"{index}. {label}")
        phrases = [achievement_phrase(row) for row in rows]
        sentence = "; ".join(phrases)
        office.add_paragraph(doc, sentence[0].upper() + sentence[1:] + ".")
    for sentence in missing_sentences(data):
        office.add_paragraph(doc, sentence, italic=True)
    if data.achievements:
        office.add_paragraph(
            doc,
            f"Bảng 1. Kết quả thực hiện các chỉ tiêu năm {data.year} so với kế hoạch",
            bold=True,
            align="center",
            indent_first=False,
            size=13,
        )
        office.add_table(
            doc,
            ACHIEVEMENT_HEADERS,
            achievement_table(data),
            widths_mm=[9, 58, 19, 21, 22, 16, 20],
            numeric_columns=(3, 4, 5),
            font_size=11,
        )
        chart = chart_png(data)
        if chart:
            office.add_picture(
                doc,
                chart,
                150,
                caption=f"Biểu đồ 1. Tỷ lệ thực hiện so với kế hoạch năm {data.year} (%)",
            )
        else:
            office.add_paragraph(
                doc,
                "Chưa vẽ được biểu đồ tỷ lệ so với kế hoạch: chưa có chỉ tiêu nào vừa có kế "
                "hoạch vừa có số liệu thực hiện.",
                italic=True,
            )

    office.add_heading_text(doc, f"{next(section)}. TỒN TẠI, HẠN CHẾ")
    missed = [row for row in data.achievements if row.verdict == "khong_dat"]
    if missed:
        office.add_paragraph(
            doc,
            "Các chỉ tiêu không đạt kế hoạch: "
            + "; ".join(achievement_phrase(row) for row in missed)
            + ".",
        )
    _items(
        doc,
        data.conference.shortcoming_items,
        "Chưa nhập nội dung tồn tại, hạn chế và nguyên nhân.",
    )

    office.add_heading_text(doc, f"{next(section)}. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    commendations = data.commendations
    if commendations.has_data and commendations.sentences:
        for sentence in commendations.sentences:
            office.add_paragraph(doc, sentence)
        table = commendation_table(data)
        if table:
            office.add_table(
                doc,
                COMMENDATION_HEADERS,
                table,
                widths_mm=[45, 50, 22, 22, 26],
                numeric_columns=(2, 3, 4),
                font_size=11,
            )
    else:
        office.add_paragraph(
            doc, f"Chưa có số liệu thi đua, khen thưởng năm {data.year}.", italic=True
        )
    if data.pledges:
        office.add_paragraph(doc, "Giao ước thi đua đã ký:")
        _items(doc, data.pledges, "")

    office.add_heading_text(doc, f"{next(section)}. CHỈ TIÊU KẾ HOẠCH NĂM {data.next_year}")
    assigned = [row for row in data.next_plans if row.plan is not None]
    if assigned:
        office.add_paragraph(
            doc,
            f"Năm {data.next_year} phấn đấu: "
            + "; ".join(plan_phrase(row) for row in assigned)
            + ".",
        )
        office.add_table(
            doc,
            PLAN_HEADERS,
            plan_table(data),
            widths_mm=[10, 65, 20, 28, 42],
            numeric_columns=(3,),
            font_size=11,
        )
    else:
        office.add_paragraph(doc, f"Chưa giao chỉ tiêu kế hoạch năm {data.next_year}.", italic=True)
    unassigned = [row for row in data.next_plans if row.plan is None]
    if assigned and unassigned:
        office.add_paragraph(
            doc,
            "Chưa giao kế hoạch: " + "; ".join(row.indicator_name for row in unassigned) + ".",
            italic=True,
        )

    office.add_heading_text(doc, f"{next(section)}. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {data.next_year}")
    _items(doc, data.conference.direction_items, "Chưa nhập phương hướng, nhiệm vụ năm sau.")

    office.add_paragraph(
        doc,
        f"Trên đây là báo cáo {lower_first(data.subject)} của {issuer} "
        f"{lower_first(data.commune.name)}./.",
    )
    office.add_signature(doc, **_signature(data))
    return doc


def report_docx(data: ReportData) -> bytes:
    return office.to_bytes(build_report(data))


def report_filename(data: ReportData, extension: str) -> str:
    from tongket.lib.text import slug

    return f"bao-cao-tong-ket-{data.year}-{slug(data.commune.name)}.{extension}"


def _achievement_sheet_rows(data: ReportData) -> list[list]:
    """The results table with real numbers in the figure columns, so Excel can compute with
    them; missing figures are written out as in the document."""
    rows: list[list] = []
    for index, (label, group_rows) in enumerate(data.groups):
        rows.append([ROMAN[index] if index < len(ROMAN) else str(index + 1), label])
        for number, row in enumerate(group_rows, start=1):
            rows.append(
                [
                    number,
                    row.indicator_name,
                    row.unit_of_measure,
                    row.plan if row.plan is not None else NO_PLAN,
                    row.result if row.result is not None else NO_RESULT,
                    row.percent_of_plan,
                    verdict_text(row),
                ]
            )
    return rows


def _plan_sheet_rows(data: ReportData) -> list[list]:
    rows: list[list] = []
    for index, (label, group_rows) in enumerate(data.plan_groups):
        rows.append([ROMAN[index] if index < len(ROMAN) else str(index + 1), label])
        for number, row in enumerate(group_rows, start=1):
            plan = row.plan if row.plan is not None else NO_PLAN
            rows.append([number, row.indicator_name, row.unit_of_measure, plan, row.document])
    return rows


def report_xlsx(data: ReportData) -> bytes:
    """Every table of the report as a sheet of one workbook."""
    sheets = [
        Sheet(
            title=f"Kết quả {data.year}",
            headers=ACHIEVEMENT_HEADERS,
            rows=_achievement_sheet_rows(data),
            caption=f"{data.commune.name}: kết quả thực hiện các chỉ tiêu năm {data.year}",
        ),
        Sheet(
            title=f"Kế hoạch {data.next_year}",
            headers=PLAN_HEADERS,
            rows=_plan_sheet_rows(data),
            caption=f"{data.commune.name}: chỉ tiêu kế hoạch năm {data.next_year}",
        ),
    ]
    if data.commendations.rows:
        sheets.append(
            Sheet(
                title="Khen thưởng",
                headers=COMMENDATION_HEADERS,
                rows=[
                    [
                        str(getattr(row, "awarding_body_label", "")),
                        str(getattr(row, "form_label", "")),
                        getattr(row, "collectives", 0),
                        getattr(row, "individuals", 0),
                        getattr(row, "households", 0),
                    ]
                    for row in data.commendations.rows
                ],
            )
        )
    return write_xlsx(sheets)
