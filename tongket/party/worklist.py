"""What the party module asks of a person with party-side grants, for the home page's work
list: admission steps and probationary reviews past their deadline in each Đảng bộ they
reach (the rulebook's deadlines, as the party dashboard shows them)."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tongket.lib.dates import format_date
from tongket.units.models import User
from tongket.units.worklist import WorkItem, address, provider

from . import selectors

AREA = gettext_lazy("Công tác Đảng")
MOST_COMMUNES = 3


def _item(late: selectors.Overdue) -> WorkItem:
    if late.admission is not None:
        name, url = late.admission.person.full_name, address("party:admission", late.admission.pk)
    else:
        name, url = late.record.person.full_name, address("party:member", late.record.pk)
    return WorkItem(
        _("%(what)s: %(name)s (hạn %(due)s)")
        % {"what": late.label, "name": name, "due": format_date(late.due_on)},
        url,
        AREA,
        due=late.due_on,
        late=True,
    )


@provider
def party_work(user: User, today: datetime.date) -> list[WorkItem]:
    """Overdue steps in the Đảng bộ the user reaches on the party side (a few queries per
    Đảng bộ; a party office reaches one)."""
    items = []
    for commune in selectors.party_communes(user)[:MOST_COMMUNES]:
        overdue = selectors.overdue_steps(
            commune,
            selectors.admissions_for(user, commune),
            selectors.members_list(user, commune=commune),
            today,
        )
        items.extend(_item(late) for late in overdue)
    return items
