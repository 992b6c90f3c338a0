"""Screens of the movements stage: movements, clusters, their pledges, signatures and the
year-end scoring."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.lib.numbers import NumberFormatError, parse_number
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit
from tongket.units.web import save_form

from .. import selectors, services
from ..forms import ClusterForm, MovementForm, PledgeForm, SignForm
from .common import form_page, units_for


@login_required
def movements(request: HttpRequest) -> HttpResponse:
    form = MovementForm(request.POST or None, units=units_for(request, Action.EDIT))
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.movement_create(by=request.user, **d),
        _("Đã phát động phong trào."),
    ):
        return redirect("emulation:movements")
    return render(
        request,
        "emulation/movements.html",
        {
            "movements": selectors.movements_list(request.user),
            "form": form if access.can_anywhere(request.user, Action.EDIT) else None,
        },
    )


@login_required
def clusters(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "emulation/clusters.html",
        {
            "clusters": selectors.clusters_list(request.user),
            "can_edit": access.can_anywhere(request.user, Action.EDIT),
        },
    )


@login_required
def cluster_create(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.EDIT):
        raise PermissionDenied
    form = ClusterForm(
        request.POST or None,
        units=units_for(request, Action.EDIT),
        members=units_for(request, Action.VIEW),
    )
    cluster = request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.cluster_create(by=request.user, **d),
        _("Đã lập cụm, khối thi đua."),
    )
    if cluster:
        return redirect("emulation:cluster", pk=cluster.pk)
    return form_page(request, form, _("Lập cụm, khối thi đua"))


@login_required
def cluster_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = selectors.get_cluster_for(request.user, pk)
    page = selectors.cluster_page(cluster)
    return render(
        request,
        "emulation/cluster.html",
        {
            "cluster": cluster,
            "members": page.members,
            "rankings": page.rankings,
            "can_edit": access.can(request.user, Action.EDIT, cluster.unit),
            "can_enter": access.can_anywhere(request.user, Action.ENTER),
        },
    )


@login_required
def pledge_create(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = selectors.get_cluster_for(request.user, pk, Action.EDIT)
    form = PledgeForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.pledge_create(cluster=cluster, by=request.user, **d),
        _("Đã lập giao ước thi đua."),
    ):
        return redirect("emulation:cluster", pk=cluster.pk)
    return form_page(request, form, _("Giao ước thi đua của %(c)s") % {"c": cluster.name})


@login_required
def pledge_sign(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = selectors.get_pledge_for(request.user, pk)
    units = units_for(request, Action.ENTER).filter(emulation_clusters=pledge.cluster)
    if not units.exists():
        raise PermissionDenied
    form = SignForm(request.POST or None, units=units, initial={"signed_on": timezone.localdate()})
    if request.method == "POST" and save_form(
        request,
        form,
        lambda d: services.pledge_sign(pledge=pledge, by=request.user, **d),
        _("Đã ghi nhận chữ ký giao ước."),
    ):
        return redirect("emulation:cluster", pk=pledge.cluster_id)
    return form_page(request, form, _("Ký giao ước: %(p)s") % {"p": pledge.title})


@login_required
def pledge_score(request: HttpRequest, pk: int) -> HttpResponse:
    """The cluster's year-end scoring: one row per member, one column per criterion, saved
    all at once or not at all."""
    pledge = selectors.get_pledge_for(request.user, pk, Action.EDIT)
    grid = selectors.pledge_grid(pledge)
    errors: list[str] = []
    if request.method == "POST":
        points, errors = _posted_points(request, grid)
        if not errors:
            try:
                services.pledge_grid_save(pledge=pledge, grid=points, by=request.user)
            except ValidationError as exc:
                errors = exc.messages
        if not errors:
            messages.success(request, _("Đã lưu điểm chấm."))
            return redirect("emulation:cluster", pk=pledge.cluster_id)
    return render(
        request,
        "emulation/pledge_score.html",
        {"pledge": pledge, "criteria": grid.criteria, "grid": grid.rows, "errors": errors},
    )


def _posted_points(
    request: HttpRequest, grid: selectors.PledgeGrid
) -> tuple[dict[Unit, dict[int, Decimal]], list[str]]:
    """The points typed in the grid, by member and criterion (blank cells left out), and a
    message for each cell that is not a number."""
    points: dict[Unit, dict[int, Decimal]] = {}
    errors = []
    for member in grid.members:
        for criterion in grid.criteria:
            raw = request.POST.get(f"s-{member.pk}-{criterion.pk}", "").strip()
            if not raw:
                continue
            try:
                points.setdefault(member, {})[criterion.pk] = parse_number(raw)
            except NumberFormatError as exc:
                errors.append(f"{member.name}: {exc}")
    return points, errors
