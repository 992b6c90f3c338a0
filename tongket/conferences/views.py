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

from tongket.emulation.forms import AwardRecordForm
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.web import run_action, save_form, show_errors, year_param

from . import selectors, services
from .choices import ConferenceKind, Organisers
from .forms import (
    AwardDecisionsForm,
    AwardRecordsForm,
    ConferenceForm,
    GuestForm,
    NamedGuestForm,
    PhotoForm,
    PhotoPlaceForm,
    ReportNumberForm,
    SpeechForm,
)

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
    "title",
    "headline",
    "discussion",
    "author_name",
    "author_unit",
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
    record_choices = selectors.award_record_choices(conference, request.user)
    records = list(selectors.awarded_records(conference, request.user))
    return render(
        request,
        "conferences/detail.html",
        {
            "conference": conference,
            "can_edit": can_edit,
            "guest_form": GuestForm(people=selectors.guest_candidates(conference.unit)),
            "named_guest_form": NamedGuestForm(),
            "speech_form": SpeechForm(guests=conference.guests.all()),
            "photo_form": PhotoForm(),
            "place_form": PhotoPlaceForm,
            "awards_form": AwardDecisionsForm(choices=choices, initial={"decisions": awarded})
            if choices.exists()
            else None,
            "awarded": awarded,
            "records_form": AwardRecordsForm(choices=record_choices, initial={"records": records})
            if record_choices.exists()
            else None,
            "records": records,
            "record_form": AwardRecordForm(initial={"year": conference.year}),
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
    caption, placement = form.cleaned_data["caption"], form.cleaned_data["placement"]
    run_action(
        request,
        lambda: services.photo_add(
            conference=conference, data=data, caption=caption, placement=placement, by=request.user
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


@login_required
@require_POST
def guest_add_named(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    form = NamedGuestForm(request.POST)
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("conferences:detail", pk=pk)
    data = form.cleaned_data
    run_action(
        request,
        lambda: services.guest_add_named(
            conference=conference, name=data["name"], title=data["title"], by=request.user
        ),
        _("Đã thêm khách mời: %(guest)s.") % {"guest": data["name"]},
    )
    return redirect("conferences:detail", pk=pk)


@login_required
@require_POST
def speech_add(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    form = SpeechForm(request.POST, guests=conference.guests.all())
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("conferences:detail", pk=pk)
    data = form.cleaned_data
    run_action(
        request,
        lambda: services.speech_add(
            conference=conference,
            kind=data["kind"],
            guest=data["guest"],
            speaker_name=data["speaker_name"],
            speaker_title=data["speaker_title"],
            content=data["content"],
            by=request.user,
        ),
        _("Đã ghi phát biểu."),
    )
    return redirect("conferences:detail", pk=pk)


@login_required
@require_POST
def speech_remove(request: HttpRequest, pk: int, speech_pk: int) -> HttpResponse:
    speech = selectors.get_speech_for(request.user, pk, speech_pk, Action.EDIT)
    services.speech_remove(speech=speech, by=request.user)
    messages.success(request, _("Đã bỏ phát biểu."))
    return redirect("conferences:detail", pk=pk)


@login_required
@require_POST
def photo_place(request: HttpRequest, pk: int, photo_pk: int) -> HttpResponse:
    photo = selectors.get_photo_for(request.user, pk, photo_pk, Action.EDIT)
    form = PhotoPlaceForm(request.POST)
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("conferences:detail", pk=pk)
    run_action(
        request,
        lambda: services.photo_place(
            photo=photo, placement=form.cleaned_data["placement"], by=request.user
        ),
        _("Đã đặt vị trí ảnh trong tin bài."),
    )
    return redirect("conferences:detail", pk=pk)


@login_required
@require_POST
def award_records(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    form = AwardRecordsForm(
        request.POST, choices=selectors.award_record_choices(conference, request.user)
    )
    if not form.is_valid():
        messages.error(request, _("Quyết định khen thưởng đã chọn không hợp lệ."))
        return redirect("conferences:detail", pk=pk)
    chosen = [record.pk for record in form.cleaned_data["records"]]
    run_action(
        request,
        lambda: services.award_records_set(
            conference=conference, record_ids=chosen, by=request.user
        ),
        _("Đã lưu các khen thưởng đã trao."),
    )
    return redirect("conferences:detail", pk=pk)


@login_required
@require_POST
def award_record_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A decision by count entered on the conference page and marked handed out here."""
    conference = selectors.get_conference_for(request.user, pk, Action.EDIT)
    form = AwardRecordForm(request.POST)
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect("conferences:detail", pk=pk)
    fields = form.record_fields()
    run_action(
        request,
        lambda: services.award_record_add(conference=conference, by=request.user, **fields),
        _("Đã ghi quyết định khen thưởng theo số lượng."),
    )
    return redirect("conferences:detail", pk=pk)
