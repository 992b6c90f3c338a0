"""Screens for API tokens: each user lists, names, creates (the raw token is shown once) and
revokes their own; an administrator lists and revokes those of accounts in their scope."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.selectors import paginate
from tongket.units.web import run_action, save_form

from . import selectors, services
from .forms import TokenForm, TokenSearchForm
from .models import ApiToken


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST":
        created = save_form(
            request,
            form,
            lambda d: services.token_create(
                user=request.user, name=d["name"], days=d["days"], by=request.user
            ),
            _("Đã tạo khóa API. Hãy chép khóa ngay: tongket không lưu và không hiện lại khóa này."),
        )
        if created:
            form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "tokens": selectors.tokens_of(request.user),
            "created": created[0] if created else None,
            "raw": created[1] if created else None,
        },
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.tokens_of(request.user).filter(pk=pk).first()
    if token is None:
        raise Http404(_("Không tìm thấy hoặc bạn không có quyền xem."))
    run_action(
        request,
        lambda: services.token_revoke(token=token, by=request.user),
        _("Đã thu hồi khóa API."),
    )
    return redirect("tokens:list")


@login_required
def tokens_admin(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.ADMINISTER):
        raise PermissionDenied
    form = TokenSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    listing = selectors.tokens_administered(request.user, query)
    return render(
        request,
        "api/tokens_admin.html",
        {"form": form, "query": query, "page": paginate(listing, request.GET.get("page"))},
    )


@login_required
@require_POST
def token_admin_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token: ApiToken = selectors.get_token_administered(request.user, pk)
    run_action(
        request,
        lambda: services.token_revoke(token=token, by=request.user),
        _("Đã thu hồi khóa API của %(user)s.") % {"user": token.user.username},
    )
    return redirect("tokens:admin")
