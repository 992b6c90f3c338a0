"""The article's paragraphs, one function each, written from the one ReportData: the lead,
the results by field, the party's and the petitions' sentences, what was said at the
conference, the commendations, and the tasks ahead. A function returns None when the data
holds nothing to say; it never says that something is missing."""

from __future__ import annotations

import re

from tongket.conferences.choices import ConferenceKind, SpeechKind
from tongket.emulation.selectors import kind_word
from tongket.lib.dates import format_date
from tongket.targets.achievement import DAT, VUOT

from ..data import ReportData
from ..wording import lower_first
from .phrases import plan_clause, result_clause, speech_content

# How a results paragraph opens for each field, in the order reports follow.
FIELDS = {
    "economy": "Về kinh tế",
    "culture_society": "Về văn hóa – xã hội",
    "defense_security": "Về quốc phòng – an ninh",
    "party_building": "Về xây dựng Đảng",
}
CLAUSES_PER_SENTENCE = 3
SIGNED_COUNT = re.compile(r"\s*\(\d+/\d+ đơn vị đã ký\)")


def sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def sentences_of(opening: str, clauses: list[str]) -> str:
    """Clauses as sentences of readable length: the opening and three clauses, then three
    clauses a sentence, each joined by ";"."""
    chunks = [
        clauses[start : start + CLAUSES_PER_SENTENCE]
        for start in range(0, len(clauses), CLAUSES_PER_SENTENCE)
    ]
    first = f"{opening}, " + "; ".join(chunks[0])
    return " ".join(sentence(text) for text in [first, *("; ".join(c) for c in chunks[1:])])


def is_half_year(data: ReportData) -> bool:
    return data.conference.kind == ConferenceKind.HALF_YEAR_REVIEW


def period_words(data: ReportData) -> str:
    """ "năm 2025" or "sáu tháng đầu năm 2025"."""
    return f"sáu tháng đầu năm {data.year}" if is_half_year(data) else f"năm {data.year}"


def commune_words(data: ReportData) -> str:
    """ "phường Hòa Bình", as a sentence names the commune after its first word."""
    return lower_first(data.commune.name)


# The lead ------------------------------------------------------------------------------------


def headline(data: ReportData) -> str:
    conference = data.conference
    text = (conference.headline or conference.default_headline(data.commune.name)).strip()
    return text.rstrip(".")


def lead(data: ReportData) -> str:
    """ "Sáng ngày 09/01/2026, Đảng ủy, UBND phường Hòa Bình tổ chức hội nghị …", or "Ngày
    09/01/2026, …" when no time was entered; the guests; the chair."""
    conference = data.conference
    day = format_date(conference.date)
    when = f"{conference.part_of_day} ngày {day}" if conference.part_of_day else f"Ngày {day}"
    title = (conference.title or conference.default_title).strip().rstrip(".")
    text = f"{when}, {data.organisers_text} tổ chức {lower_first(title)}."
    if data.guests:
        text += " Dự hội nghị có " + "; ".join(str(guest) for guest in data.guests) + "."
    if data.chair:
        chair = f"Đồng chí {data.chair.name}"
        if data.chair.title:
            chair += f", {data.chair.title},"
        text += f" {chair} chủ trì hội nghị."
    return text


# Results -------------------------------------------------------------------------------------


def _measured(data: ReportData) -> list:
    return [row for row in data.article_rows if row.has_result]


def summary(data: ReportData) -> str | None:
    """ "Năm 2025, phường Hòa Bình có 9/12 chỉ tiêu chủ yếu đạt và vượt kế hoạch." Only for a
    year's review, and only when every indicator counted has both plan and result; no
    verdict is given on half-year figures."""
    rows = data.article_rows
    if is_half_year(data) or not rows or any(row.verdict is None for row in rows):
        return None
    featured = any(row.featured for row in data.achievements)
    met = sum(1 for row in rows if row.verdict in (VUOT, DAT))
    kind = "chỉ tiêu chủ yếu" if featured else "chỉ tiêu"
    return sentence(
        f"Năm {data.year}, {commune_words(data)} có {met}/{len(rows)} {kind} đạt và vượt kế hoạch"
    )


def results_by_field(data: ReportData) -> list[str]:
    """One paragraph per field (kinh tế; văn hóa – xã hội; quốc phòng – an ninh), in
    sentences of readable length. The party's indicators go to the party paragraph."""
    half = is_half_year(data)
    paragraphs = []
    for group, opening in FIELDS.items():
        if group == "party_building":
            continue
        clauses = [
            clause
            for row in _measured(data)
            if row.group == group
            for clause in [result_clause(row, data.year, half_year=half)]
            if clause
        ]
        if clauses:
            paragraphs.append(sentences_of(opening, clauses))
    if paragraphs and (half or summary(data) is None):
        # Without a summary sentence the first field's paragraph says the period.
        paragraphs[0] = sentence(f"{period_words(data).capitalize()}, {lower_first(paragraphs[0])}")
    return paragraphs


