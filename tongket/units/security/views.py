"""Screens for signing in safely: the code step after the password, the user's own two-factor
page (enrol with a QR code, recovery codes, turn off), the administrators' policy page and
their reset of an account's second factor."""

from __future__ import annotations

import django_otp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import access
from ..choices import Action
from ..models import User
from ..selectors import units_choices
from ..web import save_form
from . import logins, twofactor
from .forms import CodeForm, PolicyForm


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else "/"


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the app, or a recovery code."""
    if request.session.get(twofactor.PENDING_KEY) != twofactor.VERIFY:
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = twofactor.check_code(user=request.user, token=form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            twofactor.step_done(request)
            return redirect(_next_url(request))
        logins.audit_failed_code(request)
        form.add_error(
            "token",
            _(
                "Mã không đúng, đã dùng rồi, hoặc nhập sai nhiều lần liền: hãy đợi mã mới "
                "trong ứng dụng rồi thử lại."
            ),
        )
    context = {"form": form, "next": _next_url(request)}
    return render(request, "units/security/verify.html", context)


def _owes_code(request: HttpRequest) -> bool:
    return request.session.get(twofactor.PENDING_KEY) == twofactor.VERIFY


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """The user's own page: set up the app (QR code, first code), see how many recovery
    codes are left, get new ones, or turn two-factor sign-in off."""
    user = request.user
    if _owes_code(request):
        return redirect("units:two_factor_verify")
    context = {"required": twofactor.two_factor_required(user), "codes": None}
    enabled = twofactor.has_two_factor(user)
    form = CodeForm(request.POST if request.POST.get("action") == "confirm" else None)
    form.fields["token"].help_text = _("6 chữ số đang hiện trong ứng dụng xác thực.")
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "confirm" and not enabled:
            done = save_form(
                request,
                form,
                lambda d: twofactor.enrolment_confirm(user=user, token=d["token"]),
                _("Đã bật xác thực hai bước. Hãy cất các mã dự phòng dưới đây ở nơi an toàn."),
            )
            if done:
                device, context["codes"] = done
                django_otp.login(request, device)
                twofactor.step_done(request)
                enabled = True
        elif action == "codes" and enabled:
            context["codes"] = twofactor.recovery_codes_renew(user=user)
            messages.success(request, _("Đã tạo mã dự phòng mới; các mã cũ không dùng được nữa."))
        elif action == "disable" and enabled:
            try:
                twofactor.two_factor_disable(user=user, by=user)
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Đã tắt xác thực hai bước."))
            return redirect("units:two_factor")
    context["enabled"] = enabled
    context["form"] = form
    context["codes_left"] = twofactor.recovery_codes_left(user) if enabled else 0
    if not enabled:
        device = twofactor.enrolment_start(user=user)
        context["qr"] = twofactor.qr_svg(device)
        context["secret"] = twofactor.secret_text(device)
    context["pending_enrol"] = request.session.get(twofactor.PENDING_KEY) == twofactor.ENROL
    return render(request, "units/security/two_factor.html", context)


@login_required
def policy(request: HttpRequest) -> HttpResponse:
    """Administrators: which units require two-factor sign-in of whom."""
    if not access.can_anywhere(request.user, Action.ADMINISTER):
        raise PermissionDenied
    units = units_choices(request.user, Action.ADMINISTER)
    form = PolicyForm(
        request.POST or None, units=units, allow_global=access.is_superuser(request.user)
    )
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: twofactor.two_factor_policy_set(by=request.user, **d),
        _("Đã lưu quy định xác thực hai bước."),
    ):
        return redirect("units:security_policy")
    return render(
        request,
        "units/security/policy.html",
        {"form": form, "policies": twofactor.policies_for(request.user)},
    )


@login_required
@require_POST
def two_factor_reset(request: HttpRequest, pk: int) -> HttpResponse:
    """An administrator removes an account's second factor (a lost phone)."""
    account = access.get_for(
        User.objects.select_related("unit"), request.user, pk, Action.ADMINISTER
    )
    twofactor.two_factor_disable(user=account, by=request.user)
    messages.success(
        request,
        _("Đã xóa xác thực hai bước của %(user)s; lần đăng nhập sau, tài khoản sẽ thiết lập lại.")
        % {"user": account.username},
    )
    return redirect("units:account", pk=account.pk)
