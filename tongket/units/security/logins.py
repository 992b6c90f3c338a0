"""The password step of signing in. django-axes counts failures per account and per address
(settings LOGIN_FAILURE_LIMIT, LOGIN_LOCKOUT_MINUTES); this module gives its lockout a
Vietnamese answer and writes every failed sign-in and every lockout to the audit log, under
the account's unit so its administrators see them."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tongket.lib.text import forbidden_characters

from ..choices import AuditAction
from ..edge import is_api
from ..forms import guard_text
from ..models import AuditEntry, User


def client_ip(request: HttpRequest) -> str:
    """The address sign-ins are counted by: behind our reverse proxy the last hop it added
    to X-Forwarded-For (earlier hops are whatever the client wrote), else the peer."""
    if settings.BEHIND_PROXY:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def lockout_minutes() -> int:
    return max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))


def lockout_message() -> str:
    return _(
        "Đăng nhập sai quá %(limit)s lần nên tài khoản này (hoặc máy này) bị tạm khóa đăng "
        "nhập %(minutes)s phút. Hãy thử lại sau; nếu quên mật khẩu, hãy nhờ quản trị đặt lại."
    ) % {"limit": settings.AXES_FAILURE_LIMIT, "minutes": lockout_minutes()}


class ThrottledBackend(AxesStandaloneBackend):
    """django-axes' check before the password backend. A sign-in over HTTP always carries
    its request and is counted; a call without one (the test client's login(), a shell)
    is not an attempt anyone can repeat from outside and is passed on unchecked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class LoginForm(AuthenticationForm):
    """Django's sign-in form with tongket's character check on both fields."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            guard_text(field)


class LoginView(auth_views.LoginView):
    form_class = LoginForm


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """django-axes' answer to a sign-in while locked: the login page with the reason (429),
    or JSON under /api/."""
    message = lockout_message()
    if is_api(request):
        return JsonResponse({"detail": message}, status=429)
    context = {
        "form": LoginForm(request),
        "locked_out": message,
        "next": request.POST.get("next", "") or request.GET.get("next", ""),
    }
    return render(request, "registration/login.html", context, status=429)


def _printable(text: str) -> str:
    for char in forbidden_characters(text):
        text = text.replace(char, "?")
    return text[:150]


def _record(action: str, username: str, request: HttpRequest | None, note: str) -> AuditEntry:
    username = _printable(username or "")
    user = (
        User.objects.filter(username=username).only("pk", "unit_id").first() if username else None
    )
    address = client_ip(request) if request is not None else ""
    if address:
        note = f"{note} {_('Địa chỉ')}: {_printable(address)}."
    return AuditEntry.objects.create(
        action=action,
        verb=action,
        model="units.user",
        object_id=str(user.pk) if user else "",
        object_repr=username or _("(không ghi tên đăng nhập)"),
        unit_id=user.unit_id if user else None,
        note=note,
    )


def _counted(request: HttpRequest | None) -> bool:
    """Whether django-axes counted this attempt; one made while locked is refused uncounted
    (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is off: a lock lasts its minutes)."""
    return getattr(request, "axes_failures_since_start", None) is not None


@receiver(user_login_failed, dispatch_uid="tongket_audit_failed_login")
def audit_failed_login(sender, credentials, request=None, **kwargs) -> None:
    refused = getattr(request, "axes_locked_out", False) and not _counted(request)
    if refused:
        note = _("Đăng nhập khi đang bị tạm khóa: không kiểm tra mật khẩu.")
    else:
        note = _("Sai tên đăng nhập hoặc mật khẩu.")
    _record(AuditAction.LOGIN_FAILED, credentials.get("username", ""), request, note)


@receiver(user_locked_out, dispatch_uid="tongket_audit_lockout")
def audit_lockout(sender, request=None, username=None, ip_address=None, **kwargs) -> None:
    if not _counted(request):
        return  # an attempt during a lock, already written as a failed sign-in
    note = _("Bị tạm khóa đăng nhập %(minutes)s phút sau %(limit)s lần sai.") % {
        "minutes": lockout_minutes(),
        "limit": settings.AXES_FAILURE_LIMIT,
    }
    _record(AuditAction.LOCKED_OUT, username or "", request, note)


def audit_failed_code(request: HttpRequest) -> AuditEntry:
    """A wrong second-factor code after the right password."""
    return _record(
        AuditAction.LOGIN_FAILED,
        request.user.get_username(),
        request,
        _("Sai mã xác thực hai bước."),
    )
