"""The grammar of the text import, one form at a time (tongket.lib.facts): values, plans,
estimates, qualifiers, periods and whose figure it is."""

from decimal import Decimal

import pytest

from tongket.lib.tests.facts_helpers import facts_of, one_value, values

# Values with units: exact values, the unit kept


@pytest.mark.parametrize(
    ("text", "value", "amount", "unit", "base"),
    [
        ("Sản lượng lương thực đạt 1.204,6 tấn.", "1204.6", "1204.6", "tấn", "tấn"),
        ("Thu ngân sách đạt 23.518.402.117 đồng.", "23518402117", "23518402117", "đồng", "đồng"),
        ("Thu ngân sách đạt 12,4 tỷ đồng.", "12400000000", "12.4", "tỷ đồng", "đồng"),
        ("Thu ngân sách đạt 96,5 tỉ đồng.", "96500000000", "96.5", "tỷ đồng", "đồng"),
        (
            "Thu nhập bình quân đầu người đạt 72,3 triệu đồng/người/năm.",
            "72300000",
            "72.3",
            "triệu đồng/người/năm",
            "đồng/người/năm",
        ),
        ("Tạo việc làm cho 150 lao động.", "150", "150", "lao động", "lao động"),
        ("Tỷ lệ hộ nghèo còn 0,31%.", "0.31", "0.31", "%", "%"),
        ("Đón 1,35 triệu lượt khách du lịch.", "1350000", "1.35", "triệu lượt khách", "lượt khách"),
    ],
)
def test_a_value_keeps_its_unit_and_the_scale_word_gives_an_exact_decimal(
    text, value, amount, unit, base
):
    fact = one_value(text)
    assert fact.value == Decimal(value)
    assert fact.amount == Decimal(amount)
    assert (fact.unit, fact.base_unit) == (unit, base)


def test_a_ratio_keeps_numerator_and_denominator_and_names_the_streets():
    fact = one_value("Năm 2025, phường duy trì 42/42 tuyến phố văn minh.")
    assert (fact.amount, fact.denominator, fact.unit) == (Decimal(42), Decimal(42), "tuyến phố")
    assert fact.subject == "tuyến phố văn minh"
    assert fact.code == "VH02"


def test_the_number_and_its_unit_point_at_the_text_they_came_from():
    text = "Năm 2025, tổng thu ngân sách nhà nước trên địa bàn ước thực hiện 12,4 tỷ đồng."
    fact = one_value(text)
    (number,) = fact.numbers
    assert text[number.span.start : number.span.end] == "12,4"
    assert "[" in fact.highlight(text) and "12,4 tỷ đồng" in text[fact.span.start : fact.span.end]
    assert text[fact.sentence.start : fact.sentence.end] == text


# % of plan


@pytest.mark.parametrize(
    ("text", "pct", "over"),
    [
        ("Thu ngân sách đạt 12,4 tỷ đồng, bằng 112,4% kế hoạch.", "112.4", False),
        ("Thu ngân sách đạt 12,4 tỷ đồng, đạt 104% KH.", "104", False),
        ("Thu ngân sách 6 tháng đạt 5,9 tỷ đồng, bằng 47,7% kế hoạch năm.", "47.7", False),
        ("Thu ngân sách đạt 12,4 tỷ đồng, vượt 12% kế hoạch.", "12", True),
        ("Thu ngân sách đạt 12,4 tỷ đồng, vượt KH 11,7%.", "11.7", True),
        ("Thu ngân sách đạt 12,4 tỷ đồng, bằng 112,4% dự toán tỉnh giao.", "112.4", False),
    ],
)
def test_a_share_of_the_plan_goes_to_the_figure_before_it(text, pct, over):
    fact = one_value(text)
    (share,) = fact.plan_shares
    assert (share.pct, share.over) == (Decimal(pct), over)
    assert fact.code == "KT01"


def test_exceeding_the_plan_by_12_is_never_turned_into_112():
    fact = one_value("Thu ngân sách đạt 12,4 tỷ đồng, vượt 12% kế hoạch.")
    assert fact.pct_over_plan == Decimal(12)
    assert fact.pct_of_plan is None


