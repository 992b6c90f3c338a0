"""Eligibility at decision time: whether a body may award the nominations a decision names,
on the rulebook in force on the decision date. The awarding body and the caps are the same
checks the Judge made at submission, read again on the decision date; the council's vote and
the prize coefficient are checked here only."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tongket.units.models import Unit

from ..choices import NominationState
from ..models import AwardKind, Ballot, Nomination
from ..rules import Rulebook
from .checks import Check, body_check, cap_checks, missing_rule_message


def award_refusal(
    nomination: Nomination,
    ballot: Ballot | None,
    *,
    commune: Unit,
    body: str,
    book: Rulebook,
) -> str | None:
    """Why `body` may not award the nomination in a decision of `commune` (the first ground
    that fails), or None when it may."""
    check = award_check(nomination, ballot, commune=commune, body=body, book=book)
    return check.refusal if check is not None else None


def award_check(
    nomination: Nomination,
    ballot: Ballot | None,
    *,
    commune: Unit,
    body: str,
    book: Rulebook,
) -> Check | None:
    """The first check the nomination fails at decision time, or None."""
    for check in (
        _in_commune(nomination, commune),
        _voted_through(nomination, ballot),
        body_check(book, nomination.award_kind, body),
        _has_coefficient(nomination, book),
    ):
        if not check.passed:
            return check
    return None


def decided_cap_checks(
    book: Rulebook, commune: Unit, year: int, kinds: set[AwardKind]
) -> list[Check]:
    """The caps on the decision's titles and forms, counted over every award decided in the
    commune for the year (this decision's included once its awards are written)."""
    return [
        check
        for kind in sorted(kinds, key=lambda kind: kind.order)
        for check in cap_checks(
            book, kind, commune, year, adding=0, states=(NominationState.DECIDED,)
        )
    ]


def _in_commune(nomination: Nomination, commune: Unit) -> Check:
    label = _("Đề nghị thuộc đơn vị ban hành quyết định")
    if nomination.commune_id == commune.pk:
        return Check(label, True)
    return Check(
        label, False, _("%(n)s không thuộc %(unit)s.") % {"n": nomination, "unit": commune.name}
    )


def _voted_through(nomination: Nomination, ballot: Ballot | None) -> Check:
    label = _("Được Hội đồng bỏ phiếu đạt")
    if nomination.state == NominationState.VOTED and ballot is not None and ballot.passed:
        return Check(label, True)
    return Check(label, False, _("%(n)s chưa được Hội đồng bỏ phiếu đạt.") % {"n": nomination})


def _has_coefficient(nomination: Nomination, book: Rulebook) -> Check:
    label = _("Có hệ số tiền thưởng")
    rule = book.prize_coefficient(nomination.award_kind, nomination.recipient)
    if rule is not None:
        return Check(label, True, citation=rule.citation)
    return Check(
        label,
        False,
        missing_rule_message(_("hệ số tiền thưởng"), nomination.award_kind, book),
        missing_rule=True,
    )
