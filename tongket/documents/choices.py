from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleState(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    PUBLISHED = "published", _("Đã đăng")


class FileKind(models.TextChoices):
    REPORT_DOCX = "report_docx", _("Báo cáo tổng kết (Word)")
    REPORT_PDF = "report_pdf", _("Báo cáo tổng kết (PDF)")


class JobKind(models.TextChoices):
    PROVINCE_DOCUMENTS = "province_documents", _("Báo cáo và tin bài của mọi xã, phường")
    REPORT_PDF = "report_pdf", _("Chuyển báo cáo sang PDF")


class JobState(models.TextChoices):
    PENDING = "pending", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Xong")
    FAILED = "failed", _("Có lỗi")
    CANCELLED = "cancelled", _("Đã hủy")