def test_a_result_given_only_as_a_share_of_plan_is_a_fact_without_a_value():
    (fact,) = values("Giá trị sản xuất tiểu thủ công nghiệp ước đạt 101,3% kế hoạch.")
    assert fact.amount is None and fact.value is None
    assert fact.pct_of_plan == Decimal("101.3")
    assert fact.code == "KT02" and fact.estimate


def test_a_share_of_the_same_period_last_year_is_not_a_share_of_plan_nor_a_value():
    fact = one_value("Thu ngân sách đạt 12,4 tỷ đồng, bằng 108% so với cùng kỳ.")
    assert fact.plan_shares == []


# Estimate or final


@pytest.mark.parametrize("verb", ["ước thực hiện", "ước đạt", "ước tính đạt", "ước cả năm đạt"])
def test_estimate_wording_marks_the_value_as_an_estimate(verb):
    assert one_value(f"Tổng thu ngân sách nhà nước trên địa bàn {verb} 12,4 tỷ đồng.").estimate


def test_a_value_without_estimate_wording_is_final():
    assert not one_value("Tổng thu ngân sách nhà nước trên địa bàn đạt 12,4 tỷ đồng.").estimate


def test_an_estimate_heading_covers_the_bullets_under_it_and_stops_after_them():
    text = (
        "Ước thực hiện cả năm 2025:\n"
        "- Sản lượng lương thực: 1.204,6 tấn.\n"
        "- Tỷ lệ hộ nghèo: 0,31%.\n"
        "Riêng quý IV, thu ngân sách đạt 3,1 tỷ đồng."
    )
    found = {fact.subject: fact.estimate for fact in values(text)}
    assert found["Sản lượng lương thực"] and found["Tỷ lệ hộ nghèo"]
    assert found["thu ngân sách"] is False


def test_a_capitals_heading_of_estimates_covers_its_sub_headings_to_the_next_capitals():
    text = (
        "A. ƯỚC KẾT QUẢ THỰC HIỆN NĂM 2025\n"
        "I. Về kinh tế\n"
        "- Sản lượng lương thực có hạt trên 12.450 tấn, đạt 101,2% kế hoạch.\n"
        "a) Văn hóa - xã hội\n"
        "- Tỷ lệ hộ nghèo còn 1,46%.\n"
        "B. TỒN TẠI, HẠN CHẾ\n"
        "Thu ngân sách đạt 3,1 tỷ đồng, chưa đạt kế hoạch."
    )
    found = {fact.subject: fact.estimate for fact in values(text)}
    assert found["Sản lượng lương thực có hạt"] and found["Tỷ lệ hộ nghèo"]
    assert found["Thu ngân sách"] is False


# Qualifiers


@pytest.mark.parametrize(
    ("written", "qualifier"),
    [
        ("trên 36", "trên"),
        ("gần 12", "gần"),
        ("khoảng 36", "khoảng"),
        ("hơn 36", "hơn"),
        ("xấp xỉ 36", "xấp xỉ"),
    ],
)
def test_a_qualifier_is_kept_with_the_value(written, qualifier):
    fact = one_value(f"Tổng thu ngân sách nhà nước trên địa bàn đạt {written} tỷ đồng.")
    assert fact.qualifier == qualifier


def test_gan_nhu_is_one_qualifier():
    fact = one_value("Tỷ lệ hộ gia đình văn hóa đạt gần như 100%.")
    assert (fact.qualifier, fact.amount) == ("gần như", Decimal(100))


# Lower is better, and changes that are not values


def test_giam_con_gives_the_value_reached():
    fact = one_value("Tỷ lệ hộ nghèo giảm còn 0,31%.")
    assert (fact.amount, fact.code) == (Decimal("0.31"), "VH04")


def test_a_fall_compared_with_last_year_is_not_a_value():
    fact = one_value("Tỷ lệ hộ nghèo còn 0,31%, giảm 0,12% so với năm 2024.")
    assert fact.amount == Decimal("0.31")
    assert fact.period.key == "2025"


def test_a_starting_figure_without_its_year_is_not_proposed():
    fact = one_value("Tỷ lệ hộ nghèo giảm từ 2,6% xuống còn 1,85%.")
    assert fact.amount == Decimal("1.85")


