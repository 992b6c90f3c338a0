from django.db import models
from django.utils.translation import gettext_lazy as _


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
}


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị")
    LEADER = "leader", _("Lãnh đạo")
    OFFICER = "officer", _("Cán bộ")
    REPORTER = "reporter", _("Báo cáo viên")
    VIEWER = "viewer", _("Xem")


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


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")
    OTHER = "other", _("Khác")


class AuditAction(models.TextChoices):
    CREATE = "create", _("Tạo")
    UPDATE = "update", _("Sửa")
    DELETE = "delete", _("Xóa")
    TRANSITION = "transition", _("Chuyển trạng thái")
