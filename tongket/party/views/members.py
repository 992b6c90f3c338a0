"""Member screens: the list (search, filters), a member's page with its events and the forms
that add to them, entry and import, transfers waiting for an answer, Huy hiệu Đảng."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tongket.lib.text import slug
from tongket.units.choices import Action, UnitKind
from tongket.units.downloads import xlsx_download
from tongket.units.models import Unit
from tongket.units.selectors import paginate
from tongket.units.web import run_action, save_form, show_errors

from .. import selectors, services
from ..choices import MemberStatus
from ..forms import (
    BadgeForm,
    DateForm,
    EventForm,
    GuestForm,
    ImportForm,
    MemberForm,
    MemberUpdateForm,
    MoveForm,
    TransferForm,
)
from ..selectors.members import LIST_FILTERS
from .common import place_for, place_in, post_and_return

STATUS_FILTERS = [
    ("", _("Đang sinh hoạt")),
    (MemberStatus.FULL, _("Chính thức")),
    (MemberStatus.PROBATIONARY, _("Dự bị")),
    ("exempt", _("Miễn sinh hoạt")),
    ("away", _("Sinh hoạt tạm thời nơi khác")),
    ("guests", _("Đến sinh hoạt tạm thời")),
    ("out", _("Đã ra khỏi danh sách")),
]


def _list_params(request: HttpRequest, place):
    status = request.GET.get("status", "")
    status = status if status in (*LIST_FILTERS, *MemberStatus.values) else ""
    cell = None
    raw = request.GET.get("cell", "")
    if raw.isdigit():
        cell = place.cells.filter(pk=raw).first()
    return request.GET.get("q", "").strip()[:100], cell, status


@login_required
def members(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    query, cell, status = _list_params(request, place)
    records = selectors.members_list(
        request.user, commune=place.commune, cell=cell, query=query, status=status
    )
    return render(
        request,
        "party/members.html",
        {
            "place": place,
            "page": paginate(records, request.GET.get("page")),
            "query": query,
            "cell": cell,
            "status": status,
            "filters": STATUS_FILTERS,
            "import_form": ImportForm() if place.can_edit else None,
        },
    )


@login_required
def members_export(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    query, cell, status = _list_params(request, place)
    records = selectors.members_list(
        request.user, commune=place.commune, cell=cell, query=query, status=status
    )
    data = selectors.members_xlsx(records, _("Danh sách đảng viên"))
    return xlsx_download(data, f"dang-vien-{slug(place.commune.name)}.xlsx")


@login_required
@require_POST
def members_import(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    if not place.can_edit:
        raise PermissionDenied
    back = f"{reverse('party:members')}?{place.query}"
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        show_errors(request, form.errors)
        return redirect(back)
    try:
        count = services.members_import_xlsx(
            commune=place.commune, data=form.cleaned_data["file"].read(), by=request.user
        )
    except ValidationError as exc:
        messages.error(request, _("Chưa nhập đảng viên nào vì tệp có lỗi:"))
        for message in exc.messages[:100]:
            messages.error(request, message)
        return redirect(back)
    messages.success(request, _("Đã nhập %(n)s đảng viên.") % {"n": count})
    return redirect(back)


@login_required
def member_create(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    if not place.can_edit:
        raise PermissionDenied
    form = MemberForm(request.POST or None, cells=place.cells)
    record = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.member_create(commune=place.commune, by=request.user, **d),
        _("Đã thêm đảng viên."),
    )
    if record:
        return redirect("party:member", pk=record.pk)
    return render(
        request,
        "party/form.html",
        {"form": form, "title": _("Thêm đảng viên"), "place": place},
    )


@login_required
def guest_create(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    if not place.can_edit:
        raise PermissionDenied
    form = GuestForm(request.POST or None, cells=place.cells)
    record = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.guest_create(commune=place.commune, by=request.user, **d),
        _("Đã ghi đảng viên đến sinh hoạt tạm thời."),
    )
    if record:
        return redirect("party:member", pk=record.pk)
    return render(
        request,
        "party/form.html",
        {"form": form, "title": _("Đảng viên đến sinh hoạt tạm thời"), "place": place},
    )


def _other_cells(record):
    """Chi bộ of the province's other communes a member may be transferred to."""
    province = record.commune.parent
    cells = Unit.objects.filter(kind=UnitKind.PARTY_CELL, valid_to__isnull=True)
    if province is not None:
        cells = cells.filter(path__startswith=province.path)
    return cells.exclude(parent=record.commune).select_related("parent").order_by("path")


