"""Reads of the decisions stage: the decisions a user may see, one decision with its
awardees, prizes and total, the legal grounds it rests on, and how a certificate greets its
holder."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext as _

from tongket.lib.words import amount_in_words
from tongket.units import access
from tongket.units.choices import PositionRole
from tongket.units.models import Person, Unit, User

from ..choices import BODY_STYLE, Recipient
from ..models import Award, AwardDecision, AwardKind, LegalDocument
from ..rules import Rulebook
from .common import NOMINATION_RELATED, bare_name, body_label, kind_word

SIGNING_ROLES = (
    PositionRole.COMMITTEE_CHAIR,
    PositionRole.COMMITTEE_VICE_CHAIR,
    PositionRole.PARTY_SECRETARY,
    PositionRole.PARTY_DEPUTY_SECRETARY,
)


def get_decision_for(user: User, pk) -> AwardDecision:
    return access.get_for(AwardDecision.objects.select_related("commune"), user, pk)


def decisions_list(user: User, year: int | None = None) -> QuerySet[AwardDecision]:
    listing = access.restrict(
        AwardDecision.objects.select_related("commune").annotate(
            awardee_count=Count("awards"), prize_total=Sum("awards__prize")
        ),
        user,
    )
    if year:
        listing = listing.filter(year=year)
    return listing


@dataclass
class DecisionPage:
    decision: AwardDecision
    awards: list[Award]
    total: int
    body_label: str
    issuer: str
    on_behalf: str
    layout: str

    @property
    def total_in_words(self) -> str:
        return amount_in_words(self.total)


def decision_page(decision: AwardDecision) -> DecisionPage:
    """A decision with its awardees, prizes and total (one query for the awards)."""
    awards = list(
        decision.awards.select_related(
            *(f"nomination__{name}" for name in NOMINATION_RELATED)
        ).order_by("order", "id")
    )
    commune = decision.commune
    style = BODY_STYLE[decision.body]
    return DecisionPage(
        decision=decision,
        awards=awards,
        total=sum(award.prize for award in awards),
        body_label=body_label(decision.body, commune),
        issuer=style["issuer"].format(kind=kind_word(commune), name=bare_name(commune)),
        on_behalf=style["on_behalf"],
        layout=style["layout"],
    )


def awards_for(user: User, decision_ids: list[int] | None = None) -> QuerySet[Award]:
    listing = access.restrict(
        Award.objects.select_related(
            "decision__commune", *(f"nomination__{name}" for name in NOMINATION_RELATED)
        ),
        user,
    )
    if decision_ids is not None:
        listing = listing.filter(decision_id__in=decision_ids)
    return listing


@dataclass
class Grounds:
    """What a decision rests on: the legal documents of the rule rows in force on its date
    (in the order Luật, Nghị định, Thông tư, then others, oldest first), and the names of
    documents the rows cite that the rulebook holds no full citation for."""

    documents: list[LegalDocument]
    uncited: list[str]


KIND_ORDER = {"luật": 0, "nghị định": 1, "thông tư": 2}


def decision_grounds(decision: AwardDecision) -> Grounds:
    """The legal documents a decision rests on, from the rulebook rows in force on its date
    for its titles and forms (the body's power, the prize coefficient, the base salary),
    each with its full citation (two queries besides the rulebook)."""
    book = Rulebook.load(decision.commune, decision.signed_on)
    kinds = AwardKind.objects.filter(
        pk__in=decision.awards.values("nomination__award_kind")
    ).order_by("order")
    names: list[str] = []
    rules = [
        book.get(kind, kind_rule)
        for kind in kinds
        for kind_rule in ("awarding_body", "prize_coefficient")
    ]
    rules.append(book.base_salary())
    for rule in rules:
        if rule is not None and rule.citation_document not in names:
            names.append(rule.citation_document)
    found = {doc.short_name: doc for doc in LegalDocument.objects.filter(short_name__in=names)}
    documents = sorted(
        found.values(), key=lambda doc: (KIND_ORDER.get(doc.kind.lower(), 3), doc.issued_on)
    )
    return Grounds(documents=documents, uncited=[name for name in names if name not in found])


def signer_candidates(commune: Unit) -> QuerySet[Person]:
    """Who may sign a commune's decisions: anyone who holds (or held) the Chủ tịch's, a Phó
    Chủ tịch's, the Bí thư's or a Phó Bí thư's position in it; the date is checked when
    the decision is issued."""
    return (
        Person.objects.filter(positions__unit=commune, positions__role__in=SIGNING_ROLES)
        .distinct()
        .order_by("name_folded", "id")
    )


def get_signer(commune: Unit, pk: int | None) -> Person | None:
    """A signer chosen by id among the commune's candidates; 404 for anyone else."""
    if pk is None:
        return None
    person = signer_candidates(commune).filter(pk=pk).first()
    if person is None:
        raise Http404(_("Không tìm thấy người ký."))
    return person


def certificate_salutation(award: Award) -> str:
    """ "Bà Nguyễn Thị Hà", "Ông Lê Văn Tư", a collective's name, "Hộ gia đình ông/bà ..."."""
    nomination = award.nomination
    if nomination.recipient == Recipient.INDIVIDUAL:
        prefix = {"male": "Ông", "female": "Bà"}.get(nomination.person.gender, "Ông/Bà")
        return f"{prefix} {nomination.person.full_name}"
    return nomination.nominee_name
