"""The one access layer. Every user-facing query goes through `restrict`, every object a URL
or form names is fetched through `get_for`, every write checks `require`.

A role is granted on a unit and covers its whole subtree. Models say where their unit is
with a `scope_field` class attribute ("unit", "submission__unit", … ; "" for Unit itself), so
the same code restricts every model. Something outside the user's view is a 404; something
the user may see but not act on is a 403.

A grant belongs to a side: the state (UBND, HĐND, their offices: the default) or the party
(the Đảng ủy office, its leaders, a chi bộ's secretary). A model declares its side with an
`access_side` class attribute ("state" unless it says "party"); restrict and get_for use the
grants of the model's side, so a state officer of a commune never reads a party member's
record and a party office account reads nothing of the state side. can, require and
can_anywhere take the side explicitly (state by default).

A model whose rows are the commune's internal business may also say what a grant sitting
ABOVE the commune (the province) may see of them, with `scope_above_commune = (commune
field, Q)`: a province officer sees a recommendation only once it was forwarded up. Grants on
the commune or inside it are not narrowed.
"""

from __future__ import annotations

from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from .choices import ROLE_ACTIONS, SUBUNIT_KINDS, Action, Side
from .models import RoleGrant, Unit

M = TypeVar("M", bound=models.Model)

_CACHE_ATTR = "_tongket_scope"
_REACH_ATTR = "_tongket_reaches_commune"


def _grants(user) -> dict[str, dict[str, list[str]]]:
    """Map each side, then each action, to the subtree paths where the user may perform it
    (one query, cached on the user object for the request)."""
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    scope: dict[str, dict[str, list[str]]] = {
        side: {action: [] for action in Action.values} for side in Side.values
    }
    if user is not None and user.is_authenticated and user.is_active:
        rows = RoleGrant.objects.filter(user=user).values_list("side", "role", "unit__path")
        for side, role, path in rows:
            for action in ROLE_ACTIONS[role]:
                scope[side][action].append(path)
        for actions in scope.values():
            for action, paths in actions.items():
                actions[action] = _minimal(paths)
    setattr(user, _CACHE_ATTR, scope)
    return scope


def _minimal(paths: list[str]) -> list[str]:
    """Drop paths already covered by a shorter one, so filters stay small."""
    kept: list[str] = []
    for path in sorted(set(paths), key=len):
        if not any(path.startswith(other) for other in kept):
            kept.append(path)
    return kept


def forget(user) -> None:
    """Clear the cached scope after grants change."""
    for attr in (_CACHE_ATTR, _REACH_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)


def is_superuser(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_superuser)


def side_of(model: type[models.Model]) -> str:
    """The side whose grants reach a model's rows: its `access_side`, else the state's."""
    return getattr(model, "access_side", Side.STATE)


def scope_paths(user, action: str, side: str = Side.STATE) -> list[str]:
    return _grants(user)[side][action]


def _path_lookup(model: type[models.Model]) -> str:
    field = model.scope_field
    return f"{field}__path__startswith" if field else "path__startswith"


def _narrowed_above_commune(model: type[models.Model], path: str) -> Q | None:
    """What a grant on `path` may see of a model that declares `scope_above_commune`: every
    row when the grant is on the row's commune or inside it, else only the rows the model
    opens to the levels above. None for models without the hook."""
    above = getattr(model, "scope_above_commune", None)
    if above is None:
        return None
    commune_field, opened = above
    commune_path = f"{commune_field}__path"
    grant_above = Q(**{f"{commune_path}__startswith": path}) & ~Q(**{commune_path: path})
    return ~grant_above | opened


def scope_q(model: type[models.Model], user, action: str, side: str | None = None) -> Q | None:
    """The filter that keeps rows of `model` inside the user's scope for `action` on the
    model's side (or the side given); None means no restriction (superuser). An empty scope
    gives a filter that matches nothing."""
    if is_superuser(user):
        return None
    paths = scope_paths(user, action, side or side_of(model))
    if not paths:
        return Q(pk__in=[])
    lookup = _path_lookup(model)
    condition = Q()
    for path in paths:
        inside = Q(**{lookup: path})
        narrowed = _narrowed_above_commune(model, path)
        condition |= inside if narrowed is None else inside & narrowed
    return condition


def restrict(queryset: models.QuerySet[M], user, action: str = Action.VIEW) -> models.QuerySet[M]:
    condition = scope_q(queryset.model, user, action)
    return queryset if condition is None else queryset.filter(condition)


def can(user, action: str, unit: Unit | None, side: str = Side.STATE) -> bool:
    if unit is None:
        return False
    if is_superuser(user):
        return True
    return any(unit.path.startswith(path) for path in scope_paths(user, action, side))


def can_anywhere(user, action: str, side: str = Side.STATE) -> bool:
    return is_superuser(user) or bool(scope_paths(user, action, side))


def require(user, action: str, unit: Unit | None, side: str = Side.STATE) -> None:
    if not can(user, action, unit, side):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với đơn vị này."))


def unit_of(obj: models.Model) -> Unit | None:
    """The unit an object belongs to, following its model's scope_field."""
    if isinstance(obj, Unit):
        return obj
    field = getattr(obj.__class__, "scope_field", None)  # __class__: request.user is lazy
    if not field:
        return None
    current = obj
    for part in field.split("__"):
        current = getattr(current, part, None)
        if current is None:
            return None
    return current


def get_for(queryset: models.QuerySet[M], user, pk, action: str = Action.VIEW) -> M:
    """Fetch one object a request names. Unknown or outside the user's view: 404. Visible but
    the action is not allowed there: 403."""
    try:
        obj = restrict(queryset, user, Action.VIEW).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem.")) from None
    if action != Action.VIEW and not can(user, action, unit_of(obj), side_of(type(obj))):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))
    return obj


def get_unit_for(user, pk, action: str = Action.VIEW) -> Unit:
    return get_for(Unit.objects.all(), user, pk, action)


def units_for(user, action: str = Action.VIEW, side: str = Side.STATE) -> models.QuerySet[Unit]:
    condition = scope_q(Unit, user, action, side)
    units = Unit.objects.all()
    return units if condition is None else units.filter(condition)


def root_units_for(
    user, action: str = Action.VIEW, side: str = Side.STATE
) -> models.QuerySet[Unit]:
    """The tops of the user's scope: the units their grants are on (or the roots for a
    superuser)."""
    if is_superuser(user):
        return Unit.objects.filter(parent__isnull=True)
    return Unit.objects.filter(path__in=scope_paths(user, action, side))


def fingerprint(user) -> str:
    """The user's grants as one string (for ETags: a page answered under other grants, with
    other menus or buttons, is not the same page)."""
    if user is None or not user.is_authenticated:
        return ""
    return repr(
        (is_superuser(user), sorted((side, sorted(g.items())) for side, g in _grants(user).items()))
    )


def reaches_a_commune(user) -> bool:
    """Whether a state-side grant of the user sits on a commune or a level above (one
    query): a reporter of a tổ dân phố, a school or a chi bộ does not, and is not offered
    the screens that hold only a commune's own business."""
    if is_superuser(user):
        return True
    cached = getattr(user, _REACH_ATTR, None)
    if cached is None:
        cached = root_units_for(user).exclude(kind__in=SUBUNIT_KINDS).exists()
        setattr(user, _REACH_ATTR, cached)
    return cached
