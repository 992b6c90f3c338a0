"""Yearly quality ratings: the self-assessment on the 100-point scale, the chi bộ's proposal,
the Đảng ủy's decision. A level never exceeds the band its points reach (when the rulebook
has point bands that year); the cap on "hoàn thành xuất sắc" is enforced when the committee
decides, naming how many would be over."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from tongket.lib.numbers import format_number
from tongket.units import audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..choices import LEVEL_ORDER, Level, MemberKind, RatingState, RuleKind, Subject
from ..models import PartyMember, QualityRating
from ..rules import Rulebook, rating_rules_day, refusal
from .common import check_cell, check_commune, commune_of, not_before, require, require_committee

SUBJECT_WORDS = {Subject.MEMBER: "đảng viên", Subject.CELL: "chi bộ"}


def band_of(rules: Rulebook, points: Decimal) -> str | None:
    """The best level the points reach under the rulebook's bands; None without bands."""
    bands = {row.key: row.value for row in rules.keyed(RuleKind.RATING_BAND)}
    if not bands:
        return None
    for level in LEVEL_ORDER:
        if level in bands and points >= bands[level]:
            return level
    return Level.FAILED


def _points(points) -> Decimal | None:
    if points is None or points == "":
        return None
    value = Decimal(str(points))
    if not Decimal(0) <= value <= Decimal(100):
        raise ValidationError({"points": _("Điểm đánh giá từ 0 đến 100.")})
    return value


def _check_level(rules: Rulebook, level: str, points: Decimal | None, field: str) -> str:
    """A level no better than its points' band; without points, bands or a level: refused."""
    if level and level not in Level.values:
        raise ValidationError({field: _("Mức xếp loại không hợp lệ.")})
    band = band_of(rules, points) if points is not None else None
    if not level:
        if band is None:
            raise ValidationError({field: _("Chọn mức xếp loại.")})
        return band
    if band is not None and LEVEL_ORDER.index(level) < LEVEL_ORDER.index(band):
        rule = rules.get(RuleKind.RATING_BAND, level)
        raise refusal(
            rule,
            _("%(points)s điểm chỉ đạt mức “%(band)s”, không xếp “%(level)s”.")
            % {
                "points": format_number(points),
                "band": Level(band).label,
                "level": Level(level).label,
            },
            field,
        )
    return level


def _subject_place(
    subject: str, member: PartyMember | None, unit: Unit | None
) -> tuple[Unit, Unit]:
    """(the unit the rating belongs to, its commune)."""
    if subject == Subject.MEMBER:
        if member is None or member.kind != MemberKind.MEMBER:
            raise ValidationError({"member": _("Chọn đảng viên của Đảng bộ.")})
        return member.cell, member.commune
    if unit is None:
        raise ValidationError({"unit": _("Chọn tổ chức đảng.")})
    if subject == Subject.CELL:
        commune = commune_of(unit)
        return check_cell(unit, commune), commune
    return check_commune(unit), unit


@transaction.atomic
def rating_self_assess(
    *,
    subject: str,
    year: int,
    by: User,
    points=None,
    level: str = "",
    member: PartyMember | None = None,
    unit: Unit | None = None,
    note: str = "",
) -> QualityRating:
    """The self-assessment (entered by the chi bộ's secretary or the office): points on the
    100-point scale, the level they reach (or a lower one). Edited until the committee
    decides."""
    if subject not in Subject.values:
        raise ValidationError({"subject": _("Đối tượng không hợp lệ.")})
    if not 2000 <= int(year) <= 2100:
        raise ValidationError({"year": _("Năm không hợp lệ.")})
    place, commune = _subject_place(subject, member, unit)
    require(by, Action.ENTER, place)
    if member is not None and not _member_in_year(member, year):
        raise ValidationError(
            {"member": _("Đảng viên không ở trong danh sách của Đảng bộ năm %(y)s.") % {"y": year}}
        )
    rules = Rulebook.load(commune, rating_rules_day(year))
    value = _points(points)
    level = _check_level(rules, level, value, "level")
    lookup = (
        {"member": member, "year": year}
        if member
        else {"unit": place, "subject": subject, "year": year}
    )
    rating = QualityRating.objects.select_for_update(of=("self",)).filter(**lookup).first()
    if rating is None:
        rating = QualityRating(
            subject=subject, year=year, commune=commune, unit=place, member=member
        )
        rating.self_points, rating.self_level, rating.note = value, level, note[:500]
        return audit.create(rating, by=by)
    if rating.state == RatingState.DECIDED:
        raise ValidationError(
            _("Đảng ủy đã quyết định xếp loại năm %(y)s: không sửa bản tự đánh giá.") % {"y": year}
        )
    before = audit.snapshot(rating)
    rating.self_points, rating.self_level, rating.note = value, level, note[:500]
    return audit.update(rating, before, by=by)


