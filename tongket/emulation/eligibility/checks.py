"""What a check is, and the checks made both when a nomination is submitted (the Judge) and
when it is decided (the award checks): who holds a title, the awarding body, the caps."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from tongket.lib.numbers import format_number
from tongket.units.models import Unit

from ..choices import ACTIVE_STATES, AwardingBody, NominationState
from ..choices import RuleKind as K
from ..models import AwardKind, Nomination, PastAward, Rule
from ..rules import Rulebook


@dataclass
class Check:
    label: str
    passed: bool
    message: str = ""
    citation: str = ""
    # The rulebook has no row for this on the day judged: one message for a whole year's
    # nominations, not one per nomination.
    missing_rule: bool = False

    @property
    def refusal(self) -> str:
        text = self.message
        if self.citation:
            text += f" (Căn cứ: {self.citation}.)"
        return text


def as_percent(value: Decimal) -> str:
    return f"{format_number(value)}%"


def without_failed(nominations):
    """Leave out nominations the council voted down: they hold nothing and take no place
    under a cap."""
    return nominations.exclude(state=NominationState.VOTED, ballot__passed=False)


def held_keys(
    kind: AwardKind,
    years: list[int],
    keys: list[str] | None,
    *,
    current_year: int,
    commune: Unit | None = None,
    exclude_pk: int | None = None,
    current_states=ACTIVE_STATES,
) -> set[tuple[str, int]]:
    """(nominee_key, year) pairs that hold `kind` in the given years: awarded by a decision,
    entered as a past award, or, for the year being judged, nominated and still active."""
    held = Q(state=NominationState.DECIDED) | Q(year=current_year, state__in=current_states)
    nominations = without_failed(Nomination.objects.filter(held, award_kind=kind, year__in=years))
    past = PastAward.objects.filter(award_kind=kind, year__in=years)
    if keys is not None:
        nominations = nominations.filter(nominee_key__in=keys)
        past = past.filter(nominee_key__in=keys)
    if commune is not None:
        nominations = nominations.filter(commune=commune)
        past = past.filter(unit__path__startswith=commune.path)
    if exclude_pk:
        nominations = nominations.exclude(pk=exclude_pk)
    pairs = set(nominations.values_list("nominee_key", "year"))
    pairs |= set(past.values_list("nominee_key", "year"))
    return pairs


def missing_rule_message(what: str, kind: AwardKind | None, book: Rulebook) -> str:
    """ "Bộ quy định chưa có hệ số tiền thưởng của “Lao động tiên tiến” áp dụng ngày
    31/12/2016 …": names the rule and the day, and what to do."""
    subject = f"{what} của “{kind.name}”" if kind is not None else what
    return _(
        "Bộ quy định chưa có %(subject)s áp dụng ngày %(day)s; quản trị hệ thống cần thêm "
        "dòng quy định theo văn bản có hiệu lực khi đó (mục Quy định)."
    ) % {"subject": subject, "day": book.on.strftime("%d/%m/%Y")}


def body_check(book: Rulebook, kind: AwardKind, body: str | None = None) -> Check:
    """The rulebook names who awards `kind`; given `body` (at decision time), it names that
    body."""
    label = _("Có quy định về thẩm quyền khen thưởng")
    rule = book.get(kind, K.AWARDING_BODY)
    if rule is None:
        return Check(
            label,
            False,
            missing_rule_message(_("thẩm quyền khen thưởng"), kind, book),
            missing_rule=True,
        )
    if body is not None and (rule is None or rule.text != body):
        holder = (
            AwardingBody(rule.text).label
            if rule and rule.text in AwardingBody.values
            else _("chưa quy định")
        )
        return Check(
            label,
            False,
            _("“%(kind)s” không thuộc thẩm quyền của %(body)s (thẩm quyền: %(holder)s).")
            % {"kind": kind.name, "body": AwardingBody(body).label, "holder": holder},
            rule.citation if rule else "—",
        )
    return Check(label, True, citation=rule.citation)


def cap_checks(
    book: Rulebook,
    kind: AwardKind,
    commune: Unit,
    year: int,
    *,
    adding: int,
    exclude_pk: int | None = None,
    states=ACTIVE_STATES,
) -> list[Check]:
    """Every cap the rulebook sets on `kind`, counted with `adding` more of it."""
    return [
        cap_check(rule, commune, year, adding=adding, exclude_pk=exclude_pk, states=states)
        for rule in book.in_force(kind, K.CAP_SHARE)
    ]


def cap_check(
    rule: Rule,
    commune: Unit,
    year: int,
    *,
    adding: int,
    exclude_pk: int | None = None,
    states=ACTIVE_STATES,
) -> Check:
    """A cap such as “Chiến sĩ thi đua cơ sở ≤ 15% of Lao động tiên tiến in the unit”,
    counted across the whole commune for the year."""
    kind, ref = rule.award_kind, rule.reference_kind
    label = _("“%(kind)s” %(op)s %(value)s số “%(ref)s” của đơn vị") % {
        "kind": kind.name,
        "op": rule.get_operator_display() or "≤",
        "value": as_percent(rule.value),
        "ref": ref.name,
    }
    counted = without_failed(
        Nomination.objects.filter(commune=commune, year=year, state__in=states)
    )
    if exclude_pk:
        counted = counted.exclude(pk=exclude_pk)
    current = counted.filter(award_kind=kind).count() + adding
    base = len(
        held_keys(ref, [year], None, current_year=year, commune=commune, current_states=states)
    )
    allowed = int(rule.value * base // 100)
    if rule.compare(Decimal(current * 100), rule.value * base):
        return Check(label, True, citation=rule.citation)
    return Check(
        label,
        False,
        _(
            "Vượt giới hạn: %(unit)s có %(base)s người đạt “%(ref)s” năm %(year)s nên chỉ được "
            "tối đa %(allowed)s “%(kind)s” (%(value)s); số đề nghị sẽ là %(current)s."
        )
        % {
            "unit": commune.name,
            "base": base,
            "ref": ref.name,
            "year": year,
            "allowed": allowed,
            "kind": kind.name,
            "value": as_percent(rule.value),
            "current": current,
        },
        rule.citation,
    )
