"""A source document read for facts, the facts proposed from it, and the indicator
synonyms officers add so the next document matches better."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongket.targets.choices import Period
from tongket.targets.models import Indicator
from tongket.units.models import Unit

from .choices import DocumentState, FactKind, FactStatus, Source


def source_path(instance: SourceDocument, filename: str) -> str:
    return f"textfacts/{instance.unit_id}/{instance.year}/{filename}"


class SourceDocument(models.Model):
    """A report or article uploaded (or pasted) for one unit's period. The file is kept as
    uploaded; `text` is what was read from it, so the sentences of its facts can be shown."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    period = models.CharField(_("kỳ"), max_length=8, choices=Period.choices, default=Period.YEAR)
    source = models.CharField(_("nguồn"), max_length=8, choices=Source.choices)
    file = models.FileField(_("tệp"), upload_to=source_path, max_length=255, blank=True)
    original_name = models.CharField(_("tên tệp"), max_length=200, blank=True)
    size = models.PositiveIntegerField(_("dung lượng"), default=0)
    text = models.TextField(_("nội dung đã đọc"))
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=DocumentState.choices,
        default=DocumentState.PROPOSED,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("văn bản đọc số liệu")
        verbose_name_plural = _("văn bản đọc số liệu")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "year"])]

    def __str__(self) -> str:
        return self.original_name or str(Source.PASTED.label)

    @property
    def title(self) -> str:
        return self.original_name or str(Source.PASTED.label)


class ProposedFact(models.Model):
    """One fact the reader proposed, with where it was read: the sentence, the fact's own
    words and each number it carries (offsets into the document's text). `proposal` holds
    what the screen prefills (value in the indicator's unit, qualifier, estimate, an award's
    body and counts); `outcome` what confirming saved (the result or award record id)."""

    scope_field = "document__unit"

    document = models.ForeignKey(
        SourceDocument, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="facts"
    )
    position = models.PositiveIntegerField(_("thứ tự"))
    kind = models.CharField(_("loại"), max_length=20, choices=FactKind.choices)
    subject = models.CharField(_("nội dung"), max_length=300, blank=True)
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    numbers = models.JSONField(_("vị trí các số"), default=list, blank=True)
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("chỉ tiêu đề xuất"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposal = models.JSONField(_("đề xuất"), default=dict, blank=True)
    problem = models.CharField(_("vấn đề"), max_length=500, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=FactStatus.choices, default=FactStatus.PROPOSED
    )
    outcome = models.JSONField(_("kết quả lưu"), default=dict, blank=True)

    class Meta:
        verbose_name = _("số liệu đề xuất")
        verbose_name_plural = _("số liệu đề xuất")
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "position"], name="unique_proposed_fact_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"


class IndicatorSynonym(models.Model):
    """Another name officers use for an indicator ("thu ngân sách" for "Tổng thu ngân sách
    nhà nước trên địa bàn"), kept for a commune or for a whole province."""

    scope_field = "owner"

    owner = models.ForeignKey(
        Unit, verbose_name=_("xã, phường hoặc tỉnh"), on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE, related_name="+"
    )
    phrase = models.CharField(_("cách gọi khác"), max_length=200)
    phrase_folded = models.CharField(max_length=200, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("cách gọi khác của chỉ tiêu")
        verbose_name_plural = _("cách gọi khác của chỉ tiêu")
        ordering = ["indicator__code", "phrase_folded"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "indicator", "phrase_folded"], name="unique_indicator_synonym"
            )
        ]

    def __str__(self) -> str:
        return self.phrase
