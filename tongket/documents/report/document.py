"""The review report (báo cáo tổng kết) as a DOCX in the official layout: one function per
section, in the order RULES.md gives, over one ReportData (see data.py)."""

from __future__ import annotations

from tongket.lib.text import slug

from .. import office
from ..data import ReportData
from ..wording import (
    achievement_phrase,
    lower_first,
    missing_sentences,
    plan_phrase,
    summary_sentence,
)
from .chart import chart_png
from .tables import (
    ACHIEVEMENT_HEADERS,
    COMMENDATION_HEADERS,
    PLAN_HEADERS,
    ROMAN,
    achievement_table,
    commendation_table,
    plan_table,
)

# Who the report is addressed to, by layout (the "Nơi nhận" list).
RECIPIENTS = {
    "party": ["Ban Thường vụ Tỉnh ủy (b/c)", "Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"],
    "state": [
        "UBND tỉnh (b/c)",
        "Thường trực Đảng ủy, HĐND phường",
        "Các đơn vị trực thuộc",
        "Lưu: VT",
    ],
}


def _issuer(data: ReportData) -> str:
    return "Đảng ủy" if data.layout == "party" else "Ủy ban nhân dân"


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
    title = signer.title.lower() if signer else ""
    if data.layout == "party":
        on_behalf, role = "T/M ĐẢNG ỦY", "Bí thư"
        if title.startswith("phó bí thư"):
            on_behalf, role = on_behalf + "\nPHÓ BÍ THƯ", ""
    else:
        on_behalf, role = "TM. ỦY BAN NHÂN DÂN", "Chủ tịch"
        if title.startswith("phó chủ tịch"):
            on_behalf, role = on_behalf + "\nKT. CHỦ TỊCH", "Phó Chủ tịch"
    return {
        "on_behalf": on_behalf,
        "signer_title": role,
        "signer_name": signer.name if signer else "",
        "recipients": list(RECIPIENTS[data.layout]),
    }


def _items(doc, items: list[str], empty: str) -> None:
    if not items:
        office.add_paragraph(doc, empty, italic=True)
        return
    for item in items:
        office.add_paragraph(doc, f"- {item}")


def _caption(doc, text: str) -> None:
    office.add_paragraph(doc, text, bold=True, align="center", indent_first=False, size=13)


# Sections ---------------------------------------------------------------------------------


def opening(doc, data: ReportData) -> None:
    """The header block, the title and the sentence that introduces the report."""
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
    office.add_paragraph(
        doc,
        f"{_issuer(data)} {lower_first(data.commune.name)} báo cáo kết quả thực hiện nhiệm vụ "
        f"năm {data.year} và phương hướng, nhiệm vụ năm {data.next_year} như sau:",
    )


def results(doc, data: ReportData, numeral: str) -> None:
    """Every indicator against plan, group by group, then the table and the chart."""
    office.add_heading_text(doc, f"{numeral}. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {data.year}")
    office.add_paragraph(doc, summary_sentence(data))
    for index, (label, rows) in enumerate(data.groups, start=1):
        office.add_heading_text(doc, f"{index}. {label}")
        sentence = "; ".join(achievement_phrase(row) for row in rows)
        office.add_paragraph(doc, sentence[0].upper() + sentence[1:] + ".")
    for sentence in missing_sentences(data):
        office.add_paragraph(doc, sentence, italic=True)
    if data.achievements:
        results_table(doc, data)
        results_chart(doc, data)


def results_table(doc, data: ReportData) -> None:
    _caption(doc, f"Bảng 1. Kết quả thực hiện các chỉ tiêu năm {data.year} so với kế hoạch")
    office.add_table(
        doc,
        ACHIEVEMENT_HEADERS,
        achievement_table(data),
        widths_mm=[9, 58, 19, 21, 22, 16, 20],
        numeric_columns=(3, 4, 5),
        font_size=11,
    )


def results_chart(doc, data: ReportData) -> None:
    chart = chart_png(data)
    if chart:
        caption = f"Biểu đồ 1. Tỷ lệ thực hiện so với kế hoạch năm {data.year} (%)"
        office.add_picture(doc, chart, 150, caption=caption)
        return
    office.add_paragraph(
        doc,
        "Chưa vẽ được biểu đồ tỷ lệ so với kế hoạch: chưa có chỉ tiêu nào vừa có kế "
        "hoạch vừa có số liệu thực hiện.",
        italic=True,
    )


def shortcomings(doc, data: ReportData, numeral: str) -> None:
    """The indicators that missed their plan, then the shortcomings entered on the conference."""
    office.add_heading_text(doc, f"{numeral}. TỒN TẠI, HẠN CHẾ")
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


def commendations(doc, data: ReportData, numeral: str) -> None:
    """Who awarded what to how many (sentences and table), then the pledges signed."""
    office.add_heading_text(doc, f"{numeral}. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    statistics = data.commendations
    if statistics.has_data and statistics.sentences:
        for sentence in statistics.sentences:
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


def next_plans(doc, data: ReportData, numeral: str) -> None:
    """Next year's targets in a sentence and a table; the indicators still without a plan."""
    office.add_heading_text(doc, f"{numeral}. CHỈ TIÊU KẾ HOẠCH NĂM {data.next_year}")
    assigned = [row for row in data.next_plans if row.plan is not None]
    if not assigned:
        office.add_paragraph(doc, f"Chưa giao chỉ tiêu kế hoạch năm {data.next_year}.", italic=True)
        return
    office.add_paragraph(
        doc,
        f"Năm {data.next_year} phấn đấu: " + "; ".join(plan_phrase(row) for row in assigned) + ".",
    )
    office.add_table(
        doc,
        PLAN_HEADERS,
        plan_table(data),
        widths_mm=[10, 65, 20, 28, 42],
        numeric_columns=(3,),
        font_size=11,
    )
    unassigned = [row for row in data.next_plans if row.plan is None]
    if unassigned:
        office.add_paragraph(
            doc,
            "Chưa giao kế hoạch: " + "; ".join(row.indicator_name for row in unassigned) + ".",
            italic=True,
        )


def directions(doc, data: ReportData, numeral: str) -> None:
    office.add_heading_text(doc, f"{numeral}. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {data.next_year}")
    _items(doc, data.conference.direction_items, "Chưa nhập phương hướng, nhiệm vụ năm sau.")


def closing(doc, data: ReportData) -> None:
    """The closing sentence and the signature block."""
    office.add_paragraph(
        doc,
        f"Trên đây là báo cáo {lower_first(data.subject)} của {_issuer(data)} "
        f"{lower_first(data.commune.name)}./.",
    )
    office.add_signature(doc, **_signature(data))


SECTIONS = (results, shortcomings, commendations, next_plans, directions)


def build_report(data: ReportData) -> office.DocxDocument:
    """The report as a python-docx Document, sections in the order RULES.md gives."""
    doc = office.new_document(data.layout)
    opening(doc, data)
    for numeral, section in zip(ROMAN, SECTIONS, strict=False):
        section(doc, data, numeral)
    closing(doc, data)
    return doc


def report_docx(data: ReportData) -> bytes:
    return office.to_bytes(build_report(data))


def report_filename(data: ReportData, extension: str) -> str:
    return f"bao-cao-tong-ket-{data.year}-{slug(data.commune.name)}.{extension}"
