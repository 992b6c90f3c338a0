"""Sending items up (chuyển cấp trên): the commune's report to the province that carries them,
and each forwarded item's way through the province to its answer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.choices import Body, DocumentType, number_line
from tongket.units.models import IssuedNumber, Person, Unit

from ..choices import ForwardLevel
from .recommendations import Recommendation


class ProvinceReport(models.Model):
    """The commune's report to the province compiling the items beyond its competence
    ("Báo cáo số 30/BC-UBND tổng hợp kiến nghị ..."), numbered from the body's book."""

    scope_field = "commune"

    commune = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    province = models.ForeignKey(
        Unit, verbose_name=_("gửi"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.CharField(_("cơ quan ban hành"), max_length=24, choices=Body.choices)
    issued_on = models.DateField(_("ngày ban hành"))
    number = models.OneToOneField(
        IssuedNumber, verbose_name=_("số báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(_("trích yếu"), max_length=300)
    signer = models.ForeignKey(
        Person,
        verbose_name=_("người ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("báo cáo gửi tỉnh")
        verbose_name_plural = _("báo cáo gửi tỉnh")
        ordering = ["-issued_on", "-id"]

    def __str__(self) -> str:
        return f"{_('Báo cáo')} {self.number_label} {self.subject}"

    @property
    def number_text(self) -> str:
        return number_line(self.number.number, DocumentType.REPORT, self.body)

    @property
    def number_label(self) -> str:
        return str(self.number)


class Forwarding(models.Model):
    """One item sent up: in which report, to which level, when; then at the province who
    received it, which department it was assigned to, and the answer. An item is forwarded
    once (one-to-one). Unanswered for the policy's number of days, it is flagged at both
    levels; that flag is computed, never stored."""

    scope_field = "commune"

    recommendation = models.OneToOneField(
        Recommendation,
        verbose_name=_("kiến nghị"),
        on_delete=models.PROTECT,
        related_name="forwarding",
    )
    report = models.ForeignKey(
        ProvinceReport, verbose_name=_("báo cáo"), on_delete=models.PROTECT, related_name="items"
    )
    commune = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("cấp nhận"), max_length=16, choices=ForwardLevel.choices)
    department = models.ForeignKey(
        Unit,
        verbose_name=_("sở, ngành được giao"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    forwarded_on = models.DateField(_("ngày chuyển"))
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(_("tỉnh tiếp nhận lúc"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    department_assigned_at = models.DateTimeField(_("giao sở, ngành lúc"), null=True, blank=True)
    answer = models.TextField(_("trả lời của cấp trên"), blank=True, max_length=10000)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kiến nghị chuyển cấp trên")
        verbose_name_plural = _("kiến nghị chuyển cấp trên")
        ordering = ["forwarded_on", "id"]
        indexes = [
            models.Index(fields=["commune", "forwarded_on"]),
            models.Index(fields=["forwarded_on", "id"]),
            models.Index(
                fields=["forwarded_on", "id"],
                condition=Q(answered_on__isnull=True),
                name="petition_forwarding_waiting",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | ~Q(answer=""),
                name="petition_forwarding_answer_text",
                violation_error_message=_("Trả lời phải có nội dung."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation} → {self.get_level_display()}"

    @property
    def is_answered(self) -> bool:
        return self.answered_on is not None