def test_a_starting_figure_with_its_year_is_a_value_of_that_year():
    found = values("Tỷ lệ hộ nghèo giảm từ 3,42% năm 2024 xuống còn 2,15%.")
    assert [(f.amount, f.period.key) for f in found] == [
        (Decimal("3.42"), "2024"),
        (Decimal("2.15"), "2025"),
    ]


# Periods


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Năm 2025, thu ngân sách đạt 12,4 tỷ đồng.", "2025"),
        ("6 tháng đầu năm 2025, thu ngân sách đạt 6,1 tỷ đồng.", "2025-H1"),
        ("Sáu tháng đầu năm, thu ngân sách đạt 6,1 tỷ đồng.", "2025-H1"),
        ("Riêng quý III, thu ngân sách đạt 3,1 tỷ đồng.", "2025-Q3"),
        ("Chín tháng đầu năm 2025, thu ngân sách đạt 9,1 tỷ đồng.", "2025-9M"),
        ("Giai đoạn 2021-2025, thu ngân sách đạt trên 96 tỷ đồng.", "2021-2025"),
    ],
)
def test_the_period_said_in_the_sentence_is_the_facts_period(text, key):
    assert one_value(text).period.key == key


def test_the_title_gives_the_period_of_a_six_month_report():
    text = "BÁO CÁO\nTình hình 6 tháng đầu năm 2025\n\nThu ngân sách đạt 6,1 tỷ đồng."
    assert one_value(text).period.key == "2025-H1"


def test_two_years_in_one_text_keep_their_own_years():
    text = (
        "Năm 2025, thu ngân sách đạt 15,3 tỷ đồng (năm 2024 đạt 13,2 tỷ đồng). "
        "Thu nhập bình quân đầu người ước đạt 58,6 triệu đồng, năm 2024 là 54,1 triệu đồng."
    )
    found = [(f.amount, f.period.key, f.code) for f in values(text)]
    assert found == [
        (Decimal("15.3"), "2025", "KT01"),
        (Decimal("13.2"), "2024", "KT01"),
        (Decimal("58.6"), "2025", "KT05"),
        (Decimal("54.1"), "2024", "KT05"),
    ]


def test_targets_for_next_year_are_not_results():
    text = "Năm 2026, phường phấn đấu thu ngân sách đạt 13 tỷ đồng, tạo việc làm cho 160 lao động."
    assert values(text) == []


def test_figures_under_a_heading_about_next_years_plan_are_not_results():
    text = (
        "I. KẾT QUẢ\nThu ngân sách đạt 12,4 tỷ đồng.\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026\nThu ngân sách đạt 13 tỷ đồng; kết nạp 7 đảng viên."
    )
    assert [fact.amount for fact in facts_of(text) if fact.amount] == [Decimal("12.4")]


# Other communes, the province, subordinate units


def test_another_communes_figure_is_attributed_to_it():
    text = (
        "Năm 2025, phường Hòa Bình thu ngân sách đạt 12,4 tỷ đồng; "
        "phường Đậu Liêu đạt 15,6 tỷ đồng."
    )
    found = [(f.amount, f.unit_name, f.code) for f in values(text)]
    assert found == [(Decimal("12.4"), None, "KT01"), (Decimal("15.6"), "phường Đậu Liêu", "KT01")]


def test_a_figure_in_brackets_after_another_commune_is_that_communes():
    text = "Xã Phong Điền xếp thứ hai, sau xã Đại Lâm (xã Đại Lâm thu ngân sách đạt 14,2 tỷ đồng)."
    (fact,) = values(text, commune="xã Phong Điền")
    assert fact.unit_name == "xã Đại Lâm"


def test_the_province_average_is_not_the_communes():
    text = "Tỷ lệ hộ nghèo của đặc khu còn 0,42%, trong khi toàn tỉnh là 1,86%."
    found = [(f.amount, f.unit_name) for f in values(text, commune="đặc khu Hòn Lan")]
    assert found == [(Decimal("0.42"), None), (Decimal("1.86"), "toàn tỉnh")]
