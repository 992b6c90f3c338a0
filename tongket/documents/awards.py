"""Award documents: the decision (quyết định khen thưởng) as DOCX in the Nghị định 30/2020
layout (or the party layout for a party committee), and the certificates (giấy khen, giấy
chứng nhận danh hiệu) as a print-ready PDF. Everything is read through the emulation
selectors; numbers are the ones the decision fixed."""

from __future__ import annotations

from docx.enum.text import WD_BREAK

from tongket.emulation.choices import Category, Recipient
from tongket.emulation.selectors import (
    DecisionPage,
    SessionPage,
    certificate_salutation,
    counts_phrase,
    decision_grounds,
    kind_word,
)
from tongket.lib.dates import format_document_date
from tongket.lib.numbers import format_number
from tongket.lib.words import amount_in_words

from . import office


def _place_of(commune) -> str:
    """ "Phường Hòa Bình" → "Hòa Bình", as the place line writes a commune."""
    word = kind_word(commune)
    name = commune.name
    return name[len(word) + 1 :] if name.lower().startswith(word + " ") else name


def _place(page: DecisionPage) -> str:
    return _place_of(page.decision.commune)


def _authority(page: DecisionPage) -> str:
    """Who decides, in capitals: the party committee, or "CHỦ TỊCH ỦY BAN NHÂN DÂN …"."""
    decision = page.decision
    if page.layout == "party":
        return page.issuer.upper()
    return f"{decision.signer_title} {page.issuer}".upper()


def _centred(doc, text: str, *, size: float | None = None, **style) -> None:
    office.add_paragraph(doc, text, align="center", indent_first=False, size=size, **style)


def _header(doc, page: DecisionPage) -> None:
    decision = page.decision
    commune = decision.commune
    province = commune.parent.name if commune.parent_id else ""
    if page.layout == "party":
        office.add_party_header(
            doc,
            parent_body=f"Đảng bộ {province}".strip(),
            body=page.issuer,
            number=decision.number_label,
            place=_place(page),
            on=decision.signed_on,
        )
    else:
        office.add_state_header(
            doc,
            parent_body="Ủy ban nhân dân",
            body=commune.name,
            number=decision.number_label,
            place=_place(page),
            on=decision.signed_on,
        )


def _counts(page: DecisionPage) -> str:
    tally = {Recipient.COLLECTIVE: 0, Recipient.INDIVIDUAL: 0, Recipient.HOUSEHOLD: 0}
    for award in page.awards:
        tally[award.nomination.recipient] += 1
    return counts_phrase(
        tally[Recipient.COLLECTIVE], tally[Recipient.INDIVIDUAL], tally[Recipient.HOUSEHOLD]
    )


def _decision_grounds(doc, page: DecisionPage) -> None:
    """Who decides, on what grounds ("Căn cứ …"), on whose proposal."""
    decision = page.decision
    _centred(doc, _authority(page), bold=True)
    for document in decision_grounds(decision):
        office.add_paragraph(doc, f"Căn cứ {document};", italic=True)
    if decision.session_id:
        office.add_paragraph(
            doc,
            "Xét đề nghị của Hội đồng Thi đua – Khen thưởng tại phiên họp "
            f"{format_document_date(decision.session.held_on)},",
            italic=True,
        )


def _decision_articles(doc, page: DecisionPage) -> None:
    """ "QUYẾT ĐỊNH:" and its three articles: what is awarded, the prize money, who executes."""
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
    office.add_paragraph(
        doc,
        f"Điều 1. Khen thưởng {_counts(page)} đã có thành tích trong năm {decision.year}: "
        f"{'; '.join(what)} (có danh sách kèm theo).",
    )
    office.add_paragraph(
        doc,
        "Điều 2. Tiền thưởng kèm theo bằng hệ số nhân với mức lương cơ sở "
        f"{format_number(decision.base_salary)} đồng; tổng số tiền "
        f"{format_number(page.total)} đồng (Bằng chữ: {amount_in_words(page.total)}).",
    )
    office.add_paragraph(
        doc,
        "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Văn phòng, bộ phận tài chính và các "
        "tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
    )


