"""Navigation for the base template: the modules the user may open, and how many things
wait for them (the work list's count, computed once per request)."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from . import access, worklist
from .choices import Action, Side

STATE, BOTH = (Side.STATE,), (Side.STATE, Side.PARTY)

# (label, url name, action the user needs somewhere in their scope, on which sides, whether
# the module holds only a commune's own business: a state-side grant on a subordinate unit
# (a tổ dân phố reporter) would find it empty, so it is not offered to them)
NAVIGATION = [
    (_("Đơn vị"), "units:tree", Action.VIEW, STATE, False),
    (_("Con người"), "units:people", Action.VIEW, STATE, False),
    (_("Chỉ tiêu"), "targets:index", Action.VIEW, STATE, False),
    (_("Thi đua, khen thưởng"), "emulation:index", Action.VIEW, STATE, False),
    (_("Kiến nghị"), "petitions:home", Action.VIEW, STATE, False),
    (_("Công tác Đảng"), "party:index", Action.VIEW, BOTH, True),
    (_("Hội nghị, văn bản"), "conferences:index", Action.VIEW, STATE, True),
    (_("Đọc văn bản"), "textfacts:index", Action.ENTER, STATE, False),
    (_("Quản trị"), "units:admin_home", Action.ADMINISTER, STATE, False),
    (_("Nhật ký"), "units:audit", Action.AUDIT, BOTH, False),
]


def _offered(user, action, sides, commune_only: bool, commune: list) -> bool:
    for side in sides:
        if not access.can_anywhere(user, action, side):
            continue
        if side == Side.PARTY or not commune_only:
            return True
        if not commune:
            commune.append(access.reaches_a_commune(user))
        if commune[0]:
            return True
    return False


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items, commune = [], []
    for label, name, action, sides, commune_only in NAVIGATION:
        if not _offered(user, action, sides, commune_only, commune):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": request.path.startswith(url)})
    return {"nav_items": items, "work_count": worklist.badge_count(user)}
