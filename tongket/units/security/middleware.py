"""A signed-in user who still owes a second factor (a code, or enrolment that a policy
requires) reaches nothing else until it is done: screens redirect to that step, the API
answers 401 in JSON. The step was decided at sign-in and kept in the session, so this costs
no query."""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from ..edge import is_api
from .twofactor import ENROL, PENDING_KEY, VERIFY

STEP_URLS = {VERIFY: "units:two_factor_verify", ENROL: "units:two_factor"}


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        step = session.get(PENDING_KEY) if session is not None else None
        if step in STEP_URLS:
            target = reverse(STEP_URLS[step])
            allowed = (target, reverse("logout"), "/static/")
            if not request.path_info.startswith(allowed):
                return self.refuse(request, step, target)
        return self.get_response(request)

    @staticmethod
    def refuse(request: HttpRequest, step: str, target: str) -> HttpResponse:
        if is_api(request):
            return JsonResponse(
                {"detail": _("Cần hoàn tất xác thực hai bước trước khi dùng API bằng phiên này.")},
                status=401,
            )
        return redirect(f"{target}?next={quote(request.get_full_path())}")
