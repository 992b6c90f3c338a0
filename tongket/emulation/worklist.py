"""What the emulation module asks of a person, for the home page's work list: nominations
sent and waiting to be checked, returned nominations to correct, council sessions they sit
on, award decisions they are to sign. A fixed number of queries per user."""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tongket.lib.dates import format_date
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import User
from tongket.units.worklist import WorkItem, address, provider

from .choices import NominationState
from .models import AwardDecision, CouncilMember, CouncilSession, Nomination

AREA = gettext_lazy("Thi đua, khen thưởng")
MOST = 20


def _within(queryset, user: User, action: str):
    condition = access.scope_q(queryset.model, user, action)
    return queryset if condition is None else queryset.filter(condition)


def nominations_to_check(user: User, today: datetime.date) -> list[WorkItem]:
    """Nominations sent up, by year, for whoever edits where they were raised (one query)."""
    sent = _within(Nomination.objects.filter(state=NominationState.SUBMITTED), user, Action.EDIT)
    counts = sent.values("year").annotate(n=Count("id")).order_by("year")
    return [
        WorkItem(
            _("Kiểm tra %(n)s đề nghị khen thưởng năm %(year)s đã gửi")
            % {"n": row["n"], "year": row["year"]},
            address("emulation:nominations", year=row["year"], state=NominationState.SUBMITTED),
            AREA,
        )
        for row in counts
    ]


def nominations_returned(user: User, today: datetime.date) -> list[WorkItem]:
    """Nominations sent back for correction, for whoever made them or works for the unit
    that raised them (one query): not for every level above."""
    raised = Q(created_by=user) | Q(unit__in=access.root_units_for(user, Action.ENTER))
    returned = _within(
        Nomination.objects.filter(raised, state=NominationState.RETURNED), user, Action.ENTER
    ).select_related("person", "collective", "household_group", "award_kind")
    return [
        WorkItem(
            _("Sửa đề nghị khen thưởng bị trả lại: %(name)s") % {"name": nomination.nominee_name},
            address("emulation:nomination", nomination.pk),
            AREA,
        )
        for nomination in returned.order_by("-id")[:MOST]
    ]


def council_sessions(user: User, today: datetime.date) -> list[WorkItem]:
    """Coming council sessions of a council the user's person sits on (one query)."""
    if not user.person_id:
        return []
    member = CouncilMember.objects.filter(
        commune=OuterRef("commune"), year=OuterRef("year"), person_id=user.person_id
    )
    sessions = CouncilSession.objects.filter(Exists(member), held_on__gte=today)
    return [
        WorkItem(
            _("Họp Hội đồng Thi đua – Khen thưởng ngày %(day)s%(place)s")
            % {
                "day": format_date(session.held_on),
                "place": f", {session.place}" if session.place else "",
            },
            address("emulation:session", session.pk),
            AREA,
            due=session.held_on,
        )
        for session in sessions.order_by("held_on", "id")[:MOST]
    ]


def decisions_to_sign(user: User, today: datetime.date) -> list[WorkItem]:
    """Award decisions the user's person signs, dated today or later (one query)."""
    if not user.person_id:
        return []
    decisions = AwardDecision.objects.filter(signer_id=user.person_id, signed_on__gte=today)
    return [
        WorkItem(
            _("Ký quyết định khen thưởng số %(number)s: %(subject)s")
            % {"number": decision.number_label, "subject": decision.subject},
            address("emulation:decision", decision.pk),
            AREA,
            due=decision.signed_on,
        )
        for decision in decisions.order_by("signed_on", "id")[:MOST]
    ]


@provider
def emulation_work(user: User, today: datetime.date) -> list[WorkItem]:
    return [
        *nominations_to_check(user, today),
        *nominations_returned(user, today),
        *council_sessions(user, today),
        *decisions_to_sign(user, today),
    ]
