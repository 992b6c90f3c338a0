"""Conclusion notices (thông báo kết luận) of a session or of a whole round."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.choices import Body, DocumentType, number_line
from tongket.units.models import IssuedNumber, Person, Unit

from .plans import Plan, Session, lines
from .recommendations import Recommendation


class ConclusionNotice(models.Model):
    """The notice concluding a session (or the whole round when `session` is empty): what the
    delegation acknowledged, its conclusions, and the numbered list of items it assigns, in
    order of priority. Numbered from the body's book when issued."""

    scope_field = "unit"
    scope_above_commune = ("unit", Q(pk__in=[]))

    unit = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="notices"
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("buổi làm việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notices",
    )
    body = models.CharField(_("cơ quan ban hành"), max_length=24, choices=Body.choices)
    issued_on = models.DateField(_("ngày ban hành"))
    number = models.OneToOneField(
        IssuedNumber,
        verbose_name=_("số thông báo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    acknowledged = models.TextField(_("đoàn công tác ghi nhận"), blank=True, max_length=10000)
    conclusions = models.TextField(_("kết luận"), blank=True, max_length=10000)
    signer = models.ForeignKey(
        Person,
        verbose_name=_("người ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    items = models.ManyToManyField(
        Recommendation, through="NoticeItem", related_name="notices", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("thông báo kết luận")
        verbose_name_plural = _("thông báo kết luận")
        ordering = ["-issued_on", "-id"]

    def __str__(self) -> str:
        what = self.session.unit.name if self.session_id else _("cả đợt làm việc")
        return f"{_('Thông báo kết luận')} {self.number_label} ({what})".replace("  ", " ")

    @property
    def number_text(self) -> str:
        if self.number is None:
            return ""
        return number_line(self.number.number, DocumentType.NOTICE, self.body)

    @property
    def number_label(self) -> str:
        return str(self.number) if self.number is not None else ""

    @property
    def acknowledged_items(self) -> list[str]:
        return lines(self.acknowledged)

    @property
    def conclusion_items(self) -> list[str]:
        return lines(self.conclusions)


class NoticeItem(models.Model):
    """An item of a notice, in the order it is numbered."""

    scope_field = "notice__unit"
    scope_above_commune = ("notice__unit", Q(pk__in=[]))

    notice = models.ForeignKey(ConclusionNotice, on_delete=models.CASCADE, related_name="lines")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="notice_lines"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("mục thông báo")
        verbose_name_plural = _("mục thông báo")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "recommendation"], name="unique_notice_item"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. #{self.recommendation_id}"
