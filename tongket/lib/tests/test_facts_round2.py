"""Round 2 of the text import's grammar (issue 16): the rules the development batches d41–d82
and the former held-out splits called for, one test each."""

import unicodedata

from tongket.lib.facts import FactKind, IndicatorMatcher, extract_facts
from tongket.lib.facts.scoring import invented_numbers

CATALOGUE = [
    ("KT01", "Tổng thu ngân sách nhà nước trên địa bàn", ["thu ngân sách"], "tỷ đồng"),
    ("KT11", "Năng suất lúa bình quân", ["năng suất lúa"], "tạ/ha"),
    ("VH06", "Tỷ lệ người dân tham gia bảo hiểm y tế", ["bảo hiểm y tế"], "%"),
    ("VH07", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", [], "%"),
    ("VH09", "Tổ dân phố văn hóa", ["tổ dân phố đạt danh hiệu tổ dân phố văn hóa"], "tổ dân phố"),
    ("QP01", "Công dân nhập ngũ", ["giao quân"], "công dân"),
]
MATCHER = IndicatorMatcher(CATALOGUE)


def facts_of(text, kind=None, **hints):
    hints.setdefault("commune", "phường Hòa Bình")
    hints.setdefault("year", 2025)
    found = extract_facts(text, matcher=MATCHER, **hints)
    for fact in found:
        assert invented_numbers(fact, text) == [], fact
    return [fact for fact in found if kind is None or fact.kind == kind]


def values(text, **hints):
    return {str(f.amount): f for f in facts_of(text, FactKind.INDICATOR_VALUE, **hints) if f.amount}


def test_a_date_line_is_not_a_six_or_nine_month_period():
    text = "UBND XÃ AN BÌNH\nAn Bình, ngày 26 tháng 9 năm 2025\n\nBÁO CÁO\nKết quả năm 2025\n\n"
    text += "Thu ngân sách đạt 12,4 tỷ đồng."
    assert values(text)["12.4"].period.key == "2025"


def test_a_quarter_report_with_its_cumulative_months():
    text = (
        "BÁO CÁO\nTình hình thực hiện nhiệm vụ quý II, lũy kế 6 tháng đầu năm 2025\n\n"
        "Giải quyết việc làm cho 96 lao động trong quý, lũy kế 6 tháng là 171 lao động."
    )
    found = values(text)
    assert found["96"].period.key == "2025-Q2"
    assert found["171"].period.key == "2025-H1"
    assert found["171"].subject.lower().startswith("giải quyết việc làm")


def test_a_dated_heading_gives_its_section_a_period():
    text = (
        "BÁO CÁO\nSơ kết 6 tháng đầu năm 2025\n\n1. Kết quả đánh giá, xếp loại năm 2024\n"
        "Có 96,4% đảng viên hoàn thành tốt nhiệm vụ trở lên."
    )
    rating = facts_of(text, FactKind.PARTY_FIGURE)[0]
    assert rating.period.key == "2024"


def test_a_share_of_households_is_not_a_share_of_people():
    assert values("Năm 2025, 100% hộ tham gia bảo hiểm y tế.")["100"].code is None
    assert values("Tỷ lệ người dân tham gia bảo hiểm y tế đạt 93,1%.")["93.1"].code == "VH06"


def test_a_name_that_lacks_two_words_of_the_catalogue_names_another_measure():
    text = "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân còn 7,4%; thể thấp còi còn 12,9%."
    found = values(text)
    assert found["7.4"].code is None
    assert found["12.9"].code == "VH07"  # completed from the name before it


def test_one_seasons_yield_is_not_the_years():
    assert values("Năng suất lúa vụ Xuân đạt 67,2 tạ/ha.")["67.2"].code is None
    assert values("Năng suất lúa cả năm đạt 62,1 tạ/ha.")["62.1"].code == "KT11"


def test_a_bracketed_scope_is_another_measure():
    text = "Tổng thu ngân sách phường (bao gồm thu bổ sung từ ngân sách cấp trên) đạt 31,2 tỷ đồng."
    assert values(text)["31.2"].code is None


def test_residential_groups_keeping_a_title_match_the_catalogue():
    found = values("Có 18/18 khu phố giữ vững danh hiệu khu phố văn hóa.")
    assert found["18"].code == "VH09"


def test_the_call_up_share_of_plan_and_its_young_men():
    text = "Hoàn thành 100% chỉ tiêu giao quân với 19 thanh niên nhập ngũ."
    fact = facts_of(text, FactKind.INDICATOR_VALUE)
    share = next(f for f in fact if f.plan_shares)
    assert share.code == "QP01" and share.plan_shares[0].pct == 100
    assert values(text)["19"].code == "QP01"


def test_a_headline_repeating_the_body_gives_one_fact():
    text = (
        "Xã Sơn Thủy hoàn thành vượt 11/13 chỉ tiêu\n\nNăm 2025 xã hoàn thành vượt 11/13 chỉ tiêu."
    )
    facts = facts_of(text, FactKind.INDICATOR_VALUE, commune="xã Sơn Thủy")
    found = [f for f in facts if f.amount == 11]
    assert len(found) == 1 and found[0].span.start > text.index("\n")


def test_a_bracketed_share_after_a_judgement_takes_the_words_before_it():
    text = "Tỷ lệ giải ngân vốn đầu tư công đạt khá (47,5%), trong khi xã Đông Phú mới đạt 31%."
    found = values(text)
    assert found["47.5"].subject == "Tỷ lệ giải ngân vốn đầu tư công"
    assert found["31"].subject == "Tỷ lệ giải ngân vốn đầu tư công"
    assert found["31"].unit_name == "xã Đông Phú"


def test_an_award_table_with_a_body_column_and_counts_in_one_cell():
    text = (
        "STT\tHình thức khen thưởng\tCơ quan khen thưởng\tTập thể\tCá nhân\n"
        "1\tBằng khen\tChủ tịch UBND tỉnh\t3\t-\n"
        "STT\tDanh hiệu, hình thức\tSố lượng\n"
        "1\tGiấy khen của Chủ tịch UBND xã\t14 tập thể, 41 cá nhân\n"
        "Tổng cộng\t\t15 tập thể, 41 cá nhân\n"
    )
    awards = [f.fields for f in facts_of(text, FactKind.AWARD_COUNT)]
    assert [(a["body"], a["collectives"], a["individuals"]) for a in awards] == [
        ("Chủ tịch UBND tỉnh", 3, None),
        ("Chủ tịch UBND xã", 14, 41),
    ]


def test_the_basis_of_a_decision_is_not_a_proposal():
    text = (
        "Trên cơ sở đề nghị của Hội đồng, Chủ tịch UBND phường khen thưởng cho 9 tập thể và "
        "33 cá nhân."
    )
    award = facts_of(text, FactKind.AWARD_COUNT)[0].fields
    assert (award["body"], award["collectives"], award["individuals"]) == (
        "Chủ tịch UBND phường",
        9,
        33,
    )
    proposal = "Hội đồng đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 2 tập thể."
    assert facts_of(proposal, FactKind.AWARD_COUNT) == []


def test_households_reaching_a_title_are_a_result_not_an_award():
    text = "Năm 2025 có 1.275 hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp."
    assert facts_of(text, FactKind.AWARD_COUNT) == []
    assert "1275" in values(text)


def test_a_party_cells_own_report_owns_its_figures():
    text = (
        "ĐẢNG BỘ PHƯỜNG BẠCH ĐẰNG\nCHI BỘ KHU PHỐ 4\n\nBÁO CÁO\nKiểm điểm năm 2025\n\n"
        "Chi bộ hiện có 37 đảng viên."
    )
    member = facts_of(text, FactKind.PARTY_FIGURE)[0]
    assert member.fields["name"] == "members_total" and member.unit_name == "Khu phố 4"


def test_a_list_of_next_periods_tasks_is_a_plan():
    text = (
        "Ban Thường vụ yêu cầu 6 tháng cuối năm tập trung các nhiệm vụ:\n"
        "1. Thu ngân sách phấn đấu đạt trên 11,5 tỷ đồng.\n"
        "2. Vận động 95% người dân tham gia bảo hiểm y tế.\n"
    )
    assert values(text) == {}


def test_a_guest_who_attends_and_guests_listed_on_bullets():
    text = (
        "Chiều 30/12/2025, đồng chí Lò Văn Sính, Phó Chủ tịch UBND tỉnh dự và phát biểu chỉ "
        "đạo hội nghị tổng kết công tác năm 2025 của xã.\nTham dự hội nghị có:\n"
        "- Đồng chí Chu Thị Hạnh, Trưởng ban Thi đua - Khen thưởng, Sở Nội vụ;\n"
    )
    people = [f.fields for f in facts_of(text, FactKind.CONFERENCE) if f.subject == "guest"]
    assert [p["name"] for p in people] == ["Lò Văn Sính", "Chu Thị Hạnh"]


def test_a_per_hectare_denominator_is_not_a_figure():
    found = values("Giá trị sản xuất trên 1 ha đất canh tác đạt 186 triệu đồng.")
    assert list(found) == ["186"]


def test_a_table_of_units_by_row():
    text = (
        "Xã\tThu ngân sách (tỷ đồng)\tTỷ lệ hộ nghèo (%)\n"
        "Hòa Bình\t8,42\t12,6\nPha Long\t4,36\t21,3\n"
    )
    found = values(text, commune="xã Hòa Bình")
    assert found["8.42"].unit_name is None and found["8.42"].code == "KT01"
    assert found["4.36"].unit_name == "Pha Long"


def test_the_readers_fold_is_the_librarys_fold():
    from tongket.lib.facts.folding import fold as fast
    from tongket.lib.text import fold

    samples = ["Xã Đậu Liêu", "TỔNG THU NGÂN SÁCH", "Thủy  Ước\tđạt", "Hòa", "ĐẢNG ỦY", "đ Đ ơ Ư"]
    samples += [unicodedata.normalize("NFD", sample) for sample in samples]
    for sample in [*samples, "", "abc 123 %"]:
        assert fast(sample) == fold(sample)
