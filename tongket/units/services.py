"""Every write to units, people, positions, accounts and roles. Each service checks the
caller's right through the access layer, validates, saves and records the audit row in one
transaction; a ValidationError leaves nothing saved."""

from __future__ import annotations

import datetime

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from . import access, audit, worklist
from .choices import ALLOWED_PARENT_KINDS, Action, Role, Side, UnitKind, role_from_title
from .messages import full_clean
from .models import PATH_SEPARATOR, Person, Position, RoleGrant, Unit, User
from .validators import check_model_text


def _check_parent(*, kind: str, parent: Unit | None) -> None:
    allowed = ALLOWED_PARENT_KINDS.get(kind)
    if allowed is None:
        raise ValidationError({"kind": _("Loại đơn vị không hợp lệ.")})
    parent_kind = parent.kind if parent else None
    if parent_kind not in allowed:
        if parent is None:
            raise ValidationError({"parent": _("Loại đơn vị này phải có đơn vị cấp trên.")})
        raise ValidationError(
            {
                "parent": _("Không thể đặt %(kind)s dưới %(parent)s.")
                % {"kind": UnitKind(kind).label.lower(), "parent": parent.name}
            }
        )


def _check_code_free(code: str, exclude_pk: int | None = None) -> None:
    clash = Unit.objects.filter(code=code)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError({"code": _("Mã đơn vị “%(code)s” đã được dùng.") % {"code": code}})


def _require_admin_of(by: User, parent: Unit | None) -> None:
    if parent is None:
        if not access.is_superuser(by):
            raise access.PermissionDenied(_("Chỉ quản trị hệ thống mới tạo được đơn vị gốc."))
        return
    access.require(by, Action.ADMINISTER, parent)


@transaction.atomic
def unit_create(
    *,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None,
    by: User,
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
    address: str = "",
) -> Unit:
    _require_admin_of(by, parent)
    code, name = code.strip(), name.strip()
    _check_code_free(code)
    _check_parent(kind=kind, parent=parent)
    unit = Unit(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
        address=address,
        path="?",
        depth=(parent.depth + 1) if parent else 0,
    )
    full_clean(unit, exclude=["path"])
    check_model_text(unit)
    unit.save()
    unit.path = f"{parent.path if parent else PATH_SEPARATOR}{unit.pk}{PATH_SEPARATOR}"
    unit.save(update_fields=["path"])
    audit.record(
        by=by,
        action="create",
        obj=unit,
        changes={
            key: [None, value]
            for key, value in audit.snapshot(unit).items()
            if value not in (None, "")
        },
    )
    return unit


@transaction.atomic
def unit_update(
    *,
    unit: Unit,
    by: User,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None,
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
    merged_into: Unit | None = None,
    address: str = "",
) -> Unit:
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    access.require(by, Action.ADMINISTER, unit)
    moving = (parent.pk if parent else None) != unit.parent_id
    if moving:
        _require_admin_of(by, parent)
        if parent is not None and parent.path.startswith(unit.path):
            raise ValidationError(
                {"parent": _("Không thể đặt đơn vị dưới chính nó hoặc đơn vị cấp dưới của nó.")}
            )
    code, name = code.strip(), name.strip()
    _check_code_free(code, exclude_pk=unit.pk)
    _check_parent(kind=kind, parent=parent)
    if merged_into is not None and merged_into.path.startswith(unit.path):
        raise ValidationError(
            {"merged_into": _("Không thể sáp nhập vào chính nó hoặc đơn vị cấp dưới của nó.")}
        )
    before = audit.snapshot(unit)
    old_path = unit.path
    unit.code, unit.name, unit.kind, unit.parent = code, name, kind, parent
    unit.valid_from, unit.valid_to, unit.merged_into = valid_from, valid_to, merged_into
    unit.address = address
    if moving:
        unit.path = f"{parent.path if parent else PATH_SEPARATOR}{unit.pk}{PATH_SEPARATOR}"
        unit.depth = (parent.depth + 1) if parent else 0
    audit.update(unit, before, by=by)
    if moving:
        depth_change = unit.depth - (len(old_path.strip(PATH_SEPARATOR).split(PATH_SEPARATOR)) - 1)
        Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk).update(
            path=Concat(Value(unit.path), Substr("path", len(old_path) + 1)),
            depth=F("depth") + depth_change,
        )
    return unit


