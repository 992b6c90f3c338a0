from __future__ import annotations

import calendar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongket.units.models import Unit

from ..choices import KEYED_RULE_KINDS, PARTY_SIDE, SHARE_RULE_KINDS, RuleKind


class Rule(models.Model):
    """One dated rule of the party rulebook, with its citation. The rule in force on a day is
    the latest row for (kind, key) that took effect on or before it; a row set for a unit
    (an upper committee's own guidance) beats the nationwide one in that unit's subtree; a
    repealed row ends the rule from its date. Decisions copy the numbers they used."""

    scope_field = "unit"
    access_side = PARTY_SIDE

    kind = models.CharField(_("loại quy định"), max_length=32, choices=RuleKind.choices)
    key = models.CharField(
        _("khóa"),
        max_length=16,
        blank=True,
        help_text=_("Với mốc Huy hiệu (30, 40 …), ngày trao (03/02 …), mức xếp loại (good …)."),
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("áp dụng riêng cho đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    value = models.DecimalField(
        _("giá trị"), max_digits=10, decimal_places=4, null=True, blank=True
    )
    text = models.CharField(_("nội dung"), max_length=500, blank=True)
    effective_from = models.DateField(_("hiệu lực từ"))
    repealed = models.BooleanField(_("bãi bỏ từ ngày hiệu lực"), default=False)
    citation_document = models.CharField(_("văn bản"), max_length=200)
    citation_article = models.CharField(_("điều, khoản"), max_length=120, blank=True)
    unverified = models.BooleanField(_("chưa xác minh"), default=False)
    note = models.TextField(_("ghi chú"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("quy định công tác Đảng")
        verbose_name_plural = _("quy định công tác Đảng")
        ordering = ["kind", "key", "-effective_from", "id"]
        indexes = [models.Index(fields=["kind", "effective_from"])]

    def __str__(self) -> str:
        key = f" {self.key}" if self.key else ""
        return f"{self.get_kind_display()}{key} ({self.effective_from:%d/%m/%Y})"

    @property
    def citation(self) -> str:
        """ "Điều 1 khoản 1, Quy định 232-QĐ/TW, hiệu lực từ 20/01/2025"."""
        parts = [part for part in (self.citation_article, self.citation_document) if part]
        text = ", ".join(parts) + f", hiệu lực từ {self.effective_from:%d/%m/%Y}"
        return text + (" – chưa xác minh" if self.unverified else "")

    def clean(self) -> None:
        if self.kind in KEYED_RULE_KINDS and not self.key:
            raise ValidationError({"key": _("Quy định này cần khóa (mốc, ngày hoặc mức).")})
        if self.kind not in KEYED_RULE_KINDS and self.key:
            raise ValidationError({"key": _("Quy định này không dùng khóa.")})
        if self.repealed:
            return
        if self.kind == RuleKind.BADGE_DATE:
            if not _day_month(self.key):
                raise ValidationError({"key": _("Ngày trao viết dạng ngày/tháng, ví dụ 03/02.")})
            return
        if self.value is None:
            raise ValidationError({"value": _("Quy định này cần một giá trị số.")})
        if self.value < 0:
            raise ValidationError({"value": _("Giá trị không được âm.")})
        if self.kind in SHARE_RULE_KINDS and self.value > 100:
            raise ValidationError({"value": _("Tỷ lệ phần trăm không vượt quá 100.")})

    def day_month(self) -> tuple[int, int] | None:
        return _day_month(self.key)


def _day_month(text: str) -> tuple[int, int] | None:
    """ "03/02" → (3, 2); None when it is not a day of a month."""
    parts = text.split("/")
    if len(parts) != 2 or not all(part.isdigit() for part in parts):
        return None
    day, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None
    return day, month
