"""What citizens send through the portal, held for moderation before it becomes a
recommendation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.units.models import Unit

from ..choices import SubmissionState


def submission_photo_path(instance: CitizenSubmission, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return (
        f"petitions/{instance.commune_id}/cong-dan-{instance.submitted_at:%Y%m%d%H%M%S}.{extension}"
    )


class CitizenSubmission(models.Model):
    """A citizen's recommendation sent to their commune from the portal. Nothing of it is
    public; an officer accepts it (it becomes a recommendation with this as its source) or
    rejects it with a reason."""

    scope_field = "commune"
    # What citizens send stays with their commune; the province never sees it.
    scope_above_commune = ("commune", Q(pk__in=[]))

    commune = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("họ và tên"), max_length=120)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    address = models.CharField(_("nơi ở (tổ dân phố, thôn)"), max_length=200, blank=True)
    text = models.TextField(_("nội dung"), max_length=5000)
    photo = models.FileField(_("ảnh"), upload_to=submission_photo_path, max_length=255, blank=True)
    photo_type = models.CharField(max_length=40, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"))
    state = models.CharField(
        _("tình trạng"),
        max_length=12,
        choices=SubmissionState.choices,
        default=SubmissionState.PENDING,
        db_index=True,
    )
    moderated_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reject_reason = models.TextField(_("lý do không tiếp nhận"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("ý kiến của người dân")
        verbose_name_plural = _("ý kiến của người dân")
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        short = self.text if len(self.text) <= 60 else self.text[:59].rstrip() + "…"
        return f"{self.name}: {short}"
