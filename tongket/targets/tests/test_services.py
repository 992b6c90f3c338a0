from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongket.targets import selectors, services
from tongket.targets.models import IndicatorVersion, Plan, Result, Submission
from tongket.units.models import AuditEntry

from .conftest import YEAR, save


def test_year_copy_starts_next_year_from_this_years_set(world, catalogue):
    created = services.indicator_year_copy(
        year=YEAR + 1, owner=world.province, by=world.province_officer
    )
    assert len(created) == 4
    assert (
        services.indicator_year_copy(year=YEAR + 1, owner=world.province, by=world.province_officer)
        == []
    )


def test_retired_indicators_are_not_copied(world, catalogue):
    version = IndicatorVersion.objects.get(indicator=catalogue.streets, year=YEAR)
    services.indicator_version_update(version=version, retired=True, by=world.province_officer)
    services.indicator_year_copy(year=YEAR + 1, owner=world.province, by=world.province_officer)
    codes = [v.indicator.code for v in selectors.indicator_set(world.a, YEAR + 1)]
    assert "VH02" not in codes and "KT01" in codes


def test_renaming_a_year_keeps_history(world, figures):
    version = IndicatorVersion.objects.get(indicator=figures.revenue, year=YEAR)
    services.indicator_version_update(
        version=version, name="Thu ngân sách trên địa bàn", by=world.province_officer
    )
    now = selectors.unit_year_achievements(world.a, YEAR)[0]
    before = selectors.unit_year_achievements(world.a, YEAR - 1)[0]
    assert now.indicator_name == "Thu ngân sách trên địa bàn"
    assert before.indicator_name == "Tổng thu ngân sách nhà nước trên địa bàn"
    assert now.previous == D("11.31")


def test_commune_officer_cannot_edit_the_provinces_indicators(world, catalogue):
    version = IndicatorVersion.objects.get(indicator=catalogue.revenue, year=YEAR)
    with pytest.raises(PermissionDenied):
        services.indicator_version_update(version=version, name="X", by=world.officer_a)


def test_commune_adds_its_own_indicator_which_applies_only_to_it(world, catalogue):
    services.indicator_create(
        owner=world.a,
        code="HB-01",
        year=YEAR,
        name="Mô hình Dân vận khéo",
        group="party_building",
        unit_of_measure="mô hình",
        by=world.officer_a,
    )
    assert "HB-01" in [v.indicator.code for v in selectors.indicator_set(world.a, YEAR)]
    assert "HB-01" not in [v.indicator.code for v in selectors.indicator_set(world.b, YEAR)]


def test_duplicate_indicator_code_is_refused(world, catalogue):
    with pytest.raises(ValidationError, match="đã được dùng"):
        services.indicator_create(
            owner=world.province,
            code="kt01",
            year=YEAR,
            name="X",
            group="economy",
            by=world.province_officer,
        )


def test_province_assigns_plan_with_document(world, figures):
    plan = Plan.objects.get(unit=world.a, indicator=figures.revenue, year=YEAR)
    assert plan.assigned_by == world.province
    assert plan.document == "Quyết định số 45/QĐ-UBND"
    assert AuditEntry.objects.filter(model="targets.plan", object_id=str(plan.pk)).exists()


def test_commune_cannot_override_an_assigned_plan(world, figures):
    with pytest.raises(ValidationError, match="cấp trên giao"):
        services.plan_set(
            unit=world.a,
            indicator=figures.revenue,
            year=YEAR,
            value=D("1"),
            source="own",
            by=world.officer_a,
        )
    with pytest.raises(PermissionDenied):
        services.plan_set(
            unit=world.a, indicator=figures.revenue, year=YEAR, value=D("1"), by=world.officer_a
        )


def test_commune_sets_its_own_resolution_plan(world, catalogue):
    plan = services.plan_set(
        unit=world.a,
        indicator=catalogue.streets,
        year=YEAR,
        value=D("100"),
        source="own",
        document="Nghị quyết số 12/NQ-HĐND",
        by=world.officer_a,
    )
    assert plan.assigned_by is None and plan.source == "own"


def test_officer_of_another_commune_cannot_enter_results(world, catalogue):
    with pytest.raises(PermissionDenied):
        save(world.a, catalogue.revenue, world.officer_b, 5)


