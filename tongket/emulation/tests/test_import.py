"""Nominating a list of people from .xlsx: all or nothing, every bad row named."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tongket.emulation import services
from tongket.emulation.models import Nomination
from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.units.models import AuditEntry

from .conftest import register

HEADERS = ["Họ và tên", "Mã đơn vị", "Danh hiệu, hình thức", "Tóm tắt thành tích"]


def workbook(rows):
    return write_xlsx([Sheet(title="De nghi", headers=HEADERS, rows=rows)])


def test_a_file_with_bad_rows_saves_nothing_and_names_every_bad_row(em):
    register(em, em.people[0], "ldtt")
    data = workbook(
        [
            ["Nguyễn Văn An", "", "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ."],
            ["Trần Không Có", "", "Lao động tiên tiến", "x"],
            ["Nguyễn Văn Bình", "", "Danh hiệu lạ", "x"],
            ["nguyen van cuong", "", "ldtt", "Chưa đăng ký."],
            ["Nguyễn Văn Dũng", "", "Giấy khen của Chủ tịch UBND cấp xã", ""],
        ]
    )
    audit_rows = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.nominations_import(
            unit=em.world.group_a1, year=2025, data=data, by=em.world.officer_a
        )
    messages = caught.value.messages
    assert any(m.startswith("Dòng 3: không tìm thấy “Trần Không Có”") for m in messages)
    assert any(
        m.startswith("Dòng 4: không có danh hiệu, hình thức “Danh hiệu lạ”") for m in messages
    )
    assert any(m.startswith("Dòng 5:") and "chưa đăng ký thi đua" in m for m in messages)
    assert any(m.startswith("Dòng 6") and "Chưa điền" in m for m in messages)
    assert not any(m.startswith("Dòng 2") for m in messages)
    assert not Nomination.objects.exists()
    assert AuditEntry.objects.count() == audit_rows


def test_a_good_file_nominates_and_submits_everyone(em):
    for person in em.people[:3]:
        register(em, person, "ldtt")
    data = workbook(
        [[p.full_name, "P-A-T1", "ldtt", "Hoàn thành tốt nhiệm vụ."] for p in em.people[:3]]
    )
    created = services.nominations_import(
        unit=em.world.a, year=2025, data=data, by=em.world.officer_a
    )
    assert [n.state for n in created] == ["submitted"] * 3


def test_the_import_screen_shows_the_errors_and_refuses_another_commune(em, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = workbook([["Trần Không Có", "", "ldtt", "x"]])
    client = login(em.world.officer_a)
    response = client.post(
        reverse("emulation:nomination_import"),
        {
            "unit": em.world.a.pk,
            "year": 2025,
            "file": SimpleUploadedFile("ds.xlsx", data),
        },
    )
    assert response.status_code == 200
    assert "Dòng 2: không tìm thấy “Trần Không Có”" in response.content.decode()
    other = login(em.world.officer_b).post(
        reverse("emulation:nomination_import"),
        {
            "unit": em.world.a.pk,
            "year": 2025,
            "file": SimpleUploadedFile("ds.xlsx", data),
        },
    )
    assert other.status_code == 200 and "Lựa chọn" in other.content.decode()
    assert not Nomination.objects.exists()
