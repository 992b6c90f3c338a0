"""The review report (báo cáo tổng kết, or sơ kết sáu tháng) as a DOCX in the official layout:
one function per section over one ReportData (see data.py), and the parts around the text
(heading, number, signer, recipients) from issuing.py. The UBND's report (NĐ 30/2020) and the
Đảng ủy's (HD 36-HD/VPTW) are two documents with two numbers from two books.

A six-month review reads as one: "sáu tháng đầu năm 2025" in the introduction and headings,
first-half results against the annual plan ("bằng 47,7% kế hoạch năm") without a verdict,
and "nhiệm vụ sáu tháng cuối năm" instead of next year's plans."""

from __future__ import annotations

from django.urls import reverse

from tongket.conferences.choices import ConferenceKind
from tongket.lib.dates import format_date
from tongket.lib.text import slug
from tongket.units.choices import Body, DocumentType, number_line

from .. import office
from ..data import ReportData
from ..issuing import (
    PARTY_HEADER_WIDTH_MM,
    Issue,
    Missing,
    kind_word,
    party_agency,
    place_of,
    signer_on,
    state_agency,
)
from ..recipients import recipients_for
from ..wording import achievement_phrase, lower_first, plan_phrase
from .chart import chart_png
from .tables import (
    ACHIEVEMENT_HEADERS,
    COMMENDATION_HEADERS,
    HALF_YEAR_HEADERS,
    PARTY_HEADERS,
    PETITION_HEADERS,
    PLAN_HEADERS,
    ROMAN,
    achievement_table,
    commendation_table,
    half_year_table,
    party_table,
    petition_table,
    plan_table,
)

BODIES = {"state": Body.PEOPLES_COMMITTEE, "party": Body.PARTY_COMMITTEE}


def half_year(data: ReportData) -> bool:
    return data.conference.kind == ConferenceKind.HALF_YEAR_REVIEW


def period_words(data: ReportData) -> str:
    """ "năm 2025" or "sáu tháng đầu năm 2025"."""
    return f"sáu tháng đầu năm {data.year}" if half_year(data) else f"năm {data.year}"


def next_period_words(data: ReportData) -> str:
    """ "năm 2026" or "sáu tháng cuối năm 2025"."""
    return f"sáu tháng cuối năm {data.year}" if half_year(data) else f"năm {data.next_year}"


def _issuer(data: ReportData) -> str:
    return "Đảng ủy" if data.layout == "party" else "Ủy ban nhân dân"


def _commune(data: ReportData) -> str:
    return lower_first(data.commune.name)


# What the report needs before it is made ---------------------------------------------------


def report_issue(data: ReportData) -> Issue:
    """Heading, number, signer and recipients of the report; `missing` names what lacks."""
    conference, commune = data.conference, data.commune
    body = BODIES[data.layout]
    party = data.layout == "party"
    issue = Issue(layout=data.layout, place=place_of(commune), on=conference.date)
    issue.agency = party_agency(commune, PARTY_HEADER_WIDTH_MM) if party else state_agency(commune)
    issued = conference.party_number if party else conference.state_number
    detail = reverse("conferences:detail", args=[conference.pk])
    if issued is not None:
        issue.number_line = number_line(issued.number, issued.doc_type, issued.body)
    else:
        issue.missing.append(
            Missing(
                f"Báo cáo chưa có số trong sổ văn bản của {'Đảng ủy' if party else 'UBND'} "
                f"{kind_word(commune)}.",
                detail,
                "Lấy số báo cáo",
            )
        )
    chosen = conference.party_signer if party else conference.signer
    signature = signer_on(commune, body, conference.date, chosen, collective=True)
    if isinstance(signature, Missing):
        issue.missing.append(signature)
    else:
        issue.signature = signature
    if not conference.direction_items:
        issue.missing.append(
            Missing(
                f"Chưa nhập phương hướng, nhiệm vụ {next_period_words(data)}.",
                reverse("conferences:edit", args=[conference.pk]),
                "Sửa hội nghị",
            )
        )
    issue.recipients = recipients_for(commune, body, DocumentType.REPORT, conference=conference)
    return issue


# Helpers -----------------------------------------------------------------------------------


def _items(doc, items: list[str]) -> None:
    """A list: each item a paragraph "- …;", the last ending "."."""
    for line in office.list_lines(items):
        office.add_paragraph(doc, line)


def _sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return (text[0].upper() + text[1:] + ".") if text else ""


def half_year_phrase(row) -> str:
    """A first-half figure against the annual plan, without a verdict: "tổng thu ngân sách
    ước thực hiện 5,9 tỷ đồng, bằng 47,7% kế hoạch năm"."""
    name = lower_first(row.indicator_name)
    verb = "ước thực hiện" if row.is_estimate else "đạt"
    phrase = f"{name} {verb} {row.result_text}"
    if row.plan is None:
        return phrase
    if row.direction == "lower" or row.percent_of_plan is None:
        return f"{phrase} (kế hoạch năm {row.plan_text})"
    return f"{phrase}, bằng {row.percent_text} kế hoạch năm"