def test_reporter_enters_only_their_own_group(world, catalogue):
    save(world.group_a1, catalogue.households, world.reporter_a1, 1)
    with pytest.raises(PermissionDenied):
        save(world.group_a2, catalogue.households, world.reporter_a1, 1)


def test_second_writer_of_a_cell_is_told_and_nothing_is_overwritten(world, catalogue):
    first = save(world.a, catalogue.revenue, world.officer_a, "12.4")
    save(world.a, catalogue.revenue, world.admin_a, "13")
    with pytest.raises(services.ConflictError) as caught:
        services.result_save(
            unit=world.a,
            indicator=catalogue.revenue,
            year=YEAR,
            period="year",
            value=D("14"),
            expected_version=first.version,
            by=world.officer_a,
        )
    assert "Lê Văn Quản vừa lưu ô này với giá trị 13 tỷ đồng" in caught.value.messages[0]
    assert caught.value.current.value == D("13")
    assert Result.objects.get(unit=world.a, indicator=catalogue.revenue).value == D("13")


def test_two_first_saves_of_an_empty_cell_the_second_is_told_not_failed(world, catalogue):
    """Both read the cell empty (version 0). The first save creates it; the second must get
    the conflict message, not a uniqueness error or a server error."""
    for by, value in ((world.officer_a, "12.4"), (world.admin_a, "13")):
        attempt = lambda by=by, value=value: services.result_save(  # noqa: E731
            unit=world.a,
            indicator=catalogue.revenue,
            year=YEAR,
            period="year",
            value=D(value),
            expected_version=0,
            by=by,
        )
        if by is world.officer_a:
            attempt()
        else:
            with pytest.raises(services.ConflictError) as caught:
                attempt()
    assert "Trần Thị Cán vừa lưu ô này với giá trị 12,4 tỷ đồng" in caught.value.messages[0]
    assert Result.objects.get(unit=world.a, indicator=catalogue.revenue).value == D("12.4")


def test_a_simultaneous_first_save_that_loses_the_insert_race_is_a_conflict(
    world, catalogue, monkeypatch
):
    """The other writer's row lands between our read and our insert (only possible across
    connections); the database's uniqueness error becomes the conflict message."""
    from tongket.targets.models import Result as ResultModel

    real_filter = ResultModel.objects.select_for_update

    def racing_select_for_update(*args, **kwargs):
        monkeypatch.setattr(ResultModel.objects, "select_for_update", real_filter)
        save(world.a, catalogue.revenue, world.admin_a, "13")  # the other writer wins
        return real_filter(*args, **kwargs).none()

    monkeypatch.setattr(ResultModel.objects, "select_for_update", racing_select_for_update)
    with pytest.raises(services.ConflictError) as caught:
        services.result_save(
            unit=world.a,
            indicator=catalogue.revenue,
            year=YEAR,
            period="year",
            value=D("12.4"),
            expected_version=0,
            by=world.officer_a,
        )
    assert "Lê Văn Quản vừa lưu ô này" in caught.value.messages[0]
    # (The simulated writer shares our transaction, which the conflict rolls back; a real
    # one has committed on its own connection.) The caller is shown the winning value.
    assert caught.value.current.value == D("13")


def test_negative_and_too_precise_values_are_refused(world, catalogue):
    with pytest.raises(ValidationError, match="không nhận giá trị âm"):
        save(world.a, catalogue.revenue, world.officer_a, "-1")
    with pytest.raises(ValidationError, match="tối đa 2 chữ số thập phân"):
        save(world.a, catalogue.revenue, world.officer_a, "1.234")
    assert not Result.objects.exists()


def test_ratio_needs_numerator_not_above_denominator(world, catalogue):
    with pytest.raises(ValidationError, match="Tử số không được lớn hơn mẫu số"):
        save(world.a, catalogue.streets, world.officer_a, numerator=43, denominator=42)
    with pytest.raises(ValidationError, match="cả tử số và mẫu số"):
        save(world.a, catalogue.streets, world.officer_a, numerator=42)
    result = save(world.a, catalogue.streets, world.officer_a, numerator=40, denominator=42)
    assert result.value == D("95.2381")


