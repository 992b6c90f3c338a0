"""The plan of a round of working sessions (kế hoạch làm việc), its delegation and its
schedule: one session per subordinate unit."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.choices import Body, DocumentType, number_line
from tongket.units.models import IssuedNumber, Person, Position, Unit

from ..choices import DelegationGroup, SessionState


def lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


class Plan(models.Model):
    """A plan of working sessions issued by the commune's Đảng ủy or UBND ("Kế hoạch số
    12-KH/ĐU ngày 15/8/2025 về làm việc với các chi bộ, tổ dân phố, cơ quan trên địa bàn").
    Its number comes from the body's number book when it is issued. The plan is the round:
    its sessions, recommendations, notices and article hang from it. Plans, sessions and
    notices are the commune's own work: the province sees none of them (it sees the items
    sent up, through the report that carried them)."""

    scope_field = "unit"
    scope_above_commune = ("unit", Q(pk__in=[]))

    unit = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.CharField(_("cơ quan ban hành"), max_length=24, choices=Body.choices)
    issued_on = models.DateField(_("ngày ban hành"))
    number = models.OneToOneField(
        IssuedNumber,
        verbose_name=_("số kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject = models.CharField(
        _("trích yếu"),
        max_length=300,
        help_text=_("Ví dụ: về làm việc với các chi bộ, tổ dân phố, cơ quan trên địa bàn"),
    )
    purpose = models.TextField(_("mục đích, yêu cầu"), blank=True, max_length=5000)
    legal_bases = models.TextField(_("căn cứ (mỗi dòng một văn bản)"), blank=True, max_length=5000)
    content = models.TextField(_("nội dung làm việc"), blank=True, max_length=5000)
    period_start = models.DateField(_("làm việc từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    signer = models.ForeignKey(
        Person,
        verbose_name=_("người ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kế hoạch làm việc")
        verbose_name_plural = _("kế hoạch làm việc")
        ordering = ["-issued_on", "-id"]
        indexes = [models.Index(fields=["unit", "issued_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="petition_plan_period_order",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu làm việc."),
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Kế hoạch')} {self.number_label or _('(chưa ban hành)')} {self.subject}"

    @property
    def year(self) -> int:
        return self.period_start.year

    @property
    def is_party(self) -> bool:
        return self.body == Body.PARTY_COMMITTEE

    @property
    def number_text(self) -> str:
        """ "Số 12-KH/ĐU" or "Số: 12/KH-UBND"; "" before it is issued."""
        if self.number is None:
            return ""
        return number_line(self.number.number, DocumentType.PLAN, self.body)

    @property
    def number_label(self) -> str:
        """ "12-KH/ĐU" or "12/KH-UBND"."""
        return str(self.number) if self.number is not None else ""

    @property
    def is_issued(self) -> bool:
        return self.number_id is not None

    @property
    def legal_basis_items(self) -> list[str]:
        return lines(self.legal_bases)

    @property
    def purpose_items(self) -> list[str]:
        return lines(self.purpose)

    @property
    def content_items(self) -> list[str]:
        return lines(self.content)


class DelegationMember(models.Model):
    """A member of the delegation (đoàn công tác), chosen among the people holding a position
    of the commune's leading bodies on the plan's date; the title is the one held then."""

    scope_field = "plan__unit"
    scope_above_commune = ("plan__unit", Q(pk__in=[]))

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="delegation"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("thành viên"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.ForeignKey(
        Position, verbose_name=_("chức vụ"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("chức vụ tại ngày ban hành"), max_length=150)
    group = models.CharField(_("thuộc"), max_length=24, choices=DelegationGroup.choices)
    leads = models.BooleanField(_("trưởng đoàn"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("thành viên đoàn công tác")
        verbose_name_plural = _("đoàn công tác")
        ordering = ["-leads", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "person"],
                name="unique_delegation_member",
                violation_error_message=_("Người này đã có trong đoàn công tác."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.full_name}, {self.title}"


class Session(models.Model):
    """One working session (buổi làm việc) with one subordinate unit: when and where, who
    attends for the unit, and once held, the summary of the unit's report."""

    scope_field = "unit"
    scope_above_commune = ("plan__unit", Q(pk__in=[]))

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="sessions"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị làm việc"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("ngày làm việc"))
    start_time = models.TimeField(_("giờ bắt đầu"))
    place = models.CharField(_("địa điểm"), max_length=255)
    unit_attendees = models.TextField(
        _("thành phần của đơn vị (mỗi dòng một người hoặc một nhóm)"), blank=True, max_length=3000
    )
    state = models.CharField(
        _("tình trạng"), max_length=12, choices=SessionState.choices, default=SessionState.PLANNED
    )
    delegation_present = models.ManyToManyField(
        DelegationMember, verbose_name=_("thành viên đoàn có mặt"), blank=True, related_name="+"
    )
    report_summary = models.TextField(
        _("tóm tắt báo cáo của đơn vị (kết quả)"), blank=True, max_length=10000
    )
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True, max_length=10000)

    class Meta:
        verbose_name = _("buổi làm việc")
        verbose_name_plural = _("buổi làm việc")
        ordering = ["date", "start_time", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "unit"],
                name="unique_session_per_unit",
                violation_error_message=_("Kế hoạch đã có buổi làm việc với đơn vị này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Buổi làm việc với')} {self.unit.name}"

    @property
    def is_held(self) -> bool:
        return self.state == SessionState.HELD

    @property
    def attendee_items(self) -> list[str]:
        return lines(self.unit_attendees)

    @property
    def part_of_day(self) -> str:
        if self.start_time.hour < 12:
            return str(_("sáng"))
        if self.start_time.hour < 18:
            return str(_("chiều"))
        return str(_("tối"))
