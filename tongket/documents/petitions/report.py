"""The commune's report to the province compiling the items beyond its competence, and the
same list as an .xlsx the province can sort and fill in."""

from __future__ import annotations

from tongket.lib.text import slug
from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.petitions.choices import Field, ForwardLevel
from tongket.petitions.models import Forwarding, ProvinceReport
from tongket.petitions.selectors import report_items

from .. import office
from .common import add_header, add_signature, heading, lower_first, signature, upper_first

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
XLSX_HEADERS = [
    "TT",
    "Mã kiến nghị",
    "Nội dung kiến nghị",
    "Lĩnh vực",
    "Đơn vị kiến nghị",
    "Ngày tiếp nhận",
    "Cấp nhận",
    "Sở, ngành",
    "Trả lời",
    "Ngày trả lời",
]


def _raised_by(forwarding: Forwarding) -> str:
    units = []
    for source in forwarding.recommendation.sources.all():
        if source.unit.name not in units:
            units.append(source.unit.name)
    return ", ".join(units)


def _receiver(forwarding: Forwarding, province: str) -> str:
    """Who the report asks to settle the item, as the sentence names them."""
    department = forwarding.department or forwarding.recommendation.department
    if forwarding.level == ForwardLevel.DEPARTMENT and department:
        return department.name
    if forwarding.level == ForwardLevel.CENTRAL:
        return f"UBND {province} kiến nghị các bộ, ngành Trung ương"
    return f"UBND {province}"


def _groups(items: list[Forwarding]) -> list[tuple[str, list[Forwarding]]]:
    groups: dict[str, list[Forwarding]] = {}
    for forwarding in items:
        groups.setdefault(forwarding.recommendation.field, []).append(forwarding)
    return [(str(Field(field).label), groups[field]) for field in Field.values if field in groups]


def build_report(report: ProvinceReport) -> office.DocxDocument:
    items = report_items(report)
    head = heading(report.commune, report.body)
    province = lower_first(report.province.name)
    doc = office.new_document(head.layout)
    add_header(doc, head, report.number_label, report.issued_on)
    office.add_title(doc, "Báo cáo", upper_first(report.subject))
    office.add_paragraph(
        doc,
        f"Qua các buổi làm việc với các đơn vị và ý kiến của người dân, {head.issuer} "
        f"đã tiếp nhận các kiến nghị, đề xuất; trong đó có {len(items)} kiến nghị vượt thẩm "
        f"quyền giải quyết của {head.commune_word}. {head.issuer} tổng hợp, báo cáo UBND "
        f"{province} xem xét, chỉ đạo giải quyết như sau:",
    )
    number = 0
    for index, (label, group) in enumerate(_groups(items)):
        office.add_heading_text(
            doc, f"{ROMAN[index] if index < len(ROMAN) else index + 1}. LĨNH VỰC {label.upper()}"
        )
        for forwarding in group:
            number += 1
            item = forwarding.recommendation
            office.add_paragraph(
                doc,
                f"{number}. {item.text.rstrip('.;')} (kiến nghị của {_raised_by(forwarding)}; "
                f"đề nghị {_receiver(forwarding, province)} xem xét, giải quyết).",
            )
    office.add_paragraph(
        doc,
        f"{head.issuer} kính đề nghị UBND {province} quan tâm, chỉ đạo các sở, ngành xem xét, "
        f"giải quyết và trả lời để {head.commune_word} thông tin đến các đơn vị và Nhân dân./.",
    )
    departments = sorted({f.department.name for f in items if f.department})
    recipients = [
        f"UBND {province}",
        *departments,
        "Lưu Văn phòng Đảng ủy" if head.is_party else "Lưu: VT",
    ]
    add_signature(
        doc, signature(report.body, report.commune, report.issued_on, report.signer), recipients
    )
    return doc


def report_docx(report: ProvinceReport) -> bytes:
    return office.to_bytes(build_report(report))


def report_xlsx(report: ProvinceReport) -> bytes:
    rows = []
    for index, forwarding in enumerate(report_items(report), start=1):
        item = forwarding.recommendation
        rows.append(
            [
                index,
                item.pk,
                item.text,
                item.get_field_display(),
                _raised_by(forwarding),
                item.received_on,
                forwarding.get_level_display(),
                forwarding.department.name if forwarding.department else "",
                forwarding.answer,
                forwarding.answered_on,
            ]
        )
    caption = (
        f"{report.commune.name}: danh sách kiến nghị kèm Báo cáo số {report.number_label} "
        f"ngày {report.issued_on:%d/%m/%Y}"
    )
    return write_xlsx([Sheet(title="Kiến nghị", headers=XLSX_HEADERS, rows=rows, caption=caption)])


def report_filename(report: ProvinceReport, extension: str) -> str:
    return f"bao-cao-kien-nghi-{slug(report.number_label)}-{slug(report.commune.name)}.{extension}"
