"""Template questions answered by the access layer (no query: the grants are read once per
request and kept on the user)."""

from django import template

from tongket.units import access
from tongket.units.choices import Action

register = template.Library()


@register.filter
def viewable_by(unit, user) -> bool:
    """Whether `user` may open `unit`: a breadcrumb never links to a page that answers 404."""
    return access.can(user, Action.VIEW, unit)


@register.filter
def reaches_a_commune(user) -> bool:
    """Whether the user works at a commune or above (a tổ dân phố reporter does not): the
    screens that hold only a commune's own business are offered to them alone."""
    return access.reaches_a_commune(user)
