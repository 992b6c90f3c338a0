"""The party's own decisions as Word files in the Hướng dẫn 36-HD/VPTW layout: admitting a
member (quyết định kết nạp đảng viên) and making a member full (quyết định công nhận đảng
viên chính thức). Everything is read once through tongket.party.selectors.decision_document;
numbers are the ones the Đảng ủy's book gave."""

from __future__ import annotations

from tongket.lib.dates import format_date
from tongket.lib.text import slug
from tongket.party.selectors import DecisionDocument

from . import office

TITLES = {"admission": "Kết nạp đảng viên", "full": "Công nhận đảng viên chính thức"}


def _place(document: DecisionDocument) -> str:
    """ "Hòa Bình" for Phường Hòa Bình: the place line names the commune."""
    name = document.commune.name
    kind = document.commune.get_kind_display()
    return name[len(kind) + 1 :] if name.lower().startswith(f"{kind} ".lower()) else name


def _committee(document: DecisionDocument) -> str:
    """ "Đảng ủy phường Hòa Bình"."""
    name = document.commune.name
    return f"Đảng ủy {name[:1].lower()}{name[1:]}"


def _born(document: DecisionDocument) -> str:
    birth = document.admission.person.birth_date
    return f", sinh ngày {format_date(birth)}" if birth else ""


def _articles(document: DecisionDocument) -> list[str]:
    admission = document.admission
    name, cell = admission.person.full_name, admission.cell.name
    if document.kind == "admission":
        first = (
            f"Điều 1. Kết nạp quần chúng {name}{_born(document)}, vào Đảng Cộng sản Việt Nam, "
            f"sinh hoạt tại {cell}."
        )
        second = "Điều 2. "
        if document.ceremony_days:
            second += (
                f"{cell} tổ chức lễ kết nạp trong thời hạn {document.ceremony_days} ngày kể từ "
                "ngày ký Quyết định này. "
            )
        if document.probation_months:
            second += (
                f"Thời gian dự bị của đảng viên là {document.probation_months} tháng, kể từ ngày "
                "chi bộ tổ chức lễ kết nạp."
            )
        return [first, second.strip() if second.strip() != "Điều 2." else ""]
    since = f" kể từ ngày {format_date(document.full_from)}" if document.full_from else ""
    admitted = admission.ceremony_on
    first = (
        f"Điều 1. Công nhận đồng chí {name}{_born(document)}, đảng viên dự bị sinh hoạt tại "
        f"{cell}, là đảng viên chính thức của Đảng Cộng sản Việt Nam{since}."
    )
    second = (
        f"Điều 2. Tuổi Đảng của đồng chí {name} tính từ ngày {format_date(admitted)}."
        if admitted
        else ""
    )
    return [first, second]


def _considering(document: DecisionDocument) -> str:
    admission = document.admission
    if document.kind == "admission":
        return (
            f"Xét đề nghị của {admission.cell.name} và biểu quyết của Đảng ủy ngày "
            f"{format_date(admission.committee_vote_on)},"
        )
    return f"Xét đề nghị của {admission.cell.name} ngày {format_date(admission.full_vote_on)},"


def decision_docx(document: DecisionDocument) -> bytes:
    """The decision: HD 36 header ("Số 15-QĐ/ĐU", no colon), title, grounds, articles, the
    signature "T/M ĐẢNG ỦY" over the Bí thư (or Phó Bí thư) who held the position that day."""
    doc = office.new_document(layout="party")
    parent = f"Đảng bộ {document.province_name}".strip()
    office.add_party_header(
        doc,
        agency=office.Agency(parent=(parent.upper(),), body=(_committee(document).upper(),)),
        number_line=f"Số {document.number}",
        place=_place(document),
        on=document.signed_on,
    )
    office.add_title(doc, "Quyết định", TITLES[document.kind].lower())
    office.add_paragraph(
        doc, _committee(document).upper(), bold=True, align="center", indent_first=False
    )
    office.add_paragraph(doc, "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", italic=True)
    for ground in document.grounds:
        if not ground.startswith("Điều lệ Đảng"):
            office.add_paragraph(doc, f"Căn cứ {ground};", italic=True)
    office.add_paragraph(doc, _considering(document), italic=True)
    office.add_paragraph(doc, "QUYẾT ĐỊNH:", bold=True, align="center", indent_first=False)
    articles = [text for text in _articles(document) if text]
    articles.append(
        f"Điều {len(articles) + 1}. Văn phòng Đảng ủy, {document.admission.cell.name} và đồng chí "
        "có tên tại Điều 1 thi hành Quyết định này."
    )
    for text in articles:
        office.add_paragraph(doc, text)
    office.add_signature(
        doc,
        signature=office.Signature(
            authority=("T/M ĐẢNG ỦY", document.signer_title), name=document.signer_name
        ),
        recipients=[f"Như Điều {len(articles)}", "Lưu Văn phòng Đảng ủy"],
        layout="party",
    )
    return office.to_bytes(doc)


def decision_filename(document: DecisionDocument) -> str:
    stem = "quyet-dinh-ket-nap" if document.kind == "admission" else "quyet-dinh-chinh-thuc"
    return f"{stem}-{slug(document.admission.person.full_name)}-{document.signed_on:%Y}.docx"