def test_unknown_period_and_indicator_outside_the_set_are_refused(world, catalogue):
    with pytest.raises(ValidationError, match="Kỳ báo cáo"):
        save(world.a, catalogue.revenue, world.officer_a, 1, period="q9")
    with pytest.raises(ValidationError, match="không áp dụng"):
        save(world.a, catalogue.revenue, world.officer_a, 1, year=2030)


def _submit(world, unit=None):
    return services.submission_submit(
        unit=unit or world.a, year=YEAR, period="year", by=world.officer_a
    )


def test_approved_figures_are_locked_until_reopened(world, figures):
    submission = _submit(world)
    with pytest.raises(ValidationError, match="đã gửi cấp trên"):
        save(world.a, figures.revenue, world.officer_a, 1)
    with pytest.raises(PermissionDenied):
        services.submission_approve(submission=submission, by=world.officer_a)
    services.submission_approve(submission=submission, by=world.leader_a)
    with pytest.raises(ValidationError, match="đã được duyệt"):
        save(world.a, figures.revenue, world.officer_a, 1)
    with pytest.raises(ValidationError, match="lý do"):
        services.submission_reopen(submission=submission, reason=" ", by=world.leader_a)
    services.submission_reopen(
        submission=submission, reason="Cục Thống kê điều chỉnh số liệu", by=world.leader_a
    )
    assert save(world.a, figures.revenue, world.officer_a, "12.5").value == D("12.5")
    reopen = AuditEntry.objects.get(verb="reopen")
    assert reopen.note == "Cục Thống kê điều chỉnh số liệu"
    assert reopen.actor == world.leader_a


def test_returned_submission_carries_its_reason_and_can_be_sent_again(world, figures):
    submission = _submit(world)
    services.submission_return(
        submission=submission, reason="Thiếu số liệu hộ nghèo", by=world.leader_a
    )
    submission.refresh_from_db()
    assert submission.state == "returned" and submission.return_reason == "Thiếu số liệu hộ nghèo"
    save(world.a, figures.revenue, world.officer_a, "12.6")
    assert _submit(world).state == "submitted"


def test_submitting_nothing_is_refused(world, catalogue):
    with pytest.raises(ValidationError, match="Chưa có số liệu"):
        _submit(world)
    assert not Submission.objects.filter(state="submitted").exists()


def test_bulk_assignment_is_all_or_nothing(world, catalogue):
    entries = [
        services.PlanEntry(world.a, catalogue.revenue, D("10")),
        services.PlanEntry(world.b, catalogue.revenue, D("-3"), place="Phường Đậu Liêu"),
        services.PlanEntry(world.group_a1, catalogue.revenue, D("3"), place="Tổ 1"),
    ]
    with pytest.raises(ValidationError) as caught:
        services.plan_assign_bulk(
            parent=world.province,
            year=YEAR,
            entries=entries,
            document="QĐ 1",
            by=world.province_officer,
        )
    messages = caught.value.messages
    assert any(m.startswith("Phường Đậu Liêu: ") and "âm" in m for m in messages)
    assert any(m.startswith("Tổ 1: ") and "không phải đơn vị trực thuộc" in m for m in messages)
    assert not Plan.objects.exists()


def test_commune_officer_cannot_assign_for_the_province(world, catalogue):
    with pytest.raises(PermissionDenied):
        services.plan_assign_bulk(
            parent=world.province, year=YEAR, entries=[], document="", by=world.officer_a
        )


def test_submission_board_shows_late_returned_and_not_started(world, figures):
    import datetime

    services.deadline_set(
        unit=world.province,
        year=YEAR,
        period="year",
        due=datetime.date(2026, 1, 5),
        by=world.province_officer,
    )
    services.submission_return(submission=_submit(world), reason="Sai số", by=world.leader_a)
    rows = selectors.submission_board(world.province, YEAR, "year", datetime.date(2026, 1, 10))
    status = {row.unit.code: row.status for row in rows}
    assert status == {"P-A": "returned", "P-B": "late"}
    early = selectors.submission_board(world.province, YEAR, "year", datetime.date(2026, 1, 1))
    assert {row.unit.code: row.status for row in early}["P-B"] == "draft"
    groups = selectors.submission_board(world.a, YEAR, "year", datetime.date(2026, 1, 1))
    assert {row.status for row in groups} == {"not_started"}
