"""The news article (tin bài) written from a conference's data, in the form real year-end
articles take (PRODUCT.md): the lead (when, who organised, which conference, who attended),
the results with their figures and % of plan, commendations, the next year, the byline."""

from __future__ import annotations

from dataclasses import dataclass

from tongket.lib.dates import format_date

from .data import ReportData
from .wording import achievement_phrase, lower_first, plan_phrase


@dataclass
class ArticleDraft:
    headline: str
    paragraphs: list[str]
    byline: str

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def headline(data: ReportData) -> str:
    return _sentence(f"{data.commune.name} {data.conference.subject}").rstrip(".")


def lead(data: ReportData) -> str:
    conference = data.conference
    what = "hội nghị " + conference.subject  # "hội nghị tổng kết công tác năm 2025, ..."
    text = (
        f"{conference.part_of_day} ngày {format_date(conference.date)}, {data.organisers_text} "
        f"tổ chức {what}."
    )
    if data.guests:
        text += " Dự hội nghị có " + "; ".join(str(guest) for guest in data.guests) + "."
    if data.chair:
        chair = f"Đồng chí {data.chair.name}"
        if data.chair.title:
            chair += f", {data.chair.title},"
        text += f" {chair} chủ trì hội nghị."
    return text


def results_paragraph(data: ReportData) -> str:
    measured = [row for row in data.article_rows if row.result is not None]
    if not data.achievements:
        return f"Năm {data.year}, chưa có chỉ tiêu nào được giao theo dõi."
    if not measured:
        return (
            f"Số liệu thực hiện các chỉ tiêu năm {data.year} chưa được cập nhật, nên bài viết "
            "chưa nêu kết quả so với kế hoạch."
        )
    text = f"Năm {data.year}, " + "; ".join(achievement_phrase(row) for row in measured) + "."
    missing = [row for row in data.article_rows if row.result is None]
    if missing:
        text += (
            " Chưa có số liệu: " + "; ".join(lower_first(r.indicator_name) for r in missing) + "."
        )
    return text


def commendations_paragraph(data: ReportData) -> str:
    parts = []
    if data.commendations.has_data and data.commendations.sentences:
        # The sentences open with the awarding body ("Đảng ủy phường ..."), a proper name.
        parts.append("Nhân dịp này, " + " ".join(data.commendations.sentences))
    else:
        parts.append(f"Số liệu thi đua, khen thưởng năm {data.year} chưa được cập nhật.")
    if data.pledges:
        parts.append("Tại hội nghị đã ký giao ước thi đua: " + "; ".join(data.pledges) + ".")
    return " ".join(_sentence(part) for part in parts)


def next_year_paragraph(data: ReportData) -> str:
    parts = []
    assigned = [row for row in data.article_plans if row.plan is not None]
    if assigned:
        parts.append(
            f"Năm {data.next_year}, {lower_first(data.commune.name)} phấn đấu: "
            + "; ".join(plan_phrase(row) for row in assigned)
        )
    directions = data.conference.direction_items
    if directions:
        parts.append(
            "Hội nghị thống nhất các nhiệm vụ trọng tâm: "
            + "; ".join(lower_first(item.rstrip(".;")) for item in directions)
        )
    if not parts:
        parts.append(f"Phương hướng, nhiệm vụ năm {data.next_year} chưa được cập nhật")
    return " ".join(_sentence(part) for part in parts)


def compose(data: ReportData, *, author: str = "") -> ArticleDraft:
    office_name = f"Văn phòng UBND {lower_first(data.commune.name)}"
    byline = f"{author} ({office_name})" if author else office_name
    return ArticleDraft(
        headline=headline(data),
        paragraphs=[
            lead(data),
            results_paragraph(data),
            commendations_paragraph(data),
            next_year_paragraph(data),
        ],
        byline=byline,
    )
