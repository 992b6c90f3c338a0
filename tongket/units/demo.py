"""Demo units, people, positions and one account per role, built through the services.

A province with a historic district and four communes; Phường Hòa Bình has subordinate units
of every kind. Idempotent: units are looked up by code and only missing ones are created.
"""

from __future__ import annotations

import datetime

from .choices import Role, UnitKind
from .models import Person, Position, RoleGrant, Unit, User

DEMO_PASSWORD = "Tongket-Demo-2026"
REFORM_DAY = datetime.date(2025, 7, 1)
BEFORE_REFORM = datetime.date(2025, 6, 30)

SUBUNITS = [
    ("CB-TDP1", "Chi bộ Tổ dân phố số 1", UnitKind.PARTY_CELL),
    ("CB-TDP2", "Chi bộ Tổ dân phố số 2", UnitKind.PARTY_CELL),
    ("CB-TDP3", "Chi bộ Tổ dân phố số 3", UnitKind.PARTY_CELL),
    ("CB-TDP4", "Chi bộ Tổ dân phố Đồng Tâm", UnitKind.PARTY_CELL),
    ("CB-CQ", "Chi bộ Cơ quan phường", UnitKind.PARTY_CELL),
    ("TDP1", "Tổ dân phố số 1", UnitKind.RESIDENTIAL_GROUP),
    ("TDP2", "Tổ dân phố số 2", UnitKind.RESIDENTIAL_GROUP),
    ("TDP3", "Tổ dân phố số 3", UnitKind.RESIDENTIAL_GROUP),
    ("TDP4", "Tổ dân phố Đồng Tâm", UnitKind.RESIDENTIAL_GROUP),
    ("TDP5", "Tổ dân phố Liên Kết", UnitKind.RESIDENTIAL_GROUP),
    ("TDP6", "Tổ dân phố Quyết Thắng", UnitKind.RESIDENTIAL_GROUP),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", UnitKind.MASS_ORGANIZATION),
    ("HPN", "Hội Liên hiệp Phụ nữ phường", UnitKind.MASS_ORGANIZATION),
    ("DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường", UnitKind.MASS_ORGANIZATION),
    ("HCCB", "Hội Cựu chiến binh phường", UnitKind.MASS_ORGANIZATION),
    ("HND", "Hội Nông dân phường", UnitKind.MASS_ORGANIZATION),
    ("CDCS", "Công đoàn cơ sở phường", UnitKind.MASS_ORGANIZATION),
    ("NHCS", "Phòng giao dịch Ngân hàng Chính sách xã hội", UnitKind.AGENCY),
    ("BD", "Bưu điện văn hóa phường", UnitKind.AGENCY),
    ("MNHS", "Trường Mầm non Hoa Sen", UnitKind.SCHOOL),
    ("THHB", "Trường Tiểu học Hòa Bình", UnitKind.SCHOOL),
    ("THCSHB", "Trường Trung học cơ sở Hòa Bình", UnitKind.SCHOOL),
    ("TYT", "Trạm Y tế phường Hòa Bình", UnitKind.HEALTH_STATION),
    ("CA", "Công an phường Hòa Bình", UnitKind.POLICE),
]

