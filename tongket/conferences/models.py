"""Review conferences (hội nghị tổng kết, sơ kết): when and where, who chaired and attended,
what was presented, awarded and pledged, the next year's directions, and photos."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.models import IssuedNumber, Person, Unit

from .choices import KIND_SUBJECTS, ConferenceKind, Organisers, PhotoPlacement, SpeechKind


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
    start_time = models.TimeField(
        _("giờ bắt đầu"),
        null=True,
        blank=True,
        default=None,
        help_text=_("Để trống khi không rõ giờ: tin bài viết “Ngày 09/01/2026, …”."),
    )
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
    title = models.CharField(
        _("tên hội nghị"),
        max_length=300,
        blank=True,
        help_text=_("Như tin bài giới thiệu; để trống thì ghi theo loại hội nghị."),
    )
    headline = models.CharField(
        _("tiêu đề tin bài"),
        max_length=300,
        blank=True,
        help_text=_("Để trống thì ghi theo loại hội nghị."),
    )
    discussion = models.TextField(
        _("các đại biểu thảo luận, làm rõ"),
        blank=True,
        max_length=5000,
        help_text=_("Ví dụ: những khó khăn trong thu ngân sách và giải pháp năm 2026."),
    )
    award_records = models.ManyToManyField(
        "emulation.AwardRecord",
        verbose_name=_("khen thưởng ghi theo số lượng đã trao"),
        blank=True,
        related_name="conferences",
    )
    author_name = models.CharField(_("tác giả tin bài"), max_length=120, blank=True)
    author_unit = models.CharField(
        _("đơn vị của tác giả"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Phường Hòa Bình; để trống thì chỉ ghi tên tác giả."),
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
            # The database's own net under clean()'s rule (the reviewed year or the next):
            # a portable check cannot compare a date's year with a column, so it bounds both.
            models.CheckConstraint(
                condition=Q(year__lte=2100)
                & Q(date__gte=datetime.date(1945, 1, 1))
                & Q(date__lte=datetime.date(2101, 12, 31)),
                name="conference_date_sane",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} – {self.unit}"

    def clean(self) -> None:
        self.check_date()

    def check_date(self) -> None:
        """A conference reviewing a year meets in that year or the next (a 2025 review is
        held in 2025 or 2026), never in 9999."""
        if not (self.date and self.year):
            return
        if not self.year <= self.date.year <= self.year + 1:
            raise ValidationError(
                {
                    "date": _(
                        "Ngày họp phải trong năm được tổng kết hoặc năm sau "
                        "(từ 01/01/%(year)s đến 31/12/%(next)s)."
                    )
                    % {"year": self.year, "next": self.year + 1}
                }
            )

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
    def default_title(self) -> str:
        """ "Hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026"."""
        return str(_("Hội nghị")) + " " + self.subject

    def default_headline(self, commune_name: str) -> str:
        """ "Phường Hòa Bình tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026"."""
        return f"{commune_name} {self.subject}"

    @property
    def part_of_day(self) -> str:
        """ "Sáng", "Chiều" or "Tối", as an article's lead opens ("Sáng ngày 09/01/2026");
        empty when no time was entered."""
        if self.start_time is None:
            return ""
        if self.start_time.hour < 12:
            return str(_("Sáng"))
        if self.start_time.hour < 18:
            return str(_("Chiều"))
        return str(_("Tối"))


class Guest(models.Model):
    """A guest attending a conference, with the title they held on its date (copied from their
    positions when added, and checked again when the date changes). For a past year a guest
    who is not in the people list is entered by name and title as the article wrote them."""

    scope_field = "conference__unit"

    conference = models.ForeignKey(
        Conference, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="guests"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("khách mời"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(
        _("họ và tên (khi không có trong danh sách)"), max_length=120, blank=True
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
        return f"{self.full_name}, {self.title}"

    @property
    def full_name(self) -> str:
        return self.person.full_name if self.person_id else self.name


class Speech(models.Model):
    """Who spoke at the conference, with their title on its date, and what they asked, as an
    article reports it ("Phát biểu chỉ đạo tại hội nghị, đồng chí …, đề nghị …")."""

    scope_field = "conference__unit"

    conference = models.ForeignKey(
        Conference, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="speeches"
    )
    kind = models.CharField(
        _("loại"), max_length=16, choices=SpeechKind.choices, default=SpeechKind.DIRECTION
    )
    speaker_name = models.CharField(_("người phát biểu"), max_length=120)
    speaker_title = models.CharField(_("chức vụ tại ngày họp"), max_length=150, blank=True)
    content = models.TextField(
        _("nội dung"),
        max_length=5000,
        help_text=_(
            "Viết như tin bài, bắt đầu bằng động từ: “đề nghị phường tập trung …”, "
            "“ghi nhận, biểu dương …”."
        ),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("phát biểu")
        verbose_name_plural = _("phát biểu")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.speaker_name}: {self.content[:60]}"


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
    placement = models.CharField(
        _("vị trí trong tin bài"),
        max_length=16,
        choices=PhotoPlacement.choices,
        blank=True,
        default=PhotoPlacement.AUTO,
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh hội nghị")
        verbose_name_plural = _("ảnh hội nghị")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.caption