def summary(data: ReportData) -> str:
    """How many measured indicators met or exceeded their plan, and how many missed it."""
    measured = [row for row in data.achievements if row.verdict]
    if not measured:
        return ""
    met = data.count("vuot") + data.count("dat")
    text = (
        f"Năm {data.year}, có {met}/{len(measured)} chỉ tiêu đạt và vượt kế hoạch "
        f"(vượt: {data.count('vuot')}, đạt: {data.count('dat')})"
    )
    missed = data.count("khong_dat")
    return text + (f"; {missed} chỉ tiêu không đạt." if missed else ".")


# Sections ----------------------------------------------------------------------------------


def opening(doc, data: ReportData, issue: Issue) -> None:
    """The header block, the title and the sentence that introduces the report."""
    header = office.add_party_header if data.layout == "party" else office.add_state_header
    header(
        doc,
        agency=issue.agency,
        number_line=issue.number_line,
        place=issue.place,
        on=issue.on,
    )
    office.add_title(doc, "Báo cáo", data.subject, layout=data.layout)
    office.add_paragraph(
        doc,
        f"{_issuer(data)} {_commune(data)} báo cáo kết quả thực hiện nhiệm vụ "
        f"{period_words(data)} và phương hướng, nhiệm vụ {next_period_words(data)} như sau:",
    )


def results(doc, data: ReportData, numeral: str, tables: list[int]) -> None:
    """Every measured indicator, group by group, then the table and the chart."""
    office.add_heading_text(
        doc, f"{numeral}. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU {period_words(data).upper()}"
    )
    phrase = half_year_phrase if half_year(data) else achievement_phrase
    if not half_year(data) and summary(data):
        office.add_paragraph(doc, summary(data))
    for index, (label, rows) in enumerate(data.groups, start=1):
        measured = [row for row in rows if row.result is not None]
        if not measured:
            continue
        office.add_heading_text(doc, f"{index}. {label}")
        office.add_paragraph(doc, _sentence([phrase(row) for row in measured]))
    if data.achievements:
        results_table(doc, data, tables)
        results_chart(doc, data)


def results_table(doc, data: ReportData, tables: list[int]) -> None:
    tables.append(len(tables) + 1)
    if half_year(data):
        office.add_caption(
            doc,
            f"Bảng {tables[-1]}. Kết quả thực hiện các chỉ tiêu {period_words(data)} "
            "so với kế hoạch năm",
        )
        office.add_table(
            doc,
            HALF_YEAR_HEADERS,
            half_year_table(data),
            widths_mm=[9, 66, 20, 24, 26, 20],
            numeric_columns=(3, 4, 5),
            font_size=11,
        )
        return
    office.add_caption(doc, f"Bảng {tables[-1]}. Kết quả thực hiện các chỉ tiêu năm {data.year}")
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
    if not chart:
        return
    plan = "kế hoạch năm" if half_year(data) else "kế hoạch"
    caption = f"Biểu đồ 1. Tỷ lệ thực hiện {period_words(data)} so với {plan} (%)"
    office.add_picture(doc, chart, 150, caption=caption)


def shortcomings(doc, data: ReportData, numeral: str, tables: list[int]) -> None:
    """The indicators that missed their plan (year only), then what was entered."""
    office.add_heading_text(doc, f"{numeral}. TỒN TẠI, HẠN CHẾ")
    missed = [] if half_year(data) else [r for r in data.achievements if r.verdict == "khong_dat"]
    if missed:
        office.add_paragraph(
            doc,
            "Các chỉ tiêu không đạt kế hoạch: "
            + "; ".join(achievement_phrase(row) for row in missed)
            + ".",
        )
    _items(doc, data.conference.shortcoming_items)


def has_shortcomings(data: ReportData) -> bool:
    missed = any(row.verdict == "khong_dat" for row in data.achievements)
    return bool(data.conference.shortcoming_items) or (missed and not half_year(data))


def commendations(doc, data: ReportData, numeral: str, tables: list[int]) -> None:
    """Who awarded what to how many (sentences and table), then the pledges signed."""
    office.add_heading_text(doc, f"{numeral}. CÔNG TÁC THI ĐUA, KHEN THƯỞNG")
    statistics = data.commendations
    for sentence in statistics.sentences:
        office.add_paragraph(doc, sentence)
    table = commendation_table(data)
    if table:
        tables.append(len(tables) + 1)
        office.add_caption(doc, f"Bảng {tables[-1]}. Kết quả thi đua, khen thưởng năm {data.year}")
        office.add_table(
            doc,
            COMMENDATION_HEADERS,
            table,
            widths_mm=[45, 50, 22, 22, 26],
            numeric_columns=(2, 3, 4),
            font_size=11,
        )
    if data.pledges:
        office.add_paragraph(doc, "Giao ước thi đua đã ký:")
        _items(doc, data.pledges)


def has_commendations(data: ReportData) -> bool:
    statistics = data.commendations
    return bool(statistics.has_data and statistics.sentences) or bool(data.pledges)


