import datetime
import io
from decimal import Decimal as D

import openpyxl
import pytest
from django.urls import reverse

from tongket.lib.xlsx import Sheet, write_xlsx
from tongket.targets import services
from tongket.targets.models import IndicatorVersion, Plan, Result, Submission

from .conftest import YEAR, save

JSON = {"HTTP_ACCEPT": "application/json"}


def url(name, *args, **query):
    base = reverse(f"targets:{name}", args=args)
    if query:
        base += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return base


def test_index_lists_the_users_units(world, login):
    page = login(world.officer_a).get(url("index"))
    assert page.status_code == 200
    assert "Phường Hòa Bình" in page.content.decode()


def test_unit_dashboard_shows_percent_and_verdict(world, figures, login):
    page = login(world.leader_a).get(url("unit", world.a.pk, year=YEAR))
    html = page.content.decode()
    assert page.status_code == 200
    assert "12,4 tỷ đồng" in html and "104%" in html and "Vượt" in html
    assert "42/42 tuyến phố" in html and "Chưa có kế hoạch" in html
    assert 'id="chart-data"' in html


def test_unit_dashboard_of_another_commune_is_not_found(world, figures, login):
    assert login(world.officer_b).get(url("unit", world.a.pk)).status_code == 404
    assert login(world.officer_a).get(url("province", world.province.pk)).status_code == 404