def _decision_list(doc, page: DecisionPage) -> None:
    """The list attached to the decision: every awardee with coefficient and prize."""
    decision = page.decision
    doc.add_page_break()
    _centred(doc, "DANH SÁCH KHEN THƯỞNG", bold=True)
    _centred(
        doc,
        f"(Kèm theo Quyết định số {decision.number_label} "
        f"{format_document_date(decision.signed_on)})",
        italic=True,
    )
    rows = [
        [
            award.order,
            award.nomination.nominee_name,
            award.nomination.nominee_unit.name if award.nomination.nominee_unit else "",
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


def decision_docx(page: DecisionPage) -> bytes:
    """The award decision with its list of awardees and prizes."""
    decision = page.decision
    doc = office.new_document(layout=page.layout)
    _header(doc, page)
    office.add_title(doc, "Quyết định", decision.subject)
    _decision_grounds(doc, page)
    _decision_articles(doc, page)
    office.add_signature(
        doc,
        on_behalf=page.on_behalf,
        signer_title=decision.signer_title,
        signer_name=decision.signer_name,
        recipients=["Như Điều 3", "Lưu: VT"],
    )
    _decision_list(doc, page)
    return office.to_bytes(doc)


def _certificate_heading(doc, page: DecisionPage, award) -> None:
    """The national (or party) title, who awards, and "GIẤY KHEN" or "GIẤY CHỨNG NHẬN"."""
    if page.layout == "party":
        _centred(doc, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=15)
    else:
        _centred(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13)
        _centred(doc, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14)
    _centred(doc, _authority(page), bold=True, size=16)
    if award.nomination.award_kind.category == Category.FORM:
        _centred(doc, "TẶNG", bold=True, size=16)
        _centred(doc, "GIẤY KHEN", bold=True, size=40)
    else:
        _centred(doc, "GIẤY CHỨNG NHẬN", bold=True, size=36)


def _certificate_awardee(doc, award) -> None:
    """Who is awarded, their unit, and for what (the title and year, or the achievement)."""
    nomination = award.nomination
    _centred(doc, certificate_salutation(award), bold=True, size=22)
    unit = nomination.nominee_unit
    if nomination.recipient != Recipient.COLLECTIVE and unit is not None:
        _centred(doc, unit.name, size=15)
    if nomination.award_kind.category == Category.TITLE:
        _centred(
            doc,
            f"Đã đạt danh hiệu “{nomination.award_kind.name}” năm {nomination.year}",
            bold=True,
            size=17,
        )
    else:
        _centred(
            doc,
            f"Đã có thành tích trong năm {nomination.year}: {nomination.achievement}",
            italic=True,
            size=15,
        )


def _certificate_signature(doc, page: DecisionPage) -> None:
    """The decision it rests on, the place and date, and the signature."""
    decision = page.decision
    signed = format_document_date(decision.signed_on)
    _centred(doc, f"Quyết định số {decision.number_label} {signed}", size=13)

    def right(text: str, **style) -> None:
        office.add_paragraph(doc, text, align="right", indent_first=False, **style)

    right(f"{_place(page)}, {signed}", italic=True, size=14)
    right(f"{page.on_behalf}\n{decision.signer_title}".upper(), bold=True, size=14)
    right("\n\n")
    right(decision.signer_name, bold=True, size=14)


def _certificate(doc, page: DecisionPage, award, first: bool) -> None:
    if not first:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _certificate_heading(doc, page, award)
    _certificate_awardee(doc, award)
    _certificate_signature(doc, page)


def certificates_docx(page: DecisionPage, awards=None) -> bytes:
    """Certificates, one landscape A4 page each (all awardees unless `awards` is given)."""
    awards = page.awards if awards is None else awards
    doc = office.new_document(layout="state", orientation="landscape")
    for index, award in enumerate(awards):
        _certificate(doc, page, award, first=index == 0)
    return office.to_bytes(doc)


def certificates_pdf(page: DecisionPage, awards=None) -> bytes:
    """The certificates as print-ready PDF (LibreOffice, embedded fonts)."""
    return office.docx_to_pdf(certificates_docx(page, awards))


def _minutes_heading(doc, page: SessionPage) -> None:
    session = page.session
    commune = session.commune
    office.add_state_header(
        doc,
        parent_body=f"Ủy ban nhân dân {commune.name}",
        body="Hội đồng Thi đua – Khen thưởng",
        number="",
        place=_place_of(commune),
        on=session.held_on,
    )
    office.add_title(
        doc, "Biên bản", f"Họp Hội đồng Thi đua – Khen thưởng xét khen thưởng năm {session.year}"
    )
    office.add_paragraph(
        doc,
        f"Thời gian: {format_document_date(session.held_on)}."
        + (f" Địa điểm: {session.place}." if session.place else ""),
    )
    office.add_paragraph(
        doc,
        f"Chủ trì: {session.chair_name or '—'}. Thư ký: {session.secretary_name or '—'}. "
        f"Có mặt {session.members_present}/{len(page.members)} thành viên Hội đồng.",
    )
    office.add_paragraph(
        doc,
        "Hội đồng bỏ phiếu kín; tỷ lệ phiếu đồng ý tính trên tổng số thành viên Hội đồng, "
        "theo mức quy định cho từng danh hiệu, hình thức.",
    )


def _minutes_votes(doc, page: SessionPage) -> None:
    """Who passed (a table with votes and the share needed), then who did not."""
    office.add_paragraph(doc, "Các trường hợp đạt:", bold=True)
    office.add_table(
        doc,
        ["TT", "Tập thể, cá nhân", "Danh hiệu, hình thức", "Phiếu đồng ý", "Mức cần đạt"],
        [
            [
                index,
                ballot.nomination.nominee_name,
                ballot.nomination.award_kind.name,
                f"{ballot.votes_for}/{ballot.members_total}",
                f"{ballot.get_threshold_operator_display()} {format_number(ballot.threshold)}%",
            ]
            for index, ballot in enumerate(page.passed, start=1)
        ],
        widths_mm=[10, 55, 50, 25, 25],
        numeric_columns=(3, 4),
    )
    if page.failed:
        office.add_paragraph(doc, "Các trường hợp không đạt:", bold=True)
        for ballot in page.failed:
            office.add_paragraph(
                doc,
                f"- {ballot.nomination.nominee_name} ({ballot.nomination.award_kind.name}): "
                f"{ballot.votes_for}/{ballot.members_total} phiếu đồng ý.",
            )


def minutes_docx(page: SessionPage) -> bytes:
    """The council's minutes (biên bản): who attended, how it voted, who passed."""
    doc = office.new_document(layout="state")
    _minutes_heading(doc, page)
    _minutes_votes(doc, page)
    office.add_signature(
        doc,
        on_behalf="",
        signer_title="Chủ tịch Hội đồng",
        signer_name=page.session.chair_name,
        recipients=["Thành viên Hội đồng", "Lưu: VT"],
    )
    return office.to_bytes(doc)
