from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.models import IssuedNumber, Person, Unit

from ..choices import (
    IN_PARTY,
    PARTY_SIDE,
    Education,
    EventKind,
    MemberKind,
    MemberStatus,
    TransferKind,
    TransferState,
)


class PartyMember(models.Model):
    """A person's party record in a Đảng bộ (a commune's party organisation). Status, cell,
    dates and flags are cached from the record's events by the services: what counts is
    the events. A guest record stands for a member of another organisation active here
    temporarily; it is never counted as a member."""

    scope_field = "cell"
    access_side = PARTY_SIDE

    person = models.ForeignKey(
        Person, verbose_name=_("người"), on_delete=models.PROTECT, related_name="party_records"
    )
    kind = models.CharField(
        _("loại hồ sơ"), max_length=8, choices=MemberKind.choices, default=MemberKind.MEMBER
    )
    commune = models.ForeignKey(
        Unit, verbose_name=_("Đảng bộ"), on_delete=models.PROTECT, related_name="+"
    )
    cell = models.ForeignKey(
        Unit, verbose_name=_("chi bộ"), on_delete=models.PROTECT, related_name="party_members"
    )
    card_number = models.CharField(_("số thẻ đảng viên"), max_length=20, blank=True)
    education = models.PositiveSmallIntegerField(
        _("trình độ học vấn"), choices=Education.choices, null=True, blank=True
    )
    admitted_on = models.DateField(_("ngày vào Đảng"), null=True, blank=True)
    full_on = models.DateField(_("ngày chính thức"), null=True, blank=True)
    joined_on = models.DateField(_("ngày về sinh hoạt tại Đảng bộ"), null=True, blank=True)
    probation_from = models.DateField(_("dự bị từ ngày"), null=True, blank=True)
    left_on = models.DateField(_("ngày ra khỏi danh sách"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=16, choices=MemberStatus.choices, blank=True, db_index=True
    )
    exempt = models.BooleanField(_("miễn sinh hoạt"), default=False)
    away = models.BooleanField(_("đang sinh hoạt tạm thời nơi khác"), default=False)
    badge_before = models.PositiveSmallIntegerField(
        _("Huy hiệu Đảng đã nhận trước khi ghi vào tongket (năm)"), null=True, blank=True
    )
    home_member = models.ForeignKey(
        "self",
        verbose_name=_("hồ sơ chính thức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="guest_records",
    )
    home_organization = models.CharField(_("nơi sinh hoạt chính thức"), max_length=200, blank=True)
    note = models.TextField(_("ghi chú"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("đảng viên")
        verbose_name_plural = _("đảng viên")
        ordering = ["person__name_folded", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["card_number"],
                condition=~Q(card_number=""),
                name="party_unique_card_number",
                violation_error_message=_("Số thẻ đảng viên này đã có trong danh sách."),
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(kind=MemberKind.MEMBER),
                name="party_one_record_per_person",
                violation_error_message=_("Người này đã có hồ sơ đảng viên."),
            ),
        ]
        indexes = [models.Index(fields=["commune", "status"])]

    def __str__(self) -> str:
        return f"Đảng viên {self.person.full_name}"

    @property
    def in_party(self) -> bool:
        return self.status in IN_PARTY


class MemberEvent(models.Model):
    """One dated event of a member record, with what it changes in the counts of its chi bộ
    (−1, 0 or +1 probationary, full, exempted, away, guests). Members of a chi bộ or a Đảng
    bộ on a date are sums of these up to that date, so a count taken a year later is the
    same. Events of one record are entered in date order."""

    scope_field = "cell"
    access_side = PARTY_SIDE

    member = models.ForeignKey(
        PartyMember, verbose_name=_("đảng viên"), on_delete=models.CASCADE, related_name="events"
    )
    commune = models.ForeignKey(
        Unit, verbose_name=_("Đảng bộ"), on_delete=models.PROTECT, related_name="+"
    )
    cell = models.ForeignKey(
        Unit, verbose_name=_("chi bộ"), on_delete=models.PROTECT, related_name="party_events"
    )
    kind = models.CharField(_("sự kiện"), max_length=16, choices=EventKind.choices)
    on = models.DateField(_("ngày"))
    d_probationary = models.SmallIntegerField(default=0)
    d_full = models.SmallIntegerField(default=0)
    d_exempt = models.SmallIntegerField(default=0)
    d_away = models.SmallIntegerField(default=0)
    d_guest = models.SmallIntegerField(default=0)
    document = models.CharField(_("căn cứ"), max_length=200, blank=True)
    issued_number = models.ForeignKey(
        IssuedNumber,
        verbose_name=_("số quyết định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    other_place = models.CharField(_("nơi đi, nơi đến"), max_length=200, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("sự kiện đảng viên")
        verbose_name_plural = _("sự kiện đảng viên")
        ordering = ["on", "id"]
        indexes = [
            models.Index(fields=["commune", "on"]),
            models.Index(fields=["member", "on"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}"


class Transfer(models.Model):
    """A member's move to a chi bộ of another commune in tongket: it takes effect only when
    the receiving Đảng ủy accepts it (official: the record moves there; temporary: the
    member is active there as a guest and stays counted at home)."""

    scope_field = "from_cell"
    access_side = PARTY_SIDE

    member = models.ForeignKey(
        PartyMember, verbose_name=_("đảng viên"), on_delete=models.CASCADE, related_name="transfers"
    )
    kind = models.CharField(_("hình thức"), max_length=12, choices=TransferKind.choices)
    from_cell = models.ForeignKey(
        Unit, verbose_name=_("từ chi bộ"), on_delete=models.PROTECT, related_name="+"
    )
    to_cell = models.ForeignKey(
        Unit, verbose_name=_("đến chi bộ"), on_delete=models.PROTECT, related_name="+"
    )
    on = models.DateField(_("ngày chuyển"))
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=TransferState.choices,
        default=TransferState.REQUESTED,
    )
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    guest = models.ForeignKey(
        PartyMember,
        verbose_name=_("hồ sơ sinh hoạt tạm thời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("chuyển sinh hoạt Đảng")
        verbose_name_plural = _("chuyển sinh hoạt Đảng")
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.member} → {self.to_cell}"


class BadgeAward(models.Model):
    """A Huy hiệu Đảng handed to a member on an award date."""

    scope_field = "member__cell"
    access_side = PARTY_SIDE

    member = models.ForeignKey(
        PartyMember, verbose_name=_("đảng viên"), on_delete=models.CASCADE, related_name="badges"
    )
    commune = models.ForeignKey(
        Unit, verbose_name=_("Đảng bộ"), on_delete=models.PROTECT, related_name="+"
    )
    milestone = models.PositiveSmallIntegerField(_("mốc (năm tuổi Đảng)"))
    awarded_on = models.DateField(_("ngày trao"))
    document = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Huy hiệu Đảng")
        verbose_name_plural = _("Huy hiệu Đảng")
        ordering = ["-awarded_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "milestone"],
                name="party_one_badge_per_milestone",
                violation_error_message=_("Đảng viên đã nhận Huy hiệu mốc này."),
            )
        ]

    def __str__(self) -> str:
        return f"Huy hiệu {self.milestone} năm tuổi Đảng – {self.member.person.full_name}"
