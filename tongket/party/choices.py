"""Kinds and states of the party module."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The access side of every party model (tongket.units.access): party-side grants only.
PARTY_SIDE = "party"


class CellType(models.TextChoices):
    """What a chi bộ is built around. Its order is the order sentences list them in."""

    AGENCY = "agency", _("cơ quan")
    SCHOOL = "school", _("trường học")
    HEALTH = "health", _("y tế")
    ENTERPRISE = "enterprise", _("doanh nghiệp")
    POLICE = "police", _("công an")
    MILITARY = "military", _("quân sự")
    RESIDENTIAL = "residential", _("khu dân cư")
    OTHER = "other", _("khác")


CELL_TYPE_ORDER = list(CellType.values)


class MemberKind(models.TextChoices):
    """A record of the Đảng bộ's own member, or of a member of another organisation who is
    active here temporarily (sinh hoạt tạm thời): guests are never counted as members."""

    MEMBER = "member", _("Đảng viên của Đảng bộ")
    GUEST = "guest", _("Sinh hoạt tạm thời")


class MemberStatus(models.TextChoices):
    """A member record's status, derived from its events (never typed)."""

    NONE = "", _("Chưa có sự kiện")
    PROBATIONARY = "probationary", _("Dự bị")
    FULL = "full", _("Chính thức")
    LEFT = "left", _("Đã chuyển đi")
    DIED = "died", _("Từ trần")
    STRUCK_OFF = "struck_off", _("Xóa tên")
    EXPELLED = "expelled", _("Khai trừ")
    GUEST = "guest", _("Đang sinh hoạt tạm thời")
    GUEST_LEFT = "guest_left", _("Đã hết sinh hoạt tạm thời")


IN_PARTY = (MemberStatus.PROBATIONARY, MemberStatus.FULL)
OUT_OF_PARTY = (MemberStatus.STRUCK_OFF, MemberStatus.EXPELLED)


class EventKind(models.TextChoices):
    """What happened to a member on a date. Counts at any date are sums over these."""

    ADMITTED = "admitted", _("Kết nạp")
    READMITTED = "readmitted", _("Kết nạp lại")
    MADE_FULL = "made_full", _("Công nhận đảng viên chính thức")
    TRANSFER_IN = "transfer_in", _("Chuyển sinh hoạt chính thức đến")
    TRANSFER_OUT = "transfer_out", _("Chuyển sinh hoạt chính thức đi")
    CELL_IN = "cell_in", _("Chuyển đến chi bộ (trong Đảng bộ)")
    CELL_OUT = "cell_out", _("Chuyển khỏi chi bộ (trong Đảng bộ)")
    TEMP_OUT = "temp_out", _("Chuyển sinh hoạt tạm thời đi")
    TEMP_BACK = "temp_back", _("Trở về sau sinh hoạt tạm thời")
    TEMP_IN = "temp_in", _("Đến sinh hoạt tạm thời")
    TEMP_IN_END = "temp_in_end", _("Kết thúc sinh hoạt tạm thời")
    EXEMPTED = "exempted", _("Miễn sinh hoạt")
    EXEMPTION_ENDED = "exemption_ended", _("Thôi miễn sinh hoạt")
    DIED = "died", _("Từ trần")
    STRUCK_OFF = "struck_off", _("Xóa tên")
    EXPELLED = "expelled", _("Khai trừ")


# Events an officer records on the member page (the others come from admissions, transfers
# and moves between cells).
RECORDABLE_EVENTS = (
    EventKind.EXEMPTED,
    EventKind.EXEMPTION_ENDED,
    EventKind.DIED,
    EventKind.STRUCK_OFF,
    EventKind.EXPELLED,
)


class Education(models.IntegerChoices):
    """General education (học vấn phổ thông) and above, in order: rules compare the level."""

    PRIMARY = 1, _("Tiểu học")
    LOWER_SECONDARY = 2, _("Trung học cơ sở")
    UPPER_SECONDARY = 3, _("Trung học phổ thông")
    VOCATIONAL = 4, _("Trung cấp")
    COLLEGE = 5, _("Cao đẳng")
    UNIVERSITY = 6, _("Đại học")
    POSTGRADUATE = 7, _("Sau đại học")


class AdmissionState(models.TextChoices):
    """The steps of an admission file, in order."""

    CANDIDATE = "candidate", _("Quần chúng ưu tú")
    COURSE_DONE = "course_done", _("Đã học lớp bồi dưỡng nhận thức về Đảng")
    INTRODUCED = "introduced", _("Đã có người giới thiệu")
    CELL_APPROVED = "cell_approved", _("Chi bộ đã đề nghị kết nạp")
    COMMITTEE_APPROVED = "committee_approved", _("Đảng ủy đã đồng ý kết nạp")
    DECIDED = "decided", _("Đã có quyết định kết nạp")
    ADMITTED = "admitted", _("Đã kết nạp, đang dự bị")
    FULL_PROPOSED = "full_proposed", _("Chi bộ đã đề nghị công nhận chính thức")
    FULL = "full", _("Đã là đảng viên chính thức")
    CLOSED = "closed", _("Dừng xem xét")