@login_required
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.get_member_for(request.user, pk)
    place = place_in(request, record.commune)
    same_commune = (
        selectors.cells_of(record.commune).exclude(pk=record.cell_id).filter(valid_to__isnull=True)
    )
    return render(
        request,
        "party/member.html",
        {
            "page": selectors.member_page(record),
            "record": record,
            "place": place,
            "update_form": MemberUpdateForm(
                initial={
                    "card_number": record.card_number,
                    "education": record.education,
                    "note": record.note,
                }
            ),
            "event_form": EventForm(),
            "move_form": MoveForm(cells=same_commune),
            "transfer_form": TransferForm(cells=_other_cells(record)),
            "date_form": DateForm(),
            "badge_form": BadgeForm(),
        },
    )


def _record(request, pk):
    return selectors.get_member_for(request.user, pk, Action.EDIT)


def _back(record) -> str:
    return reverse("party:member", args=[record.pk])


@login_required
@require_POST
def member_update(request: HttpRequest, pk: int) -> HttpResponse:
    record = _record(request, pk)
    return post_and_return(
        request,
        MemberUpdateForm(request.POST),
        lambda d: services.member_update(record=record, by=request.user, **d),
        _("Đã lưu hồ sơ."),
        _back(record),
    )


@login_required
@require_POST
def member_event(request: HttpRequest, pk: int) -> HttpResponse:
    record = _record(request, pk)
    return post_and_return(
        request,
        EventForm(request.POST),
        lambda d: services.member_event_record(record=record, by=request.user, **d),
        _("Đã ghi sự kiện."),
        _back(record),
    )


@login_required
@require_POST
def member_move(request: HttpRequest, pk: int) -> HttpResponse:
    record = _record(request, pk)
    cells = selectors.cells_of(record.commune)
    return post_and_return(
        request,
        MoveForm(request.POST, cells=cells),
        lambda d: services.member_move_cell(record=record, by=request.user, **d),
        _("Đã chuyển chi bộ."),
        _back(record),
    )


@login_required
@require_POST
def member_transfer(request: HttpRequest, pk: int) -> HttpResponse:
    record = _record(request, pk)
    cells = Unit.objects.filter(kind=UnitKind.PARTY_CELL)
    return post_and_return(
        request,
        TransferForm(request.POST, cells=cells),
        lambda d: services.transfer_out(record=record, by=request.user, **d),
        _("Đã ghi chuyển sinh hoạt."),
        _back(record),
    )


@login_required
@require_POST
def member_return(request: HttpRequest, pk: int) -> HttpResponse:
    record = _record(request, pk)
    call = services.guest_end if record.status == MemberStatus.GUEST else services.member_return
    return post_and_return(
        request,
        DateForm(request.POST),
        lambda d: call(record=record, on=d["on"], by=request.user),
        _("Đã ghi kết thúc sinh hoạt tạm thời."),
        _back(record),
    )


@login_required
@require_POST
def member_badge(request: HttpRequest, pk: int) -> HttpResponse:
    record = _record(request, pk)
    return post_and_return(
        request,
        BadgeForm(request.POST),
        lambda d: services.badge_award(record=record, by=request.user, **d),
        _("Đã ghi trao Huy hiệu Đảng."),
        _back(record),
    )


@login_required
def transfers(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    if not place.whole:
        raise Http404
    return render(
        request,
        "party/transfers.html",
        {
            "place": place,
            "incoming": selectors.transfers_incoming(request.user).filter(
                to_cell__parent=place.commune
            ),
            "outgoing": selectors.transfers_outgoing(request.user).filter(
                from_cell__parent=place.commune
            )[:100],
        },
    )


@login_required
@require_POST
def transfer_answer(request: HttpRequest, pk: int, answer: str) -> HttpResponse:
    transfer = selectors.get_transfer_for_receiver(request.user, pk)
    if answer not in ("nhan", "tu-choi"):
        raise Http404
    if answer == "nhan":
        run_action(
            request,
            lambda: services.transfer_accept(transfer=transfer, by=request.user),
            _("Đã tiếp nhận đảng viên."),
        )
    else:
        run_action(
            request,
            lambda: services.transfer_refuse(
                transfer=transfer, by=request.user, note=request.POST.get("note", "")
            ),
            _("Đã trả lời không tiếp nhận."),
        )
    return redirect(f"{reverse('party:transfers')}?commune={transfer.to_cell.parent_id}")


@login_required
def badges(request: HttpRequest) -> HttpResponse:
    place = place_for(request)
    records = selectors.members_list(request.user, commune=place.commune)
    return render(
        request,
        "party/badges.html",
        {
            "place": place,
            "badges": selectors.badges_due(place.commune, records),
            "form": BadgeForm() if place.can_decide else None,
        },
    )
