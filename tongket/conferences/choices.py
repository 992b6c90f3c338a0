from django.db import models
from django.utils.translation import gettext_lazy as _


class ConferenceKind(models.TextChoices):
    YEAR_REVIEW = "year_review", _("Hội nghị tổng kết công tác năm")
    HALF_YEAR_REVIEW = "half_year_review", _("Hội nghị sơ kết sáu tháng")
    EMULATION_REVIEW = (
        "emulation_review",
        _("Hội nghị tổng kết công tác thi đua, khen thưởng và phát động phong trào thi đua"),
    )
    WORKING = "working", _("Hội nghị công tác")


class Organisers(models.TextChoices):
    """Who calls the conference; it decides the report's layout (RULES.md, Document layout)."""

    STATE = "state", _("UBND")
    PARTY = "party", _("Đảng ủy")
    BOTH = "both", _("Đảng ủy, UBND")


# What the lead of an article says the conference was about, by kind; {year} is the
# conference's year, {next} the year after.
KIND_SUBJECTS = {
    ConferenceKind.YEAR_REVIEW: _("tổng kết công tác năm {year}, triển khai nhiệm vụ năm {next}"),
    ConferenceKind.HALF_YEAR_REVIEW: _(
        "sơ kết công tác sáu tháng đầu năm {year}, triển khai nhiệm vụ sáu tháng cuối năm"
    ),
    ConferenceKind.EMULATION_REVIEW: _(
        "tổng kết công tác thi đua, khen thưởng năm {year} và phát động phong trào thi đua "
        "năm {next}"
    ),
    ConferenceKind.WORKING: _("công tác năm {year}"),
}


class SpeechKind(models.TextChoices):
    DIRECTION = "direction", _("Phát biểu chỉ đạo")
    SPEECH = "speech", _("Phát biểu, tham luận")


class PhotoPlacement(models.TextChoices):
    """Where an article shows a photo: beside the text that refers to it."""

    AUTO = "", _("Tự động (ảnh đầu sau đoạn mở đầu)")
    LEAD = "lead", _("Sau đoạn mở đầu")
    RESULTS = "results", _("Sau phần kết quả")
    SPEECHES = "speeches", _("Sau phần phát biểu, thảo luận")
    AWARDS = "awards", _("Sau phần khen thưởng")
    END = "end", _("Cuối bài")
