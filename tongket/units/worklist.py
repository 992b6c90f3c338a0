"""Each person's work list, computed from the data: nothing is stored as a to-do row, so the
list cannot drift from what it describes.

Every app that has work to hand out registers one provider here (in its AppConfig.ready),
the way models declare `scope_above_commune` for the access layer: units never imports an
app above it. A provider takes the user and the day and returns WorkItems, each a sentence
and the address where the work is done, in a fixed number of queries whatever the data.
The list is computed once per request (cached on the user object, like the access scope).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from tongket.lib.dates import format_date

from .models import User

_CACHE_ATTR = "_tongket_worklist"
_BADGE_KEY = "tongket-worklist-count"


@dataclass(frozen=True)
class WorkItem:
    """One line of the list: what to do, where, by when; `late` once the day has passed."""

    text: str
    url: str
    area: str
    due: datetime.date | None = None
    late: bool = False

    @property
    def sort_key(self) -> tuple:
        return (not self.late, self.due is None, self.due or datetime.date.max, str(self.area))


Provider = Callable[[User, datetime.date], Iterable[WorkItem]]
_PROVIDERS: list[Provider] = []


def provider(func: Provider) -> Provider:
    """Register an app's work-item selector (idempotent, so a re-import adds nothing)."""
    if func not in _PROVIDERS:
        _PROVIDERS.append(func)
    return func


def providers() -> tuple[Provider, ...]:
    return tuple(_PROVIDERS)


def work_items(user: User, today: datetime.date | None = None) -> list[WorkItem]:
    """Everything waiting for `user`, the late first, then by deadline. Cached on the user
    for the request when asked for today."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    cached = getattr(user, _CACHE_ATTR, None) if today is None else None
    if cached is not None:
        return cached
    day = today or datetime.date.today()
    items = [item for func in _PROVIDERS for item in func(user, day)]
    items.sort(key=lambda item: item.sort_key)
    if today is None:
        setattr(user, _CACHE_ATTR, items)
    return items


def work_count(user: User) -> int:
    return len(work_items(user))


def badge_count(user: User) -> int:
    """The count shown in the menu of every page. The list itself is computed on the home page,
    always from the data; the menu of the other pages shows the count kept for
    WORKLIST_BADGE_SECONDS (60) by the last computation, so a page does not pay for the whole
    list (a national administrator's list reads every commune's deadlines). Opening home, or
    a write through `forget`, refreshes it."""
    if user is None or not user.is_authenticated or not user.is_active:
        return 0
    key = f"{_BADGE_KEY}:{user.pk}"
    if getattr(user, _CACHE_ATTR, None) is None:
        kept = _badge_cache().get(key)
        if kept is not None:
            return kept
    count = work_count(user)
    _badge_cache().set(key, count, settings.WORKLIST_BADGE_SECONDS)
    return count


def _badge_cache():
    try:
        cache.get("tongket-worklist-probe")
    except Exception:  # a cache that does not answer: count every time, never fail a page
        return _NoCache()
    return cache


class _NoCache:
    def get(self, key):
        return None

    def set(self, key, value, timeout):
        return None

    def delete(self, key):
        return None


def forget(user: User) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
    if user is not None and user.pk is not None:
        _badge_cache().delete(f"{_BADGE_KEY}:{user.pk}")


def address(name: str, *args, **query) -> str:
    """A screen's address with its query string, for providers."""

    path = reverse(name, args=args)
    return f"{path}?{urlencode(query)}" if query else path


def mail_recipients():
    """Active accounts with an e-mail address (theirs or their person's)."""
    return (
        User.objects.filter(is_active=True)
        .filter(~Q(email="") | (Q(person__isnull=False) & ~Q(person__email="")))
        .select_related("person")
        .order_by("pk")
    )


def mail_work_items(user: User, *, base_url: str = "", today: datetime.date | None = None) -> bool:
    """Send the user their work list (nothing when it is empty); True when a mail left."""
    items = work_items(user, today)
    address_to = user.email or (user.person.email if user.person_id else "")
    if not items or not address_to:
        return False
    day = format_date(today or datetime.date.today())
    lines = [_("Xin chào %(name)s,") % {"name": user.display_name}, ""]
    lines.append(_("Ngày %(day)s có %(n)s việc đang chờ bạn:") % {"day": day, "n": len(items)})
    for number, item in enumerate(items, start=1):
        late = _(" (quá hạn)") if item.late else ""
        lines.append(f"{number}. {item.text}{late}\n   {base_url}{item.url}")
    subject = _("tongket: %(n)s việc cần làm ngày %(day)s") % {"n": len(items), "day": day}
    send_mail(subject, "\n".join(lines), None, [address_to])
    return True