PEOPLE = [
    # (unit code suffix or "", full name, title, gender)
    ("", "Nguyễn Văn Hùng", "Bí thư Đảng ủy phường", "male"),
    ("", "Hồ Thị Minh Nguyệt", "Phó Bí thư Thường trực Đảng ủy phường", "female"),
    ("", "Lê Thị Thu Hà", "Chủ tịch UBND phường", "female"),
    ("", "Phạm Quốc Bảo", "Phó Chủ tịch UBND phường", "male"),
    ("", "Đỗ Thị Mai", "Phó Chủ tịch UBND phường", "female"),
    ("", "Vũ Đức Thắng", "Chủ tịch HĐND phường", "male"),
    ("", "Trịnh Thị Lan", "Công chức Văn phòng – Thống kê", "female"),
    ("TDP1", "Hoàng Văn Tư", "Tổ trưởng Tổ dân phố số 1", "male"),
    ("TDP2", "Ngô Thị Hạnh", "Tổ trưởng Tổ dân phố số 2", "female"),
    ("TDP3", "Bùi Văn Sơn", "Tổ trưởng Tổ dân phố số 3", "male"),
    ("TDP4", "Đặng Thị Hoa", "Tổ trưởng Tổ dân phố Đồng Tâm", "female"),
    ("TDP5", "Lý Văn Phúc", "Tổ trưởng Tổ dân phố Liên Kết", "male"),
    ("TDP6", "Mai Thị Xuân", "Tổ trưởng Tổ dân phố Quyết Thắng", "female"),
    ("CB-TDP1", "Trương Văn Đức", "Bí thư Chi bộ Tổ dân phố số 1", "male"),
    ("CB-TDP2", "Phan Thị Nga", "Bí thư Chi bộ Tổ dân phố số 2", "female"),
    ("CB-CQ", "Cao Minh Tuấn", "Bí thư Chi bộ Cơ quan phường", "male"),
    ("MTTQ", "Đinh Thị Hồng", "Chủ tịch Ủy ban MTTQ phường", "female"),
    ("HPN", "Lương Thị Thảo", "Chủ tịch Hội Liên hiệp Phụ nữ phường", "female"),
    ("DTN", "Tạ Quang Huy", "Bí thư Đoàn phường", "male"),
    ("HCCB", "Kiều Văn Lực", "Chủ tịch Hội Cựu chiến binh phường", "male"),
    ("TYT", "Hà Thị Yến", "Trạm trưởng Trạm Y tế", "female"),
    ("CA", "Lâm Văn Cường", "Trưởng Công an phường", "male"),
    ("THHB", "Chu Thị Bích", "Hiệu trưởng Trường Tiểu học Hòa Bình", "female"),
]

ACCOUNTS = [
    # username, role, unit key in ctx, person name
    ("quantri", Role.ADMIN, "hoa_binh", "Trịnh Thị Lan"),
    ("lanhdao", Role.LEADER, "hoa_binh", "Lê Thị Thu Hà"),
    ("canbo", Role.OFFICER, "hoa_binh", "Đỗ Thị Mai"),
    ("baocao", Role.REPORTER, "tdp1", "Hoàng Văn Tư"),
    ("xem", Role.VIEWER, "hoa_binh", "Vũ Đức Thắng"),
    ("tinh", Role.OFFICER, "province", "Trần Văn Minh"),
    ("quantri_tinh", Role.ADMIN, "province", "Nguyễn Thị Tỉnh"),
]


def _unit(code, name, kind, parent, by, **dates) -> Unit:
    from . import services

    existing = Unit.objects.filter(code=code).first()
    if existing:
        return existing
    return services.unit_create(code=code, name=name, kind=kind, parent=parent, by=by, **dates)


def _person(unit: Unit, full_name: str, title: str, gender: str, by, start: datetime.date):
    from . import services

    person = Person.objects.filter(unit=unit, full_name=full_name).first()
    if person is None:
        person = services.person_create(full_name=full_name, unit=unit, gender=gender, by=by)
    if title and not Position.objects.filter(person=person, title=title).exists():
        services.position_create(person=person, unit=unit, title=title, start_date=start, by=by)
    return person


