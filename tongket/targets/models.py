"""Indicators (chỉ tiêu), their yearly versions, plans (kế hoạch giao), results (thực hiện),
submissions for approval and reporting deadlines.

Who owns an indicator: `Indicator.owner` is the unit that defined it. A province's indicators
apply to every commune under it; a commune may add its own (from its own resolution), which
apply to it and its subordinate units; an indicator without an owner is national and applies
everywhere. The set that applies to a unit in a year is every IndicatorVersion of that year,
not retired, whose indicator is owned by the unit, one of its ancestors, or nobody.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.models import Unit

from .choices import (
    Direction,
    IndicatorGroup,
    Period,
    PlanSource,
    Qualifier,
    Rollup,
    SubmissionState,
    ValueKind,
)

# Where a figure goes in an indicator's own article wording ("kết nạp {số liệu} mới").
ARTICLE_FIGURE = "{số liệu}"
VALUE_DIGITS = 20
VALUE_PLACES = 4


def value_field(label, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        label, max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True, **kwargs
    )


class Indicator(models.Model):
    """The stable identity of an indicator: its code never changes, so plans and results of
    every year stay attached to it when it is renamed or regrouped. What it is called and how
    it is measured in a given year lives in IndicatorVersion."""

    scope_field = "owner"

    code = models.CharField(_("mã chỉ tiêu"), max_length=32, unique=True)
    owner = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class IndicatorVersion(models.Model):
    """An indicator as it stands in one year's set: name, group, unit of measure, kind,
    direction, how children's values roll up, decimals. Each year's set starts as a copy of
    the previous year's (services.indicator_year_copy) and is then edited."""

    scope_field = "indicator__owner"

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE, related_name="versions"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    group = models.CharField(_("nhóm"), max_length=32, choices=IndicatorGroup.choices)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    value_kind = models.CharField(
        _("loại giá trị"), max_length=16, choices=ValueKind.choices, default=ValueKind.NUMBER
    )
    direction = models.CharField(
        _("chiều đánh giá"), max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    rollup = models.CharField(
        _("cách tổng hợp từ đơn vị cấp dưới"),
        max_length=16,
        choices=Rollup.choices,
        default=Rollup.SUM,
    )
    weight_indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("chỉ tiêu làm quyền số"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="weighted_versions",
    )
    decimals = models.PositiveSmallIntegerField(_("số chữ số thập phân"), default=0)
    allows_negative = models.BooleanField(_("được phép âm"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    retired = models.BooleanField(_("thôi theo dõi"), default=False)
    featured = models.BooleanField(
        _("chỉ tiêu chủ yếu"),
        default=False,
        help_text=_("Chỉ tiêu chủ yếu được nêu trong tin bài về hội nghị tổng kết."),
    )
    public = models.BooleanField(
        _("công khai"),
        default=True,
        help_text=_("Hiện trên trang công khai của xã, phường."),
    )
    reporting_kinds = models.CharField(
        _("đơn vị cấp dưới báo cáo"),
        max_length=200,
        blank=True,
        help_text=_(
            "Loại đơn vị cấp dưới nhập chỉ tiêu này (tổ dân phố, trường học …). Để trống thì "
            "chỉ xã, phường nhập; đơn vị được giao kế hoạch chỉ tiêu này cũng nhập."
        ),
    )
    article_wording = models.CharField(
        _("cách viết trong tin bài"),
        max_length=200,
        blank=True,
        help_text=_(
            "Để trống thì viết theo tên chỉ tiêu. Ví dụ: “kết nạp {số liệu} mới” cho ra "
            "“kết nạp 6 đảng viên mới”."
        ),
    )
    # Part of the dashboards' data version (selectors.stamps): a rename shows at once.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("chỉ tiêu theo năm")
        verbose_name_plural = _("chỉ tiêu theo năm")
        ordering = ["year", "order", "indicator__code"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="unique_indicator_year"),
            models.CheckConstraint(condition=Q(decimals__lte=4), name="indicator_decimals_max"),
        ]
        indexes = [models.Index(fields=["year", "retired"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def reporting_kind_list(self) -> list[str]:
        """The subordinate unit kinds that report this indicator (stored comma-separated:
        no kind's name is part of another's, so a `contains` filter is exact)."""
        return [kind for kind in self.reporting_kinds.split(",") if kind]

    def clean(self) -> None:
        if self.article_wording and ARTICLE_FIGURE not in self.article_wording:
            raise ValidationError(
                {
                    "article_wording": _("Cách viết trong tin bài phải có chỗ “%(slot)s”.")
                    % {"slot": ARTICLE_FIGURE}
                }
            )
        if self.rollup == Rollup.WEIGHTED_MEAN and not self.weight_indicator_id:
            raise ValidationError(
                {"weight_indicator": _("Bình quân gia quyền cần chỉ tiêu làm quyền số.")}
            )
        if self.rollup != Rollup.WEIGHTED_MEAN and self.weight_indicator_id:
            self.weight_indicator = None
        if self.weight_indicator_id and self.weight_indicator_id == self.indicator_id:
            raise ValidationError(
                {"weight_indicator": _("Chỉ tiêu không thể làm quyền số cho chính nó.")}
            )


class Plan(models.Model):
    """The target (kế hoạch) of one unit for one indicator and year, with who set it: the
    level above (assigned) or the unit's own resolution, and the document reference."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="plans"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="plans"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    value = value_field(_("kế hoạch"))
    source = models.CharField(
        _("nguồn"), max_length=16, choices=PlanSource.choices, default=PlanSource.ASSIGNED
    )
    assigned_by = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị giao"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_plans",
    )
    document = models.CharField(_("văn bản giao"), max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "indicator", "year"], name="unique_plan_unit_indicator_year"
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "year"]),
            # The dashboards' data stamp (latest change and count per unit and year) is read
            # from this index alone.
            models.Index(fields=["unit", "year", "updated_at"], name="plan_stamp"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.indicator} – {self.year}"


class Result(models.Model):
    """What a unit achieved (thực hiện) or expects to achieve (ước thực hiện) on one indicator
    for one period. Ratios keep numerator and denominator; `value` is then the percentage.
    A figure may carry a qualifier ("trên", "gần", "khoảng", "hơn"); a result known only as a
    % of plan keeps that percentage and no value (nothing is invented).
    `version` grows with every save so two people editing the same cell cannot overwrite
    each other silently."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="results"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="results"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    period = models.CharField(_("kỳ"), max_length=8, choices=Period.choices, default=Period.YEAR)
    value = value_field(_("giá trị"))
    numerator = value_field(_("tử số"))
    denominator = value_field(_("mẫu số"))
    is_estimate = models.BooleanField(_("ước thực hiện"), default=False)
    qualifier = models.CharField(
        _("từ chỉ mức"), max_length=8, choices=Qualifier.choices, blank=True, default=""
    )
    percent_of_plan = value_field(
        _("% kế hoạch (khi chỉ biết tỷ lệ)"),
        help_text=_("Kết quả chỉ biết bằng % kế hoạch, không có giá trị thực hiện."),
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("kết quả")
        verbose_name_plural = _("kết quả")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "indicator", "year", "period"], name="unique_result_cell"
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "year", "period"]),
            # The dashboards' data stamp, read from this index alone (selectors.stamps).
            models.Index(fields=["unit", "year", "period", "updated_at"], name="result_stamp"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.indicator} – {self.year} {self.period}"


class Submission(models.Model):
    """A unit's figures for one period, sent up for approval: draft → submitted → approved,
    or returned with a reason. Approved figures are locked until reopened (a recorded
    action)."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="submissions"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    period = models.CharField(_("kỳ"), max_length=8, choices=Period.choices)
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=SubmissionState.choices,
        default=SubmissionState.DRAFT,
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    decided_at = models.DateTimeField(_("duyệt/trả lúc"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("báo cáo số liệu")
        verbose_name_plural = _("báo cáo số liệu")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "period"], name="unique_submission_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {Period(self.period).label} {self.year}"

    @property
    def is_locked(self) -> bool:
        return self.state == SubmissionState.APPROVED


class Deadline(models.Model):
    """When the units under `unit` must submit a period's figures. Set by the level above;
    the nearest ancestor's deadline applies."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đặt hạn"), on_delete=models.CASCADE, related_name="deadlines"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    period = models.CharField(_("kỳ"), max_length=8, choices=Period.choices)
    due = models.DateField(_("hạn nộp"))

    class Meta:
        verbose_name = _("hạn nộp báo cáo")
        verbose_name_plural = _("hạn nộp báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "period"], name="unique_deadline"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.period} {self.year}: {self.due}"
