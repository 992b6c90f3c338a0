"""Province-wide results from one workbook: checked whole with the grid's rules, problems
grouped by kind with their rows, written in bulk with one audit row each, all or nothing."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.targets import services
from tongket.targets.models import Result
from tongket.units.models import AuditEntry

from .conftest import YEAR, save

pytestmark = pytest.mark.django_db

HEADERS = [column.header for column in services.RESULT_IMPORT_COLUMNS]


def _xlsx(rows) -> bytes:
    return write_xlsx([Sheet(title="Kết quả", headers=HEADERS, rows=rows)])


def _import(world, rows, by=None, period="year", scope=None):
    return services.results_import_xlsx(
        scope=scope or world.province,
        year=YEAR,
        period=period,
        data=_xlsx(rows),
        by=by or world.province_officer,
    )


def _refusal(world, rows, by=None, scope=None) -> list[str]:
    with pytest.raises(ValidationError) as error:
        _import(world, rows, by, scope=scope)
    return error.value.messages


def _imported():
    return AuditEntry.objects.filter(model="targets.result", verb="import")


def test_one_workbook_imports_every_commune_with_one_audit_row_each(world, catalogue):
    count = _import(
        world,
        [
            ["P-A", "KT01", "12,4", None, None, "ước tính", ""],
            ["P-A", "VH02", None, 40, 42, "chính thức", "Khảo sát tháng 11"],
            ["P-B", "kt01", 7, None, None, "", ""],
        ],
    )
    assert count == 3
    a = Result.objects.get(unit=world.a, indicator=catalogue.revenue, year=YEAR)
    assert (a.value, a.is_estimate, a.version) == (Decimal("12.4"), True, 1)
    streets = Result.objects.get(unit=world.a, indicator=catalogue.streets, year=YEAR)
    assert (streets.numerator, streets.denominator) == (40, 42)
    assert streets.value == Decimal("95.2381") and streets.note == "Khảo sát tháng 11"
    b = Result.objects.get(unit=world.b, indicator=catalogue.revenue, year=YEAR)
    assert (b.value, b.is_estimate, b.updated_by) == (7, False, world.province_officer)
    entries = _imported()
    assert entries.count() == 3
    entry = entries.get(object_id=str(a.pk))
    assert entry.action == "create" and entry.unit == world.a
    assert entry.actor == world.province_officer
    assert entry.changes["value"] == [None, "12.4"]


def test_a_second_import_updates_only_what_changed_and_moves_its_version(world, catalogue):
    rows = [
        ["P-A", "KT01", "12,4", None, None, "", ""],
        ["P-B", "KT01", 7, None, None, "", ""],
    ]
    _import(world, rows)
    rows[1][2] = 8
    assert _import(world, rows) == 2
    a = Result.objects.get(unit=world.a, indicator=catalogue.revenue, year=YEAR)
    b = Result.objects.get(unit=world.b, indicator=catalogue.revenue, year=YEAR)
    assert (a.version, b.version, b.value) == (1, 2, 8)
    update = _imported().get(action="update")
    assert update.object_id == str(b.pk)
    assert update.changes["value"][1] == "8"


def test_an_open_grid_meets_a_conflict_after_an_import(world, catalogue):
    save(world.a, catalogue.revenue, world.officer_a, "10")
    _import(world, [["P-A", "KT01", 11, None, None, "", ""]])
    with pytest.raises(services.ConflictError):
        services.result_save(
            unit=world.a,
            indicator=catalogue.revenue,
            year=YEAR,
            period="year",
            value=Decimal(12),
            expected_version=1,  # read before the import
            by=world.officer_a,
        )


def test_problems_are_grouped_one_line_per_kind_and_nothing_is_saved(world, catalogue):
    messages = _refusal(
        world,
        [
            ["P-A", "KT01", "12,4", None, None, "", ""],  # row 2: good
            ["P-A", "KHONG_CO", 1, None, None, "", ""],  # 3
            ["P-X", "KT01", 1, None, None, "", ""],  # 4
            ["P-B", "KHONG_CO", 2, None, None, "", ""],  # 5
            ["P-A", "KT01", 3, None, None, "", ""],  # 6: the same cell as row 2
            ["P-B", "VH10", "abc", None, None, "", ""],  # 7
            ["P-B", "VH04", None, None, None, "", ""],  # 8
            ["P-B", "VH02", None, 43, 42, "", ""],  # 9
            ["P-B", "KT01", 1, None, None, "có lẽ", ""],  # 10
            ["P-B", "KT01", Decimal("1.255"), None, None, "", ""],  # 11: 2 decimals at most
        ],
    )
    assert messages == [
        "Dòng 3, 5: mã chỉ tiêu không có trong danh mục",
        "Dòng 4: mã đơn vị không có hoặc không thuộc phạm vi nhập liệu của bạn",
        "Dòng 6: trùng mã đơn vị và mã chỉ tiêu với một dòng ở trên",
        'Cột C (Thực hiện), dòng 7: Số "abc" không hợp lệ: chỉ được dùng chữ số, dấu chấm ngăn '
        "nghìn và dấu phẩy thập phân.",
        "Dòng 8: chưa điền số thực hiện (hoặc tử số, mẫu số)",
        "Dòng 9: Tử số không được lớn hơn mẫu số.",
        "Dòng 10: cột “Ước tính hay chính thức” ghi “ước tính” hoặc “chính thức”",
        "Dòng 11: Chỉ tiêu “Tổng thu ngân sách nhà nước trên địa bàn” lấy tối đa 2 chữ số "
        "thập phân.",
    ]
    assert not Result.objects.exists()
    assert not _imported().exists()


def test_many_rows_of_one_kind_are_one_line_naming_the_first_rows(world, catalogue):
    messages = _refusal(world, [["P-A", f"X{n}", 1, None, None, "", ""] for n in range(30)])
    assert messages == [
        "Dòng " + ", ".join(str(n) for n in range(2, 22)) + " … và 10 dòng khác: mã chỉ tiêu "
        "không có trong danh mục"
    ]


def test_a_commune_officer_may_only_import_their_own_commune(world, catalogue):
    messages = _refusal(
        world,
        [["P-A", "KT01", 1, None, None, "", ""], ["P-B", "KT01", 2, None, None, "", ""]],
        by=world.officer_a,
        scope=world.a,
    )
    assert messages == ["Dòng 3: mã đơn vị không có hoặc không thuộc phạm vi nhập liệu của bạn"]
    assert not Result.objects.exists()


def test_a_period_sent_or_approved_is_locked_as_in_the_grid(world, catalogue):
    save(world.a, catalogue.revenue, world.officer_a, "10")
    services.submission_submit(unit=world.a, year=YEAR, period="year", by=world.officer_a)
    messages = _refusal(
        world,
        [["P-A", "KT01", 11, None, None, "", ""], ["P-B", "KT01", 2, None, None, "", ""]],
    )
    assert messages == [
        "Dòng 2: Phường Hòa Bình: Số liệu kỳ này đã gửi cấp trên, đang chờ duyệt; chưa sửa được."
    ]
    assert Result.objects.get(unit=world.a).value == 10
    assert not Result.objects.filter(unit=world.b).exists()


def test_an_indicator_of_another_province_does_not_apply(world, catalogue, root_user):
    from tongket.targets.choices import IndicatorGroup
    from tongket.units import services as unit_services
    from tongket.units.choices import UnitKind

    other = unit_services.unit_create(
        code="T02", name="Tỉnh Khác", kind=UnitKind.PROVINCE, parent=None, by=root_user
    )
    services.indicator_create(
        owner=other,
        code="KH01",
        year=YEAR,
        by=root_user,
        name="Chỉ tiêu",
        group=IndicatorGroup.ECONOMY,
    )
    messages = _refusal(world, [["P-A", "KH01", 1, None, None, "", ""]])
    assert messages == ["Dòng 2: chỉ tiêu KH01 không áp dụng cho Phường Hòa Bình năm 2025"]


def test_the_writes_are_bulk_whatever_the_number_of_rows(world, catalogue):
    def queries(rows) -> int:
        with CaptureQueriesContext(connection) as captured:
            _import(world, rows)
        return len(captured.captured_queries)

    few = queries([["P-A", "KT01", 1, None, None, "", ""]])
    Result.objects.all().delete()
    many = queries(
        [
            [unit, code, 1, None, None, "", ""]
            for unit in ("P-A", "P-B")
            for code in ("KT01", "VH10", "VH04")
        ]
    )
    assert many == few


def test_a_file_without_the_columns_is_refused_by_column(world, catalogue):
    data = write_xlsx([Sheet(title="x", headers=["Mã đơn vị", "Giá trị"], rows=[["P-A", 1]])])
    with pytest.raises(ValidationError) as error:
        services.results_import_xlsx(
            scope=world.province, year=YEAR, period="year", data=data, by=world.province_officer
        )
    assert 'Dòng 1: Thiếu cột "Mã chỉ tiêu"' in error.value.messages


# The screen


def _upload(rows) -> SimpleUploadedFile:
    return SimpleUploadedFile("ket-qua.xlsx", _xlsx(rows))


def test_the_province_screen_imports_a_workbook(world, catalogue, login):
    url = reverse("targets:results_import", args=[world.province.pk]) + f"?year={YEAR}"
    client = login(world.province_officer)
    assert "Nhập tệp" in client.get(url).content.decode()
    upload = _upload(
        [["P-A", "KT01", 5, None, None, "", ""], ["P-B", "KT01", 6, None, None, "", ""]]
    )
    response = client.post(url, {"period": "year", "file": upload}, follow=True)
    assert "Đã nhập 2 kết quả." in response.content.decode()
    assert Result.objects.count() == 2


def test_the_screen_lists_the_grouped_problems(world, catalogue, login):
    url = reverse("targets:results_import", args=[world.province.pk]) + f"?year={YEAR}"
    upload = _upload([["P-A", "X1", 5, None, None, "", ""], ["P-B", "X2", 6, None, None, "", ""]])
    response = login(world.province_officer).post(
        url, {"period": "year", "file": upload}, follow=True
    )
    page = response.content.decode()
    assert "Chưa nhập số liệu nào vì tệp có lỗi:" in page
    assert "Dòng 2, 3: mã chỉ tiêu không có trong danh mục" in page


def test_an_oversized_upload_is_refused_with_the_limit_and_saves_nothing(
    world, catalogue, login, settings
):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    url = reverse("targets:results_import", args=[world.province.pk]) + f"?year={YEAR}"
    upload = SimpleUploadedFile("lon.xlsx", b"x" * (1024 * 1024 + 1))
    response = login(world.province_officer).post(
        url, {"period": "year", "file": upload}, follow=True
    )
    assert "Tệp quá lớn (tệp đang có 1 MB): chỉ nhận tệp đến 1 MB." in response.content.decode()
    assert not Result.objects.exists()


def test_the_template_lists_every_commune_and_indicator_with_the_results(world, catalogue, login):
    save(world.a, catalogue.revenue, world.officer_a, "12.4", is_estimate=True)
    url = reverse("targets:results_template", args=[world.province.pk]) + f"?year={YEAR}"
    response = login(world.province_officer).get(url)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert len(rows) == 1 + 2 * 4
    assert ("P-A", "KT01", 12.4, None, None, "ước tính", None) in rows


def test_the_template_filled_in_imports_back(world, catalogue, login):
    save(world.a, catalogue.revenue, world.officer_a, "12.4", is_estimate=True)
    url = reverse("targets:results_template", args=[world.province.pk]) + f"?year={YEAR}"
    workbook = openpyxl.load_workbook(io.BytesIO(login(world.province_officer).get(url).content))
    for row in workbook.worksheets[0].iter_rows(min_row=2):
        if row[1].value == "VH02":
            row[3].value, row[4].value = 3, 4
        elif row[2].value is None:
            row[2].value = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    count = services.results_import_xlsx(
        scope=world.province,
        year=YEAR,
        period="year",
        data=buffer.getvalue(),
        by=world.province_officer,
    )
    assert count == 8
    kept = Result.objects.get(unit=world.a, indicator=catalogue.revenue)
    assert (kept.value, kept.is_estimate, kept.version) == (Decimal("12.4"), True, 1)


def test_the_screen_is_forbidden_outside_the_users_scope(world, catalogue, login):
    url = reverse("targets:results_import", args=[world.province.pk])
    assert login(world.officer_a).get(url).status_code in (403, 404)
    template = reverse("targets:results_template", args=[world.province.pk])
    assert login(world.officer_a).get(template).status_code in (403, 404)
