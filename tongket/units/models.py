from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from tongket.lib.text import fold

from .choices import (
    COMMUNE_KINDS,
    AuditAction,
    Body,
    DocumentType,
    Gender,
    PositionRole,
    Role,
    Side,
    UnitKind,
    number_label,
)

PATH_SEPARATOR = "/"


class UnitQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date) -> UnitQuerySet:
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def communes(self) -> UnitQuerySet:
        return self.filter(kind__in=COMMUNE_KINDS)

    def subtree_of(self, unit: Unit) -> UnitQuerySet:
        return self.filter(path__startswith=unit.path)


class Unit(models.Model):
    """A node of the administrative tree: a province, a (historic) district, a commune, or one
    of a commune's subordinate units. `path` holds the ids from the root down ("/3/17/52/")
    so a whole subtree is one indexed prefix match; the access layer relies on it."""

    scope_field = ""

    code = models.CharField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    kind = models.CharField(_("loại"), max_length=32, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, editable=False, db_index=True)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("sáp nhập vào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_units",
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    # Part of the dashboards' data version (tongket.targets.selectors.stamps).
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.name_folded = fold(self.name)[:200]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError(
                {"valid_to": _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")}
            )
        if self.merged_into_id and not self.valid_to:
            raise ValidationError({"valid_to": _("Đơn vị đã sáp nhập phải có ngày hết hiệu lực.")})
        if self.merged_into_id and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": _("Đơn vị không thể sáp nhập vào chính nó.")})

    @property
    def is_commune(self) -> bool:
        return self.kind in COMMUNE_KINDS

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip(PATH_SEPARATOR).split(PATH_SEPARATOR) if part]

    def is_active_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )

    @property
    def is_active(self) -> bool:
        return self.valid_to is None or self.valid_to >= datetime.date.today()

    def is_within(self, other: Unit) -> bool:
        return self.path.startswith(other.path)


class Person(models.Model):
    """A person known to a unit: an official, a party member, a citizen commended."""

    scope_field = "unit"

    full_name = models.CharField(_("họ và tên"), max_length=120)
    name_folded = models.CharField(max_length=120, editable=False, db_index=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="people"
    )
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices, blank=True)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("người")
        verbose_name_plural = _("người")
        ordering = ["name_folded", "id"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.name_folded = fold(self.full_name)[:120]
        super().save(*args, **kwargs)


class Position(models.Model):
    """A position (chức vụ) a person holds in a unit between two dates."""

    scope_field = "unit"

    person = models.ForeignKey(
        Person, verbose_name=_("người"), on_delete=models.CASCADE, related_name="positions"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField(_("chức vụ"), max_length=150)
    role = models.CharField(
        _("loại chức vụ"),
        max_length=32,
        choices=PositionRole.choices,
        default=PositionRole.OTHER,
        db_index=True,
    )
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")
        ordering = ["-start_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="position_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.unit})"

    def clean(self) -> None:
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    def is_held_on(self, day: datetime.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


class User(AbstractUser):
    """An account. It may stand for a person; what it may do comes only from its RoleGrants."""

    scope_field = "unit"

    person = models.OneToOneField(
        Person,
        verbose_name=_("người"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="account",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị quản lý tài khoản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accounts",
    )

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    @property
    def display_name(self) -> str:
        if self.person_id:
            return self.person.full_name
        return self.get_full_name() or self.username


class RoleGrant(models.Model):
    """A role held on a unit and its whole subtree, on one side: the state's (default) or the
    party's (the Đảng ủy office and leaders on the commune, a secretary on a chi bộ)."""

    scope_field = "unit"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="grants",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="grants"
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    side = models.CharField(_("khối"), max_length=8, choices=Side.choices, default=Side.STATE)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "unit", "role", "side"], name="unique_role_grant"
            ),
        ]

    def __str__(self) -> str:
        side = f" ({self.get_side_display()})" if self.side != Side.STATE else ""
        return f"{self.user} – {self.get_role_display()}{side} – {self.unit}"


class BodyTerm(models.Model):
    """A term (nhiệm kỳ) of a body of a unit: the Đảng ủy's 2020–2025 term from its congress,
    the HĐND's 2021–2026. Party document numbers restart with each term of the committee."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="terms"
    )
    body = models.CharField(_("cơ quan"), max_length=24, choices=Body.choices)
    name = models.CharField(_("nhiệm kỳ"), max_length=40, help_text=_("Ví dụ: 2025–2030"))
    start_date = models.DateField(_("từ ngày"), help_text=_("Ngày bế mạc đại hội, kỳ họp thứ nhất"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm kỳ")
        verbose_name_plural = _("nhiệm kỳ")
        ordering = ["unit", "body", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="body_term_valid_range",
            ),
            models.UniqueConstraint(
                fields=["unit", "body", "start_date"],
                name="unique_body_term_start",
                violation_error_message=_("Cơ quan này đã có nhiệm kỳ bắt đầu ngày đó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_body_display()} – {_('nhiệm kỳ')} {self.name}"

    def covers(self, day: datetime.date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


class IssuedNumber(models.Model):
    """One number taken from a body's number book (sổ đăng ký văn bản đi): the UBND's numbers
    run per calendar year, the Đảng ủy's per committee term (per year until a term is
    recorded). Each document type has its own series. A number is never given twice."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.CharField(_("cơ quan ban hành"), max_length=24, choices=Body.choices)
    doc_type = models.CharField(_("loại văn bản"), max_length=8, choices=DocumentType.choices)
    period = models.CharField(
        _("kỳ đánh số"), max_length=24, help_text=_("Năm (2025) hoặc nhiệm kỳ (term-7)")
    )
    number = models.PositiveIntegerField(_("số"))
    issued_on = models.DateField(_("ngày ban hành"))
    subject = models.CharField(_("trích yếu"), max_length=300, blank=True)
    ref = models.CharField(
        _("văn bản trong tongket"), max_length=80, blank=True, help_text=_("app.Model:id")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("số văn bản")
        verbose_name_plural = _("sổ đăng ký văn bản")
        ordering = ["-issued_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "body", "doc_type", "period", "number"],
                name="unique_issued_number",
                violation_error_message=_("Số văn bản này vừa được cấp cho văn bản khác."),
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="issued_number_positive"),
        ]

    def __str__(self) -> str:
        return number_label(self.number, self.doc_type, self.body)


class AuditEntry(models.Model):
    """One change made through tongket: who, when, which object, old → new values.
    Written by tongket.units.audit inside the same transaction as the change. `side` is the
    changed model's access side: party rows are read only with party-side audit grants."""

    scope_field = "unit"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    verb = models.CharField(max_length=64, blank=True)
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=255)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changes = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)
    side = models.CharField(max_length=8, choices=Side.choices, default=Side.STATE)

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class TwoFactorPolicy(models.Model):
    """Who must sign in with a second factor (a code from an authenticator app): the
    administrators and/or the leaders holding their role on this unit or below it. A row with
    no unit applies everywhere; only a system administrator sets it."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    require_admins = models.BooleanField(_("bắt buộc với quản trị"), default=False)
    require_leaders = models.BooleanField(_("bắt buộc với lãnh đạo"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("quy định xác thực hai bước")
        verbose_name_plural = _("quy định xác thực hai bước")
        constraints = [
            models.UniqueConstraint(
                Coalesce("unit", models.Value(0)), name="one_two_factor_policy_per_unit"
            ),
        ]

    def __str__(self) -> str:
        where = self.unit.name if self.unit_id else str(_("toàn hệ thống"))
        return f"{_('Xác thực hai bước')} – {where}"
