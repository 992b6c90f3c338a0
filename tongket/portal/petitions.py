"""The portal's petitions pages (no login): a citizen sends a recommendation to their
commune (held for moderation; limited per address and hour; a honeypot instead of an outside
captcha), and everyone reads the answers the commune published, names hidden."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from tongket.petitions import selectors, services
from tongket.petitions.forms import CitizenForm
from tongket.units.models import Unit
from tongket.units.selectors import paginate


def _commune(code: str) -> Unit:
    return get_object_or_404(Unit.objects.communes(), code=code)


def client_address(request: HttpRequest) -> str:
    """The sender's address: behind our own proxy, the one it appended last."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _too_many(request: HttpRequest, unit: Unit, limit: int) -> HttpResponse:
    return render(request, "portal/petition_limit.html", {"unit": unit, "limit": limit}, status=429)


def petition_form(request: HttpRequest, code: str) -> HttpResponse:
    unit = _commune(code)
    limit = selectors.policy_for(unit).citizen_hourly_limit
    address = client_address(request)
    form = CitizenForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if services.submission_limit_reached(unit, address, limit):
            return _too_many(request, unit, limit)
        if form.is_valid():
            data = form.cleaned_data
            if data["website"]:  # a robot filled the field people do not see
                return render(request, "portal/petition_thanks.html", {"unit": unit})
            photo = data["photo"]
            if photo is not None and photo.size > services.MAX_PHOTO_BYTES:
                form.add_error("photo", services.photo_size_message())
            else:
                try:
                    services.submission_create(
                        commune=unit,
                        address=address,
                        limit=limit,
                        name=data["name"],
                        phone=data["phone"],
                        email=data["email"],
                        home=data["home"],
                        text=data["text"],
                        photo=photo.read() if photo is not None else None,
                    )
                except services.TooManySubmissions:
                    return _too_many(request, unit, limit)
                except ValidationError as exc:
                    form.add_service_errors(exc)
                else:
                    return render(request, "portal/petition_thanks.html", {"unit": unit})
    return render(request, "portal/petition_form.html", {"unit": unit, "form": form})


def petition_answers(request: HttpRequest, code: str) -> HttpResponse:
    unit = _commune(code)
    return render(
        request,
        "portal/petition_answers.html",
        {
            "unit": unit,
            "page": paginate(selectors.published_answers(unit), request.GET.get("trang"), 20),
            "title": _("Trả lời kiến nghị"),
        },
    )
