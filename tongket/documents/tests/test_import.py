"""Figures imported from the office's .xlsx through the targets services: all or nothing,
every problem named by row."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tongket.conferences.tests.builders import make_conference
from tongket.documents import services
from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.targets.models import Result

from .builders import make_indicators

pytestmark = pytest.mark.django_db

HEADERS = ["Mã chỉ tiêu", "Thực hiện", "Tử số", "Mẫu số", "Ước thực hiện", "Ghi chú"]


def _xlsx(rows) -> bytes:
    return write_xlsx([Sheet(title="Số liệu", headers=HEADERS, rows=rows)])


def test_results_are_imported_through_the_targets_services(world):
    make_indicators(world, with_results=False)
    data = _xlsx([["THU_NS", "12,4", None, None, "x", ""], ["TUYEN_PHO", None, 40, 42, "", ""]])
    count = services.results_import_xlsx(
        unit=world.a, year=2025, period="year", data=data, by=world.officer_a
    )
    assert count == 2
    budget = Result.objects.get(indicator__code="THU_NS", year=2025)
    assert budget.value == Decimal("12.4") and budget.is_estimate
    assert Result.objects.get(indicator__code="TUYEN_PHO", year=2025).numerator == 40


def test_one_bad_row_saves_nothing_and_names_every_row(world):
    make_indicators(world, with_results=False)
    data = _xlsx(
        [
            ["THU_NS", "12,4", None, None, "", ""],
            ["KHONG_CO", "1", None, None, "", ""],
            ["TUYEN_PHO", None, 43, 42, "", ""],
        ]
    )
    with pytest.raises(ValidationError) as error:
        services.results_import_xlsx(
            unit=world.a, year=2025, period="year", data=data, by=world.officer_a
        )
    messages = error.value.messages
    assert "Dòng 3: mã chỉ tiêu không có trong danh mục" in messages
    assert any(m.startswith("Dòng 4:") and "Tử số" in m for m in messages)
    assert not Result.objects.filter(year=2025).exists()


def test_a_file_that_is_not_excel_is_refused(world):
    make_indicators(world, with_results=False)
    with pytest.raises(ValidationError) as error:
        services.results_import_xlsx(
            unit=world.a, year=2025, period="year", data=b"not xlsx", by=world.officer_a
        )
    assert "Excel" in " ".join(error.value.messages)


def test_import_screen_for_the_commune_and_404_for_another(world, login, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    make_indicators(world, with_results=False)
    conference = make_conference(world)
    url = reverse("documents:results_import", args=[conference.pk])
    upload = SimpleUploadedFile("so-lieu.xlsx", _xlsx([["VIEC_LAM", 150, None, None, "", ""]]))
    response = login(world.officer_a).post(url, {"file": upload}, follow=True)
    assert "Đã nhập 1 kết quả." in response.content.decode()
    client.logout()
    upload = SimpleUploadedFile("so-lieu.xlsx", _xlsx([["VIEC_LAM", 151, None, None, "", ""]]))
    assert login(world.officer_b).post(url, {"file": upload}).status_code == 404
