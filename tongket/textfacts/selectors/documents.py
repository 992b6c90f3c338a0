"""Reads of the documents read for facts: the list, one document through the access layer,
and the review rows (each fact's sentence cut into plain and highlighted pieces, and the
figure already entered in the cell it would fill, shown side by side when it differs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tongket.targets import selectors as targets
from tongket.targets.choices import SubmissionState
from tongket.targets.models import IndicatorVersion, Result, Submission
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..choices import AWARD_KINDS, RESULT_KINDS
from ..models import ProposedFact, SourceDocument

FIGURES = ("value", "numerator", "denominator", "percent_of_plan")


def documents_list(user: User, unit: Unit | None = None) -> QuerySet[SourceDocument]:
    rows = access.restrict(SourceDocument.objects.all(), user).select_related("unit", "created_by")
    if unit is not None:
        rows = rows.filter(unit__path__startswith=unit.path)
    return rows


def get_document_for(user: User, pk, action: str = Action.VIEW) -> SourceDocument:
    return access.get_for(SourceDocument.objects.select_related("unit"), user, pk, action)


def fact_label(fact: ProposedFact) -> str:
    subject = fact.subject[:60] + ("…" if len(fact.subject) > 60 else "")
    return _("Số liệu %(n)s (%(subject)s)") % {"n": fact.position, "subject": subject}


def _number(raw) -> Decimal | None:
    return None if raw in (None, "") else Decimal(str(raw))


def holds_figures(result: Result | None) -> bool:
    return result is not None and any(getattr(result, name) is not None for name in FIGURES)


def differs(result: Result, figures: dict) -> bool:
    """Whether a cell that holds figures holds other ones than `figures` (its numbers, and
    whether it is an estimate and its qualifier, when `figures` says them)."""
    if not holds_figures(result):
        return False
    # A ratio is its numerator and denominator (its value, the share, follows from them).
    ratio = result.numerator is not None or figures.get("numerator") not in (None, "")
    names = ("numerator", "denominator") if ratio else ("value", "percent_of_plan")
    for name in names:
        mine, theirs = getattr(result, name), _number(figures.get(name))
        if (mine is None) != (theirs is None) or (mine is not None and mine != theirs):
            return True
    return any(
        name in figures and bool(figures[name]) != bool(getattr(result, name))
        for name in ("is_estimate", "qualifier")
    )


@dataclass
class Existing:
    display: str
    state: str
    locked: bool
    same: bool = False


@dataclass
class ReviewRow:
    fact: ProposedFact
    pieces: list[tuple[str, bool]]
    existing: Existing | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def conflict(self) -> Existing | None:
        """The figure already entered when it differs from the document's."""
        return self.existing if self.existing and not self.existing.same else None

    @property
    def is_result(self) -> bool:
        return self.fact.kind in RESULT_KINDS

    @property
    def is_award(self) -> bool:
        return self.fact.kind in AWARD_KINDS


def pieces_of(text: str, fact: ProposedFact) -> list[tuple[str, bool]]:
    """The fact's sentence as (text, is a number of the fact) pieces, for highlighting."""
    start, end = fact.sentence_start, fact.sentence_end
    pieces, at = [], start
    for a, b in sorted((max(a, start), min(b, end)) for a, b in fact.numbers):
        if a < at or a >= b:
            continue
        pieces.append((text[at:a], False))
        pieces.append((text[a:b], True))
        at = b
    pieces.append((text[at:end], False))
    return [piece for piece in pieces if piece[0]]


def _existing(document: SourceDocument, facts: list[ProposedFact], versions) -> dict[int, Existing]:
    """The cells the proposed facts would fill that already hold a figure, the same or
    another (two queries)."""
    keys = {
        (fact.indicator_id, fact.proposal.get("year"), fact.proposal.get("period")): fact
        for fact in facts
        if fact.kind in RESULT_KINDS and fact.indicator_id
    }
    if not keys:
        return {}
    years = {key[1] for key in keys}
    results = Result.objects.filter(
        unit=document.unit, indicator_id__in={key[0] for key in keys}, year__in=years
    )
    states = {
        (s.year, s.period): s.state
        for s in Submission.objects.filter(unit=document.unit, year__in=years)
    }
    found = {}
    for result in results:
        fact = keys.get((result.indicator_id, result.year, result.period))
        version = versions.get(result.indicator_id)
        if fact is None or version is None or not holds_figures(result):
            continue
        state = states.get((result.year, result.period), SubmissionState.DRAFT)
        display = targets.cell_state(version, result)["display"]
        found[fact.pk] = Existing(
            display=f"{display} ({_('ước thực hiện')})" if result.is_estimate else display,
            state=str(SubmissionState(state).label),
            locked=state in (SubmissionState.SUBMITTED, SubmissionState.APPROVED),
            same=not differs(result, fact.proposal),
        )
    return found


def review_rows(document: SourceDocument, versions: list[IndicatorVersion]) -> list[ReviewRow]:
    """Every fact of a document with its highlighted sentence and, for figures, the
    differing figure already entered (three queries)."""
    facts = list(document.facts.select_related("indicator"))
    by_indicator = {version.indicator_id: version for version in versions}
    existing = _existing(document, facts, by_indicator)
    return [
        ReviewRow(fact, pieces_of(document.text, fact), existing.get(fact.pk)) for fact in facts
    ]
