"""Kinds and states of the petitions module: fields, competence, the workflow of a
recommendation, priorities, the level an item is sent up to, and the delegation's groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tongket.units.choices import Body, PositionRole, UnitKind


class Field(models.TextChoices):
    """The field (lĩnh vực) a recommendation is about, as working-session notices group them."""

    ECONOMY = "economy", _("Kinh tế")
    URBAN = "urban", _("Đô thị – hạ tầng")
    LAND = "land", _("Đất đai")
    ENVIRONMENT = "environment", _("Môi trường")
    CULTURE_SOCIETY = "culture_society", _("Văn hóa – xã hội")
    HEALTH = "health", _("Y tế")
    EDUCATION = "education", _("Giáo dục")
    DEFENCE_SECURITY = "defence_security", _("Quốc phòng – an ninh")
    PERSONNEL = "personnel", _("Chính sách cán bộ")
    OTHER = "other", _("Khác")


class Competence(models.TextChoices):
    """Who may settle a recommendation (RULES.md, Working sessions): the commune resolves by
    assignment; the rest is sent up."""

    COMMUNE = "commune", _("Thẩm quyền của xã, phường")
    PROVINCE = "province", _("Thẩm quyền của tỉnh")
    DEPARTMENT = "department", _("Thẩm quyền của sở, ngành tỉnh")
    CENTRAL = "central", _("Thẩm quyền của Trung ương")


ABOVE_COMMUNE = (Competence.PROVINCE, Competence.DEPARTMENT, Competence.CENTRAL)


class State(models.TextChoices):
    NEW = "new", _("Mới tiếp nhận")
    ASSIGNED = "assigned", _("Đã giao xử lý")
    IN_PROGRESS = "in_progress", _("Đang xử lý")
    RESOLVED = "resolved", _("Đã giải quyết")
    FORWARDED = "forwarded", _("Đã chuyển cấp trên")


OPEN_STATES = (State.NEW, State.ASSIGNED, State.IN_PROGRESS)
# States whose deadline still runs: an item past its deadline in one of them is overdue.
RUNNING_STATES = (State.ASSIGNED, State.IN_PROGRESS)


class Priority(models.IntegerChoices):
    URGENT = 1, _("Cấp bách")
    HIGH = 2, _("Ưu tiên")
    NORMAL = 3, _("Bình thường")


class ForwardLevel(models.TextChoices):
    """The level an item is sent up to. Everything goes to the province, which answers or
    passes on to the central level."""

    PROVINCE = "province", _("UBND tỉnh")
    DEPARTMENT = "department", _("Sở, ngành của tỉnh")
    CENTRAL = "central", _("Trung ương (qua tỉnh)")


COMPETENCE_LEVELS = {
    Competence.PROVINCE: ForwardLevel.PROVINCE,
    Competence.DEPARTMENT: ForwardLevel.DEPARTMENT,
    Competence.CENTRAL: ForwardLevel.CENTRAL,
}


class SessionState(models.TextChoices):
    PLANNED = "planned", _("Theo lịch")
    HELD = "held", _("Đã làm việc")


class SubmissionState(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    REJECTED = "rejected", _("Không tiếp nhận")


PLAN_BODIES = (Body.PARTY_COMMITTEE, Body.PEOPLES_COMMITTEE)


class DelegationGroup(models.TextChoices):
    """Where a delegation member comes from (the plan lists them in this order)."""

    PARTY_STANDING = "party_standing", _("Ban Thường vụ Đảng ủy")
    COUNCIL = "council", _("Thường trực HĐND")
    COMMITTEE = "committee", _("Ủy ban nhân dân")
    FRONT = "front", _("Ủy ban MTTQ")
    MASS = "mass", _("Các đoàn thể")


# Roles held on the commune itself that put a person in the delegation, and their group.
COMMUNE_DELEGATION_ROLES = {
    PositionRole.PARTY_SECRETARY: DelegationGroup.PARTY_STANDING,
    PositionRole.PARTY_DEPUTY_SECRETARY: DelegationGroup.PARTY_STANDING,
    PositionRole.PARTY_STANDING_MEMBER: DelegationGroup.PARTY_STANDING,
    PositionRole.COUNCIL_CHAIR: DelegationGroup.COUNCIL,
    PositionRole.COUNCIL_VICE_CHAIR: DelegationGroup.COUNCIL,
    PositionRole.COMMITTEE_CHAIR: DelegationGroup.COMMITTEE,
    PositionRole.COMMITTEE_VICE_CHAIR: DelegationGroup.COMMITTEE,
    PositionRole.COMMITTEE_MEMBER: DelegationGroup.COMMITTEE,
    PositionRole.FRONT_CHAIR: DelegationGroup.FRONT,
}
# Roles held on a mass organisation of the commune (the Front's chair sits on the Front).
MASS_DELEGATION_ROLES = {
    PositionRole.FRONT_CHAIR: DelegationGroup.FRONT,
    PositionRole.HEAD: DelegationGroup.MASS,
}
GROUP_ORDER = list(DelegationGroup.values)

# How a sentence names the units a round worked with, by kind (plural, as articles write).
UNIT_KIND_PLURALS = {
    UnitKind.PARTY_CELL: _("các chi bộ"),
    UnitKind.RESIDENTIAL_GROUP: _("tổ dân phố"),
    UnitKind.MASS_ORGANIZATION: _("các đoàn thể"),
    UnitKind.AGENCY: _("đơn vị cộng quản"),
    UnitKind.SCHOOL: _("trường học"),
    UnitKind.HEALTH_STATION: _("trạm y tế"),
    UnitKind.POLICE: _("công an"),
}

# How the item's history names what the services did (audit verbs).
VERB_LABELS = {
    "assign": _("giao xử lý"),
    "start": _("bắt đầu xử lý"),
    "resolve": _("giải quyết"),
    "forward": _("chuyển cấp trên"),
    "close": _("đóng theo trả lời của cấp trên"),
    "merge": _("gộp kiến nghị"),
    "publish": _("công khai trả lời"),
    "unpublish": _("gỡ trả lời khỏi cổng thông tin"),
    "inform": _("báo kết quả cho đơn vị"),
}
