"""What the petitions module asks of a person, for the home page's work list: the
recommendations assigned to them or to a unit they work for, still open, by deadline (one
query per user)."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tongket.lib.dates import format_date
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import User
from tongket.units.worklist import WorkItem, address, provider

from .choices import RUNNING_STATES
from .models import Recommendation

AREA = gettext_lazy("Kiến nghị")
MOST = 20


def assigned_items(user: User, today: datetime.date) -> list[WorkItem]:
    """Open recommendations assigned to the user's person, or to a unit the user's grants
    are on (where they enter or edit), with their deadline."""
    units = access.root_units_for(user, Action.ENTER).values("pk")
    mine = Q(assignee_unit__in=units)
    if user.person_id:
        mine |= Q(assignee_person_id=user.person_id)
    items = access.restrict(Recommendation.objects.filter(mine, state__in=RUNNING_STATES), user)
    return [
        WorkItem(
            _("Giải quyết kiến nghị: %(text)s%(due)s")
            % {
                "text": Truncator(item.text).chars(90),
                "due": _(", hạn %(day)s") % {"day": format_date(item.deadline)}
                if item.deadline
                else "",
            },
            address("petitions:item", item.pk),
            AREA,
            due=item.deadline,
            late=item.is_overdue(today),
        )
        for item in items.order_by("deadline", "priority", "id")[:MOST]
    ]


provider(assigned_items)
