from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorGroup(models.TextChoices):
    """The four groups every commune report follows, in report order."""

    ECONOMY = "economy", _("Kinh tế")
    CULTURE_SOCIETY = "culture_society", _("Văn hóa – Xã hội")
    DEFENSE_SECURITY = "defense_security", _("Quốc phòng – An ninh")
    PARTY_BUILDING = "party_building", _("Xây dựng Đảng và hệ thống chính trị")


GROUP_ORDER = {value: index for index, value in enumerate(IndicatorGroup.values)}


class ValueKind(models.TextChoices):
    NUMBER = "number", _("Số")
    PERCENT = "percent", _("Tỷ lệ phần trăm")
    RATIO = "ratio", _("Tỷ số (đạt/tổng)")
    COUNT = "count", _("Số đếm")


class Qualifier(models.TextChoices):
    """How a reported figure is qualified, as articles say it: "trên 36 tỷ đồng"."""

    NONE = "", _("(đúng số)")
    ABOVE = "tren", _("trên")
    NEARLY = "gan", _("gần")
    ABOUT = "khoang", _("khoảng")
    MORE = "hon", _("hơn")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")


class Rollup(models.TextChoices):
    SUM = "sum", _("Cộng")
    WEIGHTED_MEAN = "weighted_mean", _("Bình quân gia quyền")
    NONE = "none", _("Không tổng hợp")


class Period(models.TextChoices):
    YEAR = "year", _("Cả năm")
    H1 = "h1", _("6 tháng đầu năm")
    Q1 = "q1", _("Quý I")
    Q2 = "q2", _("Quý II")
    Q3 = "q3", _("Quý III")
    Q4 = "q4", _("Quý IV")


class PlanSource(models.TextChoices):
    ASSIGNED = "assigned", _("Cấp trên giao")
    OWN = "own", _("Nghị quyết của đơn vị")


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi")
    APPROVED = "approved", _("Đã duyệt")
    RETURNED = "returned", _("Bị trả lại")


class BoardStatus(models.TextChoices):
    """What the level above sees for one unit and period on the status board."""

    NOT_STARTED = "not_started", _("Chưa nhập")
    DRAFT = "draft", _("Đang nhập")
    LATE = "late", _("Quá hạn")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Bị trả lại")
    APPROVED = "approved", _("Đã duyệt")
    ENDED = "ended", _("Đã sáp nhập, giải thể")