def _member_in_year(member: PartyMember, year: int) -> bool:
    starts, ends = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    joined = member.admitted_on or member.joined_on
    return (
        joined is not None
        and joined <= ends
        and (member.left_on is None or member.left_on >= starts)
    )


@transaction.atomic
def rating_propose(*, rating: QualityRating, level: str, by: User, points=None) -> QualityRating:
    """The chi bộ's proposal for a member (points optional, the level no better than the
    points reach)."""
    rating = (
        QualityRating.objects.select_for_update(of=("self",))
        .select_related("unit", "commune")
        .get(pk=rating.pk)
    )
    require(by, Action.ENTER, rating.unit)
    if rating.state == RatingState.DECIDED:
        raise ValidationError(_("Đảng ủy đã quyết định: không sửa đề xuất."))
    rules = Rulebook.load(rating.commune, rating_rules_day(rating.year))
    value = _points(points)
    level = _check_level(rules, level, value if value is not None else rating.self_points, "level")
    return audit.transition(
        rating, "state", RatingState.PROPOSED, by=by, proposed_level=level, proposed_points=value
    )


def cap_check(
    rules: Rulebook, commune: Unit, year: int, chosen: Mapping[int, tuple[str, str]]
) -> None:
    """The cap on "hoàn thành xuất sắc" as a share of "hoàn thành tốt", for members and for
    chi bộ of the Đảng bộ, on the year's decisions as they would stand (`chosen`: rating id
    → (subject, level) being decided now)."""
    rule = rules.get(RuleKind.EXCELLENT_CAP)
    if rule is None:
        return
    decided = (
        QualityRating.objects.filter(commune=commune, year=year, state=RatingState.DECIDED)
        .exclude(pk__in=list(chosen))
        .values("subject", "decided_level")
        .annotate(n=Count("id"))
        .order_by()
    )
    tally: dict[tuple[str, str], int] = {}
    for row in decided:
        key = (row["subject"], row["decided_level"])
        tally[key] = tally.get(key, 0) + row["n"]
    for subject, level in chosen.values():
        tally[(subject, level)] = tally.get((subject, level), 0) + 1
    for subject, word in SUBJECT_WORDS.items():
        excellent = tally.get((subject, Level.EXCELLENT), 0)
        good = tally.get((subject, Level.GOOD), 0)
        if excellent * 100 <= rule.value * good:
            continue
        allowed = int(rule.value * good // 100)
        raise refusal(
            rule,
            _(
                "%(e)s %(word)s “hoàn thành xuất sắc nhiệm vụ” vượt giới hạn %(share)s%% của "
                "%(g)s %(word)s “hoàn thành tốt nhiệm vụ” (tối đa %(allowed)s): thừa %(over)s."
            )
            % {
                "e": excellent,
                "g": good,
                "word": word,
                "share": format_number(rule.value),
                "allowed": allowed,
                "over": excellent - allowed,
            },
            "levels",
        )


@transaction.atomic
def ratings_decide(
    *, commune: Unit, year: int, levels: Mapping[int, str], decided_on: datetime.date, by: User
) -> list[QualityRating]:
    """The Đảng ủy's decision on several ratings of a year at once (rating id → level): each
    level no better than its points reach, the cap checked on the result."""
    require_committee(by, commune)
    ratings = list(
        QualityRating.objects.select_for_update(of=("self",))
        .filter(commune=commune, year=year, pk__in=list(levels))
        .select_related("member__person", "unit")
    )
    if len(ratings) != len(set(levels)):
        raise ValidationError({"levels": _("Có bản xếp loại không thuộc Đảng bộ và năm này.")})
    not_before(
        decided_on, datetime.date(year, 1, 1), "decided_on", _("Ngày quyết định"), _("năm xếp loại")
    )
    rules = Rulebook.load(commune, rating_rules_day(year))
    chosen: dict[int, tuple[str, str]] = {}
    for rating in ratings:
        if rating.state == RatingState.DECIDED:
            raise ValidationError({"levels": _("%(r)s đã được quyết định.") % {"r": rating}})
        chosen[rating.pk] = (
            rating.subject,
            _check_level(rules, levels[rating.pk], rating.best_points, "levels"),
        )
    cap_check(rules, commune, year, chosen)
    return [
        audit.transition(
            rating,
            "state",
            RatingState.DECIDED,
            by=by,
            decided_level=chosen[rating.pk][1],
            decided_on=decided_on,
        )
        for rating in ratings
    ]


def rating_decide(
    *, rating: QualityRating, level: str, decided_on: datetime.date, by: User
) -> QualityRating:
    """The Đảng ủy's decision on one rating (the Đảng bộ's own: the level above's result)."""
    return ratings_decide(
        commune=rating.commune,
        year=rating.year,
        levels={rating.pk: level},
        decided_on=decided_on,
        by=by,
    )[0]
