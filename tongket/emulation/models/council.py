from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.choices import PositionRole
from tongket.units.models import IssuedNumber, Person, Unit

from ..choices import BODY_STYLE, AwardingBody, Operator
from .nominations import Nomination


class CouncilMember(models.Model):
    """A member of the commune's emulation and commendation council (Hội đồng Thi đua –
    Khen thưởng) for a year."""

    scope_field = "commune"

    commune = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    person = models.ForeignKey(
        Person, verbose_name=_("thành viên"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("chức danh trong Hội đồng"), max_length=120)

    class Meta:
        verbose_name = _("thành viên Hội đồng")
        verbose_name_plural = _("thành viên Hội đồng")
        ordering = ["year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "year", "person"], name="unique_council_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.role}"


class CouncilSession(models.Model):
    """A council meeting that reviews nominations and votes on them by secret ballot."""

    scope_field = "commune"

    commune = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm xét"))
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)
    chair_name = models.CharField(_("chủ trì"), max_length=120, blank=True)
    secretary_name = models.CharField(_("thư ký"), max_length=120, blank=True)
    members_present = models.PositiveSmallIntegerField(_("số thành viên có mặt"))
    start_time = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    end_time = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    minutes_number = models.OneToOneField(
        IssuedNumber,
        verbose_name=_("số biên bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("phiên họp Hội đồng")
        verbose_name_plural = _("phiên họp Hội đồng")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Phiên họp Hội đồng ngày {self.held_on:%d/%m/%Y}"


class Ballot(models.Model):
    """The secret-ballot result for one candidate, with the council size and the threshold
    in force on the day, so the outcome can be read back as it was decided."""

    scope_field = "session__commune"

    session = models.ForeignKey(
        CouncilSession,
        verbose_name=_("phiên họp"),
        on_delete=models.CASCADE,
        related_name="ballots",
    )
    nomination = models.OneToOneField(
        Nomination, verbose_name=_("đề nghị"), on_delete=models.CASCADE, related_name="ballot"
    )
    votes_for = models.PositiveSmallIntegerField(_("số phiếu đồng ý"), null=True, blank=True)
    members_total = models.PositiveSmallIntegerField(_("tổng số thành viên"))
    threshold = models.DecimalField(_("tỷ lệ cần đạt (%)"), max_digits=7, decimal_places=4)
    threshold_operator = models.CharField(
        _("phép so sánh"), max_length=4, choices=Operator.choices, default=Operator.GTE
    )
    threshold_citation = models.CharField(_("căn cứ"), max_length=400, blank=True)
    passed = models.BooleanField(_("đạt"), default=False)

    class Meta:
        verbose_name = _("kết quả bỏ phiếu")
        verbose_name_plural = _("kết quả bỏ phiếu")
        ordering = ["session", "nomination__award_kind__order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(votes_for__isnull=True) | Q(votes_for__lte=models.F("members_total")),
                name="ballot_votes_within_council",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nomination}: {self.votes_for}/{self.members_total}"

    def reaches_threshold(self, votes_for: int) -> bool:
        """Whether the votes, as a share of ALL members, meet the threshold the ballot
        carries from the rulebook."""
        share = Decimal(votes_for * 100) / self.members_total
        return {
            Operator.GTE: share >= self.threshold,
            Operator.GT: share > self.threshold,
            Operator.LTE: share <= self.threshold,
            Operator.LT: share < self.threshold,
        }[self.threshold_operator]


class AwardDecision(models.Model):
    """An award decision (quyết định khen thưởng). Its number comes from the issuing body's
    book (units.IssuedNumber): the UBND's per year, the Đảng ủy's per committee term, in the
    same books as the bodies' other documents, so no two documents share a number."""

    scope_field = "commune"

    commune = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.CharField(_("cấp khen thưởng"), max_length=24, choices=AwardingBody.choices)
    number = models.PositiveIntegerField(_("số"))
    number_year = models.PositiveSmallIntegerField(_("năm của số"), editable=False)
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    signed_on = models.DateField(_("ngày ký"))
    signer_name = models.CharField(_("người ký"), max_length=120)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120)
    signer = models.ForeignKey(
        Person,
        verbose_name=_("người ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer_role = models.CharField(
        _("chức vụ của người ký tại ngày ký"),
        max_length=32,
        choices=PositionRole.choices,
        blank=True,
    )
    issued_number = models.OneToOneField(
        IssuedNumber,
        verbose_name=_("số trong sổ văn bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.CharField(_("trích yếu"), max_length=300)
    base_salary = models.PositiveBigIntegerField(_("mức lương cơ sở áp dụng (đồng)"))
    base_salary_citation = models.CharField(_("căn cứ lương cơ sở"), max_length=400)
    session = models.ForeignKey(
        CouncilSession,
        verbose_name=_("phiên họp Hội đồng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-signed_on", "-number"]

    def __str__(self) -> str:
        return f"Quyết định số {self.number_label}"

    def save(self, *args, **kwargs) -> None:
        self.number_year = self.signed_on.year
        super().save(*args, **kwargs)

    @property
    def number_label(self) -> str:
        return BODY_STYLE[self.body]["number"].format(n=self.number)


class Award(models.Model):
    """One awardee of a decision, with the coefficient and the prize the decision fixed. It
    is scoped by the nominating unit, so a tổ dân phố sees its own people's certificates."""

    scope_field = "nomination__unit"

    decision = models.ForeignKey(
        AwardDecision,
        verbose_name=_("quyết định"),
        on_delete=models.CASCADE,
        related_name="awards",
    )
    nomination = models.OneToOneField(
        Nomination, verbose_name=_("đề nghị"), on_delete=models.PROTECT, related_name="award"
    )
    order = models.PositiveSmallIntegerField(_("số thứ tự"), default=0)
    coefficient = models.DecimalField(_("hệ số"), max_digits=7, decimal_places=4)
    coefficient_citation = models.CharField(_("căn cứ hệ số"), max_length=400, blank=True)
    prize = models.PositiveBigIntegerField(_("tiền thưởng (đồng)"))

    class Meta:
        verbose_name = _("người, tập thể được khen")
        verbose_name_plural = _("người, tập thể được khen")
        ordering = ["decision", "order", "id"]

    def __str__(self) -> str:
        return str(self.nomination)
