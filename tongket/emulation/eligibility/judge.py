"""The Judge: every check a nomination must pass before it is sent to the office, judged on
the rulebook in force at the end of the nomination's year (or today while the year runs) and
on tongket's own data. Each check says whether it passed and cites the rule it applied, so a
refusal names its ground.

The kinds of rule are code here; every number comes from the rulebook rows.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.lib.numbers import format_number
from tongket.units.models import Person

from .. import party_ratings
from ..choices import ACTIVE_STATES, RATING_ORDER, Category, Rating, Recipient
from ..choices import RuleKind as K
from ..models import Nomination, PastAward, Registration, Rule, nominee_key
from ..rules import Rulebook, check_date
from .checks import Check, as_percent, body_check, cap_checks, held_keys


class Judge:
    """Runs every check for one nomination."""

    def __init__(self, nomination: Nomination, today: datetime.date | None = None) -> None:
        self.n = nomination
        self.today = today or timezone.localdate()
        self.book = Rulebook.load(nomination.commune, check_date(nomination.year, self.today))
        self.kind = nomination.award_kind

    def rule(self, kind: str) -> Rule | None:
        return self.book.get(self.kind, kind)

    def run(self) -> list[Check]:
        checks = [self.check_nominee(), self.check_body(), self.check_duplicate()]
        for method in (
            self.check_registration,
            self.check_prerequisite,
            self.check_consecutive,
            self.check_members,
            self.check_rating,
            self.check_cap,
        ):
            checks.extend(method())
        return checks

    # --- who may be nominated ----------------------------------------------------------
    def check_nominee(self) -> Check:
        n = self.n
        label = _("Đối tượng thuộc đơn vị đề nghị")
        unit = n.nominee_unit
        if unit is None or not unit.path.startswith(n.unit.path):
            return Check(
                label,
                False,
                _("%(who)s không thuộc %(unit)s nên không thể do đơn vị này đề nghị.")
                % {"who": n.nominee_name, "unit": n.unit.name},
            )
        if not self.kind.allows(n.recipient):
            return Check(
                label,
                False,
                _("“%(kind)s” không dành cho %(who)s.")
                % {"kind": self.kind.name, "who": Recipient(n.recipient).label.lower()},
            )
        wrong_kind = (
            n.recipient == Recipient.COLLECTIVE
            and self.kind.unit_kinds
            and n.collective.kind not in self.kind.unit_kinds
        )
        if wrong_kind:
            return Check(
                label,
                False,
                _("“%(kind)s” không xét cho %(unit)s (loại đơn vị không phù hợp).")
                % {"kind": self.kind.name, "unit": n.collective.name},
            )
        return Check(label, True)

    def check_body(self) -> Check:
        return body_check(self.book, self.kind)

    def check_duplicate(self) -> Check:
        n = self.n
        label = _("Một thành tích chỉ khen thưởng một lần")
        rule = self.book.get(None, K.SINGLE_AWARD)
        citation = rule.citation if rule else ""
        same = Nomination.objects.filter(
            nominee_key=n.nominee_key, year=n.year, state__in=ACTIVE_STATES
        ).exclude(pk=n.pk)
        if (
            same.filter(award_kind=n.award_kind).exists()
            or PastAward.objects.filter(
                nominee_key=n.nominee_key, year=n.year, award_kind=n.award_kind
            ).exists()
        ):
            return Check(
                label,
                False,
                _(
                    "%(who)s đã được đề nghị hoặc khen “%(kind)s” năm %(year)s; không khen "
                    "thưởng hai lần cho cùng một thành tích."
                )
                % {"who": n.nominee_name, "kind": self.kind.name, "year": n.year},
                citation,
            )
        if rule is not None and self.kind.category == Category.FORM:
            other = (
                same.filter(award_kind__category=Category.FORM, movement_id=n.movement_id)
                .select_related("award_kind")
                .first()
            )
            if other is not None:
                return Check(
                    label,
                    False,
                    _(
                        "Thành tích năm %(year)s của %(who)s đã được đề nghị “%(other)s”; không "
                        "tặng hai hình thức khen thưởng cho cùng một thành tích."
                    )
                    % {"year": n.year, "who": n.nominee_name, "other": other.award_kind.name},
                    citation,
                )
        return Check(label, True, citation=citation)

    # --- rules of the rulebook -----------------------------------------------------------
    def check_registration(self) -> list[Check]:
        rule = self.rule(K.REGISTRATION_REQUIRED)
        if rule is None or not rule.value:
            return []
        label = _("Đã đăng ký thi đua từ đầu năm")
        registered = Registration.objects.filter(
            year=self.n.year, award_kind=self.kind, nominee_key=self.n.nominee_key
        ).exists()
        if registered:
            return [Check(label, True, citation=rule.citation)]
        return [
            Check(
                label,
                False,
                _(
                    "%(who)s chưa đăng ký thi đua danh hiệu “%(kind)s” năm %(year)s; danh hiệu "
                    "chỉ xét cho người đã đăng ký từ đầu năm."
                )
                % {"who": self.n.nominee_name, "kind": self.kind.name, "year": self.n.year},
                rule.citation,
            )
        ]

    def check_prerequisite(self) -> list[Check]:
        checks = []
        for rule in self.book.in_force(self.kind, K.PREREQUISITE):
            label = _("Đạt “%(ref)s” cùng năm") % {"ref": rule.reference_kind.name}
            held = held_keys(
                rule.reference_kind,
                [self.n.year],
                [self.n.nominee_key],
                current_year=self.n.year,
            )
            if held:
                checks.append(Check(label, True, citation=rule.citation))
            else:
                checks.append(
                    Check(
                        label,
                        False,
                        _(
                            "%(who)s chưa đạt hoặc chưa được đề nghị “%(ref)s” năm %(year)s, "
                            "là điều kiện để xét “%(kind)s”."
                        )
                        % {
                            "who": self.n.nominee_name,
                            "ref": rule.reference_kind.name,
                            "year": self.n.year,
                            "kind": self.kind.name,
                        },
                        rule.citation,
                    )
                )
        return checks

    def check_consecutive(self) -> list[Check]:
        checks = []
        for rule in self.book.in_force(self.kind, K.CONSECUTIVE_YEARS):
            count = int(rule.value)
            years = list(range(self.n.year - count + 1, self.n.year + 1))
            label = _("%(n)s năm liên tục đạt “%(ref)s”") % {
                "n": count,
                "ref": rule.reference_kind.name,
            }
            held = {
                year
                for _key, year in held_keys(
                    rule.reference_kind, years, [self.n.nominee_key], current_year=self.n.year
                )
            }
            missing = [year for year in years if year not in held]
            if not missing:
                checks.append(Check(label, True, citation=rule.citation))
            else:
                checks.append(
                    Check(
                        label,
                        False,
                        _(
                            "%(who)s cần %(n)s năm liên tục (%(first)s–%(last)s) "
                            "đạt “%(ref)s”; còn thiếu năm %(missing)s."
                        )
                        % {
                            "who": self.n.nominee_name,
                            "n": count,
                            "first": years[0],
                            "last": years[-1],
                            "ref": rule.reference_kind.name,
                            "missing": ", ".join(str(year) for year in missing),
                        },
                        rule.citation,
                    )
                )
        return checks

    def check_members(self) -> list[Check]:
        rules = self.book.in_force(self.kind, K.MEMBER_SHARE) + self.book.in_force(
            self.kind, K.MEMBER_COUNT
        )
        if not rules or self.n.recipient != Recipient.COLLECTIVE:
            return []
        members = list(
            Person.objects.filter(unit__path__startswith=self.n.collective.path).values_list(
                "pk", flat=True
            )
        )
        keys = [nominee_key(Recipient.INDIVIDUAL, pk, None, None, "") for pk in members]
        checks = []
        for rule in rules:
            ref = rule.reference_kind
            holders = len(held_keys(ref, [self.n.year], keys, current_year=self.n.year))
            operator = rule.get_operator_display() or "≥"
            if rule.kind == K.MEMBER_SHARE:
                share = Decimal(holders * 100) / len(members) if members else Decimal(0)
                label = _("Tỷ lệ thành viên đạt “%(ref)s” %(op)s %(value)s") % {
                    "ref": ref.name,
                    "op": operator,
                    "value": as_percent(rule.value),
                }
                passed = bool(members) and rule.compare(share, rule.value)
                message = _(
                    "%(unit)s có %(held)s/%(total)s thành viên đạt “%(ref)s” "
                    "(%(share)s), chưa đạt mức %(op)s %(value)s."
                ) % {
                    "unit": self.n.collective.name,
                    "held": holders,
                    "total": len(members),
                    "ref": ref.name,
                    "share": as_percent(share.quantize(Decimal("0.1"))),
                    "op": operator,
                    "value": as_percent(rule.value),
                }
            else:
                label = _("Số thành viên đạt “%(ref)s” %(op)s %(value)s") % {
                    "ref": ref.name,
                    "op": operator,
                    "value": format_number(rule.value),
                }
                passed = rule.compare(Decimal(holders), rule.value)
                message = _(
                    "%(unit)s có %(held)s thành viên đạt “%(ref)s”, chưa đạt mức %(op)s %(value)s."
                ) % {
                    "unit": self.n.collective.name,
                    "held": holders,
                    "ref": ref.name,
                    "op": operator,
                    "value": format_number(rule.value),
                }
            checks.append(Check(label, passed, "" if passed else message, rule.citation))
        return checks

    def check_rating(self) -> list[Check]:
        rule = self.rule(K.REQUIRED_RATING)
        if rule is None or self.n.recipient != Recipient.INDIVIDUAL:
            return []
        rating = party_ratings.member_rating(self.n.person, self.n.year)
        required = Rating(rule.text) if rule.text in Rating.values else None
        label = _("Xếp loại chất lượng từ “%(level)s” trở lên") % {
            "level": required.label if required else rule.text
        }
        if rating is None or required is None:
            return []  # no rating recorded: nothing to judge by
        if RATING_ORDER.index(rating) <= RATING_ORDER.index(required):
            return [Check(label, True, citation=rule.citation)]
        return [
            Check(
                label,
                False,
                _(
                    "%(who)s được xếp loại “%(rating)s” năm %(year)s, chưa đạt mức “%(level)s” trở "
                    "lên."
                )
                % {
                    "who": self.n.nominee_name,
                    "rating": Rating(rating).label,
                    "year": self.n.year,
                    "level": required.label,
                },
                rule.citation,
            )
        ]

    def check_cap(self) -> list[Check]:
        return cap_checks(
            self.book, self.kind, self.n.commune, self.n.year, adding=1, exclude_pk=self.n.pk
        )


def judge(nomination: Nomination, today: datetime.date | None = None) -> list[Check]:
    return Judge(nomination, today).run()
