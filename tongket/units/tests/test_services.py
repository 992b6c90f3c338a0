import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongket.units import services
from tongket.units.choices import PositionRole, Role, UnitKind, role_from_title
from tongket.units.models import AuditEntry, RoleGrant, Unit
from tongket.units.selectors import holder_on


def test_unit_path_holds_ancestors(world):
    assert world.group_a1.path == f"/{world.province.pk}/{world.a.pk}/{world.group_a1.pk}/"
    assert world.group_a1.depth == 2


def test_duplicate_code_is_refused_with_a_vietnamese_message(world):
    with pytest.raises(ValidationError) as exc:
        services.unit_create(
            code="P-A", name="Khác", kind=UnitKind.PHUONG, parent=world.province, by=world.root
        )
    assert "đã được dùng" in exc.value.message_dict["code"][0]
    assert Unit.objects.filter(code="P-A").count() == 1


def test_over_long_name_is_refused_and_nothing_saved(world):
    before = Unit.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.unit_create(
            code="X1",
            name="x" * 201,
            kind=UnitKind.RESIDENTIAL_GROUP,
            parent=world.a,
            by=world.root,
        )
    assert "name" in exc.value.message_dict
    assert Unit.objects.count() == before
    assert not AuditEntry.objects.filter(object_repr="x" * 201).exists()


def test_empty_name_is_refused(world):
    with pytest.raises(ValidationError):
        services.unit_create(
            code="X2", name="   ", kind=UnitKind.RESIDENTIAL_GROUP, parent=world.a, by=world.root
        )


def test_a_commune_cannot_sit_under_a_residential_group(world):
    with pytest.raises(ValidationError) as exc:
        services.unit_create(
            code="X3", name="Phường lạ", kind=UnitKind.PHUONG, parent=world.group_a1, by=world.root
        )
    assert "Không thể đặt" in exc.value.message_dict["parent"][0]


def test_moving_a_unit_under_its_own_child_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        services.unit_update(
            unit=world.a,
            by=world.root,
            code="P-A",
            name=world.a.name,
            kind=UnitKind.PHUONG,
            parent=world.group_a1,
        )
    assert "chính nó" in exc.value.message_dict["parent"][0]
    world.a.refresh_from_db()
    assert world.a.parent_id == world.province.pk


def test_moving_a_subtree_rewrites_every_descendant_path(world):
    cell = services.unit_create(
        code="CB1", name="Chi bộ 1", kind=UnitKind.PARTY_CELL, parent=world.group_a1, by=world.root
    )
    services.unit_update(
        unit=world.group_a1,
        by=world.root,
        code="P-A-T1",
        name=world.group_a1.name,
        kind=UnitKind.RESIDENTIAL_GROUP,
        parent=world.b,
    )
    cell.refresh_from_db()
    assert cell.path == f"/{world.province.pk}/{world.b.pk}/{world.group_a1.pk}/{cell.pk}/"
    assert cell.depth == 3


def test_update_records_old_and_new_values(world):
    services.unit_update(
        unit=world.a,
        by=world.admin_a,
        code="P-A",
        name="Phường Hòa Bình Mới",
        kind=UnitKind.PHUONG,
        parent=world.province,
    )
    entry = AuditEntry.objects.filter(model="units.unit", object_id=str(world.a.pk)).first()
    assert entry.actor == world.admin_a
    assert entry.changes["name"] == ["Phường Hòa Bình", "Phường Hòa Bình Mới"]
    assert entry.unit == world.a


def test_merged_unit_ends_and_points_to_its_successor(world):
    services.unit_merge(
        unit=world.group_a2, into=world.group_a1, on=datetime.date(2025, 6, 30), by=world.admin_a
    )
    world.group_a2.refresh_from_db()
    assert world.group_a2.merged_into == world.group_a1
    assert not world.group_a2.is_active_on(datetime.date(2025, 7, 1))
    assert world.group_a2.is_active_on(datetime.date(2025, 6, 30))


def test_officer_of_b_cannot_create_units_in_a(world):
    with pytest.raises(PermissionDenied):
        services.unit_create(
            code="X4",
            name="Tổ lạ",
            kind=UnitKind.RESIDENTIAL_GROUP,
            parent=world.a,
            by=world.officer_b,
        )