def load(ctx, stdout) -> None:
    from . import services

    root = User.objects.filter(username="admin").first()
    if root is None:
        root = User.objects.create_superuser("admin", "", DEMO_PASSWORD)
    by = root

    province = _unit("AH", "Tỉnh An Hòa", UnitKind.PROVINCE, None, by)
    district = _unit(
        "AH-HB",
        "Huyện Hòa Bình (cũ)",
        UnitKind.DISTRICT,
        province,
        by,
        valid_from=datetime.date(1999, 1, 1),
        valid_to=BEFORE_REFORM,
    )
    hoa_binh = _unit(
        "AH-HB-P", "Phường Hòa Bình", UnitKind.PHUONG, province, by, valid_from=REFORM_DAY
    )
    dau_lieu = _unit("AH-DL", "Xã Đậu Liêu", UnitKind.XA, province, by, valid_from=REFORM_DAY)
    bac_son = _unit("AH-BS", "Phường Bắc Sơn", UnitKind.PHUONG, province, by, valid_from=REFORM_DAY)
    hon_ngoc = _unit(
        "AH-HN", "Đặc khu Hòn Ngọc", UnitKind.DAC_KHU, province, by, valid_from=REFORM_DAY
    )
    old_commune = Unit.objects.filter(code="AH-HB-TH").first()
    if old_commune is None:
        old_commune = _unit(
            "AH-HB-TH",
            "Xã Tân Hòa (cũ)",
            UnitKind.XA,
            district,
            by,
            valid_from=datetime.date(1999, 1, 1),
        )
        services.unit_merge(unit=old_commune, into=hoa_binh, on=BEFORE_REFORM, by=by)

    subunits = {
        code: _unit(f"AH-HB-P-{code}", name, kind, hoa_binh, by) for code, name, kind in SUBUNITS
    }
    for code, name in (("TDP1", "Thôn Đông"), ("TDP2", "Thôn Đoài"), ("CB1", "Chi bộ Thôn Đông")):
        kind = UnitKind.PARTY_CELL if code.startswith("CB") else UnitKind.RESIDENTIAL_GROUP
        _unit(f"AH-DL-{code}", name, kind, dau_lieu, by)
    _unit("AH-BS-TDP1", "Tổ dân phố Bắc Sơn 1", UnitKind.RESIDENTIAL_GROUP, bac_son, by)
    _unit("AH-HN-B1", "Bản Hòn Ngọc", UnitKind.RESIDENTIAL_GROUP, hon_ngoc, by)

    start = datetime.date(2025, 7, 1)
    people = {}
    for suffix, full_name, title, gender in PEOPLE:
        unit = subunits[suffix] if suffix else hoa_binh
        people[full_name] = _person(unit, full_name, title, gender, by, start)
    people["Trần Văn Minh"] = _person(
        province, "Trần Văn Minh", "Phó Chủ tịch UBND tỉnh", "male", by, datetime.date(2021, 6, 1)
    )
    people["Nguyễn Thị Tỉnh"] = _person(
        province,
        "Nguyễn Thị Tỉnh",
        "Chuyên viên Văn phòng UBND tỉnh",
        "female",
        by,
        datetime.date(2020, 1, 1),
    )
    _person(dau_lieu, "Nông Văn Khánh", "Chủ tịch UBND xã", "male", by, start)
    _person(bac_son, "Triệu Thị Dung", "Chủ tịch UBND phường", "female", by, start)

    ctx.root = root
    ctx.province, ctx.district = province, district
    ctx.hoa_binh, ctx.dau_lieu, ctx.bac_son, ctx.hon_ngoc = hoa_binh, dau_lieu, bac_son, hon_ngoc
    ctx.communes = [hoa_binh, dau_lieu, bac_son, hon_ngoc]
    ctx.old_commune = old_commune
    ctx.subunits = subunits
    ctx.tdp1 = subunits["TDP1"]
    ctx.people = people
    ctx.password = DEMO_PASSWORD
    ctx.users = {}
    units_by_key = {"hoa_binh": hoa_binh, "tdp1": subunits["TDP1"], "province": province}
    lines = ["", f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):"]
    lines.append(f"  {'admin':<14} quản trị hệ thống (superuser)")
    for username, role, unit_key, person_name in ACCOUNTS:
        unit = units_by_key[unit_key]
        user = User.objects.filter(username=username).first()
        if user is None:
            user = services.user_create(
                username=username,
                password=DEMO_PASSWORD,
                unit=unit,
                person=people[person_name],
                by=by,
            )
        if not RoleGrant.objects.filter(user=user, unit=unit, role=role).exists():
            services.role_grant(user=user, unit=unit, role=role, by=by)
        ctx.users[username] = user
        lines.append(f"  {username:<14} {Role(role).label.lower()} – {unit.name}")
    ctx.login_lines = lines
