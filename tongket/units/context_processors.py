"""Navigation for the base template: the modules the user may open."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from . import access, worklist
from .choices import Action, Side

STATE, BOTH = (Side.STATE,), (Side.STATE, Side.PARTY)

# (label, url name, action the user needs somewhere in their scope, on which sides)
NAVIGATION = [
    (_("Đơn vị"), "units:tree", Action.VIEW, STATE),
    (_("Con người"), "units:people", Action.VIEW, STATE),
    (_("Chỉ tiêu"), "targets:index", Action.VIEW, STATE),
    (_("Thi đua, khen thưởng"), "emulation:index", Action.VIEW, STATE),
    (_("Kiến nghị"), "petitions:home", Action.VIEW, STATE),
    (_("Công tác Đảng"), "party:index", Action.VIEW, BOTH),
    (_("Hội nghị, văn bản"), "conferences:index", Action.VIEW, STATE),
    (_("Quản trị"), "units:admin_home", Action.ADMINISTER, STATE),
    (_("Nhật ký"), "units:audit", Action.AUDIT, BOTH),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for label, name, action, sides in NAVIGATION:
        if not any(access.can_anywhere(user, action, side) for side in sides):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": request.path.startswith(url)})
    return {"nav_items": items, "work_count": worklist.work_count(user)}
