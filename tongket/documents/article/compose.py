"""The article put together: its paragraphs in the order ward portals write them, each photo
after the text that refers to it, and, for the editor only, what was left out and why."""

from __future__ import annotations

from tongket.conferences.choices import ConferenceKind, PhotoPlacement

from ..data import ReportData
from . import paragraphs as p
from .draft import ArticleDraft, Block

# Where an automatically placed photo goes: the first after the lead ("Toàn cảnh hội
# nghị"), the second after the speeches, the third after the commendations, others last.
AUTO_PLACES = [PhotoPlacement.LEAD, PhotoPlacement.SPEECHES, PhotoPlacement.AWARDS]
# When the paragraph a photo belongs after is not in the article, the next one that is.
PLACE_ORDER = [
    PhotoPlacement.LEAD,
    PhotoPlacement.RESULTS,
    PhotoPlacement.SPEECHES,
    PhotoPlacement.AWARDS,
    PhotoPlacement.END,
]


def _sections(data: ReportData) -> list[tuple[str, list[str]]]:
    """The paragraphs, each section tagged with the place a photo may follow."""
    results = [text for text in [p.summary(data), *p.results_by_field(data)] if text]
    return [
        (PhotoPlacement.LEAD, [p.lead(data)]),
        (
            PhotoPlacement.RESULTS,
            results + [text for text in (p.party(data), p.petitions(data)) if text],
        ),
        (PhotoPlacement.SPEECHES, [text for text in [p.speeches(data)] if text]),
        (PhotoPlacement.AWARDS, [text for text in [p.commendations(data)] if text]),
        (PhotoPlacement.END, [text for text in [p.next_tasks(data)] if text]),
    ]


def _placed(data: ReportData, present: set[str]) -> dict[str, list[int]]:
    """Photo ids by the section they follow."""
    places: dict[str, list[int]] = {}
    for index, photo in enumerate(data.photos):
        place = photo.placement or (
            AUTO_PLACES[index] if index < len(AUTO_PLACES) else PhotoPlacement.END
        )
        later = PLACE_ORDER[PLACE_ORDER.index(place) :]
        place = next((name for name in later if name in present), PhotoPlacement.END)
        places.setdefault(place, []).append(photo.pk)
    return places


def blocks(data: ReportData) -> list[Block]:
    sections = _sections(data)
    present = {place for place, texts in sections if texts}
    photos = _placed(data, present)
    result: list[Block] = []
    for place, texts in sections:
        result += [Block(text=text) for text in texts]
        result += [Block(photo_id=pk) for pk in photos.get(place, [])]
    return result


def left_out(data: ReportData) -> list[str]:
    """What the article does not say and why, for the editor's screen (never printed)."""
    notes = []
    for row in data.article_rows:
        if not row.has_result:
            notes.append(f"“{row.indicator_name}”: chưa có số liệu thực hiện nên không nêu.")
        elif row.plan is None and not row.percent_only:
            notes.append(
                f"“{row.indicator_name}”: chưa có kế hoạch nên chỉ nêu số thực hiện, "
                "không so với kế hoạch."
            )
    if p.summary(data) is None and not p.is_half_year(data) and data.article_rows:
        notes.append(
            "Câu “…/… chỉ tiêu chủ yếu đạt và vượt kế hoạch” không viết vì còn chỉ tiêu "
            "thiếu kế hoạch hoặc số thực hiện."
        )
    if data.conference.start_time is None:
        notes.append("Không có giờ họp: đoạn mở đầu viết “Ngày …”, không viết “Sáng/Chiều”.")
    if not data.speeches:
        notes.append("Chưa nhập phát biểu chỉ đạo nên tin bài không nêu ý kiến chỉ đạo.")
    if data.conference_commendations is None:
        notes.append(
            "Chưa chọn quyết định khen thưởng trao tại hội nghị nên không viết câu “Nhân dịp "
            "này, …”."
        )
    if data.conference.kind == ConferenceKind.YEAR_REVIEW and not any(
        row.plan is not None for row in data.article_plans
    ):
        notes.append(
            f"Chưa có kế hoạch năm {data.next_year} nên tin bài không nêu chỉ tiêu năm sau."
        )
    if not (data.conference.author_name or "").strip():
        notes.append("Chưa nhập tác giả trên trang hội nghị: ghi tên người viết tin.")
    return notes


def compose(data: ReportData, *, author: str = "") -> ArticleDraft:
    """The article of a conference from its ReportData (read once)."""
    return ArticleDraft(
        headline=p.headline(data),
        blocks=blocks(data),
        byline=p.byline(data, author),
        left_out=left_out(data),
    )
