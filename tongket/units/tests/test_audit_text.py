"""The audit log reads as sentences: names, Vietnamese labels, local time, links."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from tongket.units import services
from tongket.units.audit_text import readable
from tongket.units.models import AuditEntry


def test_an_entry_reads_as_a_sentence_with_local_time_and_a_link(world):
    person = services.person_create(
        full_name="Đinh Thị Hồng", unit=world.group_a1, gender="female", by=world.officer_a
    )
    entry = AuditEntry.objects.get(model="units.person", object_id=str(person.pk))
    entry.at = datetime.datetime(2026, 1, 12, 2, 14, tzinfo=datetime.UTC)
    entry.save()
    line = readable([entry])[0]
    assert line.sentence == "Trần Thị Cán tạo người “Đinh Thị Hồng” lúc 09:14 ngày 12/01/2026"
    assert line.url == reverse("units:person", args=[person.pk])
    changes = {change.label: change.new for change in line.changes}
    assert changes["Đơn vị"] == "Tổ dân phố số 1"
    assert changes["Giới tính"] == "Nữ"
    assert "unit_id" not in changes and "gender" not in changes


def test_a_state_change_names_what_happened_and_a_deleted_object_has_no_link(world):
    unit = services.unit_create(
        code="P-A-T9",
        name="Tổ dân phố số 9",
        kind="residential_group",
        parent=world.a,
        by=world.root,
    )
    services.unit_merge(
        unit=unit, into=world.group_a1, on=datetime.date(2025, 6, 30), by=world.root
    )
    merge = AuditEntry.objects.filter(model="units.unit", object_id=str(unit.pk)).latest("id")
    line = readable([merge])[0]
    assert line.sentence.startswith("root sửa đơn vị “Tổ dân phố số 9” lúc ")
    merged = {change.label: (change.old, change.new) for change in line.changes}
    assert merged["Sáp nhập vào"] == ("∅", "Tổ dân phố số 1")
    assert merged["Hiệu lực đến"] == ("∅", "30/06/2025")
    ghost = AuditEntry(
        action="delete",
        model="units.person",
        object_id="999999",
        object_repr="Đã xóa",
        at=timezone.now(),
    )
    assert readable([ghost])[0].url == ""


def test_the_audit_screen_shows_sentences(world, login):
    services.person_create(full_name="Người Mới", unit=world.group_a1, by=world.officer_a)
    body = login(world.leader_a).get(reverse("units:audit")).content.decode()
    assert "Trần Thị Cán tạo người “Người Mới” lúc " in body
    assert "units.person" not in body