def test_unit_dashboard_exports_xlsx_with_the_same_figures(world, figures, login):
    response = login(world.officer_a).get(url("unit", world.a.pk, year=YEAR, format="xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    revenue = next(row for row in rows if row[0] == "KT01")
    assert revenue[4] == pytest.approx(11.92) and revenue[5] == pytest.approx(12.4)
    assert revenue[7] == 104 and revenue[8] == "Vượt"


def _cell(client, unit, indicator, version=0, **data):
    body = {"year": YEAR, "period": "year", "indicator": indicator.pk, "version": version}
    body.update(data)
    return client.post(url("cell", unit.pk), body, **JSON)


def test_grid_cell_saves_on_its_own(world, catalogue, login):
    client = login(world.officer_a)
    page = client.get(url("grid", world.a.pk, year=YEAR))
    assert page.status_code == 200 and "Nhập số liệu" in page.content.decode()
    response = _cell(client, world.a, catalogue.revenue, value="2.809,8")
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] and data["version"] == 1 and data["display"] == "2.809,8 tỷ đồng"
    assert Result.objects.get(unit=world.a, indicator=catalogue.revenue).value == D("2809.8")


def test_english_decimal_mark_is_refused_with_the_helpers_message(world, catalogue, login):
    response = _cell(login(world.officer_a), world.a, catalogue.revenue, value="2,809.8")
    assert response.status_code == 400
    message = response.json()["errors"]["value"][0]
    assert "kiểu Anh" in message and "2.809,8" in message
    assert not Result.objects.exists()


def test_text_in_a_number_cell_is_refused(world, catalogue, login):
    response = _cell(login(world.officer_a), world.a, catalogue.revenue, value="mười hai")
    assert response.status_code == 400
    assert "không hợp lệ" in response.json()["errors"]["value"][0]


def test_second_writer_gets_the_current_value_and_nothing_is_overwritten(world, catalogue, login):
    save(world.a, catalogue.revenue, world.admin_a, "13")
    response = _cell(login(world.officer_a), world.a, catalogue.revenue, version=0, value="14")
    assert response.status_code == 409
    data = response.json()
    assert "Lê Văn Quản vừa lưu ô này với giá trị 13 tỷ đồng" in data["errors"]["value"][0]
    assert data["current"]["value"] == "13" and data["current"]["version"] == 1
    assert Result.objects.get().value == D("13")


def test_cell_of_another_commune_is_not_found(world, catalogue, login):
    response = _cell(login(world.officer_b), world.a, catalogue.revenue, value="1")
    assert response.status_code == 404
    assert not Result.objects.exists()


def test_viewer_without_enter_right_is_forbidden(world, catalogue, login):
    response = _cell(login(world.leader_a), world.a, catalogue.revenue, value="1")
    assert response.status_code == 403
    assert "không có quyền" in response.json()["errors"]["__all__"][0]


def test_cell_without_javascript_comes_back_to_the_grid_with_a_message(world, catalogue, login):
    client = login(world.officer_a)
    response = client.post(
        url("cell", world.a.pk),
        {
            "year": YEAR,
            "period": "year",
            "indicator": catalogue.revenue.pk,
            "version": 0,
            "value": "2,809.8",
        },
        follow=True,
    )
    assert "kiểu Anh" in response.content.decode()


def test_submit_approve_lock_and_reopen_through_the_screens(world, figures, login):
    officer = login(world.officer_a)
    officer.post(url("submit", world.a.pk), {"year": YEAR, "period": "year"})
    submission = Submission.objects.get(unit=world.a)
    assert submission.state == "submitted"
    assert officer.post(url("approve", submission.pk)).status_code == 403
    leader = login(world.leader_a)
    leader.post(url("approve", submission.pk))
    submission.refresh_from_db()
    assert submission.state == "approved"
    page = leader.get(url("grid", world.a.pk, year=YEAR)).content.decode()
    assert "đã được duyệt và khóa" in page
    officer = login(world.officer_a)
    response = _cell(officer, world.a, figures.revenue, version=2, value="1")
    assert "đã được duyệt" in response.json()["errors"]["__all__"][0]
    login(world.leader_a).post(url("reopen", submission.pk), {"reason": ""})
    submission.refresh_from_db()
    assert submission.state == "approved"
    login(world.leader_a).post(url("reopen", submission.pk), {"reason": "Sửa số thu"})
    submission.refresh_from_db()
    assert submission.state == "draft"


def test_return_needs_a_reason_and_other_commune_cannot_decide(world, figures, login):
    submission = services.submission_submit(
        unit=world.a, year=YEAR, period="year", by=world.officer_a
    )
    assert (
        login(world.officer_b).post(url("return", submission.pk), {"reason": "x"}).status_code
        == 404
    )
    leader = login(world.leader_a)
    leader.post(url("return", submission.pk), {"reason": "Thiếu số liệu"})
    submission.refresh_from_db()
    assert submission.return_reason == "Thiếu số liệu"


def test_province_dashboard_ranks_and_rolls_up(world, figures, login):
    client = login(world.province_officer)
    page = client.get(url("province", world.province.pk, year=YEAR, indicator="KT01"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "19,4 tỷ đồng" in html and "87,5%" in html
    assert html.index("Phường Hòa Bình</a></td>") < html.index("Phường Đậu Liêu</a></td>")
    export = client.get(url("province", world.province.pk, year=YEAR, format="xlsx"))
    book = openpyxl.load_workbook(io.BytesIO(export.content))
    assert book.sheetnames == ["Thực hiện", "% kế hoạch", "Chi tiết"]
    results = list(book["Thực hiện"].iter_rows(values_only=True))
    assert results[-1][0] == "Toàn tỉnh (tổng hợp)" and results[-1][1] == pytest.approx(19.4)


def test_assign_screen_saves_every_communes_plan_at_once(world, catalogue, login):
    client = login(world.province_officer)
    page = client.get(url("assign", world.province.pk, year=YEAR))
    assert page.status_code == 200
    revenue, streets = catalogue.revenue.pk, catalogue.streets.pk
    body = {
        "document": "Quyết định số 45/QĐ-UBND",
        "year": YEAR,
        f"p{world.a.pk}_{revenue}": "11,92",
        f"p{world.b.pk}_{revenue}": "8",
    }
    client.post(url("assign", world.province.pk, year=YEAR), body)
    assert dict(Plan.objects.values_list("unit__code", "value")) == {
        "P-A": D("11.92"),
        "P-B": D("8"),
    }
    bad = client.post(
        url("assign", world.province.pk, year=YEAR, group="culture_society"),
        {"document": "QĐ 46", f"p{world.a.pk}_{streets}": "95", f"p{world.b.pk}_{streets}": "-1"},
    )
    assert "không nhận giá trị âm" in bad.content.decode()
    assert Plan.objects.count() == 2


def test_commune_officer_cannot_open_the_assign_screen(world, catalogue, login):
    assert login(world.officer_a).get(url("assign", world.province.pk)).status_code == 404
    assert login(world.leader_a).get(url("assign", world.a.pk)).status_code == 403


def _xlsx(rows, headers=("Mã đơn vị", "Mã chỉ tiêu", "Kế hoạch", "Văn bản giao")):
    return io.BytesIO(write_xlsx([Sheet("Kế hoạch", list(headers), rows)]))


def _import(client, world, data):
    data.name = "ke-hoach.xlsx"
    return client.post(
        url("assign_xlsx", world.province.pk, year=YEAR),
        {"file": data, "document": ""},
        follow=True,
    )


def test_plans_import_from_xlsx(world, catalogue, login):
    client = login(world.province_officer)
    template = client.get(url("assign_xlsx", world.province.pk, year=YEAR))
    sheet = openpyxl.load_workbook(io.BytesIO(template.content)).active
    assert [c.value for c in sheet[1]] == ["Mã đơn vị", "Mã chỉ tiêu", "Kế hoạch", "Văn bản giao"]
    response = _import(
        client,
        world,
        _xlsx(
            [
                ["P-A", "KT01", 11.92, "Quyết định số 45/QĐ-UBND"],
                ["P-B", "kt01", "8,5", "Quyết định số 45/QĐ-UBND"],
            ]
        ),
    )
    assert "Đã nhập 2 kế hoạch" in response.content.decode()
    plan = Plan.objects.get(unit=world.b)
    assert plan.value == D("8.5") and plan.document == "Quyết định số 45/QĐ-UBND"


def test_xlsx_import_with_a_bad_row_saves_nothing_and_names_row_and_column(world, catalogue, login):
    client = login(world.province_officer)
    html = _import(
        client,
        world,
        _xlsx(
            [
                ["P-A", "KT01", 11.92, ""],
                ["P-B", "KT99", 8, ""],
                ["P-A-T1", "KT01", 3, ""],
                ["P-B", "KT01", "2,809.8", ""],
            ]
        ),
    ).content.decode()
    assert "chưa lưu gì" in html
    assert "Dòng 3, cột B (Mã chỉ tiêu): không có chỉ tiêu mã “KT99”" in html
    assert "Dòng 4, cột A (Mã đơn vị)" in html
    assert "Dòng 5, cột C (Kế hoạch)" in html and "kiểu Anh" in html
    assert not Plan.objects.exists()


def test_xlsx_import_with_a_wrong_column_is_refused(world, catalogue, login):
    client = login(world.province_officer)
    html = _import(
        client, world, _xlsx([["P-A", "KT01", 1]], ("Mã đơn vị", "Chỉ tiêu", "Kế hoạch"))
    ).content.decode()
    assert "Cột &quot;Chỉ tiêu&quot; không có trong mẫu" in html or "không có trong mẫu" in html
    assert "Thiếu cột" in html
    assert not Plan.objects.exists()


def test_xlsx_import_by_another_communes_officer_is_refused(world, catalogue, login):
    response = login(world.officer_b).post(url("assign_xlsx", world.province.pk))
    assert response.status_code == 404


def test_board_shows_submission_states_and_sets_deadlines(world, figures, login):
    client = login(world.province_officer)
    client.post(url("board", world.province.pk, year=YEAR), {"period": "year", "due": "2025-12-20"})
    services.submission_submit(unit=world.a, year=YEAR, period="year", by=world.officer_a)
    html = client.get(url("board", world.province.pk, year=YEAR)).content.decode()
    assert "20/12/2025" in html and "Đã gửi" in html
    if datetime.date.today() > datetime.date(2025, 12, 20):
        assert "Quá hạn" in html
    assert login(world.officer_a).get(url("board", world.province.pk)).status_code == 404
    forbidden = login(world.leader_a).post(
        url("board", world.a.pk), {"period": "year", "due": "2025-12-20"}
    )
    assert forbidden.status_code == 403


def test_rollup_page_sums_the_communes(world, figures, login):
    html = login(world.root).get(url("rollup", indicator="KT01", year=YEAR)).content.decode()
    assert "19,4 tỷ đồng" in html
    mine = login(world.officer_b).get(url("rollup", indicator="KT01", year=YEAR)).content.decode()
    assert "7 tỷ đồng" in mine and "19,4" not in mine


def test_catalogue_copies_the_year_and_renames_without_losing_history(world, catalogue, login):
    client = login(world.province_officer)
    page = client.get(url("catalogue", unit=world.province.pk, year=YEAR))
    assert "Tỷ lệ hộ nghèo" in page.content.decode()
    client.post(url("catalogue"), {"unit": world.province.pk, "year": YEAR + 1})
    assert IndicatorVersion.objects.filter(year=YEAR + 1).count() == 4
    version = IndicatorVersion.objects.get(indicator=catalogue.revenue, year=YEAR + 1)
    form = {
        "code": "KT01",
        "name": "Thu ngân sách",
        "group": "economy",
        "unit_of_measure": "tỷ đồng",
        "value_kind": "number",
        "direction": "higher",
        "rollup": "sum",
        "decimals": 2,
        "order": 1,
    }
    client.post(url("indicator_edit", version.pk), form)
    version.refresh_from_db()
    assert version.name == "Thu ngân sách"
    assert IndicatorVersion.objects.get(indicator=catalogue.revenue, year=YEAR).name.startswith(
        "Tổng thu"
    )
    assert login(world.officer_a).get(url("indicator_edit", version.pk)).status_code == 404


def test_commune_adds_its_own_indicator_from_the_catalogue(world, catalogue, login):
    client = login(world.officer_a)
    form = {
        "code": "hb-01",
        "name": "Mô hình Dân vận khéo",
        "group": "party_building",
        "unit_of_measure": "mô hình",
        "value_kind": "count",
        "direction": "higher",
        "rollup": "sum",
        "decimals": 0,
        "order": 9,
    }
    client.post(url("indicator_create", unit=world.a.pk, year=YEAR), form)
    assert IndicatorVersion.objects.get(indicator__code="HB-01").indicator.owner == world.a
    forbidden = login(world.leader_a).post(
        url("indicator_create", unit=world.a.pk, year=YEAR), form
    )
    assert forbidden.status_code == 403