@transaction.atomic
def unit_merge(*, unit: Unit, into: Unit, on: datetime.date, by: User) -> Unit:
    """End a unit on a date because it merged into another; its data stays readable under it."""
    return unit_update(
        unit=unit,
        by=by,
        code=unit.code,
        name=unit.name,
        kind=unit.kind,
        parent=unit.parent,
        valid_from=unit.valid_from,
        valid_to=on,
        merged_into=into,
        address=unit.address,
    )


@transaction.atomic
def person_create(
    *,
    full_name: str,
    unit: Unit,
    by: User,
    gender: str = "",
    birth_date: datetime.date | None = None,
    phone: str = "",
    email: str = "",
    note: str = "",
) -> Person:
    access.require(by, Action.EDIT, unit)
    person = Person(
        full_name=full_name.strip(),
        unit=unit,
        gender=gender,
        birth_date=birth_date,
        phone=phone,
        email=email,
        note=note,
    )
    return audit.create(person, by=by)


@transaction.atomic
def person_update(*, person: Person, by: User, **fields) -> Person:
    person = Person.objects.select_for_update().get(pk=person.pk)
    access.require(by, Action.EDIT, person.unit)
    if "unit" in fields:
        access.require(by, Action.EDIT, fields["unit"])
    before = audit.snapshot(person)
    for name, value in fields.items():
        setattr(person, name, value.strip() if name == "full_name" else value)
    return audit.update(person, before, by=by)


@transaction.atomic
def position_create(
    *,
    person: Person,
    unit: Unit,
    title: str,
    start_date: datetime.date,
    by: User,
    end_date: datetime.date | None = None,
    role: str = "",
) -> Position:
    """A position held from start_date; its role (what documents sign by) is read from the
    title when not given."""
    access.require(by, Action.EDIT, unit)
    access.require(by, Action.VIEW, person.unit)
    position = Position(
        person=person,
        unit=unit,
        title=title.strip(),
        role=role or role_from_title(title),
        start_date=start_date,
        end_date=end_date,
    )
    return audit.create(position, by=by)


@transaction.atomic
def position_end(*, position: Position, end_date: datetime.date, by: User) -> Position:
    access.require(by, Action.EDIT, position.unit)
    before = audit.snapshot(position)
    position.end_date = end_date
    return audit.update(position, before, by=by)


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    unit: Unit,
    by: User,
    person: Person | None = None,
    email: str = "",
) -> User:
    access.require(by, Action.ADMINISTER, unit)
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("Tên đăng nhập “%(u)s” đã có.") % {"u": username}})
    if person is not None:
        access.require(by, Action.VIEW, person.unit)
        if hasattr(person, "account"):
            raise ValidationError({"person": _("Người này đã có tài khoản.")})
    user = User(username=username, unit=unit, person=person, email=email)
    if person is not None:
        user.first_name = person.full_name[:150]
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from None
    user.set_password(password)
    return audit.create(user, by=by)


@transaction.atomic
def user_update(*, user: User, by: User, is_active: bool, email: str = "") -> User:
    access.require(by, Action.ADMINISTER, user.unit)
    if user.pk == by.pk and not is_active:
        raise ValidationError({"is_active": _("Bạn không thể tự khóa tài khoản của mình.")})
    before = audit.snapshot(user)
    user.is_active, user.email = is_active, email
    return audit.update(user, before, by=by)


@transaction.atomic
def user_set_password(*, user: User, password: str, by: User) -> User:
    if user.pk != by.pk:
        access.require(by, Action.ADMINISTER, user.unit)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from None
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(by=by, action="update", obj=user, verb="set_password")
    return user


@transaction.atomic
def role_grant(*, user: User, unit: Unit, role: str, by: User, side: str = Side.STATE) -> RoleGrant:
    """Grant a role on a unit, on the state side or the party side: only an administrator of
    that side (or the system administrator) may grant it."""
    if side not in Side.values:
        raise ValidationError({"side": _("Khối không hợp lệ.")})
    access.require(by, Action.ADMINISTER, unit, side)
    if role not in Role.values:
        raise ValidationError({"role": _("Vai trò không hợp lệ.")})
    if RoleGrant.objects.filter(user=user, unit=unit, role=role, side=side).exists():
        raise ValidationError({"role": _("Tài khoản đã có vai trò này trên đơn vị này.")})
    grant = audit.create(RoleGrant(user=user, unit=unit, role=role, side=side), by=by)
    access.forget(user)
    worklist.forget(user)
    return grant


@transaction.atomic
def role_revoke(*, grant: RoleGrant, by: User) -> None:
    access.require(by, Action.ADMINISTER, grant.unit, grant.side)
    audit.delete(grant, by=by)
    access.forget(grant.user)
    worklist.forget(grant.user)
