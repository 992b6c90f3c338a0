"""The one place emulation reads a person's yearly quality rating (xếp loại chất lượng),
which the party app owns. The party's levels carry the same values as `choices.Rating`
(excellent, good, done, failed). The dependency runs one way: party never imports emulation.
"""

from __future__ import annotations

from tongket.party import selectors as party
from tongket.units.models import Person


def member_rating(person: Person, year: int) -> str | None:
    """The person's quality rating for the year as a party member, as decided by the Đảng
    ủy, or None when none is known (the rating check then has nothing to judge by and is left
    out)."""
    return party.member_rating(person, year)
