"""Review conferences (hội nghị tổng kết, sơ kết): when and where, who chaired and attended,
what was presented, awarded and pledged, the next year's directions, and photos."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.models import IssuedNumber, Person, Unit

from .choices import KIND_SUBJECTS, ConferenceKind, Organisers


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


class Conference(models.Model):
    """One conference held by a commune. Free-text lists (agenda, reports presented, pledges)
    hold one item per line."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(
        _("loại hội nghị"),
        max_length=24,
        choices=ConferenceKind.choices,
        default=ConferenceKind.YEAR_REVIEW,
    )
    organisers = models.CharField(
        _("cơ quan tổ chức"), max_length=8, choices=Organisers.choices, default=Organisers.BOTH
    )
    year = models.PositiveSmallIntegerField(_("năm được tổng kết"))
    date = models.DateField(_("ngày họp"))
    start_time = models.TimeField(_("giờ bắt đầu"), default=datetime.time(8, 0))
    venue = models.CharField(_("địa điểm"), max_length=255)
    chair = models.ForeignKey(
        Person,
        verbose_name=_("chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agenda = models.TextField(
        _("chương trình (mỗi dòng một nội dung)"), blank=True, max_length=5000
    )
    reports_presented = models.TextField(
        _("các báo cáo trình bày (mỗi dòng một báo cáo)"), blank=True, max_length=5000
    )
    award_decisions = models.ManyToManyField(
        "emulation.AwardDecision",
        verbose_name=_("quyết định khen thưởng đã trao"),
        blank=True,
        related_name="conferences",
    )
    pledges = models.TextField(
        _("giao ước thi đua đã ký (mỗi dòng một giao ước)"), blank=True, max_length=5000
    )
    directions = models.TextField(_("phương hướng, nhiệm vụ năm sau"), blank=True, max_length=20000)
    shortcomings = models.TextField(
        _("tồn tại, hạn chế và nguyên nhân"), blank=True, max_length=20000
    )
    report_number = models.CharField(
        _("số báo cáo cũ (nhập tay)"),
        max_length=40,
        blank=True,
        help_text=_("Số ghi tay trước khi có sổ văn bản; số mới lấy từ sổ của UBND, Đảng ủy."),
    )
    state_number = models.OneToOneField(
        IssuedNumber,
        verbose_name=_("số báo cáo của UBND"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    party_number = models.OneToOneField(
        IssuedNumber,
        verbose_name=_("số báo cáo của Đảng ủy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer = models.ForeignKey(
        Person,
        verbose_name=_("người ký báo cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    party_signer = models.ForeignKey(
        Person,
        verbose_name=_("người ký báo cáo của Đảng ủy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["unit", "year"])]
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=1945), name="conference_year_sane"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} – {self.unit}"

    @property
    def next_year(self) -> int:
        return self.year + 1

    @property
    def subject(self) -> str:
        """What the conference was about, as the article's lead says it."""
        return str(KIND_SUBJECTS[self.kind]).format(year=self.year, next=self.next_year)

    @property
    def agenda_items(self) -> list[str]:
        return _lines(self.agenda)

    @property
    def reports_presented_items(self) -> list[str]:
        return _lines(self.reports_presented)

    @property
    def pledge_items(self) -> list[str]:
        return _lines(self.pledges)

    @property
    def direction_items(self) -> list[str]:
        return _lines(self.directions)

    @property
    def shortcoming_items(self) -> list[str]:
        return _lines(self.shortcomings)

    @property
    def part_of_day(self) -> str:
        """ "Sáng", "Chiều" or "Tối", as an article's lead opens ("Sáng ngày 09/01/2026")."""
        if self.start_time.hour < 12:
            return str(_("Sáng"))
        if self.start_time.hour < 18:
            return str(_("Chiều"))
        return str(_("Tối"))


class Guest(models.Model):
    """A guest attending a conference, with the title they held on its date (copied from their
    positions when added, and checked again when the date changes)."""

    scope_field = "conference__unit"

    conference = models.ForeignKey(
        Conference, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="guests"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("khách mời"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("chức vụ tại ngày họp"), max_length=150)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("khách mời")
        verbose_name_plural = _("khách mời")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "person"], name="unique_guest"),
        ]

    def __str__(self) -> str:
        return f"{self.person.full_name}, {self.title}"


def photo_path(instance: Photo, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"conferences/{instance.conference.unit_id}/{instance.conference_id}/anh.{extension}"


class Photo(models.Model):
    """A photo of the conference with its caption; only images Pillow can read are kept."""

    scope_field = "conference__unit"

    conference = models.ForeignKey(
        Conference, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField(_("ảnh"), upload_to=photo_path, max_length=255)
    caption = models.CharField(_("chú thích"), max_length=300)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    content_type = models.CharField(max_length=40, default="image/jpeg")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh hội nghị")
        verbose_name_plural = _("ảnh hội nghị")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.caption
