"""The in-process benches' URLs: tongket's own plus the floor page, a login-required page that
renders the base layout and nothing else (session, user, grants for the menu: three queries).
Every page measured is compared with it in the same run. Only `manage.py bench` uses this
module (through override_settings); the product's URLs do not change."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path

FLOOR_URL = "/__bench__/floor/"


@login_required
def floor(request: HttpRequest) -> HttpResponse:
    return render(request, "base.html")


urlpatterns = [
    path(FLOOR_URL.strip("/") + "/", floor),
    path("", include("tongket.urls")),
]

handler400 = "tongket.units.errors.bad_request"
handler403 = "tongket.units.errors.permission_denied"
handler404 = "tongket.units.errors.page_not_found"
handler500 = "tongket.units.errors.server_error"
