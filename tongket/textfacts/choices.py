from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    DOCX = "docx", _("Tệp Word (.docx)")
    TXT = "txt", _("Tệp văn bản (.txt)")
    PDF = "pdf", _("Tệp PDF")
    PASTED = "pasted", _("Văn bản dán vào")


class DocumentState(models.TextChoices):
    PROPOSED = "proposed", _("Chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    DISCARDED = "discarded", _("Đã bỏ")


class FactKind(models.TextChoices):
    """What a proposed fact is: the engine's kinds, as the review screen names them."""

    INDICATOR_VALUE = "indicator_value", _("Kết quả chỉ tiêu")
    PARTY_FIGURE = "party_figure", _("Số liệu công tác Đảng")
    AWARD_COUNT = "award_count", _("Khen thưởng")
    CONFERENCE = "conference", _("Hội nghị")
    RECOMMENDATION = "recommendation", _("Kiến nghị")
    PROBLEM = "problem", _("Số viết sai dấu ngăn cách")


# Kinds saved as indicator results, as award records; the rest are shown for reading only.
RESULT_KINDS = (FactKind.INDICATOR_VALUE, FactKind.PARTY_FIGURE, FactKind.PROBLEM)
AWARD_KINDS = (FactKind.AWARD_COUNT,)


class FactStatus(models.TextChoices):
    PROPOSED = "proposed", _("Chờ xác nhận")
    SAVED = "saved", _("Đã lưu")
    KEPT = "kept", _("Giữ số đã có")
    REJECTED = "rejected", _("Bỏ")
    INFO = "info", _("Chỉ để đọc")


class Decision(models.TextChoices):
    """What the officer chose for one fact."""

    SAVE = "save", _("Lưu")
    REJECT = "reject", _("Bỏ")
    KEEP = "keep", _("Giữ số đã có")
    REPLACE = "replace", _("Dùng số trong văn bản")
