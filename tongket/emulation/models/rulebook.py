from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongket.units.models import Unit

from ..choices import GLOBAL_RULE_KINDS, Category, Operator, Recipient, RuleKind


class AwardKind(models.Model):
    """A title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng) and whom
    it is for. What it takes and what it pays are dated `Rule` rows."""

    scope_field = ""  # national catalogue; edits are checked by the services

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(_("tên gọi trong câu"), max_length=200, blank=True)
    category = models.CharField(_("loại"), max_length=8, choices=Category.choices)
    for_individuals = models.BooleanField(_("cho cá nhân"), default=False)
    for_collectives = models.BooleanField(_("cho tập thể"), default=False)
    for_households = models.BooleanField(_("cho hộ gia đình"), default=False)
    collective_unit_kinds = models.CharField(
        _("loại đơn vị tập thể (để trống là mọi loại)"), max_length=200, blank=True
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_title(self) -> bool:
        return self.category == Category.TITLE

    @property
    def phrase(self) -> str:
        """How an article names it: “Lao động tiên tiến” for a title, giấy khen for a form."""
        return self.short_name or self.name

    def allows(self, recipient: str) -> bool:
        return {
            Recipient.INDIVIDUAL: self.for_individuals,
            Recipient.COLLECTIVE: self.for_collectives,
            Recipient.HOUSEHOLD: self.for_households,
        }.get(recipient, False)

    @property
    def unit_kinds(self) -> list[str]:
        return [kind.strip() for kind in self.collective_unit_kinds.split(",") if kind.strip()]


class Rule(models.Model):
    """One dated rule of the legal rulebook, with its citation. The rule in force on a day is
    the latest row that took effect on or before it; a unit's own row (a commune's council
    threshold, say) overrides the national one for that unit's subtree. Decisions copy the
    numbers they used, so a later row never rewrites them."""

    scope_field = "unit"

    award_kind = models.ForeignKey(
        AwardKind,
        verbose_name=_("danh hiệu, hình thức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rules",
    )
    kind = models.CharField(_("loại quy định"), max_length=32, choices=RuleKind.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("áp dụng riêng cho đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recipient = models.CharField(
        _("áp dụng cho"), max_length=16, choices=Recipient.choices, blank=True
    )
    operator = models.CharField(
        _("phép so sánh"), max_length=4, choices=Operator.choices, blank=True
    )
    value = models.DecimalField(
        _("giá trị"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    text = models.TextField(_("nội dung"), blank=True, max_length=4000)
    reference_kind = models.ForeignKey(
        AwardKind,
        verbose_name=_("danh hiệu tham chiếu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    effective_from = models.DateField(_("hiệu lực từ"))
    citation_document = models.CharField(_("văn bản"), max_length=200)
    citation_article = models.CharField(_("điều, khoản"), max_length=120, blank=True)
    unverified = models.BooleanField(_("chưa xác minh"), default=False)
    note = models.TextField(_("ghi chú"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("quy định")
        verbose_name_plural = _("quy định")
        ordering = ["award_kind__order", "kind", "recipient", "-effective_from", "id"]
        indexes = [models.Index(fields=["kind", "effective_from"])]

    def __str__(self) -> str:
        subject = self.award_kind.name if self.award_kind_id else _("Chung")
        return f"{subject}: {self.get_kind_display()} ({self.effective_from:%d/%m/%Y})"

    @property
    def citation(self) -> str:
        """ "Điều 80 khoản 3, Luật Thi đua, khen thưởng 2022, hiệu lực từ 01/01/2024"."""
        parts = [part for part in (self.citation_article, self.citation_document) if part]
        text = ", ".join(parts)
        text += f", hiệu lực từ {self.effective_from:%d/%m/%Y}"
        if self.unverified:
            text += " – chưa xác minh"
        return text

    def clean(self) -> None:
        needs_kind = self.kind not in GLOBAL_RULE_KINDS
        if needs_kind and not self.award_kind_id:
            raise ValidationError({"award_kind": _("Quy định này phải gắn với một danh hiệu.")})
        if not needs_kind and self.award_kind_id:
            raise ValidationError(
                {"award_kind": _("Quy định này áp dụng chung, không gắn danh hiệu.")}
            )
        numeric = {
            RuleKind.CAP_SHARE,
            RuleKind.CONSECUTIVE_YEARS,
            RuleKind.MEMBER_SHARE,
            RuleKind.MEMBER_COUNT,
            RuleKind.COUNCIL_THRESHOLD,
            RuleKind.PRIZE_COEFFICIENT,
            RuleKind.BASE_SALARY,
            RuleKind.REGISTRATION_REQUIRED,
        }
        if self.kind in numeric and self.value is None:
            raise ValidationError({"value": _("Quy định này cần một giá trị số.")})
        if self.value is not None and self.value < 0:
            raise ValidationError({"value": _("Giá trị không được âm.")})
        shares = {RuleKind.CAP_SHARE, RuleKind.MEMBER_SHARE, RuleKind.COUNCIL_THRESHOLD}
        if self.kind in shares and self.value is not None and self.value > 100:
            raise ValidationError({"value": _("Tỷ lệ phần trăm không vượt quá 100.")})
        with_reference = {
            RuleKind.PREREQUISITE,
            RuleKind.CAP_SHARE,
            RuleKind.CONSECUTIVE_YEARS,
            RuleKind.MEMBER_SHARE,
            RuleKind.MEMBER_COUNT,
        }
        if self.kind in with_reference and not self.reference_kind_id:
            raise ValidationError({"reference_kind": _("Cần chọn danh hiệu tham chiếu.")})
        if self.kind in (RuleKind.AWARDING_BODY, RuleKind.REQUIRED_RATING) and not self.text:
            raise ValidationError({"text": _("Cần ghi nội dung của quy định.")})

    def compare(self, left, right) -> bool:
        """Apply the row's operator: left (op) right; ≥ when none is set."""
        operator = self.operator or Operator.GTE
        return {
            Operator.GTE: left >= right,
            Operator.GT: left > right,
            Operator.LTE: left <= right,
            Operator.LT: left < right,
        }[operator]


class LegalDocument(models.Model):
    """A legal document the rulebook cites, with what a decision's "Căn cứ" needs to cite it
    in full: kind, number, date, issuer and title. A rule row names it by `short_name` (its
    "văn bản"), e.g. "Nghị định 73/2024/NĐ-CP"; decisions print `citation`."""

    scope_field = ""  # national catalogue; edited by administrators

    short_name = models.CharField(
        _("tên gọi trong quy định"),
        max_length=200,
        unique=True,
        help_text=_("Đúng như cột “văn bản” của các dòng quy định, ví dụ: Nghị định 73/2024/NĐ-CP"),
    )
    kind = models.CharField(
        _("loại văn bản"), max_length=40, help_text=_("Luật, Nghị định, Thông tư, Quy định…")
    )
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=120, blank=True)
    title = models.CharField(_("trích yếu"), max_length=400)
    unverified = models.BooleanField(_("chưa xác minh"), default=False)
    note = models.TextField(_("ghi chú"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("văn bản pháp luật")
        verbose_name_plural = _("văn bản pháp luật")
        ordering = ["issued_on", "short_name"]

    def __str__(self) -> str:
        return self.short_name

    @property
    def citation(self) -> str:
        """How a decision cites it: "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6
        năm 2022"; "Nghị định số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024 của Chính phủ quy
        định …"; "Quy định số 232-QĐ/TW ngày 20 tháng 01 năm 2025 của Ban Chấp hành Trung
        ương về …"."""
        from tongket.lib.dates import format_document_date

        dated = format_document_date(self.issued_on)
        if self.kind.lower() == "luật":
            number = f" số {self.number}" if self.number else ""
            return f"Luật {self.title}{number} {dated}"
        number = f" số {self.number}" if self.number else ""
        issuer = f" của {self.issuer}" if self.issuer else ""
        return f"{self.kind}{number} {dated}{issuer} {self.title}"
