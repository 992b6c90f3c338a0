"""What the award documents share: who issues a decision, its number line and its signer."""

from __future__ import annotations

from django.urls import reverse

from tongket.emulation.choices import AwardingBody
from tongket.emulation.selectors import DecisionPage, decision_grounds
from tongket.emulation.services import decision_signer
from tongket.emulation.services.decisions import BOOKS, issuing_unit
from tongket.lib.text import slug
from tongket.units.choices import Body, DocumentType, number_line

from .. import office
from ..issuing import (
    PARTY_HEADER_WIDTH_MM,
    Issue,
    Missing,
    authority_lines,
    bare_name,
    kind_word,
    party_agency,
    place_of,
    signer_on,
    state_agency,
)
from ..recipients import recipients_for


def book_body(body: str) -> str:
    """The units.Body whose book and heading a decision of an awarding body carries."""
    return BOOKS.get(body, Body.PEOPLES_COMMITTEE)


def issuer_name(page: DecisionPage) -> str:
    """ "Chủ tịch UBND phường Hòa Bình", "Đảng ủy phường Hòa Bình" (who decides)."""
    decision = page.decision
    unit = issuing_unit(decision.commune, decision.body)
    where = f"{kind_word(unit)} {bare_name(unit)}"
    if decision.body == AwardingBody.PARTY_COMMITTEE:
        return f"Đảng ủy {where}"
    return f"Chủ tịch Ủy ban nhân dân {where}"


def signature(page: DecisionPage) -> office.Signature | Missing:
    """The decision's signer: as recorded when it was issued (the position held on the date),
    else whoever held the head's position on the date. The Chủ tịch decides in person
    ("CHỦ TỊCH" alone, or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"); the Đảng ủy collectively."""
    decision = page.decision
    body = book_body(decision.body)
    collective = decision.body == AwardingBody.PARTY_COMMITTEE
    if decision.signer_id and decision.signer_role:
        return office.Signature(
            authority=authority_lines(body, decision.signer_role, collective=collective),
            name=decision.signer_name,
        )
    unit = issuing_unit(decision.commune, decision.body)
    person, role = decision_signer(decision.commune, decision.body, decision.signed_on, None)
    if person is None:
        return signer_on(unit, body, decision.signed_on, None, collective=collective)
    return office.Signature(
        authority=authority_lines(body, role, collective=collective), name=person.full_name
    )


def decision_issue(page: DecisionPage, *, with_grounds: bool = True) -> Issue:
    """Heading, number line, signer, recipients and grounds of a decision; `missing` names
    what is not there yet."""
    decision = page.decision
    unit = issuing_unit(decision.commune, decision.body)
    body = book_body(decision.body)
    issue = Issue(layout=page.layout, place=place_of(unit), on=decision.signed_on)
    issue.agency = (
        party_agency(unit, PARTY_HEADER_WIDTH_MM) if page.layout == "party" else state_agency(unit)
    )
    issue.number_line = number_line(decision.number, DocumentType.DECISION, body)
    signed = signature(page)
    if isinstance(signed, Missing):
        issue.missing.append(signed)
    else:
        issue.signature = signed
    if with_grounds:
        grounds = decision_grounds(decision)
        if grounds.uncited:
            issue.missing.append(
                Missing(
                    "Bộ quy định chưa có trích dẫn đầy đủ (số, ngày ban hành, cơ quan ban hành, "
                    "trích yếu) của: " + "; ".join(grounds.uncited) + ".",
                    reverse("emulation:rulebook") + "#van-ban",
                    "Bổ sung văn bản pháp luật",
                )
            )
        issue.grounds = grounds.documents
    issue.recipients = recipients_for(
        decision.commune, body, DocumentType.DECISION, decision=decision
    )
    return issue


def file_stem(page: DecisionPage) -> str:
    decision = page.decision
    return f"{slug(decision.number_label)}-{decision.signed_on.year}"