ADMISSION_ORDER = list(AdmissionState.values)
OPEN_ADMISSION_STATES = [s for s in ADMISSION_ORDER if s not in ("full", "closed")]


class TransferKind(models.TextChoices):
    OFFICIAL = "official", _("Chính thức")
    TEMPORARY = "temporary", _("Tạm thời")


class TransferState(models.TextChoices):
    REQUESTED = "requested", _("Chờ nơi đến tiếp nhận")
    ACCEPTED = "accepted", _("Nơi đến đã tiếp nhận")
    REFUSED = "refused", _("Nơi đến không tiếp nhận")
    RETURNED = "returned", _("Đã trở về")


class Level(models.TextChoices):
    """Quality rating levels (xếp loại chất lượng), best first: the same values as
    tongket.emulation.choices.Rating, so emulation can read a member's rating from here."""

    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    DONE = "done", _("Hoàn thành nhiệm vụ")
    FAILED = "failed", _("Không hoàn thành nhiệm vụ")


LEVEL_ORDER = list(Level.values)


class Subject(models.TextChoices):
    """Who is rated: a member, a chi bộ, or the Đảng bộ (its committee) itself."""

    MEMBER = "member", _("Đảng viên")
    CELL = "cell", _("Chi bộ")
    COMMITTEE = "committee", _("Đảng bộ")


class RatingState(models.TextChoices):
    SELF_ASSESSED = "self_assessed", _("Đã tự đánh giá")
    PROPOSED = "proposed", _("Chi bộ đã đề xuất")
    DECIDED = "decided", _("Đảng ủy đã quyết định")


class RuleKind(models.TextChoices):
    """The kinds of rule the code knows how to apply; the numbers come from the rows."""

    ADMISSION_MIN_AGE = "admission_min_age", _("Tuổi đời tối thiểu khi chi bộ xét kết nạp (năm)")
    ADMISSION_MAX_AGE = "admission_max_age", _("Tuổi đời tối đa khi chi bộ xét kết nạp (năm)")
    ADMISSION_EDUCATION = "admission_education", _("Trình độ học vấn tối thiểu")
    COURSE_CERTIFICATE = "course_certificate", _("Phải có giấy chứng nhận lớp bồi dưỡng")
    INTRODUCER_COUNT = "introducer_count", _("Số người giới thiệu")
    INTRODUCER_MONTHS = "introducer_months", _("Số tháng người giới thiệu cùng công tác")
    INTRODUCER_FULL = "introducer_full", _("Người giới thiệu phải là đảng viên chính thức")
    CELL_VOTE_SHARE = "cell_vote_share", _("Tỷ lệ đảng viên chính thức của chi bộ đồng ý (%)")
    COMMITTEE_VOTE_SHARE = "committee_vote_share", _("Tỷ lệ cấp ủy viên đồng ý (%)")
    CEREMONY_DAYS = "ceremony_days", _("Hạn tổ chức lễ kết nạp sau quyết định (ngày)")
    PROBATION_MONTHS = "probation_months", _("Thời gian dự bị (tháng)")
    FULL_VOTE_SHARE = "full_vote_share", _("Tỷ lệ đồng ý công nhận chính thức (%)")
    FULL_REVIEW_DAYS = "full_review_days", _("Hạn xét công nhận chính thức sau dự bị (ngày)")
    READMISSION_MONTHS = (
        "readmission_months",
        _("Thời gian tối thiểu trước khi kết nạp lại (tháng)"),
    )
    RATING_BAND = "rating_band", _("Điểm tối thiểu của mức xếp loại")
    EXCELLENT_CAP = "excellent_cap", _("Tỷ lệ tối đa “xuất sắc” so với “tốt” (%)")
    BADGE_MILESTONE = "badge_milestone", _("Mốc Huy hiệu Đảng (năm tuổi Đảng)")
    BADGE_DATE = "badge_date", _("Ngày trao Huy hiệu Đảng (ngày/tháng)")


# Kinds with several rows in force at once, told apart by their key ("30", "03/02", "good").
KEYED_RULE_KINDS = (RuleKind.RATING_BAND, RuleKind.BADGE_MILESTONE, RuleKind.BADGE_DATE)
# Kinds whose value is a percentage.
SHARE_RULE_KINDS = (
    RuleKind.CELL_VOTE_SHARE,
    RuleKind.COMMITTEE_VOTE_SHARE,
    RuleKind.FULL_VOTE_SHARE,
    RuleKind.EXCELLENT_CAP,
)
