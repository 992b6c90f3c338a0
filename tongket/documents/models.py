"""Generated documents: the news article of a conference, the files made from a
conference's data (report DOCX and PDF), and background jobs with their progress."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongket.conferences.models import Conference
from tongket.petitions.models import Plan
from tongket.units.choices import Body, DocumentType
from tongket.units.models import Unit

from .article.draft import marker_photo_id
from .choices import ArticleState, FileKind, JobKind, JobState


class Article(models.Model):
    """The news article (tin bài) about a conference, or about a round of working sessions:
    generated from the data, edited by a person, then published on the commune's public
    portal page. One per conference or round; exactly one of the two is set."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    conference = models.OneToOneField(
        Conference,
        verbose_name=_("hội nghị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="article",
    )
    round = models.OneToOneField(
        Plan,
        verbose_name=_("đợt làm việc"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="article",
    )
    headline = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), max_length=50000)
    byline = models.CharField(_("tác giả"), max_length=200, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=ArticleState.choices, default=ArticleState.DRAFT
    )
    generated_at = models.DateTimeField(_("tạo từ số liệu lúc"), null=True, blank=True)
    edited_at = models.DateTimeField(_("sửa lúc"), null=True, blank=True)
    published_at = models.DateTimeField(_("đăng lúc"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    left_out = models.JSONField(
        _("những gì tin bài chưa nêu và lý do"), default=list, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["unit", "state", "published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state=ArticleState.PUBLISHED) | Q(published_at__isnull=False),
                name="article_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(conference__isnull=False, round__isnull=True)
                | Q(conference__isnull=True, round__isnull=False),
                name="article_of_a_conference_or_a_round",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.body.splitlines() if line.strip()]

    @property
    def paragraphs(self) -> list[str]:
        """The text paragraphs, without the lines that place photos."""
        return [line for line in self.lines if marker_photo_id(line) is None]

    def blocks(self, photos) -> list[tuple[str, object]]:
        """The body as a reader sees it: ("text", paragraph) and ("photo", photo) in order,
        each photo where its line "[ẢNH n]" stands; photos of the conference no line names
        come last, and a line naming no photo of it is left out."""
        by_id = {photo.pk: photo for photo in photos}
        shown: set[int] = set()
        result: list[tuple[str, object]] = []
        for line in self.lines:
            pk = marker_photo_id(line)
            if pk is None:
                result.append(("text", line))
            elif pk in by_id and pk not in shown:
                result.append(("photo", by_id[pk]))
                shown.add(pk)
        result += [("photo", photo) for pk, photo in by_id.items() if pk not in shown]
        return result

    @property
    def is_published(self) -> bool:
        return self.state == ArticleState.PUBLISHED


def generated_path(instance: GeneratedFile, filename: str) -> str:
    return f"documents/{instance.unit_id}/{filename}"


class GeneratedFile(models.Model):
    """A file made from a conference's data (report DOCX, its PDF), kept so a background
    job's output can be downloaded later. The newest of a kind is the current one."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    conference = models.ForeignKey(
        Conference, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="files"
    )
    kind = models.CharField(_("loại"), max_length=16, choices=FileKind.choices)
    file = models.FileField(_("tệp"), upload_to=generated_path, max_length=255)
    size = models.PositiveIntegerField(_("dung lượng"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    job = models.ForeignKey(
        "Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="files"
    )

    class Meta:
        verbose_name = _("tệp văn bản")
        verbose_name_plural = _("tệp văn bản")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["conference", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.conference}"


class Job(models.Model):
    """Background work with its progress, stored here so any web process (and any worker)
    reads and updates the same row: its steps (planned when it begins) and those done with
    their message, state, errors, and the heartbeat of the process working on it. `attempt`
    grows each time the job is run again, so a step left over from an earlier run is not
    done twice."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("loại việc"), max_length=24, choices=JobKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    params = models.JSONField(default=dict, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=JobState.choices, default=JobState.PENDING
    )
    total = models.PositiveIntegerField(_("tổng số bước"), default=0)
    done = models.PositiveIntegerField(_("đã xong"), default=0)
    errors = models.JSONField(_("lỗi"), default=list, blank=True)
    steps = models.JSONField(_("các bước"), default=list, blank=True)
    steps_done = models.JSONField(_("các bước đã xong"), default=dict, blank=True)
    attempt = models.PositiveSmallIntegerField(_("lần chạy"), default=1)
    heartbeat_at = models.DateTimeField(_("báo đang chạy lúc"), null=True, blank=True)
    backend = models.CharField(max_length=16, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("việc chạy nền")
        verbose_name_plural = _("việc chạy nền")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.unit}"

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.finished else 0
        return min(100, round(self.done * 100 / self.total))

    @property
    def finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED, JobState.CANCELLED)

    @property
    def remaining_steps(self) -> list[int]:
        return [step for step in self.steps if str(step) not in self.steps_done]

    @property
    def can_resume(self) -> bool:
        return self.state in (JobState.FAILED, JobState.CANCELLED) and bool(self.remaining_steps)


class RecipientList(models.Model):
    """Nơi nhận: the lines a body of a unit sends a kind of document to, in order. A row with
    neither conference nor decision is the body's standing list (its default); a row with one
    is that document's own copy, kept once someone edits it for that document."""

    scope_field = "unit"

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.CharField(_("cơ quan ban hành"), max_length=24, choices=Body.choices)
    doc_type = models.CharField(_("loại văn bản"), max_length=8, choices=DocumentType.choices)
    conference = models.ForeignKey(
        Conference,
        verbose_name=_("báo cáo của hội nghị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    decision = models.ForeignKey(
        "emulation.AwardDecision",
        verbose_name=_("quyết định"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    lines = models.TextField(_("nơi nhận (mỗi dòng một nơi)"), max_length=4000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nơi nhận")
        verbose_name_plural = _("nơi nhận")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "body", "doc_type"],
                condition=Q(conference__isnull=True, decision__isnull=True),
                name="unique_standing_recipients",
            ),
            models.UniqueConstraint(
                fields=["conference", "body"],
                condition=Q(conference__isnull=False),
                name="unique_report_recipients",
            ),
            models.UniqueConstraint(
                fields=["decision"],
                condition=Q(decision__isnull=False),
                name="unique_decision_recipients",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_body_display()} – {self.get_doc_type_display()}"

    @property
    def items(self) -> list[str]:
        return [line.strip(" -•\t;.") for line in self.lines.splitlines() if line.strip(" -•\t;.")]
