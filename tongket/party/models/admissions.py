from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from tongket.units.models import IssuedNumber, Person, Unit

from ..choices import PARTY_SIDE, AdmissionState, Education
from .members import PartyMember


class Admission(models.Model):
    """An admission file (hồ sơ kết nạp), from the candidate (quần chúng ưu tú) to the
    decision making them a full member. Each step's date and figures are kept as entered;
    the services check them against the rulebook and move the state."""

    scope_field = "cell"
    access_side = PARTY_SIDE

    commune = models.ForeignKey(
        Unit, verbose_name=_("Đảng bộ"), on_delete=models.PROTECT, related_name="+"
    )
    cell = models.ForeignKey(
        Unit, verbose_name=_("chi bộ"), on_delete=models.PROTECT, related_name="party_admissions"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("người vào Đảng"), on_delete=models.PROTECT, related_name="+"
    )
    readmission = models.ForeignKey(
        PartyMember,
        verbose_name=_("kết nạp lại (hồ sơ cũ)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("bước"), max_length=20, choices=AdmissionState.choices, default=AdmissionState.CANDIDATE
    )
    candidate_on = models.DateField(_("ngày vào danh sách quần chúng ưu tú"))
    education = models.PositiveSmallIntegerField(_("trình độ học vấn"), choices=Education.choices)
    education_exception = models.CharField(
        _("trường hợp ngoại lệ về học vấn"),
        max_length=200,
        blank=True,
        help_text=_("Miền núi, hải đảo, vùng đồng bào dân tộc thiểu số … theo hướng dẫn."),
    )
    course_certificate_no = models.CharField(_("số giấy chứng nhận"), max_length=40, blank=True)
    course_on = models.DateField(_("ngày cấp giấy chứng nhận lớp bồi dưỡng"), null=True, blank=True)
    introduced_on = models.DateField(_("ngày giới thiệu"), null=True, blank=True)
    cell_vote_on = models.DateField(_("ngày chi bộ xét"), null=True, blank=True)
    cell_full_members = models.PositiveSmallIntegerField(
        _("số đảng viên chính thức của chi bộ"), null=True, blank=True
    )
    cell_votes_for = models.PositiveSmallIntegerField(_("số đồng ý"), null=True, blank=True)
    committee_vote_on = models.DateField(_("ngày Đảng ủy xét"), null=True, blank=True)
    committee_members = models.PositiveSmallIntegerField(_("số cấp ủy viên"), null=True, blank=True)
    committee_votes_for = models.PositiveSmallIntegerField(_("số đồng ý"), null=True, blank=True)
    decision = models.ForeignKey(
        IssuedNumber,
        verbose_name=_("quyết định kết nạp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_on = models.DateField(_("ngày quyết định kết nạp"), null=True, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=40, blank=True)
    ceremony_on = models.DateField(_("ngày lễ kết nạp"), null=True, blank=True)
    member = models.ForeignKey(
        PartyMember,
        verbose_name=_("hồ sơ đảng viên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="admissions",
    )
    full_vote_on = models.DateField(
        _("ngày chi bộ xét công nhận chính thức"), null=True, blank=True
    )
    full_full_members = models.PositiveSmallIntegerField(
        _("số đảng viên chính thức của chi bộ"), null=True, blank=True
    )
    full_votes_for = models.PositiveSmallIntegerField(_("số đồng ý"), null=True, blank=True)
    full_decision = models.ForeignKey(
        IssuedNumber,
        verbose_name=_("quyết định công nhận chính thức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    full_decision_on = models.DateField(_("ngày quyết định chính thức"), null=True, blank=True)
    full_signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    full_signer_title = models.CharField(_("chức vụ người ký"), max_length=40, blank=True)
    closed_on = models.DateField(_("ngày dừng"), null=True, blank=True)
    closed_reason = models.CharField(_("lý do dừng"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("hồ sơ kết nạp")
        verbose_name_plural = _("hồ sơ kết nạp")
        ordering = ["-candidate_on", "-id"]

    def __str__(self) -> str:
        return f"Hồ sơ kết nạp {self.person.full_name}"

    def last_step_on(self) -> datetime.date:
        """The date of the latest step taken, which the next step may not precede."""
        dates = [
            self.candidate_on,
            self.course_on,
            self.introduced_on,
            self.cell_vote_on,
            self.committee_vote_on,
            self.decision_on,
            self.ceremony_on,
            self.full_vote_on,
            self.full_decision_on,
        ]
        return max(day for day in dates if day is not None)


class Introducer(models.Model):
    """A full member who introduces the candidate (người giới thiệu) and since when they
    have worked together."""

    scope_field = "admission__cell"
    access_side = PARTY_SIDE

    admission = models.ForeignKey(
        Admission, verbose_name=_("hồ sơ"), on_delete=models.CASCADE, related_name="introducers"
    )
    member = models.ForeignKey(
        PartyMember,
        verbose_name=_("đảng viên giới thiệu"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    together_since = models.DateField(_("cùng công tác từ ngày"))

    class Meta:
        verbose_name = _("người giới thiệu")
        verbose_name_plural = _("người giới thiệu")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.member.person.full_name} giới thiệu"
