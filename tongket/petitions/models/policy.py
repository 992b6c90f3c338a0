"""Petition policy a quản trị edits: how many days the level above has to answer a forwarded
item before it is flagged, and how many submissions the portal form takes from one address
in an hour. A commune's own row wins, then its province's, then the defaults."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.models import Unit

DEFAULT_ANSWER_DAYS = 30
DEFAULT_CITIZEN_HOURLY_LIMIT = 3


class PetitionPolicy(models.Model):
    """Policy of one province or commune; an empty value means "as the level above"."""

    scope_field = "unit"

    unit = models.OneToOneField(
        Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+"
    )
    answer_days = models.PositiveSmallIntegerField(
        _("số ngày cấp trên phải trả lời kiến nghị"),
        null=True,
        blank=True,
        help_text=_("Quá số ngày này chưa có trả lời thì kiến nghị được đánh dấu ở cả hai cấp."),
    )
    citizen_hourly_limit = models.PositiveSmallIntegerField(
        _("số ý kiến nhận từ một địa chỉ trong một giờ"), null=True, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("cài đặt kiến nghị")
        verbose_name_plural = _("cài đặt kiến nghị")
        constraints = [
            models.CheckConstraint(
                condition=Q(answer_days__isnull=True) | Q(answer_days__gte=1),
                name="petition_policy_answer_days_positive",
            ),
            models.CheckConstraint(
                condition=Q(citizen_hourly_limit__isnull=True) | Q(citizen_hourly_limit__gte=1),
                name="petition_policy_limit_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Cài đặt kiến nghị')} – {self.unit}"
