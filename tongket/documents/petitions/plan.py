"""The plan of working sessions (Kế hoạch làm việc với các đơn vị) and its schedule, in the
layout of its issuing body: HD 36-HD/VPTW for the Đảng ủy, NĐ 30/2020 for the UBND."""

from __future__ import annotations

from tongket.lib.text import slug
from tongket.petitions.choices import DelegationGroup
from tongket.petitions.models import Plan
from tongket.petitions.selectors import PlanDocument, plan_document

from .. import office
from .common import (
    Heading,
    add_header,
    add_items,
    add_signature,
    heading,
    signature,
    subject_text,
    upper_first,
)

SCHEDULE_HEADERS = ["TT", "Thời gian", "Đơn vị", "Địa điểm", "Thành phần của đơn vị"]
SCHEDULE_WIDTHS = [10, 27, 45, 41, 42]


def _bases(doc, data: PlanDocument, head: Heading) -> None:
    for basis in data.plan.legal_basis_items:
        text = basis.rstrip(";.")
        if not text.lower().startswith("căn cứ"):
            text = "Căn cứ " + text
        office.add_paragraph(doc, f"{text};", italic=True)
    office.add_paragraph(
        doc,
        f"{head.issuer} xây dựng kế hoạch {subject_text(data.plan.subject)} như sau:",
    )


def _purpose(doc, data: PlanDocument) -> None:
    office.add_heading_text(doc, "I. MỤC ĐÍCH, YÊU CẦU")
    add_items(doc, data.plan.purpose_items)


def _delegation_line(member) -> str:
    line = f"Đồng chí {member.person.full_name}, {member.title}"
    return line + (" – Trưởng đoàn" if member.leads else "")


def _delegation(doc, data: PlanDocument, number: int) -> None:
    office.add_heading_text(doc, f"{number}. Thành phần đoàn công tác")
    lines = [_delegation_line(data.head)] if data.head else []
    for group in DelegationGroup.values:
        members = [m for m in data.delegation if m.group == group and not m.leads]
        if members:
            label = DelegationGroup(group).label
            lines.append(f"{label}: " + "; ".join(_delegation_line(m) for m in members))
    for index, line in enumerate(lines, start=1):
        office.add_paragraph(doc, f"- {line}{'.' if index == len(lines) else ';'}")


def _schedule_rows(data: PlanDocument) -> list[list[str]]:
    return [
        [
            str(index),
            f"{session.start_time:%H} giờ {session.start_time:%M}\nngày {session.date:%d/%m/%Y}",
            session.unit.name,
            session.place,
            "; ".join(session.attendee_items),
        ]
        for index, session in enumerate(data.sessions, start=1)
    ]


def _content(doc, data: PlanDocument) -> None:
    office.add_heading_text(doc, "II. NỘI DUNG, THÀNH PHẦN, THỜI GIAN")
    number = 1
    if data.plan.content_items:
        office.add_heading_text(doc, f"{number}. Nội dung làm việc")
        add_items(doc, data.plan.content_items)
        number += 1
    if data.delegation:
        _delegation(doc, data, number)
        number += 1
    office.add_heading_text(doc, f"{number}. Thời gian, lịch làm việc")
    plan = data.plan
    office.add_paragraph(
        doc,
        f"Từ ngày {plan.period_start:%d/%m/%Y} đến ngày {plan.period_end:%d/%m/%Y}, theo lịch sau:",
    )
    if data.sessions:
        office.add_table(
            doc, SCHEDULE_HEADERS, _schedule_rows(data), widths_mm=SCHEDULE_WIDTHS, font_size=12
        )


def _organisation(doc, head: Heading) -> None:
    office.add_heading_text(doc, "III. TỔ CHỨC THỰC HIỆN")
    office_name = "Văn phòng Đảng ủy" if head.is_party else "Văn phòng HĐND và UBND"
    office.add_paragraph(
        doc,
        f"- Các đơn vị chuẩn bị báo cáo kết quả thực hiện nhiệm vụ, khó khăn, vướng mắc và "
        f"kiến nghị, đề xuất, gửi {office_name} trước buổi làm việc.",
    )
    office.add_paragraph(
        doc,
        f"- {office_name} chuẩn bị nội dung, ghi biên bản các buổi làm việc, tổng hợp kiến "
        "nghị, đề xuất và tham mưu thông báo kết luận.",
    )


def build_plan(plan: Plan) -> office.DocxDocument:
    data = plan_document(plan)
    head = heading(plan.unit, plan.body)
    doc = office.new_document(head.layout)
    add_header(doc, head, plan.number_label, plan.issued_on)
    office.add_title(doc, "Kế hoạch", upper_first(subject_text(plan.subject)))
    _bases(doc, data, head)
    _purpose(doc, data)
    _content(doc, data)
    _organisation(doc, head)
    recipients = (
        [
            "Các đồng chí trong đoàn công tác",
            "Các chi bộ, đơn vị có tên tại Mục II",
            "Lưu Văn phòng Đảng ủy",
        ]
        if head.is_party
        else [
            "Thường trực Đảng ủy, HĐND (b/c)",
            "Các đồng chí trong đoàn công tác",
            "Các đơn vị có tên tại Mục II",
            "Lưu: VT",
        ]
    )
    add_signature(doc, signature(plan.body, plan.unit, plan.issued_on, plan.signer), recipients)
    return doc


def plan_docx(plan: Plan) -> bytes:
    return office.to_bytes(build_plan(plan))


def plan_filename(plan: Plan) -> str:
    number = slug(plan.number_label) or "chua-so"
    return f"ke-hoach-{number}-{slug(plan.unit.name)}.docx"
