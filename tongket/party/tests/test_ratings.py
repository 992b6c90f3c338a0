"""Quality ratings: points and levels against the bands of Quy định 366-QĐ/TW, the chi bộ's
proposal, the committee's decision and the cap on "hoàn thành xuất sắc"."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tongket.party import selectors, services
from tongket.party.choices import Level, RatingState, Subject

from .conftest import D, member, saved_rows, set_rule

YEAR = 2025
DECIDED_ON = D(2025, 12, 20)


def refused(call, *phrases, error=ValidationError):
    before = saved_rows()
    with pytest.raises(error) as caught:
        call()
    text = " ".join(getattr(caught.value, "messages", [str(caught.value)]))
    for phrase in phrases:
        assert phrase in text, text
    assert saved_rows() == before


def assess(w, record, points=None, level="", year=YEAR, by=None):
    return services.rating_self_assess(
        subject=Subject.MEMBER,
        year=year,
        member=record,
        points=points,
        level=level,
        by=by or w.root,
    )


def rated(w, count, points, prefix, cell=None):
    return [assess(w, member(w, f"{prefix} {i}", cell=cell), points) for i in range(count)]


def test_points_give_the_level_of_their_band(pw):
    record = member(pw, "Chín Hai Điểm")
    assert assess(pw, record, Decimal("92")).self_level == Level.EXCELLENT
    other = member(pw, "Bảy Mươi Điểm")
    assert assess(pw, other, Decimal("70")).self_level == Level.GOOD
    low = member(pw, "Bốn Chín Điểm")
    assert assess(pw, low, Decimal("49.5")).self_level == Level.FAILED


def test_a_level_better_than_the_points_reach_is_refused(pw):
    record = member(pw, "Tự Đánh Giá Cao")
    refused(
        lambda: assess(pw, record, Decimal("85"), Level.EXCELLENT),
        "85 điểm",
        "Điểm tối thiểu",
        "366-QĐ/TW",
    )


def test_a_lower_level_than_the_points_reach_is_allowed(pw):
    record = member(pw, "Khiêm Tốn")
    assert assess(pw, record, Decimal("95"), Level.GOOD).self_level == Level.GOOD


def test_the_bands_are_rulebook_numbers(pw):
    set_rule("rating_band", 80, key="excellent", on=D(2025, 9, 1))
    record = member(pw, "Tám Lăm Điểm")
    assert assess(pw, record, Decimal("85")).self_level == Level.EXCELLENT


def test_before_the_100_point_scale_a_level_is_chosen(pw):
    record = member(pw, "Năm Hai Bốn")
    refused(lambda: assess(pw, record, year=2024), "Chọn mức xếp loại")
    assert assess(pw, record, level=Level.GOOD, year=2024).self_level == Level.GOOD


def test_points_outside_0_to_100_are_refused(pw):
    record = member(pw, "Điểm Lạ")
    refused(lambda: assess(pw, record, Decimal("101")), "từ 0 đến 100")


def test_the_cells_proposal_is_no_better_than_the_points(pw):
    rating = assess(pw, member(pw, "Được Đề Xuất"), Decimal("80"))
    refused(
        lambda: services.rating_propose(
            rating=rating, level=Level.EXCELLENT, by=pw.cell_secretary_a
        ),
        "80 điểm",
    )
    rating = services.rating_propose(
        rating=rating, level=Level.EXCELLENT, points=Decimal("91"), by=pw.cell_secretary_a
    )
    assert (rating.state, rating.proposed_level) == (RatingState.PROPOSED, Level.EXCELLENT)


def test_the_committee_cannot_decide_more_excellent_than_the_cap_allows(pw):
    good = rated(pw, 4, Decimal("80"), "Tốt")
    excellent = rated(pw, 1, Decimal("95"), "Xuất Sắc")
    levels = {r.pk: Level.GOOD for r in good} | {excellent[0].pk: Level.EXCELLENT}
    refused(
        lambda: services.ratings_decide(
            commune=pw.a, year=YEAR, levels=levels, decided_on=DECIDED_ON, by=pw.party_officer_a
        ),
        "1 đảng viên “hoàn thành xuất sắc nhiệm vụ” vượt giới hạn 20%",
        "4 đảng viên “hoàn thành tốt nhiệm vụ”",
        "tối đa 0",
        "thừa 1",
        "chưa xác minh",
    )


def test_within_the_cap_the_committee_decides(pw):
    good = rated(pw, 5, Decimal("80"), "Tốt")
    excellent = rated(pw, 1, Decimal("95"), "Xuất Sắc")
    levels = {r.pk: Level.GOOD for r in good} | {excellent[0].pk: Level.EXCELLENT}
    decided = services.ratings_decide(
        commune=pw.a, year=YEAR, levels=levels, decided_on=DECIDED_ON, by=pw.party_leader_a
    )
    assert {r.state for r in decided} == {RatingState.DECIDED}
    assert selectors.member_rating(excellent[0].member.person, YEAR) == "excellent"
    assert selectors.member_rating(good[0].member.person, YEAR) == "good"
    assert selectors.member_rating(good[0].member.person, YEAR - 1) is None


def test_the_cap_counts_earlier_decisions_of_the_year(pw):
    good = rated(pw, 5, Decimal("80"), "Tốt")
    first, second = rated(pw, 2, Decimal("95"), "Xuất Sắc")
    services.ratings_decide(
        commune=pw.a,
        year=YEAR,
        levels={r.pk: Level.GOOD for r in good} | {first.pk: Level.EXCELLENT},
        decided_on=DECIDED_ON,
        by=pw.root,
    )
    refused(
        lambda: services.rating_decide(
            rating=second, level=Level.EXCELLENT, decided_on=DECIDED_ON, by=pw.root
        ),
        "thừa 1",
    )


def test_the_cap_is_a_rulebook_number(pw):
    set_rule("excellent_cap", 25, on=D(2025, 9, 1))
    good = rated(pw, 4, Decimal("80"), "Tốt")
    excellent = rated(pw, 1, Decimal("95"), "Xuất Sắc")
    levels = {r.pk: Level.GOOD for r in good} | {excellent[0].pk: Level.EXCELLENT}
    assert (
        len(
            services.ratings_decide(
                commune=pw.a, year=YEAR, levels=levels, decided_on=DECIDED_ON, by=pw.root
            )
        )
        == 5
    )


def test_the_cap_applies_to_chi_bo_separately(pw):
    cell = services.rating_self_assess(
        subject=Subject.CELL, year=YEAR, unit=pw.cell_a1, points=95, by=pw.root
    )
    refused(
        lambda: services.rating_decide(
            rating=cell, level=Level.EXCELLENT, decided_on=DECIDED_ON, by=pw.root
        ),
        "1 chi bộ “hoàn thành xuất sắc nhiệm vụ”",
    )


def test_a_decided_rating_is_not_edited(pw):
    rating = assess(pw, member(pw, "Đã Xong"), Decimal("80"))
    services.rating_decide(rating=rating, level=Level.GOOD, decided_on=DECIDED_ON, by=pw.root)
    refused(lambda: assess(pw, rating.member, Decimal("81")), "đã quyết định")
    refused(
        lambda: services.rating_propose(rating=rating, level=Level.GOOD, by=pw.root),
        "đã quyết định",
    )


def test_the_decision_is_no_better_than_the_points(pw):
    rating = assess(pw, member(pw, "Không Đủ Điểm"), Decimal("60"))
    refused(
        lambda: services.rating_decide(
            rating=rating, level=Level.GOOD, decided_on=DECIDED_ON, by=pw.root
        ),
        "60 điểm",
    )


def test_a_cell_secretary_rates_only_their_own_cell_and_decides_nothing(pw):
    own = member(pw, "Chi Bộ Một")
    other = member(pw, "Chi Bộ Hai", cell=pw.cell_a2)
    rating = assess(pw, own, Decimal("80"), by=pw.cell_secretary_a)
    refused(
        lambda: assess(pw, other, Decimal("80"), by=pw.cell_secretary_a), error=PermissionDenied
    )
    refused(
        lambda: services.rating_decide(
            rating=rating, level=Level.GOOD, decided_on=DECIDED_ON, by=pw.cell_secretary_a
        ),
        error=PermissionDenied,
    )


def test_the_results_table_counts_levels_per_cell_and_for_the_dang_bo(pw):
    good = rated(pw, 5, Decimal("80"), "Tốt")
    done = rated(pw, 2, Decimal("60"), "Đạt", cell=pw.cell_a2)
    levels = {r.pk: Level.GOOD for r in good} | {r.pk: Level.DONE for r in done}
    services.ratings_decide(
        commune=pw.a, year=YEAR, levels=levels, decided_on=DECIDED_ON, by=pw.root
    )
    page = selectors.ratings_page(pw.party_officer_a, pw.a, YEAR)
    by_cell = {result.cell.pk: result.counts for result in page.cells}
    assert by_cell[pw.cell_a1.pk] == [0, 5, 0, 0] and by_cell[pw.cell_a2.pk] == [0, 0, 2, 0]
    assert page.totals == [0, 5, 2, 0]
    assert page.allowed_excellent_members == 1
    data = selectors.ratings_xlsx(page)
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(book["Kết quả"].iter_rows(values_only=True))
    assert ("Đảng bộ", 0, 5, 2, 0, 0) in rows