def test_reporter_cannot_create_people(world):
    with pytest.raises(PermissionDenied):
        services.person_create(full_name="Ai đó", unit=world.group_a1, by=world.reporter_a1)


def test_weak_password_is_refused_in_vietnamese(world):
    with pytest.raises(ValidationError) as exc:
        services.user_create(username="moi", password="123", unit=world.a, by=world.admin_a)
    assert exc.value.message_dict["password"]
    assert "quá ngắn" in " ".join(exc.value.message_dict["password"])


def test_duplicate_role_grant_is_refused(world):
    with pytest.raises(ValidationError):
        services.role_grant(user=world.officer_a, unit=world.a, role=Role.OFFICER, by=world.admin_a)
    assert RoleGrant.objects.filter(user=world.officer_a).count() == 1


def test_admin_of_a_cannot_grant_on_b(world):
    with pytest.raises(PermissionDenied):
        services.role_grant(user=world.officer_a, unit=world.b, role=Role.VIEWER, by=world.admin_a)


def test_position_end_before_start_is_refused(world):
    person = services.person_create(full_name="Ngô Văn A", unit=world.a, by=world.admin_a)
    with pytest.raises(ValidationError):
        services.position_create(
            person=person,
            unit=world.a,
            title="Tổ trưởng",
            start_date=datetime.date(2025, 1, 2),
            end_date=datetime.date(2024, 1, 1),
            by=world.admin_a,
        )


def test_every_write_leaves_an_audit_row_in_the_same_transaction(world):
    count = AuditEntry.objects.count()
    person = services.person_create(full_name="Lý Thị B", unit=world.a, by=world.officer_a)
    assert AuditEntry.objects.count() == count + 1
    entry = AuditEntry.objects.get(model="units.person", object_id=str(person.pk))
    assert entry.action == "create"
    assert entry.changes["full_name"] == [None, "Lý Thị B"]


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Bí thư Đảng ủy phường", PositionRole.PARTY_SECRETARY),
        ("Phó Bí thư Thường trực Đảng ủy", PositionRole.PARTY_DEPUTY_SECRETARY),
        ("Bí thư Chi bộ Tổ dân phố số 1", PositionRole.PARTY_SECRETARY),
        ("Bí thư Đoàn phường", PositionRole.HEAD),
        ("Chủ tịch UBND phường", PositionRole.COMMITTEE_CHAIR),
        ("Phó Chủ tịch Ủy ban nhân dân xã", PositionRole.COMMITTEE_VICE_CHAIR),
        ("Chủ tịch HĐND phường", PositionRole.COUNCIL_CHAIR),
        ("Chủ tịch Ủy ban MTTQ phường", PositionRole.FRONT_CHAIR),
        ("Tổ trưởng Tổ dân phố số 2", PositionRole.HEAD),
        ("Công chức Văn phòng – Thống kê", PositionRole.STAFF),
        ("Người có uy tín", PositionRole.OTHER),
    ],
)
def test_position_role_is_read_from_the_title(title, role):
    assert role_from_title(title) == role


def test_holder_on_finds_who_held_a_role_on_the_day(world):
    old = services.person_create(full_name="Bí Thư Cũ", unit=world.a, by=world.root)
    new = services.person_create(full_name="Bí Thư Mới", unit=world.a, by=world.root)
    services.position_create(
        person=old,
        unit=world.a,
        title="Bí thư Đảng ủy phường",
        start_date=datetime.date(2020, 10, 1),
        end_date=datetime.date(2025, 6, 30),
        by=world.root,
    )
    services.position_create(
        person=new,
        unit=world.a,
        title="Người đứng đầu",
        role=PositionRole.PARTY_SECRETARY,
        start_date=datetime.date(2025, 7, 1),
        by=world.root,
    )
    assert holder_on(world.a, PositionRole.PARTY_SECRETARY, datetime.date(2025, 1, 9)).person == old
    assert holder_on(world.a, PositionRole.PARTY_SECRETARY, datetime.date(2026, 1, 9)).person == new
    assert holder_on(world.b, PositionRole.PARTY_SECRETARY, datetime.date(2026, 1, 9)) is None
