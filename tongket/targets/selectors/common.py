"""What every stage's reads share: the years a screen accepts, and "units that existed in a
year" as a condition on Unit."""

from __future__ import annotations

import datetime

from django.db.models import Q

FIRST_YEAR, LAST_YEAR = 2000, 2100


def existing_in(year: int) -> Q:
    """Units valid at some point of `year` (merged units end on a date, new ones start)."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=end)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=start)
    )
