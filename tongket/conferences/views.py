"""Conference screens: list, create, edit, guests, photos, award decisions. Thin: parse,
call one service or selector, render."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.web import run_action, save_form, show_errors, year_param

from . import selectors, services
from .choices import ConferenceKind, Organisers
from .forms import AwardDecisionsForm, ConferenceForm, GuestForm, PhotoForm, ReportNumberForm

FIELDS = (
    "kind",
    "organisers",
    "year",
    "date",
    "start_time",
    "venue",
    "chair",
    "signer",
    "party_signer",
    "agenda",
    "reports_presented",
    "pledges",
    "shortcomings",
    "directions",
)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    year = year_param(request)
    conferences = selectors.conference_list(request.user, year=year)
    return render(
        request,
        "conferences/index.html",
        {
            "conferences": conferences[:200],
            "year": year,
            "can_create": selectors.communes_for(request.user).exists(),
        },
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    units = selectors.communes_for(request.user)
    if not units.exists():
        raise PermissionDenied(_("Bạn không có quyền tổ chức hội nghị ở đơn vị nào."))
    today = datetime.date.today()
    initial = {
        "kind": ConferenceKind.YEAR_REVIEW,
        "organisers": Organisers.BOTH,
        "year": today.year - 1 if today.month < 7 else today.year,
        "start_time": datetime.time(8, 0),
    }
    if units.count() == 1:
        initial["unit"] = units.first()
    form = ConferenceForm(
        request.POST or None,
        units=units,
        people=selectors.people_for_conferences(request.user),
        initial=initial,
    )
    if request.method == "POST":
        conference = save_form(
            request,
            form,
            lambda d: services.conference_create(
                unit=d["unit"], by=request.user, **{name: d[name] for name in FIELDS}
            ),
            _("Đã tạo hội nghị."),
        )
        if conference:
            return redirect("conferences:detail", pk=conference.pk)
    return render(request, "conferences/form.html", {"form": form, "title": _("Thêm hội nghị")})


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    initial = {name: getattr(conference, name) for name in FIELDS}
    form = ConferenceForm(
        request.POST or None,
        units=selectors.communes_for(request.user),
        people=selectors.people_for_conferences(request.user, conference.unit),
        initial=initial,
        lock_unit=True,
    )
    if request.method == "POST":
        saved = save_form(
            request,
            form,
            lambda d: services.conference_update(
                conference=conference, by=request.user, **{name: d[name] for name in FIELDS}
            ),
            _("Đã lưu hội nghị."),
        )
        if saved:
            return redirect("conferences:detail", pk=conference.pk)
    return render(
        request,
        "conferences/form.html",
        {"form": form, "title": _("Sửa hội nghị"), "conference": conference},
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    can_edit = access.can(request.user, Action.EDIT, conference.unit)
    choices = selectors.award_decision_choices(conference, request.user)
    awarded = list(selectors.awarded_decisions(conference, request.user))
    return render(
        request,
        "conferences/detail.html",
        {
            "conference": conference,
            "can_edit": can_edit,
            "guest_form": GuestForm(people=selectors.guest_candidates(conference.unit)),
            "photo_form": PhotoForm(),
            "awards_form": AwardDecisionsForm(choices=choices, initial={"decisions": awarded})
            if choices.exists()
            else None,
            "awarded": awarded,
            "numbers": [
                (layout, label, services.report_number_text(conference, layout))
                for layout, label in REPORT_LAYOUTS
            ],
            "number_form": ReportNumberForm(),
        },
    )


REPORT_LAYOUTS = (("state", _("UBND")), ("party", _("Đảng ủy")))


@login_required
@require_POST
def report_number(request: HttpRequest, pk: int, layout: str) -> HttpResponse:
    """Give the report of one layout its number from the body's book."""
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    form = ReportNumberForm(request.POST)
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("conferences:detail", pk=pk)
    issued = run_action(
        request,
        lambda: services.report_number_take(
            conference=conference,
            layout=layout,
            number=form.cleaned_data["number"],
            by=request.user,
        ),
        _("Đã cấp số báo cáo."),
    )
    if issued is not None:
        messages.success(request, _("Số báo cáo: %(number)s.") % {"number": issued})
    return redirect("conferences:detail", pk=pk)


@login_required
@require_POST
def guest_add(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    form = GuestForm(request.POST, people=selectors.guest_candidates(conference.unit))
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("conferences:detail", pk=pk)
    person = form.cleaned_data["person"]
    run_action(
        request,
        lambda: services.guest_add(conference=conference, person=person, by=request.user),
        _("Đã thêm khách mời: %(guest)s.") % {"guest": person.full_name},
    )
    return redirect("conferences:detail", pk=pk)


@login_required
@require_POST
def guest_remove(request: HttpRequest, pk: int, guest_pk: int) -> HttpResponse:
    guest = selectors.get_guest_for(request.user, pk, guest_pk, Action.EDIT)
    services.guest_remove(guest=guest, by=request.user)
    messages.success(request, _("Đã bỏ khách mời."))
    return redirect("conferences:detail", pk=pk)


@login_required
@require_POST
def photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("conferences:detail", pk=pk)
    upload = form.cleaned_data["image"]
    if upload.size > services.MAX_PHOTO_BYTES:
        # Refused before reading, so a huge upload is never held in memory.
        messages.error(
            request,
            _("Ảnh quá lớn; chỉ nhận ảnh đến %(limit)s MB.")
            % {"limit": services.MAX_PHOTO_BYTES // 1024 // 1024},
        )
        return redirect("conferences:detail", pk=pk)
    data = upload.read()
    caption = form.cleaned_data["caption"]
    run_action(
        request,
        lambda: services.photo_add(
            conference=conference, data=data, caption=caption, by=request.user
        ),
        _("Đã thêm ảnh."),
    )
    return redirect("conferences:detail", pk=pk)


@login_required
@require_POST
def photo_delete(request: HttpRequest, pk: int, photo_pk: int) -> HttpResponse:
    photo = selectors.get_photo_for(request.user, pk, photo_pk, Action.EDIT)
    services.photo_delete(photo=photo, by=request.user)
    messages.success(request, _("Đã xóa ảnh."))
    return redirect("conferences:detail", pk=pk)


@login_required
def photo_file(request: HttpRequest, pk: int, photo_pk: int) -> FileResponse:
    photo = selectors.get_photo_for(request.user, pk, photo_pk)
    return FileResponse(photo.image.open("rb"), content_type=photo.content_type)


@login_required
@require_POST
def award_decisions(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    form = AwardDecisionsForm(
        request.POST, choices=selectors.award_decision_choices(conference, request.user)
    )
    if not form.is_valid():
        messages.error(request, _("Quyết định khen thưởng đã chọn không hợp lệ."))
        return redirect("conferences:detail", pk=pk)
    chosen = [decision.pk for decision in form.cleaned_data["decisions"]]
    run_action(
        request,
        lambda: services.award_decisions_set(
            conference=conference, decision_ids=chosen, by=request.user
        ),
        _("Đã lưu các quyết định khen thưởng đã trao."),
    )
    return redirect("conferences:detail", pk=pk)