def party(data: ReportData) -> str | None:
    """ "Công tác xây dựng Đảng": the party's indicators, then the sentences the party module
    provides (party_statistics, wired in by the integrator)."""
    clauses = [
        clause
        for row in _measured(data)
        if row.group == "party_building"
        for clause in [result_clause(row, data.year, half_year=is_half_year(data))]
        if clause
    ]
    parts = [sentences_of(FIELDS["party_building"], clauses)] if clauses else []
    parts += [sentence(text) for text in data.party_sentences if text.strip()]
    return " ".join(parts) or None


def petitions(data: ReportData) -> str | None:
    """Working sessions with the units and their recommendations, as the petitions module
    words them (wired in by the integrator)."""
    parts = [sentence(text) for text in data.petition_sentences if text.strip()]
    return " ".join(parts) or None


# At the conference ---------------------------------------------------------------------------


def discussion(data: ReportData) -> str | None:
    text = (data.conference.discussion or "").strip().rstrip(".")
    if not text:
        return None
    if text.lower().startswith(("tại hội nghị", "các đại biểu")):
        return sentence(text)
    return sentence(f"Tại hội nghị, các đại biểu đã thảo luận, làm rõ {lower_first(text)}")


def speeches(data: ReportData) -> str | None:
    """ "Phát biểu chỉ đạo tại hội nghị, đồng chí Vũ Văn A, Phó Chủ tịch HĐND thành phố, đề
    nghị phường tập trung …", after what the delegates discussed."""
    parts = [discussion(data)] if discussion(data) else []
    for speech in data.speeches:
        who = f"đồng chí {speech.name}" + (f", {speech.title}," if speech.title else "")
        what = speech_content(speech.content)
        if speech.kind == SpeechKind.DIRECTION:
            parts.append(sentence(f"Phát biểu chỉ đạo tại hội nghị, {who} {what}"))
        else:
            parts.append(sentence(f"{who} {what}"))
    return " ".join(parts) or None


# Commendations -------------------------------------------------------------------------------


def commendations(data: ReportData) -> str | None:
    """The awards handed out at this conference ("Nhân dịp này, …"); the year's total when it
    differs ("Năm 2025, phường đã khen thưởng 26 tập thể, 71 cá nhân"); what the commune
    received from above; the pledges signed."""
    here, year = data.conference_commendations, data.commendations
    parts = []
    if here is not None and here.sentences:
        parts.append("Nhân dịp này, " + " ".join(here.sentences))
    if year.given_phrase and (here is None or here.given != year.given):
        parts.append(
            f"Năm {data.year}, {kind_word(data.commune)} đã khen thưởng {year.given_phrase}"
        )
    parts += [f"Năm {data.year}, {lower_first(text)}" for text in year.received_sentences]
    if data.pledges:
        # "(4/5 đơn vị đã ký)" is the office's count, not the article's.
        pledges = [SIGNED_COUNT.sub("", lower_first(pledge)) for pledge in data.pledges]
        parts.append("Tại hội nghị, " + "; ".join(pledges))
    return " ".join(sentence(part) for part in parts) or None


# What comes next -----------------------------------------------------------------------------


def next_tasks(data: ReportData) -> str | None:
    """A year's review: next year's targets (only the plans of the year after) and the tasks
    agreed; a half-year review: the tasks of the second half, never next year's plans."""
    parts = []
    directions = [lower_first(item.rstrip(".;")) for item in data.conference.direction_items]
    if is_half_year(data):
        if directions:
            parts.append(
                f"Về nhiệm vụ sáu tháng cuối năm {data.year}, hội nghị thống nhất: "
                + "; ".join(directions)
            )
        return " ".join(sentence(part) for part in parts) or None
    if data.conference.kind == ConferenceKind.YEAR_REVIEW:
        clauses = [clause for row in data.article_plans for clause in [plan_clause(row)] if clause]
        if clauses:
            parts.append(
                f"Năm {data.next_year}, {commune_words(data)} phấn đấu: " + "; ".join(clauses)
            )
    if directions:
        parts.append(
            f"Hội nghị thống nhất các nhiệm vụ trọng tâm năm {data.next_year}: "
            + "; ".join(directions)
        )
    return " ".join(sentence(part) for part in parts) or None


def byline(data: ReportData, author: str = "") -> str:
    """The author and their unit as entered ("Nguyễn Văn Lâm – Phường Hòa Bình"), else the
    person who wrote the draft; never an office nobody named."""
    conference = data.conference
    name = (conference.author_name or "").strip() or author.strip()
    unit = (conference.author_unit or "").strip()
    return f"{name} – {unit}" if name and unit else name
