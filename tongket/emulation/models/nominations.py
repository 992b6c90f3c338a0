from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongket.lib.text import fold
from tongket.units.models import Person, Unit

from ..choices import NominationState, Recipient
from .movements import Movement
from .rulebook import AwardKind


def nominee_key(
    recipient: str,
    person_id: int | None,
    collective_id: int | None,
    household_group_id: int | None,
    household_name: str,
) -> str:
    """A stable identity for whoever is commended, used by the duplicate and
    consecutive-year checks: "p:12", "u:7", "h:9:nguyen van a"."""
    if recipient == Recipient.INDIVIDUAL:
        return f"p:{person_id}"
    if recipient == Recipient.COLLECTIVE:
        return f"u:{collective_id}"
    return f"h:{household_group_id}:{fold(household_name)}"


class NomineeFields(models.Model):
    """Who is nominated, registered or was commended: a person, a collective (a unit) or a
    household (a name in a residential group)."""

    recipient = models.CharField(_("đối tượng"), max_length=16, choices=Recipient.choices)
    person = models.ForeignKey(
        Person,
        verbose_name=_("cá nhân"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    collective = models.ForeignKey(
        Unit,
        verbose_name=_("tập thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    household_name = models.CharField(_("hộ gia đình (chủ hộ)"), max_length=120, blank=True)
    household_group = models.ForeignKey(
        Unit,
        verbose_name=_("tổ dân phố, thôn của hộ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    nominee_key = models.CharField(max_length=160, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.set_nominee_key()
        super().save(*args, **kwargs)

    @property
    def nominee_name(self) -> str:
        if self.recipient == Recipient.INDIVIDUAL and self.person_id:
            return self.person.full_name
        if self.recipient == Recipient.COLLECTIVE and self.collective_id:
            return self.collective.name
        if self.household_name:
            group = f", {self.household_group.name}" if self.household_group_id else ""
            return f"Hộ gia đình {self.household_name}{group}"
        return "—"

    @property
    def nominee_unit(self) -> Unit | None:
        """The unit the nominee belongs to (the person's unit, the collective itself, the
        household's residential group)."""
        return {
            Recipient.INDIVIDUAL: self.person.unit if self.person_id else None,
            Recipient.COLLECTIVE: self.collective,
            Recipient.HOUSEHOLD: self.household_group,
        }.get(self.recipient)

    def clean_nominee(self) -> None:
        if self.recipient == Recipient.INDIVIDUAL and not self.person_id:
            raise ValidationError({"person": _("Cần chọn cá nhân được đề nghị.")})
        if self.recipient == Recipient.COLLECTIVE and not self.collective_id:
            raise ValidationError({"collective": _("Cần chọn tập thể được đề nghị.")})
        if self.recipient == Recipient.HOUSEHOLD and (
            not self.household_name.strip() or not self.household_group_id
        ):
            raise ValidationError(
                {"household_name": _("Cần ghi tên chủ hộ và tổ dân phố, thôn của hộ.")}
            )

    def set_nominee_key(self) -> None:
        self.nominee_key = nominee_key(
            self.recipient,
            self.person_id,
            self.collective_id,
            self.household_group_id,
            self.household_name,
        )


class Registration(NomineeFields):
    """A registration for a title at the start of the year (đăng ký thi đua). Titles that
    require one are considered only for those who registered."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đăng ký"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    award_kind = models.ForeignKey(
        AwardKind, verbose_name=_("danh hiệu"), on_delete=models.PROTECT, related_name="+"
    )
    registered_on = models.DateField(_("ngày đăng ký"))

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        ordering = ["-year", "unit__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "award_kind", "nominee_key"], name="unique_registration"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nominee_name} – {self.award_kind} {self.year}"

    def clean(self) -> None:
        self.clean_nominee()


class PastAward(NomineeFields):
    """A title or commendation received before tongket was in use (entered from the old
    decisions), so the consecutive-year and members' checks can see it."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    award_kind = models.ForeignKey(
        AwardKind,
        verbose_name=_("danh hiệu, hình thức"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_ref = models.CharField(_("quyết định"), max_length=200)
    record = models.ForeignKey(
        "AwardRecord",
        verbose_name=_("quyết định ghi theo số lượng"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    title = models.CharField(_("chức vụ khi được khen"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("khen thưởng các năm trước")
        verbose_name_plural = _("khen thưởng các năm trước")
        ordering = ["-year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "award_kind", "nominee_key"], name="unique_past_award"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nominee_name} – {self.award_kind} {self.year}"

    def clean(self) -> None:
        self.clean_nominee()


class Nomination(NomineeFields):
    """A proposal to commend someone (đề nghị khen thưởng) for a year's achievement, moved
    through its states only by the services: draft → submitted → in council review → voted →
    decided, or returned with a reason."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT, related_name="+"
    )
    commune = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    award_kind = models.ForeignKey(
        AwardKind,
        verbose_name=_("danh hiệu, hình thức"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    movement = models.ForeignKey(
        Movement,
        verbose_name=_("phong trào (nếu khen theo phong trào)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    achievement = models.TextField(_("tóm tắt thành tích"), max_length=5000)
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=NominationState.choices,
        default=NominationState.DRAFT,
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True, max_length=2000)
    created_by = models.ForeignKey(
        "units.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["-year", "award_kind__order", "id"]
        indexes = [models.Index(fields=["commune", "year", "state"])]

    def __str__(self) -> str:
        return f"{self.nominee_name} – {self.award_kind} {self.year}"

    def clean(self) -> None:
        self.clean_nominee()
        if self.award_kind_id and not self.award_kind.allows(self.recipient):
            raise ValidationError(
                {
                    "award_kind": _("%(kind)s không dành cho %(who)s.")
                    % {
                        "kind": self.award_kind.name,
                        "who": Recipient(self.recipient).label.lower(),
                    }
                }
            )

    @property
    def is_editable(self) -> bool:
        return self.state in (NominationState.DRAFT, NominationState.RETURNED)


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"emulation/evidence/{instance.nomination.year}/{instance.nomination_id}/{filename}"


class Evidence(models.Model):
    """A file that supports a nomination (a scan, a photo, a report)."""

    scope_field = "nomination__unit"

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("đề nghị"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("tệp"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=200)
    size = models.PositiveIntegerField(_("dung lượng"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name
