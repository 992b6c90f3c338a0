"""The conclusion notice (thông báo kết luận) of a session or of a whole round: what the
delegation acknowledged, its conclusions, and the numbered items it assigns, most urgent
first, each with whom it is given to and by when."""

from __future__ import annotations

from tongket.lib.text import slug
from tongket.petitions.models import ConclusionNotice
from tongket.petitions.selectors import NoticeDocument, notice_document

from .. import office
from .common import (
    add_header,
    add_items,
    add_signature,
    heading,
    lower_first,
    short_date,
    signature,
    subject_text,
)

ITEM_HEADERS = ["TT", "Nội dung kiến nghị, đề xuất", "Giao thực hiện", "Thời hạn", "Mức ưu tiên"]
ITEM_WIDTHS = [10, 63, 43, 25, 24]


def _subject(data: NoticeDocument) -> str:
    notice = data.notice
    who = "đoàn công tác"
    if data.head:
        who = f"đồng chí {data.head.person.full_name}, {data.head.title}, Trưởng đoàn công tác"
    if notice.session_id:
        return f"Kết luận của {who} tại buổi làm việc với {notice.session.unit.name}"
    return f"Kết luận của {who} sau đợt làm việc với các đơn vị"


def _opening(doc, data: NoticeDocument, issuer: str) -> None:
    notice, plan = data.notice, data.notice.plan
    cited = (
        f"Kế hoạch số {plan.number_label} ngày {short_date(plan.issued_on)}"
        if plan.is_issued
        else "Kế hoạch"
    )
    text = f"Thực hiện {cited} của {issuer} về {subject_text(plan.subject)}, "
    if notice.session_id:
        session = notice.session
        text += f"ngày {session.date:%d/%m/%Y}, đoàn công tác"
        if data.head:
            text += f" do đồng chí {data.head.person.full_name}, {data.head.title} làm trưởng đoàn"
        text += f" đã làm việc với {session.unit.name}."
        if session.attendee_items:
            text += (
                " Tham dự buổi làm việc có: "
                + "; ".join(lower_first(item) for item in session.attendee_items)
                + "."
            )
    else:
        text += (
            f"từ ngày {plan.period_start:%d/%m/%Y} đến ngày {plan.period_end:%d/%m/%Y}, đoàn "
            "công tác đã làm việc với các đơn vị theo kế hoạch."
        )
    office.add_paragraph(doc, text)
    office.add_paragraph(
        doc,
        "Sau khi nghe báo cáo của đơn vị và ý kiến của các thành viên đoàn công tác, "
        "đồng chí Trưởng đoàn kết luận như sau:",
    )


def _assigned(item) -> str:
    return item.assignee_text


def _items_table(doc, data: NoticeDocument, number: int) -> int:
    if not data.items:
        return number
    office.add_heading_text(doc, f"{number}. Giao xử lý các kiến nghị, đề xuất")
    rows = [
        [
            str(index),
            item.text,
            _assigned(item),
            f"{item.deadline:%d/%m/%Y}" if item.deadline else "",
            item.get_priority_display(),
        ]
        for index, item in enumerate(data.items, start=1)
    ]
    office.add_table(doc, ITEM_HEADERS, rows, widths_mm=ITEM_WIDTHS, font_size=12)
    return number + 1


def _sent_up(doc, data: NoticeDocument, number: int, head) -> None:
    if not data.sent_up:
        return
    office_name = "Văn phòng Đảng ủy" if head.is_party else "Văn phòng HĐND và UBND"
    office.add_heading_text(doc, f"{number}. Các kiến nghị vượt thẩm quyền")
    office.add_paragraph(doc, f"Giao {office_name} tổng hợp, báo cáo cấp trên xem xét, giải quyết:")
    for index, item in enumerate(data.sent_up, start=1):
        where = (
            f"thẩm quyền của {item.department.name}"
            if item.department
            else lower_first(item.get_competence_display())
        )
        ending = "." if index == len(data.sent_up) else ";"
        office.add_paragraph(doc, f"- {item.text.rstrip('.;')} ({where}){ending}")


def build_notice(notice: ConclusionNotice) -> office.DocxDocument:
    data = notice_document(notice)
    head = heading(notice.unit, notice.body)
    doc = office.new_document(head.layout)
    add_header(doc, head, notice.number_label, notice.issued_on)
    office.add_title(doc, "Thông báo", _subject(data))
    _opening(doc, data, head.issuer)
    number = 1
    if notice.acknowledged_items:
        office.add_heading_text(doc, f"{number}. Đoàn công tác ghi nhận")
        add_items(doc, notice.acknowledged_items)
        number += 1
    office.add_heading_text(doc, f"{number}. Kết luận")
    add_items(doc, notice.conclusion_items)
    number = _items_table(doc, data, number + 1)
    _sent_up(doc, data, number, head)
    office.add_paragraph(
        doc,
        f"{head.issuer} thông báo để các đơn vị, cá nhân liên quan biết, thực hiện./.",
    )
    unit = notice.session.unit.name if notice.session_id else "Các đơn vị trong kế hoạch"
    recipients = [unit, "Các đồng chí trong đoàn công tác", "Các đơn vị, cá nhân được giao"]
    recipients.append("Lưu Văn phòng Đảng ủy" if head.is_party else "Lưu: VT")
    add_signature(
        doc, signature(notice.body, notice.unit, notice.issued_on, notice.signer), recipients
    )
    return doc


def notice_docx(notice: ConclusionNotice) -> bytes:
    return office.to_bytes(build_notice(notice))


def notice_filename(notice: ConclusionNotice) -> str:
    return f"thong-bao-ket-luan-{slug(notice.number_label) or 'chua-so'}.docx"
