"""The one place emulation reads a person's yearly quality rating (xếp loại chất lượng),
which the party app owns.

The party app is being built; it will provide `tongket.party.selectors.member_rating(person,
year)`. Until then no rating is known, and a title that requires one is judged without it.
Wiring the party app in is a change to this module only:

    from tongket.party import selectors as party

    def member_rating(person, year):
        return party.member_rating(person, year)

(mapping the party's levels onto `Rating` here if they are named differently). The party app
must then never import emulation, so the dependency stays one way.
"""

from __future__ import annotations

from tongket.units.models import Person


def member_rating(person: Person, year: int) -> str | None:
    """The person's quality rating for the year, as a `choices.Rating` value, or None when no
    rating is known (the rating check then has nothing to judge by and is left out)."""
    return None
