from django.db import models
from django.utils.translation import gettext_lazy as _

from tongket.lib.text import fold


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh, thành phố")
    DISTRICT = "district", _("Huyện, quận, thị xã (trước 01/7/2025)")
    XA = "xa", _("Xã")
    PHUONG = "phuong", _("Phường")
    DAC_KHU = "dac_khu", _("Đặc khu")
    PARTY_CELL = "party_cell", _("Chi bộ")
    RESIDENTIAL_GROUP = "residential_group", _("Tổ dân phố, thôn, bản")
    MASS_ORGANIZATION = "mass_organization", _("Đoàn thể")
    AGENCY = "agency", _("Cơ quan, đơn vị cộng quản")
    SCHOOL = "school", _("Trường học")
    HEALTH_STATION = "health_station", _("Trạm y tế")
    POLICE = "police", _("Công an xã, phường")


COMMUNE_KINDS = (UnitKind.XA, UnitKind.PHUONG, UnitKind.DAC_KHU)
SUBUNIT_KINDS = (
    UnitKind.PARTY_CELL,
    UnitKind.RESIDENTIAL_GROUP,
    UnitKind.MASS_ORGANIZATION,
    UnitKind.AGENCY,
    UnitKind.SCHOOL,
    UnitKind.HEALTH_STATION,
    UnitKind.POLICE,
)

# Which kinds may sit directly under which: the shape of the administrative tree.
ALLOWED_PARENT_KINDS: dict[str, tuple[str | None, ...]] = {
    UnitKind.PROVINCE: (None,),
    UnitKind.DISTRICT: (UnitKind.PROVINCE,),
    UnitKind.XA: (UnitKind.PROVINCE, UnitKind.DISTRICT),
    UnitKind.PHUONG: (UnitKind.PROVINCE, UnitKind.DISTRICT),
    UnitKind.DAC_KHU: (UnitKind.PROVINCE,),
    **{kind: (*COMMUNE_KINDS, *SUBUNIT_KINDS) for kind in SUBUNIT_KINDS},
    # A province's departments (Sở Xây dựng, Sở Y tế …) answer what communes send up.
    UnitKind.AGENCY: (UnitKind.PROVINCE, *COMMUNE_KINDS, *SUBUNIT_KINDS),
}


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị")
    LEADER = "leader", _("Lãnh đạo")
    OFFICER = "officer", _("Cán bộ")
    REPORTER = "reporter", _("Báo cáo viên")
    VIEWER = "viewer", _("Xem")


class Side(models.TextChoices):
    """Which side of the commune a grant (and a model's rows) belongs to: the state (UBND,
    HĐND and their offices) or the party (the Đảng ủy office, its leaders, the chi bộ
    secretaries). Party members' records are read only with party-side grants."""

    STATE = "state", _("Chính quyền")
    PARTY = "party", _("Đảng")


class Action(models.TextChoices):
    VIEW = "view", _("Xem")
    ENTER = "enter", _("Nhập số liệu")
    EDIT = "edit", _("Sửa")
    APPROVE = "approve", _("Duyệt")
    ADMINISTER = "administer", _("Quản trị")
    AUDIT = "audit", _("Xem nhật ký")


ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.ADMIN: frozenset(Action.values),
    Role.LEADER: frozenset({Action.VIEW, Action.APPROVE, Action.AUDIT}),
    Role.OFFICER: frozenset({Action.VIEW, Action.ENTER, Action.EDIT}),
    Role.REPORTER: frozenset({Action.VIEW, Action.ENTER}),
    Role.VIEWER: frozenset({Action.VIEW}),
}


class PositionRole(models.TextChoices):
    """What a position is, whatever its title says: documents pick their signers by it (the
    Bí thư signs "T/M ĐẢNG ỦY", a Phó Chủ tịch signs "KT. CHỦ TỊCH"). The unit it is held in
    says which body: a Bí thư on a commune leads its Đảng ủy, on a chi bộ that cell."""

    PARTY_SECRETARY = "party_secretary", _("Bí thư")
    PARTY_DEPUTY_SECRETARY = "party_deputy_secretary", _("Phó Bí thư")
    PARTY_STANDING_MEMBER = "party_standing_member", _("Ủy viên Ban Thường vụ")
    PARTY_COMMITTEE_MEMBER = "party_committee_member", _("Cấp ủy viên")
    COUNCIL_CHAIR = "council_chair", _("Chủ tịch HĐND")
    COUNCIL_VICE_CHAIR = "council_vice_chair", _("Phó Chủ tịch HĐND")
    COMMITTEE_CHAIR = "committee_chair", _("Chủ tịch UBND")
    COMMITTEE_VICE_CHAIR = "committee_vice_chair", _("Phó Chủ tịch UBND")
    COMMITTEE_MEMBER = "committee_member", _("Ủy viên UBND")
    FRONT_CHAIR = "front_chair", _("Chủ tịch Ủy ban MTTQ")
    HEAD = "head", _("Người đứng đầu đơn vị")
    DEPUTY_HEAD = "deputy_head", _("Cấp phó của người đứng đầu")
    STAFF = "staff", _("Công chức, viên chức, nhân viên")
    OTHER = "other", _("Khác")