def party_building(doc, data: ReportData, numeral: str, tables: list[int]) -> None:
    """The Đảng bộ's figures from the party module: the sentences, then the chi bộ by type and
    the year's ratings of chi bộ and đảng viên (when the Đảng ủy has decided them)."""
    office.add_heading_text(doc, f"{numeral}. CÔNG TÁC XÂY DỰNG ĐẢNG")
    party = data.party
    office.add_paragraph(doc, party.text)
    rows = party_table(party)
    if rows:
        tables.append(len(tables) + 1)
        day = format_date(party.as_of)
        office.add_caption(doc, f"Bảng {tables[-1]}. Đảng viên và chi bộ (đến ngày {day})")
        office.add_table(
            doc,
            PARTY_HEADERS,
            rows,
            widths_mm=[95, 35, 35],
            numeric_columns=(1, 2),
            font_size=11,
        )


def has_party_building(data: ReportData) -> bool:
    return data.party is not None and bool(data.party.sentences)


def petitions(doc, data: ReportData, numeral: str, tables: list[int]) -> None:
    """Working sessions with the units and what became of the recommendations they raised."""
    office.add_heading_text(doc, f"{numeral}. CÔNG TÁC LÀM VIỆC VỚI CƠ SỞ, GIẢI QUYẾT KIẾN NGHỊ")
    stats = data.petitions
    office.add_paragraph(doc, " ".join(stats.sentences))
    rows = petition_table(stats)
    if rows:
        tables.append(len(tables) + 1)
        office.add_caption(
            doc, f"Bảng {tables[-1]}. Kiến nghị tiếp nhận {period_words(data)} theo lĩnh vực"
        )
        office.add_table(
            doc,
            PETITION_HEADERS,
            rows,
            widths_mm=[62, 26, 26, 26, 26],
            numeric_columns=(1, 2, 3, 4),
            font_size=11,
        )


def has_petitions(data: ReportData) -> bool:
    return data.petitions is not None and bool(data.petitions.sentences)


def next_plans(doc, data: ReportData, numeral: str, tables: list[int]) -> None:
    """Next year's targets in a sentence and a table."""
    office.add_heading_text(doc, f"{numeral}. CHỈ TIÊU KẾ HOẠCH NĂM {data.next_year}")
    assigned = [row for row in data.next_plans if row.plan is not None]
    office.add_paragraph(
        doc,
        f"Năm {data.next_year} phấn đấu: " + "; ".join(plan_phrase(row) for row in assigned) + ".",
    )
    tables.append(len(tables) + 1)
    office.add_caption(doc, f"Bảng {tables[-1]}. Chỉ tiêu kế hoạch năm {data.next_year}")
    office.add_table(
        doc,
        PLAN_HEADERS,
        plan_table(data),
        widths_mm=[10, 65, 20, 28, 42],
        numeric_columns=(3,),
        font_size=11,
    )


def has_next_plans(data: ReportData) -> bool:
    return not half_year(data) and any(row.plan is not None for row in data.next_plans)


def directions(doc, data: ReportData, numeral: str, tables: list[int]) -> None:
    words = next_period_words(data).upper()
    title = f"NHIỆM VỤ {words}" if half_year(data) else f"PHƯƠNG HƯỚNG, NHIỆM VỤ {words}"
    office.add_heading_text(doc, f"{numeral}. {title}")
    _items(doc, data.conference.direction_items)


def closing(doc, data: ReportData, issue: Issue) -> None:
    """The closing sentence and the signature block."""
    office.add_paragraph(
        doc,
        f"Trên đây là báo cáo {lower_first(data.subject)} của {_issuer(data)} {_commune(data)}./.",
    )
    office.add_signature(
        doc, signature=issue.signature, recipients=issue.recipients, layout=data.layout
    )


def sections(data: ReportData) -> list:
    """The sections this report has, in the order RULES.md gives."""
    chosen = [results]
    if has_party_building(data):
        chosen.append(party_building)
    if has_petitions(data):
        chosen.append(petitions)
    if has_shortcomings(data):
        chosen.append(shortcomings)
    if not half_year(data) and has_commendations(data):
        chosen.append(commendations)
    if has_next_plans(data):
        chosen.append(next_plans)
    chosen.append(directions)
    return chosen


def build_report(data: ReportData) -> office.DocxDocument:
    """The report as a python-docx Document; NotReady when a required part is missing."""
    issue = report_issue(data).ready("báo cáo")
    doc = office.new_document(data.layout)
    opening(doc, data, issue)
    tables: list[int] = []
    for numeral, section in zip(ROMAN, sections(data), strict=False):
        section(doc, data, numeral, tables)
    closing(doc, data, issue)
    return doc


def report_docx(data: ReportData) -> bytes:
    return office.to_bytes(build_report(data))


def report_filename(data: ReportData, extension: str) -> str:
    """A different name per kind and layout: "bao-cao-tong-ket-2025-phuong-hoa-binh-ubnd.docx",
    "…-dang-uy.docx", "bao-cao-so-ket-6-thang-2025-phuong-hoa-binh-ubnd.docx"."""
    kind = "so-ket-6-thang" if half_year(data) else "tong-ket"
    body = "dang-uy" if data.layout == "party" else "ubnd"
    return f"bao-cao-{kind}-{data.year}-{slug(data.commune.name)}-{body}.{extension}"
