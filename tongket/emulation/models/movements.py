from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.models import Unit

from ..choices import ClusterKind


class Movement(models.Model):
    """An emulation movement (phong trào thi đua) launched by a unit for a period."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị phát động"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("tên phong trào"), max_length=300)
    content = models.TextField(_("nội dung"), max_length=10000, blank=True)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="movement_valid_range"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})


class Cluster(models.Model):
    """An emulation cluster or block (cụm, khối thi đua) set up by a unit, with a leading
    member unit (đơn vị cụm trưởng)."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("tên cụm, khối"), max_length=200)
    kind = models.CharField(_("loại"), max_length=8, choices=ClusterKind.choices)
    leader = models.ForeignKey(
        Unit, verbose_name=_("đơn vị cụm trưởng"), on_delete=models.PROTECT, related_name="+"
    )
    members = models.ManyToManyField(
        Unit, verbose_name=_("đơn vị thành viên"), related_name="emulation_clusters"
    )

    class Meta:
        verbose_name = _("cụm, khối thi đua")
        verbose_name_plural = _("cụm, khối thi đua")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="unique_cluster_name")]

    def __str__(self) -> str:
        return self.name


class Pledge(models.Model):
    """The emulation pledge (giao ước thi đua) of a cluster for a year: criteria with points."""

    scope_field = "cluster__unit"

    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cụm, khối"), on_delete=models.CASCADE, related_name="pledges"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tiêu đề"), max_length=300)

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")
        ordering = ["-year", "cluster__name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "year"], name="unique_pledge_year")
        ]

    def __str__(self) -> str:
        return self.title


class PledgeCriterion(models.Model):
    """One criterion of a pledge and the most points it can earn."""

    scope_field = "pledge__cluster__unit"

    pledge = models.ForeignKey(
        Pledge, verbose_name=_("giao ước"), on_delete=models.CASCADE, related_name="criteria"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    text = models.CharField(_("tiêu chí"), max_length=500)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = _("tiêu chí giao ước")
        verbose_name_plural = _("tiêu chí giao ước")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text


class PledgeSignature(models.Model):
    """A member unit's signature of the pledge on a date."""

    scope_field = "unit"

    pledge = models.ForeignKey(
        Pledge, verbose_name=_("giao ước"), on_delete=models.CASCADE, related_name="signatures"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị ký"), on_delete=models.PROTECT, related_name="+"
    )
    signed_on = models.DateField(_("ngày ký"))
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("chữ ký giao ước")
        verbose_name_plural = _("chữ ký giao ước")
        ordering = ["signed_on", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "unit"], name="unique_pledge_signature")
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.pledge}"


class PledgeScore(models.Model):
    """The points the cluster gave one member for one criterion at the year's end."""

    scope_field = "pledge__cluster__unit"

    pledge = models.ForeignKey(
        Pledge, verbose_name=_("giao ước"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        PledgeCriterion, verbose_name=_("tiêu chí"), on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField(_("điểm"), max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = _("điểm chấm giao ước")
        verbose_name_plural = _("điểm chấm giao ước")
        constraints = [
            models.UniqueConstraint(fields=["criterion", "unit"], name="unique_pledge_score"),
            models.CheckConstraint(condition=Q(points__gte=0), name="pledge_score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.points}"
