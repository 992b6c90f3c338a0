"""Screens for units, people, accounts, roles and the audit log. Views parse input, call one
service or selector, and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import access, audit_text, selectors, services, worklist
from . import audit as audit_log
from .choices import Action, Side
from .forms import (
    GrantForm,
    PersonForm,
    PositionForm,
    SetPasswordForm,
    UnitForm,
    UserCreateForm,
    UserUpdateForm,
)
from .models import Person, RoleGrant, Unit, User
from .security import twofactor
from .web import save_form


def unit_url(unit: Unit) -> str:
    return reverse("units:detail", args=[unit.pk])


def person_url(person: Person) -> str:
    return reverse("units:person", args=[person.pk])


def _query(request: HttpRequest) -> str:
    return request.GET.get("q", "")[:100]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    grants = RoleGrant.objects.filter(user=request.user).select_related("unit")
    items = worklist.work_items(request.user)
    return render(request, "units/home.html", {"grants": grants, "work_items": items})


@login_required
def tree(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    context = {"query": query}
    if query.strip():
        context["hits"] = selectors.unit_search(request.user, query)
    else:
        context["nodes"] = selectors.unit_tree(request.user)
    return render(request, "units/tree.html", context)


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, pk)
    return render(
        request,
        "units/unit_detail.html",
        {
            "page": selectors.unit_page(unit),
            "can_administer": access.can(request.user, Action.ADMINISTER, unit),
            "can_edit": access.can(request.user, Action.EDIT, unit),
        },
    )


@login_required
def people(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = access.get_unit_for(request.user, request.GET["unit"])
    listing = selectors.people_list(request.user, query, unit)
    return render(
        request,
        "units/people.html",
        {
            "query": query,
            "unit": unit,
            "page": selectors.paginate(listing, request.GET.get("page")),
            "can_edit": access.can_anywhere(request.user, Action.EDIT),
        },
    )


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.get_for(Person.objects.select_related("unit"), request.user, pk)
    context = selectors.person_page(person)
    context["can_edit"] = access.can(request.user, Action.EDIT, person.unit)
    return render(request, "units/person_detail.html", context)


def _form_view(request: HttpRequest, form, *, call, done: str, then, title: str, **context):
    """The shape of every create/edit screen: show the form; on POST run the service, then
    redirect to `then(saved_object)`, or show the form again with its errors."""
    if request.method == "POST":
        saved = save_form(request, form, call, done)
        if saved:
            return redirect(then(saved))
    return render(request, "units/form.html", {"form": form, "title": title, **context})


# Administration -------------------------------------------------------------------------


@login_required
def admin_home(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.ADMINISTER):
        raise PermissionDenied
    return render(
        request,
        "units/admin_home.html",
        {"roots": access.root_units_for(request.user, Action.ADMINISTER)},
    )


@login_required
def unit_create(request: HttpRequest) -> HttpResponse:
    parents = selectors.units_choices(request.user, Action.ADMINISTER)
    if not access.is_superuser(request.user) and not parents.exists():
        raise PermissionDenied
    initial = {}
    if request.GET.get("parent", "").isdigit():
        initial["parent"] = request.GET["parent"]
    form = UnitForm(request.POST or None, parents=parents, initial=initial)
    return _form_view(
        request,
        form,
        call=lambda d: services.unit_create(
            by=request.user, **{k: v for k, v in d.items() if k != "merged_into"}
        ),
        done=_("Đã tạo đơn vị."),
        then=lambda unit: unit_url(unit),
        title=_("Thêm đơn vị"),
    )


@login_required
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, pk, Action.ADMINISTER)
    parents = selectors.units_choices(request.user, Action.ADMINISTER).exclude(
        path__startswith=unit.path
    )
    if unit.parent_id:
        parents = parents | Unit.objects.filter(pk=unit.parent_id)
    initial = {
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "parent": unit.parent_id,
        "address": unit.address,
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
        "merged_into": unit.merged_into_id,
    }
    form = UnitForm(
        request.POST or None,
        parents=parents,
        merge_targets=selectors.units_choices(request.user).exclude(path__startswith=unit.path),
        initial=initial,
    )
    return _form_view(
        request,
        form,
        call=lambda d: services.unit_update(unit=unit, by=request.user, **d),
        done=_("Đã lưu đơn vị."),
        then=unit_url,
        title=_("Sửa đơn vị"),
        unit=unit,
    )


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    units = selectors.units_choices(request.user, Action.EDIT)
    if not access.is_superuser(request.user) and not units.exists():
        raise PermissionDenied
    initial = {"unit": request.GET["unit"]} if request.GET.get("unit", "").isdigit() else {}
    form = PersonForm(request.POST or None, units=units, initial=initial)
    return _form_view(
        request,
        form,
        call=lambda d: services.person_create(by=request.user, **d),
        done=_("Đã thêm người."),
        then=person_url,
        title=_("Thêm người"),
    )


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.get_for(Person.objects.all(), request.user, pk, Action.EDIT)
    units = selectors.units_choices(request.user, Action.EDIT)
    initial = {name: getattr(person, name) for name in PersonForm.base_fields}
    initial["unit"] = person.unit_id
    form = PersonForm(request.POST or None, units=units, initial=initial)
    return _form_view(
        request,
        form,
        call=lambda d: services.person_update(person=person, by=request.user, **d),
        done=_("Đã lưu."),
        then=person_url,
        title=_("Sửa thông tin người"),
    )


@login_required
def position_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.get_for(Person.objects.all(), request.user, pk)
    units = selectors.units_choices(request.user, Action.EDIT)
    if not access.is_superuser(request.user) and not units.exists():
        raise PermissionDenied
    form = PositionForm(request.POST or None, units=units, initial={"unit": person.unit_id})
    return _form_view(
        request,
        form,
        call=lambda d: services.position_create(person=person, by=request.user, **d),
        done=_("Đã thêm chức vụ."),
        then=lambda position: person_url(position.person),
        title=_("Thêm chức vụ cho %s") % person.full_name,
    )


@login_required
def accounts(request: HttpRequest) -> HttpResponse:
    if not access.can_anywhere(request.user, Action.ADMINISTER):
        raise PermissionDenied
    query = _query(request)
    listing = selectors.accounts_list(request.user, query)
    return render(
        request,
        "units/accounts.html",
        {"query": query, "page": selectors.paginate(listing, request.GET.get("page"))},
    )


@login_required
def account_create(request: HttpRequest) -> HttpResponse:
    units = selectors.units_choices(request.user, Action.ADMINISTER)
    if not access.is_superuser(request.user) and not units.exists():
        raise PermissionDenied
    people_qs = access.restrict(
        Person.objects.filter(account__isnull=True), request.user, Action.ADMINISTER
    )
    form = UserCreateForm(request.POST or None, units=units, people=people_qs)
    return _form_view(
        request,
        form,
        call=lambda d: services.user_create(by=request.user, **d),
        done=_("Đã tạo tài khoản."),
        then=lambda user: reverse("units:account", args=[user.pk]),
        title=_("Tạo tài khoản"),
    )


@login_required
def account_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = access.get_for(
        User.objects.select_related("unit", "person"), request.user, pk, Action.ADMINISTER
    )
    update_form = UserUpdateForm(
        request.POST if request.POST.get("form") == "update" else None,
        initial={"is_active": account.is_active, "email": account.email},
        prefix="u",
    )
    password_form = SetPasswordForm(
        request.POST if request.POST.get("form") == "password" else None, prefix="p"
    )
    grant_form = GrantForm(
        request.POST if request.POST.get("form") == "grant" else None,
        units=selectors.units_choices(request.user, Action.ADMINISTER),
        prefix="g",
    )
    if request.method == "POST":
        which = request.POST.get("form")
        done = None
        if which == "update":
            done = save_form(
                request,
                update_form,
                lambda d: services.user_update(user=account, by=request.user, **d),
                _("Đã lưu tài khoản."),
            )
        elif which == "password":
            done = save_form(
                request,
                password_form,
                lambda d: services.user_set_password(
                    user=account, password=d["password"], by=request.user
                ),
                _("Đã đặt mật khẩu."),
            )
        elif which == "grant":
            done = save_form(
                request,
                grant_form,
                lambda d: services.role_grant(user=account, by=request.user, **d),
                _("Đã phân quyền."),
            )
        else:
            messages.error(request, _("Biểu mẫu không hợp lệ."))
        if done:
            return redirect("units:account", pk=account.pk)
    grants = RoleGrant.objects.filter(user=account).select_related("unit")
    return render(
        request,
        "units/account_detail.html",
        {
            "account": account,
            "grants": grants,
            "update_form": update_form,
            "password_form": password_form,
            "grant_form": grant_form,
            "two_factor": twofactor.has_two_factor(account),
        },
    )


@login_required
@require_POST
def grant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    grant = access.get_for(
        RoleGrant.objects.select_related("unit", "user"), request.user, pk, Action.ADMINISTER
    )
    services.role_revoke(grant=grant, by=request.user)
    messages.success(request, _("Đã thu hồi quyền."))
    return redirect("units:account", pk=grant.user_id)


@login_required
def audit(request: HttpRequest) -> HttpResponse:
    if not any(access.can_anywhere(request.user, Action.AUDIT, side) for side in Side.values):
        raise PermissionDenied
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = access.get_unit_for(request.user, request.GET["unit"], Action.AUDIT)
    page = selectors.paginate(selectors.audit_log(request.user, unit), request.GET.get("page"))
    lines = audit_text.readable(page.object_list)
    return render(request, "units/audit.html", {"page": page, "lines": lines, "unit": unit})


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change, with the change recorded in the audit log."""

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            audit_log.record(
                by=self.request.user, action="update", obj=self.request.user, verb="change_password"
            )
        return response
