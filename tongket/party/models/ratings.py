from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.models import Unit

from ..choices import PARTY_SIDE, Level, RatingState, Subject
from .members import PartyMember


class QualityRating(models.Model):
    """One year's quality rating (xếp loại chất lượng) of a member, a chi bộ or the Đảng bộ:
    the self-assessment on the 100-point scale, the chi bộ's proposal and the committee's
    decision, each with its level."""

    scope_field = "unit"
    access_side = PARTY_SIDE

    subject = models.CharField(_("đối tượng"), max_length=12, choices=Subject.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    commune = models.ForeignKey(
        Unit, verbose_name=_("Đảng bộ"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("chi bộ (hoặc Đảng bộ)"),
        on_delete=models.PROTECT,
        related_name="party_ratings",
    )
    member = models.ForeignKey(
        PartyMember,
        verbose_name=_("đảng viên"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    self_points = models.DecimalField(
        _("điểm tự đánh giá"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    self_level = models.CharField(_("tự xếp loại"), max_length=12, choices=Level.choices)
    proposed_points = models.DecimalField(
        _("điểm chi bộ đề xuất"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    proposed_level = models.CharField(
        _("chi bộ đề xuất"), max_length=12, choices=Level.choices, blank=True
    )
    decided_level = models.CharField(
        _("Đảng ủy quyết định"), max_length=12, choices=Level.choices, blank=True
    )
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    state = models.CharField(
        _("bước"), max_length=16, choices=RatingState.choices, default=RatingState.SELF_ASSESSED
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("xếp loại chất lượng")
        verbose_name_plural = _("xếp loại chất lượng")
        ordering = ["year", "subject", "unit__path", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "year"],
                condition=Q(member__isnull=False),
                name="party_one_rating_per_member_year",
                violation_error_message=_("Đảng viên đã có bản tự đánh giá năm này."),
            ),
            models.UniqueConstraint(
                fields=["unit", "subject", "year"],
                condition=~Q(subject=Subject.MEMBER),
                name="party_one_rating_per_cell_year",
                violation_error_message=_("Tổ chức đảng đã có bản tự đánh giá năm này."),
            ),
        ]
        indexes = [models.Index(fields=["commune", "year"])]

    def __str__(self) -> str:
        who = self.member.person.full_name if self.member_id else self.unit.name
        return f"Xếp loại {self.year}: {who}"

    def clean(self) -> None:
        if (self.subject == Subject.MEMBER) != bool(self.member_id):
            raise ValidationError(_("Bản xếp loại đảng viên phải gắn với một đảng viên."))

    @property
    def best_points(self):
        """The points the levels are judged against: the cell's, else the member's own."""
        return self.proposed_points if self.proposed_points is not None else self.self_points
