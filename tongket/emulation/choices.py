"""Kinds and states of the emulation and commendation module."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class Recipient(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")


class RuleKind(models.TextChoices):
    """The kinds of rule the code knows how to apply; the numbers come from the rows."""

    AWARDING_BODY = "awarding_body", _("Cấp có thẩm quyền khen thưởng")
    REGISTRATION_REQUIRED = "registration_required", _("Phải đăng ký thi đua")
    CRITERIA = "criteria", _("Tiêu chuẩn")
    PREREQUISITE = "prerequisite", _("Phải đạt danh hiệu khác cùng năm")
    CAP_SHARE = "cap_share", _("Tỷ lệ tối đa so với danh hiệu khác trong đơn vị")
    CONSECUTIVE_YEARS = "consecutive_years", _("Số năm liên tục đạt danh hiệu")
    MEMBER_SHARE = "member_share", _("Tỷ lệ thành viên đạt danh hiệu")
    MEMBER_COUNT = "member_count", _("Số thành viên tối thiểu đạt danh hiệu")
    REQUIRED_RATING = "required_rating", _("Mức xếp loại chất lượng tối thiểu")
    COUNCIL_THRESHOLD = (
        "council_threshold",
        _("Tỷ lệ phiếu đồng ý trên tổng số thành viên Hội đồng"),
    )
    PRIZE_COEFFICIENT = "prize_coefficient", _("Hệ số tiền thưởng")
    BASE_SALARY = "base_salary", _("Mức lương cơ sở (đồng)")
    SINGLE_AWARD = "single_award", _("Một thành tích chỉ khen thưởng một lần")


# Rule kinds that belong to the whole rulebook rather than to one title or form.
GLOBAL_RULE_KINDS = (RuleKind.BASE_SALARY, RuleKind.SINGLE_AWARD)


class Operator(models.TextChoices):
    GTE = "gte", "≥"
    GT = "gt", ">"
    LTE = "lte", "≤"
    LT = "lt", "<"


class AwardingBody(models.TextChoices):
    """The bodies that sign award decisions. Which body may award which title or form is a
    rulebook row (RuleKind.AWARDING_BODY), not code."""

    CHAIRMAN = "chairman", _("Chủ tịch UBND cấp xã")
    PARTY_COMMITTEE = "party_committee", _("Đảng ủy cấp xã")
    PROVINCE_CHAIRMAN = "province_chairman", _("Chủ tịch UBND cấp tỉnh")
    # Before 1 July 2025: kept so the rulebook can say who awarded what in past years.
    DISTRICT_CHAIRMAN = "district_chairman", _("Chủ tịch UBND cấp huyện (trước 01/07/2025)")


# How each body appears in documents and sentences. "{kind}" is the commune kind in lower
# case (xã, phường, đặc khu). Party bodies write numbers "15-QĐ/ĐU", state bodies "15/QĐ-UBND".
BODY_STYLE = {
    AwardingBody.CHAIRMAN: {
        "label": "Chủ tịch UBND {kind}",
        "issuer": "Ủy ban nhân dân {kind} {name}",
        "signer_title": "Chủ tịch",
        "on_behalf": "TM. ỦY BAN NHÂN DÂN",
        "number": "{n}/QĐ-UBND",
        "layout": "state",
        "verb_form": "tặng {form} cho",
    },
    AwardingBody.PARTY_COMMITTEE: {
        "label": "Đảng ủy {kind}",
        "issuer": "Đảng ủy {kind} {name}",
        "signer_title": "Bí thư",
        "on_behalf": "T/M ĐẢNG ỦY",
        "number": "{n}-QĐ/ĐU",
        "layout": "party",
        "verb_form": "khen thưởng",
    },
    AwardingBody.DISTRICT_CHAIRMAN: {
        "label": "Chủ tịch UBND huyện",
        "issuer": "Ủy ban nhân dân huyện",
        "signer_title": "Chủ tịch",
        "on_behalf": "TM. ỦY BAN NHÂN DÂN",
        "number": "{n}/QĐ-UBND",
        "layout": "state",
        "verb_form": "tặng {form} cho",
    },
    AwardingBody.PROVINCE_CHAIRMAN: {
        "label": "Chủ tịch UBND tỉnh",
        "issuer": "Ủy ban nhân dân tỉnh",
        "signer_title": "Chủ tịch",
        "on_behalf": "TM. ỦY BAN NHÂN DÂN",
        "number": "{n}/QĐ-UBND",
        "layout": "state",
        "verb_form": "tặng {form} cho",
    },
}


class NominationState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã gửi")
    IN_REVIEW = "in_review", _("Hội đồng đang xét")
    VOTED = "voted", _("Đã bỏ phiếu")
    DECIDED = "decided", _("Đã có quyết định")
    RETURNED = "returned", _("Trả lại")


# States in which a nomination still counts towards caps and duplicate checks.
ACTIVE_STATES = (
    NominationState.SUBMITTED,
    NominationState.IN_REVIEW,
    NominationState.VOTED,
    NominationState.DECIDED,
)


class ClusterKind(models.TextChoices):
    CLUSTER = "cluster", _("Cụm thi đua")
    BLOCK = "block", _("Khối thi đua")


class Rating(models.TextChoices):
    """Quality rating levels (xếp loại chất lượng), best first. Read from the party module
    when it exists."""

    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    DONE = "done", _("Hoàn thành nhiệm vụ")
    FAILED = "failed", _("Không hoàn thành nhiệm vụ")


RATING_ORDER = [Rating.EXCELLENT, Rating.GOOD, Rating.DONE, Rating.FAILED]


class RecordBody(models.TextChoices):
    """Who awarded a commendation recorded by count (a decision from before tongket, or from
    a higher level): the commune's own bodies, the two together, or a level above."""

    CHAIRMAN = "chairman", _("Chủ tịch UBND cấp xã")
    PEOPLE_COMMITTEE = "people_committee", _("UBND cấp xã")
    PARTY_COMMITTEE = "party_committee", _("Đảng ủy cấp xã")
    JOINT = "joint", _("Đảng bộ, chính quyền cấp xã")
    DISTRICT = "district", _("UBND cấp huyện (trước 01/07/2025)")
    PROVINCE_PEOPLE_COMMITTEE = "province_people_committee", _("UBND tỉnh")
    PROVINCE_CHAIRMAN = "province_chairman", _("Chủ tịch UBND tỉnh")
    PROVINCE_PARTY = "province_party", _("Ban Thường vụ Tỉnh ủy")
    OTHER = "other", _("Cơ quan khác (ghi tên)")


