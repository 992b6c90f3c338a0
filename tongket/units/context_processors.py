"""Navigation for the base template: the modules the user may open."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from . import access
from .choices import Action

# (label, url name, action the user needs somewhere in their scope)
NAVIGATION = [
    (_("Đơn vị"), "units:tree", Action.VIEW),
    (_("Con người"), "units:people", Action.VIEW),
    (_("Chỉ tiêu"), "targets:index", Action.VIEW),
    (_("Thi đua, khen thưởng"), "emulation:index", Action.VIEW),
    (_("Kiến nghị"), "petitions:home", Action.VIEW),
    (_("Hội nghị, văn bản"), "conferences:index", Action.VIEW),
    (_("Quản trị"), "units:admin_home", Action.ADMINISTER),
    (_("Nhật ký"), "units:audit", Action.AUDIT),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for label, name, action in NAVIGATION:
        if not access.can_anywhere(user, action):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": request.path.startswith(url)})
    return {"nav_items": items}