# Title beginnings (folded: no diacritics, lower case) → role; the first that matches wins, so
# "phó bí thư" comes before "bí thư". A youth union's "Bí thư Đoàn" heads a mass organisation.
_TITLE_ROLES: tuple[tuple[str, str], ...] = (
    ("pho bi thu doan", PositionRole.DEPUTY_HEAD),
    ("bi thu doan", PositionRole.HEAD),
    ("pho bi thu", PositionRole.PARTY_DEPUTY_SECRETARY),
    ("bi thu", PositionRole.PARTY_SECRETARY),
    ("uy vien ban thuong vu", PositionRole.PARTY_STANDING_MEMBER),
    ("dang uy vien", PositionRole.PARTY_COMMITTEE_MEMBER),
    ("chi uy vien", PositionRole.PARTY_COMMITTEE_MEMBER),
    ("pho chu tich hdnd", PositionRole.COUNCIL_VICE_CHAIR),
    ("pho chu tich hoi dong nhan dan", PositionRole.COUNCIL_VICE_CHAIR),
    ("chu tich hdnd", PositionRole.COUNCIL_CHAIR),
    ("chu tich hoi dong nhan dan", PositionRole.COUNCIL_CHAIR),
    ("pho chu tich ubnd", PositionRole.COMMITTEE_VICE_CHAIR),
    ("pho chu tich uy ban nhan dan", PositionRole.COMMITTEE_VICE_CHAIR),
    ("chu tich ubnd", PositionRole.COMMITTEE_CHAIR),
    ("chu tich uy ban nhan dan", PositionRole.COMMITTEE_CHAIR),
    ("uy vien ubnd", PositionRole.COMMITTEE_MEMBER),
    ("uy vien uy ban nhan dan", PositionRole.COMMITTEE_MEMBER),
    ("chu tich uy ban mttq", PositionRole.FRONT_CHAIR),
    ("chu tich uy ban mat tran", PositionRole.FRONT_CHAIR),
    ("chu tich mttq", PositionRole.FRONT_CHAIR),
    ("pho ", PositionRole.DEPUTY_HEAD),
    ("chu tich", PositionRole.HEAD),
    ("to truong", PositionRole.HEAD),
    ("truong thon", PositionRole.HEAD),
    ("truong ban", PositionRole.HEAD),
    ("truong", PositionRole.HEAD),
    ("hieu truong", PositionRole.HEAD),
    ("tram truong", PositionRole.HEAD),
    ("giam doc", PositionRole.HEAD),
    ("chanh van phong", PositionRole.HEAD),
    ("cong chuc", PositionRole.STAFF),
    ("vien chuc", PositionRole.STAFF),
    ("nhan vien", PositionRole.STAFF),
    ("can bo", PositionRole.STAFF),
)


def role_from_title(title: str) -> str:
    """The role a title names ("Phó Chủ tịch UBND phường" → committee_vice_chair), or
    "other" when the title says nothing known; an officer can always correct it."""
    folded = fold(title)
    for beginning, role in _TITLE_ROLES:
        if folded.startswith(beginning):
            return role
    return PositionRole.OTHER


class Body(models.TextChoices):
    """The bodies of a commune (or a party cell) that issue documents under their own name and
    number book: the Đảng ủy (HD 36 layout, "Số 15-BC/ĐU"), the HĐND and the UBND (NĐ 30
    layout, "Số: 15/BC-UBND"). The Chủ tịch UBND's own decisions go in the UBND's book."""

    PARTY_COMMITTEE = "party_committee", _("Đảng ủy")
    PARTY_CELL = "party_cell", _("Chi bộ")
    PEOPLES_COUNCIL = "peoples_council", _("Hội đồng nhân dân")
    PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")


PARTY_BODIES = (Body.PARTY_COMMITTEE, Body.PARTY_CELL)

# The abbreviation a body writes after the document type in a number (BC-UBND, BC/ĐU).
BODY_ABBREVIATIONS = {
    Body.PARTY_COMMITTEE: "ĐU",
    Body.PARTY_CELL: "CB",
    Body.PEOPLES_COUNCIL: "HĐND",
    Body.PEOPLES_COMMITTEE: "UBND",
}


class DocumentType(models.TextChoices):
    """Document types with the abbreviations NĐ 30/2020 (Phụ lục III) and HD 36-HD/VPTW use in
    numbers."""

    DECISION = "QĐ", _("Quyết định")
    REPORT = "BC", _("Báo cáo")
    PLAN = "KH", _("Kế hoạch")
    NOTICE = "TB", _("Thông báo")
    RESOLUTION = "NQ", _("Nghị quyết")
    MINUTES = "BB", _("Biên bản")
    PROGRAMME = "CTr", _("Chương trình")
    INSTRUCTION = "HD", _("Hướng dẫn")
    LETTER = "CV", _("Công văn")
    SUBMISSION = "TTr", _("Tờ trình")
    CONCLUSION = "KL", _("Kết luận")


def number_label(number: int, doc_type: str, body: str) -> str:
    """A document number as its body writes it: "15/BC-UBND" (NĐ 30/2020) or "15-BC/ĐU"
    (HD 36-HD/VPTW). The state form is printed after "Số: ", the party form after "Số "."""
    abbreviation = BODY_ABBREVIATIONS[body]
    if body in PARTY_BODIES:
        return f"{number}-{doc_type}/{abbreviation}"
    return f"{number}/{doc_type}-{abbreviation}"


def number_line(number: int, doc_type: str, body: str) -> str:
    """The whole number line: "Số: 15/BC-UBND" or "Số 15-BC/ĐU" (no colon in party texts)."""
    prefix = "Số " if body in PARTY_BODIES else "Số: "
    return prefix + number_label(number, doc_type, body)


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")
    OTHER = "other", _("Khác")


class AuditAction(models.TextChoices):
    CREATE = "create", _("Tạo")
    UPDATE = "update", _("Sửa")
    DELETE = "delete", _("Xóa")
    TRANSITION = "transition", _("Chuyển trạng thái")
    LOGIN_FAILED = "login_failed", _("Đăng nhập sai")
    LOCKED_OUT = "locked_out", _("Tạm khóa đăng nhập")
