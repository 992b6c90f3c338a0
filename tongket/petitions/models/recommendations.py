"""Recommendations (kiến nghị, đề xuất): what a unit or a citizen raised, where it stands,
who raised it (every source kept when items are merged) and every assignment made."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.lib.text import fold
from tongket.units.models import Person, Unit

from ..choices import RUNNING_STATES, Competence, Field, Priority, State
from .plans import Plan, Session


class Recommendation(models.Model):
    """One recommendation. It belongs to the unit that raised it (a tổ dân phố's reporter sees
    it; the commune's officers see every one of the commune's). The province sees it only
    once it was forwarded (`scope_above_commune`). Overdue is computed from the deadline and
    the state, never stored."""

    scope_field = "unit"
    scope_above_commune = ("commune", Q(forwarding__isnull=False))

    commune = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị kiến nghị"), on_delete=models.PROTECT, related_name="+"
    )
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("đợt làm việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("buổi làm việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    text = models.TextField(_("nội dung kiến nghị"), max_length=5000)
    text_folded = models.TextField(editable=False, default="")
    field = models.CharField(_("lĩnh vực"), max_length=24, choices=Field.choices)
    competence = models.CharField(
        _("thẩm quyền giải quyết"), max_length=16, choices=Competence.choices
    )
    department = models.ForeignKey(
        Unit,
        verbose_name=_("sở, ngành tỉnh có thẩm quyền"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    received_on = models.DateField(_("ngày tiếp nhận"))
    state = models.CharField(
        _("tình trạng"), max_length=16, choices=State.choices, default=State.NEW, db_index=True
    )
    priority = models.PositiveSmallIntegerField(
        _("mức ưu tiên"), choices=Priority.choices, default=Priority.NORMAL
    )
    deadline = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    assignee_unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị được giao"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignee_person = models.ForeignKey(
        Person,
        verbose_name=_("người được giao"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answer = models.TextField(_("kết quả giải quyết, trả lời"), blank=True, max_length=10000)
    resolved_on = models.DateField(_("ngày giải quyết"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    public_question = models.TextField(
        _("nội dung công khai (đã ẩn tên)"), blank=True, max_length=5000
    )
    published_at = models.DateTimeField(_("công khai trả lời lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kiến nghị")
        verbose_name_plural = _("kiến nghị")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["commune", "state"]),
            models.Index(fields=["commune", "received_on"]),
            models.Index(fields=["assignee_person", "state"]),
            models.Index(fields=["state", "deadline"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state=State.RESOLVED) | (Q(resolved_on__isnull=False) & ~Q(answer="")),
                name="petition_resolved_has_answer",
                violation_error_message=_("Kiến nghị đã giải quyết phải có nội dung trả lời."),
            ),
            models.CheckConstraint(
                condition=~Q(competence=Competence.DEPARTMENT) | Q(department__isnull=False),
                name="petition_department_named",
                violation_error_message=_("Hãy chọn sở, ngành có thẩm quyền."),
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(state=State.RESOLVED),
                name="petition_published_is_resolved",
            ),
        ]

    def __str__(self) -> str:
        short = self.text if len(self.text) <= 80 else self.text[:79].rstrip() + "…"
        return f"#{self.pk} {short}"

    def save(self, *args, **kwargs) -> None:
        self.text_folded = fold(self.text)
        super().save(*args, **kwargs)

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or datetime.date.today()
        return self.state in RUNNING_STATES and self.deadline is not None and self.deadline < today

    @property
    def resolved_late(self) -> bool:
        return bool(
            self.state == State.RESOLVED
            and self.deadline
            and self.resolved_on
            and self.resolved_on > self.deadline
        )

    @property
    def assignee_text(self) -> str:
        parts = [x for x in (self.assignee_unit, self.assignee_person) if x is not None]
        return ", ".join(getattr(x, "name", None) or x.full_name for x in parts)


class Source(models.Model):
    """Who raised a recommendation, where and in what words: a unit at a session (with the
    person who spoke), or a citizen through the portal. Merged items keep every source, so
    each unit that raised the matter is told the answer."""

    scope_field = "unit"
    scope_above_commune = ("recommendation__commune", Q(recommendation__forwarding__isnull=False))

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("kiến nghị"),
        on_delete=models.CASCADE,
        related_name="sources",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị kiến nghị"), on_delete=models.PROTECT, related_name="+"
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("buổi làm việc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submission = models.OneToOneField(
        "petitions.CitizenSubmission",
        verbose_name=_("ý kiến của người dân"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="source",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("người nêu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    person_name = models.CharField(_("người nêu"), max_length=120, blank=True)
    text = models.TextField(_("nguyên văn"), max_length=5000)
    received_on = models.DateField(_("ngày nêu"))
    informed_on = models.DateField(_("đã báo kết quả cho đơn vị ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("nguồn kiến nghị")
        verbose_name_plural = _("nguồn kiến nghị")
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        who = self.person_name or (self.person.full_name if self.person_id else "")
        return f"{self.unit.name}{f' ({who})' if who else ''}"


class Assignment(models.Model):
    """One assignment of a recommendation (giao xử lý): to whom, by when, with what priority,
    and the reason when the deadline runs past the plan's end. The history is never edited."""

    scope_field = "recommendation__unit"
    scope_above_commune = ("recommendation__commune", Q(recommendation__forwarding__isnull=False))

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("kiến nghị"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    assignee_unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị được giao"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignee_person = models.ForeignKey(
        Person,
        verbose_name=_("người được giao"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField(_("hạn giải quyết"))
    priority = models.PositiveSmallIntegerField(_("mức ưu tiên"), choices=Priority.choices)
    reason = models.TextField(_("lý do"), blank=True, max_length=2000)
    assigned_at = models.DateTimeField(auto_now_add=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("lần giao xử lý")
        verbose_name_plural = _("lịch sử giao xử lý")
        ordering = ["assigned_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(assignee_unit__isnull=False) | Q(assignee_person__isnull=False),
                name="petition_assignment_has_assignee",
                violation_error_message=_("Hãy chọn đơn vị hoặc người được giao."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id} → {self.assignee_unit or self.assignee_person}"
