"""The year's quality ratings: self-assessments, the chi bộ's proposals, the Đảng ủy's
decision (with the cap message), the results per chi bộ and for the Đảng bộ, .xlsx."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.lib.dates import DateFormatError, parse_date
from tongket.units import access
from tongket.units.downloads import xlsx_download

from .. import selectors, services
from ..choices import Level, Subject
from ..forms import ProposeForm, SelfAssessForm
from ..models import QualityRating
from .common import place_for, post_and_return, year_of


def _cell(request, place):
    raw = request.GET.get("cell", "")
    cell = place.cells.filter(pk=raw).first() if raw.isdigit() else None
    if cell is None and not place.whole:
        cell = place.cells.first()
    return cell


def _back(place, year, cell=None) -> str:
    url = f"{reverse('party:ratings')}?{place.query}&year={year}"
    return f"{url}&cell={cell.pk}" if cell is not None else url


@login_required
def ratings(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    year = year_of(request)
    cell = _cell(request, place)
    return render(
        request,
        "party/ratings.html",
        {
            "place": place,
            "year": year,
            "cell": cell,
            "page": selectors.ratings_page(request.user, place.commune, year, cell),
            "levels": Level.choices,
            "self_form": SelfAssessForm(),
            "propose_form": ProposeForm(),
        },
    )


@login_required
def ratings_xlsx(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    year = year_of(request)
    page = selectors.ratings_page(request.user, place.commune, year, _cell(request, place))
    return xlsx_download(selectors.ratings_xlsx(page), f"xep-loai-chat-luong-{year}.xlsx")


def _target(request, subject: str, pk: int, place):
    """The member or the organisation a self-assessment is for (party side; 404 outside)."""
    if subject == Subject.MEMBER:
        return {"member": selectors.get_member_for(request.user, pk)}
    if subject == Subject.CELL:
        return {"unit": selectors.party_unit_for(request.user, pk)}
    if pk != place.commune.pk:
        raise ValidationError(_("Đảng bộ không hợp lệ."))
    return {"unit": place.commune}


@login_required
@require_POST
def rating_self(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    year = year_of(request)
    form = SelfAssessForm(request.POST)
    return post_and_return(
        request,
        form,
        lambda d: services.rating_self_assess(
            subject=d["subject"],
            year=year,
            points=d["points"],
            level=d["level"],
            note=d["note"],
            by=request.user,
            **_target(request, d["subject"], d["target"], place),
        ),
        _("Đã ghi bản tự đánh giá."),
        _back(place, year, _cell(request, place)),
    )


@login_required
@require_POST
def rating_propose(request: HttpRequest, pk: int) -> HttpResponse:
    rating = _rating(request, pk)
    place = place_for(request)
    return post_and_return(
        request,
        ProposeForm(request.POST),
        lambda d: services.rating_propose(rating=rating, by=request.user, **d),
        _("Đã ghi đề xuất của chi bộ."),
        _back(place, rating.year, _cell(request, place)),
    )


def _rating(request, pk) -> QualityRating:
    return access.get_for(QualityRating.objects.select_related("commune", "unit"), request.user, pk)


@login_required
@require_POST
def ratings_decide(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    year = year_of(request)
    back = _back(place, year)
    levels = {
        int(key.removeprefix("level_")): value
        for key, value in request.POST.items()
        if key.startswith("level_") and key.removeprefix("level_").isdigit() and value
    }
    try:
        decided_on = parse_date(request.POST.get("decided_on", ""))
    except DateFormatError as exc:
        messages.error(request, _("Ngày quyết định: %(e)s") % {"e": exc})
        return redirect(back)
    if not levels:
        messages.error(request, _("Chưa chọn mức xếp loại nào."))
        return redirect(back)
    try:
        decided = services.ratings_decide(
            commune=place.commune, year=year, levels=levels, decided_on=decided_on, by=request.user
        )
    except ValidationError as exc:
        messages.error(request, _("Chưa ghi quyết định nào:"))
        for message in exc.messages:
            messages.error(request, message)
        return redirect(back)
    messages.success(
        request, _("Đã ghi quyết định xếp loại cho %(n)s trường hợp.") % {"n": len(decided)}
    )
    return redirect(back)
