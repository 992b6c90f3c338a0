"""The article about a round of working sessions, the way ward portals report them: the lead
(which plan, who led the delegation, how many units), the delegation, what was raised by
field, what was settled and what was sent up, and the conclusions. Stored and published like
a conference's article (documents.Article, linked to the round)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib.numbers import format_number
from tongket.petitions.choices import DelegationGroup
from tongket.petitions.models import Plan
from tongket.petitions.selectors import PetitionStats, PlanDocument, plan_document, round_statistics
from tongket.petitions.services import require_edit_in_commune
from tongket.units.models import User

from ..models import Article
from ..services.articles import article_store
from .common import heading, lower_first, short_date, subject_text, upper_first


@dataclass
class RoundArticleDraft:
    headline: str
    paragraphs: list[str]
    byline: str

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def _sentence(text: str) -> str:
    text = upper_first(text.strip())
    return text if text.endswith((".", "!", "?")) else text + "."


def headline(data: PlanDocument, stats: PetitionStats) -> str:
    head = heading(data.plan.unit, data.plan.body)
    return f"{head.issuer_full} {subject_text(data.plan.subject)}"


def lead(data: PlanDocument, stats: PetitionStats) -> str:
    plan = data.plan
    head = heading(plan.unit, plan.body)
    held = [s for s in data.sessions if s.is_held]
    first, last = held[0].date, held[-1].date
    cited = (
        f"Kế hoạch số {plan.number_label} ngày {short_date(plan.issued_on)}"
        if plan.is_issued
        else "kế hoạch"
    )
    span = (
        f"ngày {first:%d/%m/%Y}"
        if first == last
        else f"từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}"
    )
    text = (
        f"Thực hiện {cited} của {head.issuer_full} về "
        f"{subject_text(plan.subject)}, {span}, đoàn công tác"
    )
    if data.head:
        text += f" do đồng chí {data.head.person.full_name}, {data.head.title} làm trưởng đoàn"
    return text + f" đã làm việc với {format_number(stats.units_worked)} đơn vị trên địa bàn."


# How an article names the bodies the delegation's members come from.
GROUP_PHRASES = {
    DelegationGroup.PARTY_STANDING: "Ban Thường vụ Đảng ủy",
    DelegationGroup.COUNCIL: "Thường trực HĐND",
    DelegationGroup.COMMITTEE: "lãnh đạo UBND",
    DelegationGroup.FRONT: "Ủy ban MTTQ Việt Nam",
    DelegationGroup.MASS: "các đoàn thể",
}


def delegation_paragraph(data: PlanDocument) -> str:
    groups = [
        GROUP_PHRASES[group]
        for group in DelegationGroup.values
        if any(m.group == group for m in data.delegation)
    ]
    if not groups:
        return ""
    word = heading(data.plan.unit, data.plan.body).commune_word
    listed = groups[0] if len(groups) == 1 else ", ".join(groups[:-1]) + " và " + groups[-1]
    return f"Tham gia đoàn công tác có các đồng chí trong {listed} {word}."


def items_paragraph(stats: PetitionStats) -> str:
    text = stats.sentence
    fields = [
        f"{lower_first(row.label)} ({format_number(row.received)})" for row in stats.by_field[:5]
    ]
    if fields:
        text += " Các kiến nghị tập trung vào các lĩnh vực: " + ", ".join(fields) + "."
    return text


def results_paragraph(stats: PetitionStats, word: str) -> str:
    n = format_number
    parts = []
    if stats.resolved:
        part = f"đã giải quyết dứt điểm {n(stats.resolved)} kiến nghị thuộc thẩm quyền"
        if stats.resolved_late == 0:
            part += ", tất cả đúng hạn"
        else:
            part += f", trong đó {n(stats.resolved_on_time)} kiến nghị đúng hạn"
        parts.append(part)
    if stats.forwarded:
        part = f"đã tổng hợp {n(stats.forwarded)} kiến nghị vượt thẩm quyền báo cáo cấp trên"
        if stats.answered:
            part += f", {n(stats.answered)} kiến nghị đã có trả lời"
        parts.append(part)
    if stats.open:
        parts.append(f"đang tiếp tục chỉ đạo giải quyết {n(stats.open)} kiến nghị")
    if not parts:
        return ""
    return _sentence(f"Đến nay, {word} " + "; ".join(parts))


def conclusions_paragraph(data: PlanDocument) -> str:
    notice = next((n for n in reversed(data.notices) if not n.session_id), None)
    if notice is None or not notice.conclusion_items or data.head is None:
        return ""
    wishes = "; ".join(lower_first(item.rstrip(".;")) for item in notice.conclusion_items[:4])
    return (
        f"Kết luận đợt làm việc, đồng chí {data.head.person.full_name}, {data.head.title} đề nghị "
        f"{wishes}."
    )


def compose_round_article(plan: Plan, *, author: str = "") -> RoundArticleDraft:
    """The article of a round whose sessions were held. Nothing is written about what did not
    happen: a paragraph without data is left out."""
    data = plan_document(plan)
    stats = round_statistics(plan)
    if not any(session.is_held for session in data.sessions):
        raise ValidationError(
            _("Đợt làm việc chưa có buổi nào được ghi nhận nên chưa viết tin được.")
        )
    word = heading(plan.unit, plan.body).commune_word
    office_name = f"Văn phòng {'Đảng ủy' if plan.is_party else 'HĐND và UBND'} {word}"
    paragraphs = [
        lead(data, stats),
        delegation_paragraph(data),
        items_paragraph(stats),
        results_paragraph(stats, word),
        conclusions_paragraph(data),
    ]
    return RoundArticleDraft(
        headline=headline(data, stats),
        paragraphs=[p for p in paragraphs if p],
        byline=f"{author} ({office_name})" if author else office_name,
    )


@transaction.atomic
def round_article_generate(*, plan: Plan, by: User) -> Article:
    """Write (or rewrite) the round's article from the data; a published one is not
    overwritten."""
    require_edit_in_commune(by, plan.unit)
    draft = compose_round_article(plan, author=by.display_name)
    return article_store(
        unit=plan.unit,
        anchor={"round": plan},
        text={"headline": draft.headline, "body": draft.body, "byline": draft.byline},
        by=by,
    )
