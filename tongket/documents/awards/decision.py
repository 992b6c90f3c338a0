"""The award decision (quyết định khen thưởng) with its list of awardees and prizes."""

from __future__ import annotations

from tongket.emulation.choices import AwardingBody, Category, Recipient
from tongket.emulation.selectors import DecisionPage, counts_phrase
from tongket.lib.dates import format_document_date
from tongket.lib.numbers import format_number
from tongket.lib.words import amount_in_words

from .. import office
from ..issuing import Issue
from .common import decision_issue, issuer_name

__all__ = ["decision_docx", "decision_issue"]


PARTY_KINDS = ("Điều lệ", "Quy định", "Hướng dẫn", "Quy chế")


def _centred(doc, text: str, *, size: float | None = None, **style) -> None:
    office.add_paragraph(doc, text, align="center", indent_first=False, size=size, **style)


def _party(page: DecisionPage) -> bool:
    return page.decision.body == AwardingBody.PARTY_COMMITTEE


def _counts(page: DecisionPage) -> str:
    tally = {Recipient.COLLECTIVE: 0, Recipient.INDIVIDUAL: 0, Recipient.HOUSEHOLD: 0}
    for award in page.awards:
        tally[award.nomination.recipient] += 1
    return counts_phrase(
        tally[Recipient.COLLECTIVE], tally[Recipient.INDIVIDUAL], tally[Recipient.HOUSEHOLD]
    )


def grounds(doc, page: DecisionPage, issue: Issue) -> None:
    """Who decides, on what grounds (each document cited in full), on whose proposal."""
    decision = page.decision
    _centred(doc, issuer_name(page).upper(), bold=True)
    dash = "- " if _party(page) else ""
    documents = issue.grounds
    if _party(page):  # the party's own rules before the State's
        documents = sorted(documents, key=lambda doc: doc.kind not in PARTY_KINDS)
    for document in documents:
        office.add_paragraph(doc, f"{dash}Căn cứ {document.citation};", italic=not _party(page))
    if decision.session_id:
        office.add_paragraph(
            doc,
            f"{dash}Xét đề nghị của Hội đồng Thi đua - Khen thưởng tại phiên họp "
            f"{format_document_date(decision.session.held_on)}.",
            italic=not _party(page),
        )


def articles(doc, page: DecisionPage) -> None:
    """ "QUYẾT ĐỊNH:" and its three articles, each opening with its bold "Điều n."."""
    decision = page.decision
    _centred(doc, "QUYẾT ĐỊNH:", bold=True)
    kinds = sorted({award.nomination.award_kind for award in page.awards}, key=lambda k: k.order)
    titles = [kind.name for kind in kinds if kind.category == Category.TITLE]
    forms = [kind.phrase for kind in kinds if kind.category == Category.FORM]
    what = []
    if forms:
        what.append(f"tặng {', '.join(dict.fromkeys(forms))}")
    if titles:
        what.append("công nhận danh hiệu " + ", ".join(f"“{t}”" for t in titles))
    office.add_lead_paragraph(
        doc,
        "Điều 1.",
        f"Khen thưởng {_counts(page)} đã có thành tích trong năm {decision.year}: "
        f"{'; '.join(what)} (có danh sách kèm theo).",
    )
    office.add_lead_paragraph(
        doc,
        "Điều 2.",
        "Tiền thưởng kèm theo bằng hệ số nhân với mức lương cơ sở "
        f"{format_number(decision.base_salary)} đồng; tổng số tiền "
        f"{format_number(page.total)} đồng (Bằng chữ: {amount_in_words(page.total)}).",
    )
    executors = (
        "Văn phòng Đảng ủy, các chi bộ trực thuộc"
        if _party(page)
        else "Văn phòng HĐND và UBND, bộ phận tài chính"
    )
    office.add_lead_paragraph(
        doc,
        "Điều 3.",
        f"Quyết định có hiệu lực kể từ ngày ký. {executors} và các tập thể, cá nhân có tên "
        "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    )


def awardee_list(doc, page: DecisionPage) -> None:
    """The list attached to the decision: every awardee with coefficient and prize."""
    decision = page.decision
    _centred(doc, "DANH SÁCH KHEN THƯỞNG", bold=True)
    _centred(
        doc,
        f"(Kèm theo Quyết định số {decision.number_label} "
        f"{format_document_date(decision.signed_on)} của {issuer_name(page)})",
        italic=True,
    )
    rows = [
        [
            award.order,
            award.nomination.nominee_name,
            award.nomination.nominee_unit.name if award.nomination.nominee_unit else None,
            award.nomination.award_kind.name,
            format_number(award.coefficient),
            format_number(award.prize),
        ]
        for award in page.awards
    ]
    rows.append(["", "Tổng cộng", "", "", "", format_number(page.total)])
    office.add_table(
        doc,
        ["TT", "Tập thể, cá nhân", "Đơn vị", "Danh hiệu, hình thức", "Hệ số", "Số tiền (đồng)"],
        rows,
        widths_mm=[10, 45, 38, 35, 15, 22],
        numeric_columns=(4, 5),
    )


def _header(doc, page: DecisionPage, issue: Issue) -> None:
    header = office.add_party_header if page.layout == "party" else office.add_state_header
    header(doc, agency=issue.agency, number_line=issue.number_line, place=issue.place, on=issue.on)


def decision_docx(page: DecisionPage) -> bytes:
    """The award decision with its list of awardees and prizes; NotReady when a required part
    (signer on the date, full legal citations) is missing."""
    issue = decision_issue(page).ready("quyết định khen thưởng")
    doc = office.new_document(layout=page.layout)
    _header(doc, page, issue)
    office.add_title(doc, "Quyết định", page.decision.subject, layout=page.layout)
    grounds(doc, page, issue)
    articles(doc, page)
    office.add_signature(
        doc, signature=issue.signature, recipients=issue.recipients, layout=page.layout
    )
    doc.add_page_break()
    awardee_list(doc, page)
    return office.to_bytes(doc)
