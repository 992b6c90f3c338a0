"""Huy hiệu Đảng handed to members."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib.dates import format_date
from tongket.units import audit
from tongket.units.models import User

from .. import ledger
from ..choices import (
    MemberKind,
    MemberStatus,
    RuleKind,
)
from ..models import BadgeAward, PartyMember
from ..rules import Rulebook, refusal
from .common import (
    not_ahead,
    require_committee,
)
from .members import _fresh


@transaction.atomic
def badge_award(
    *, record: PartyMember, milestone: int, awarded_on: datetime.date, by: User, document: str = ""
) -> BadgeAward:
    """Hand a Huy hiệu Đảng: the milestone is one the rulebook has on that day and the
    member, a full member in the list, has reached it (tuổi Đảng counted from admission,
    time out of the Party left out)."""
    record = _fresh(record)
    require_committee(by, record.commune)
    not_ahead(awarded_on, "awarded_on", _("Ngày trao"))
    rules = Rulebook.load(record.commune, awarded_on)
    rule = rules.get(RuleKind.BADGE_MILESTONE, str(milestone))
    if rule is None:
        raise ValidationError(
            {
                "milestone": _(
                    "Không có mốc Huy hiệu %(m)s năm tuổi Đảng trong quy định đang áp dụng."
                )
                % {"m": milestone}
            }
        )
    if record.kind != MemberKind.MEMBER or record.status != MemberStatus.FULL:
        raise ValidationError(_("Chỉ trao Huy hiệu cho đảng viên chính thức đang trong danh sách."))
    spans = ledger.out_of_party_spans(record.events.order_by("on", "id").values_list("kind", "on"))
    years = ledger.party_years(record.admitted_on, awarded_on, spans)
    if years < milestone:
        raise refusal(
            rule,
            _("Đến ngày %(day)s đảng viên mới có %(years)s năm tuổi Đảng, chưa đủ %(m)s năm.")
            % {"day": format_date(awarded_on), "years": years, "m": milestone},
            "milestone",
        )
    if BadgeAward.objects.filter(member=record, milestone=milestone).exists():
        raise ValidationError({"milestone": _("Đảng viên đã nhận Huy hiệu mốc này.")})
    return audit.create(
        BadgeAward(
            member=record,
            commune=record.commune,
            milestone=milestone,
            awarded_on=awarded_on,
            document=document[:200],
        ),
        by=by,
    )