# How each body is named in a sentence ("{kind}": xã, phường, đặc khu), whether it is the
# party's (its awards are said in party words: "5 chi bộ, 14 đảng viên") and whether it
# stands above the commune (its awards are ones the commune received).
RECORD_BODY_STYLE = {
    RecordBody.CHAIRMAN: {"label": "Chủ tịch UBND {kind}", "party": False, "above": False},
    RecordBody.PEOPLE_COMMITTEE: {"label": "UBND {kind}", "party": False, "above": False},
    RecordBody.PARTY_COMMITTEE: {"label": "Đảng ủy {kind}", "party": True, "above": False},
    RecordBody.JOINT: {"label": "Đảng bộ, chính quyền {kind}", "party": False, "above": False},
    RecordBody.DISTRICT: {"label": "UBND huyện", "party": False, "above": True},
    RecordBody.PROVINCE_PEOPLE_COMMITTEE: {"label": "UBND tỉnh", "party": False, "above": True},
    RecordBody.PROVINCE_CHAIRMAN: {"label": "Chủ tịch UBND tỉnh", "party": False, "above": True},
    RecordBody.PROVINCE_PARTY: {"label": "Ban Thường vụ Tỉnh ủy", "party": True, "above": True},
    RecordBody.OTHER: {"label": "", "party": False, "above": True},
}
