"""Commendations recorded by count: a decision entered by its number, date, body and form
with "N tập thể, M cá nhân" and no names (for years before tongket and for awards from a
higher level). They count in the statistics, the report and the article, marked as
recorded by count; a recipient list may be attached later from a spreadsheet."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.models import Unit

from ..choices import RECORD_BODY_STYLE, Category, RecordBody
from .rulebook import AwardKind


class AwardRecord(models.Model):
    """One award decision recorded by count (ghi theo số lượng)."""

    scope_field = "commune"

    commune = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    number = models.CharField(
        _("số quyết định"), max_length=60, help_text=_("Ví dụ: 15/QĐ-UBND hoặc 120-QĐ/ĐU")
    )
    signed_on = models.DateField(_("ngày ký"))
    body = models.CharField(_("cấp khen thưởng"), max_length=32, choices=RecordBody.choices)
    body_name = models.CharField(
        _("tên cơ quan khen thưởng (khi chọn cơ quan khác)"), max_length=200, blank=True
    )
    award_kind = models.ForeignKey(
        AwardKind,
        verbose_name=_("danh hiệu, hình thức trong danh mục"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    form_name = models.CharField(
        _("hình thức (khi không có trong danh mục)"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: bằng khen, giấy khen, cờ thi đua"),
    )
    collectives = models.PositiveIntegerField(_("số tập thể"), default=0)
    individuals = models.PositiveIntegerField(_("số cá nhân"), default=0)
    households = models.PositiveIntegerField(_("số hộ gia đình"), default=0)
    commune_itself = models.BooleanField(
        _("tặng cho chính xã, phường"),
        default=False,
        help_text=_("Ví dụ: phường được UBND tỉnh tặng bằng khen."),
    )
    reason = models.CharField(
        _("thành tích"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: hoàn thành xuất sắc nhiệm vụ năm 2025"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("khen thưởng ghi theo số lượng")
        verbose_name_plural = _("khen thưởng ghi theo số lượng")
        ordering = ["-signed_on", "-id"]
        indexes = [models.Index(fields=["commune", "year"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(collectives__gt=0)
                | Q(individuals__gt=0)
                | Q(households__gt=0)
                | Q(commune_itself=True),
                name="award_record_counts_something",
            ),
        ]

    def __str__(self) -> str:
        return f"Quyết định số {self.number}"

    def clean(self) -> None:
        errors = {}
        if self.body == RecordBody.OTHER and not self.body_name.strip():
            errors["body_name"] = _("Cần ghi tên cơ quan khen thưởng.")
        if not self.award_kind_id and not self.form_name.strip():
            errors["form_name"] = _("Cần chọn danh hiệu, hình thức hoặc ghi tên hình thức.")
        if not (self.collectives or self.individuals or self.households or self.commune_itself):
            errors["individuals"] = _(
                "Cần ghi số tập thể, cá nhân hoặc hộ gia đình được khen (hoặc đánh dấu tặng "
                "cho chính xã, phường)."
            )
        if self.signed_on and self.year and self.signed_on.year < self.year:
            errors["signed_on"] = _("Ngày ký phải từ năm %(year)s trở đi.") % {"year": self.year}
        if errors:
            raise ValidationError(errors)

    @property
    def style(self) -> dict:
        return RECORD_BODY_STYLE[self.body]

    @property
    def is_party(self) -> bool:
        return self.style["party"]

    @property
    def is_received(self) -> bool:
        """Awarded by a level above the commune: the commune or its people received it."""
        return self.style["above"]

    @property
    def form_phrase(self) -> str:
        """How a sentence names what was given: "giấy khen", "bằng khen", "Lao động tiên
        tiến"."""
        if self.award_kind_id:
            return self.award_kind.phrase
        return self.form_name.strip()

    @property
    def is_title(self) -> bool:
        return bool(self.award_kind_id) and self.award_kind.category == Category.TITLE
