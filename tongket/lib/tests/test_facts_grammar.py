"""The grammar of the text import, one form at a time (tongket.lib.facts)."""

from decimal import Decimal

import pytest

from tongket.lib.facts import FactKind, IndicatorMatcher, extract_facts
from tongket.lib.facts.layout import lines_of, sentences_of
from tongket.lib.facts.scoring import invented_numbers
from tongket.lib.facts.tokens import number_tokens

CATALOGUE = [
    ("KT01", "Tổng thu ngân sách nhà nước trên địa bàn", ["thu ngân sách"], "tỷ đồng"),
    ("KT02", "Giá trị sản xuất tiểu thủ công nghiệp", [], "tỷ đồng"),
    ("KT03", "Sản lượng lương thực", [], "tấn"),
    ("KT05", "Thu nhập bình quân đầu người", [], "triệu đồng/người/năm"),
    ("VH02", "Tuyến phố văn minh", [], "tuyến phố", "ratio"),
    ("VH03", "Tỷ lệ hộ gia đình văn hóa", ["hộ gia đình văn hóa"], "%"),
    ("VH04", "Tỷ lệ hộ nghèo", [], "%"),
    ("VH05", "Lao động được tạo việc làm", ["tạo việc làm"], "người"),
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
    return facts_of(text, FactKind.INDICATOR_VALUE, **hints)


def one_value(text, **hints):
    found = [fact for fact in values(text, **hints) if fact.amount is not None]
    assert len(found) == 1, [(f.subject, f.amount) for f in found]
    return found[0]


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


# Commendations


@pytest.mark.parametrize(
    ("text", "body", "form", "collectives", "individuals"),
    [
        (
            "Chủ tịch UBND phường tặng giấy khen cho 21 tập thể, 57 cá nhân.",
            "Chủ tịch UBND phường",
            "giấy khen",
            21,
            57,
        ),
        ("Đảng ủy phường khen thưởng 5 tập thể, 40 cá nhân.", "Đảng ủy phường", "", 5, 40),
        (
            "Đảng ủy xã trao giấy khen cho 5 chi bộ, 14 đảng viên hoàn thành xuất sắc nhiệm vụ.",
            "Đảng ủy xã",
            "giấy khen",
            5,
            14,
        ),
        (
            "Có 3 tập thể, 5 cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen.",
            "Chủ tịch UBND tỉnh",
            "Bằng khen",
            3,
            5,
        ),
    ],
)
def test_an_award_is_a_count_record(text, body, form, collectives, individuals):
    (award,) = facts_of(text, FactKind.AWARD_COUNT)
    assert award.fields["body"] == body
    assert award.fields["form"] == form
    assert award.fields["collectives"] == Decimal(collectives)
    assert award.fields["individuals"] == Decimal(individuals)


def test_an_award_received_from_above_has_no_count():
    (award,) = facts_of("Phường được UBND tỉnh tặng bằng khen.", FactKind.AWARD_COUNT)
    assert (award.fields["body"], award.fields["form"]) == ("UBND tỉnh", "bằng khen")
    assert award.fields["collectives"] is None and award.fields["individuals"] is None


def test_each_title_after_cho_is_its_own_award_with_the_same_body():
    text = (
        "Chủ tịch UBND phường công nhận danh hiệu Lao động tiên tiến cho 186 cá nhân, "
        "Chiến sĩ thi đua cơ sở cho 24 cá nhân; tặng Giấy khen cho 41 tập thể, 38 cá nhân."
    )
    found = [
        (a.fields["body"], a.fields["form"], a.fields["collectives"], a.fields["individuals"])
        for a in facts_of(text, FactKind.AWARD_COUNT)
    ]
    body = "Chủ tịch UBND phường"
    assert found == [
        (body, "danh hiệu Lao động tiên tiến", None, Decimal(186)),
        (body, "Chiến sĩ thi đua cơ sở", None, Decimal(24)),
        (body, "Giấy khen", Decimal(41), Decimal(38)),
    ]


def test_a_proposal_is_not_an_award_and_its_numbers_are_not_values():
    text = "Hội đồng đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 3 tập thể và 5 cá nhân."
    assert facts_of(text) == []


# Party figures


def test_admissions_and_total_members():
    text = "Đảng bộ kết nạp 6 đảng viên mới, nâng tổng số đảng viên lên 812 đồng chí."
    found = [(f.fields["name"], f.amount) for f in facts_of(text, FactKind.PARTY_FIGURE)]
    assert found == [("admissions", Decimal(6)), ("members_total", Decimal(812))]


def test_cells_in_total_and_by_type():
    text = "Đảng bộ có 12 chi bộ: 2 chi bộ cơ quan, 1 chi bộ trường học, 9 chi bộ khu dân cư."
    found = [
        (f.fields["name"], f.fields.get("detail"), f.amount)
        for f in facts_of(text, FactKind.PARTY_FIGURE)
    ]
    assert found == [
        ("cells_total", None, Decimal(12)),
        ("cells_of_type", "chi bộ cơ quan", Decimal(2)),
        ("cells_of_type", "chi bộ trường học", Decimal(1)),
        ("cells_of_type", "chi bộ khu dân cư", Decimal(9)),
    ]


def test_ratings_of_cells_and_members_counts_and_shares():
    text = (
        "5 chi bộ, 14 đảng viên hoàn thành xuất sắc nhiệm vụ; "
        "trên 85% chi bộ hoàn thành tốt nhiệm vụ trở lên."
    )
    found = [
        (f.fields["who"], f.fields["level"], f.amount, f.unit, f.qualifier)
        for f in facts_of(text, FactKind.PARTY_FIGURE)
    ]
    level = "hoàn thành xuất sắc nhiệm vụ"
    assert found == [
        ("chi bộ", level, Decimal(5), "", ""),
        ("đảng viên", level, Decimal(14), "", ""),
        ("chi bộ", "hoàn thành tốt nhiệm vụ trở lên", Decimal(85), "%", "trên"),
    ]


def test_youth_union_admissions_are_not_party_admissions():
    text = "Đoàn phường kết nạp 45 đoàn viên mới."
    assert facts_of(text, FactKind.PARTY_FIGURE) == []
    assert one_value(text).amount == Decimal(45)


# The conference


def test_the_lead_gives_kind_date_part_of_day_organisers_and_guests():
    text = (
        "Sáng ngày 09/01/2026, Đảng ủy, UBND phường Hòa Bình tổ chức hội nghị tổng kết công tác "
        "năm 2025. Dự hội nghị có đồng chí Trần Văn Minh, Phó Chủ tịch UBND tỉnh. "
        "Đồng chí Lê Văn Nam, Bí thư Đảng ủy phường chủ trì hội nghị."
    )
    found = {}
    for fact in facts_of(text, FactKind.CONFERENCE):
        found[fact.fields["field"]] = fact.fields
    assert found["kind"]["value"] == "year_review"
    assert found["date"]["value"] == "2026-01-09"
    assert found["part_of_day"]["value"] == "Sáng"
    assert found["organisers"]["value"] == "Đảng ủy, UBND phường Hòa Bình"
    assert (found["guest"]["name"], found["guest"]["title"]) == (
        "Trần Văn Minh",
        "Phó Chủ tịch UBND tỉnh",
    )
    assert found["chair"]["name"] == "Lê Văn Nam"


def test_a_six_month_conference_is_a_half_year_review():
    text = "Chiều 04/7/2025, Đảng ủy xã tổ chức hội nghị sơ kết công tác 6 tháng đầu năm."
    kinds = [f.fields["value"] for f in facts_of(text, FactKind.CONFERENCE) if f.subject == "kind"]
    assert kinds == ["half_year_review"]


@pytest.mark.parametrize(
    ("text", "number", "kind", "date"),
    [
        (
            "Thực hiện Kế hoạch số 12-KH/ĐU ngày 15/8/2025 của Đảng ủy.",
            "12-KH/ĐU",
            "Kế hoạch",
            "2025-08-15",
        ),
        ("Theo Báo cáo số 15/BC-UBND của UBND phường.", "15/BC-UBND", "Báo cáo", None),
        ("Căn cứ Nghị định 152/2025/NĐ-CP của Chính phủ.", "152/2025/NĐ-CP", "Nghị định", None),
    ],
)
def test_documents_cited_are_facts_and_their_numbers_are_not_values(text, number, kind, date):
    (fact,) = facts_of(text)
    assert fact.kind == FactKind.CONFERENCE
    assert (fact.fields["number"], fact.fields["doc_kind"], fact.fields["date"]) == (
        number,
        kind,
        date,
    )


# Recommendations


def test_recommendations_listed_under_a_heading_end_at_the_next_heading():
    text = (
        "II. CÁC KIẾN NGHỊ, ĐỀ XUẤT\n"
        "1. Đề nghị UBND xã nâng cấp trạm bơm đồng Cửa Đình.\n"
        "2. Đề nghị hỗ trợ xi măng làm 1,2 km đường nội đồng.\n"
        "III. Ý KIẾN KẾT LUẬN\n"
        "1. Giao công chức Địa chính khảo sát trạm bơm."
    )
    found = [fact.fields["text"] for fact in facts_of(text, FactKind.RECOMMENDATION)]
    assert found == [
        "Đề nghị UBND xã nâng cấp trạm bơm đồng Cửa Đình",
        "Đề nghị hỗ trợ xi măng làm 1,2 km đường nội đồng",
    ]
    assert values(text) == []  # 1,2 km is a request, not a result


def test_recommendations_in_one_sentence_are_split_at_their_numbers():
    text = "Hợp tác xã kiến nghị: (1) hỗ trợ kinh phí nạo vét kênh; (2) cho thuê đất làm kho."
    found = [fact.fields["text"] for fact in facts_of(text, FactKind.RECOMMENDATION)]
    assert found == ["hỗ trợ kinh phí nạo vét kênh", "cho thuê đất làm kho"]


# Numbers written with wrong separators are flagged, never read


@pytest.mark.parametrize("written", ["23.518,402,117", "2,809.8", "12.5", "1,234"])
def test_a_number_with_wrong_separators_is_a_problem_without_a_value(written):
    text = f"Tổng thu ngân sách phường đạt {written} tỷ đồng."
    found = facts_of(text)
    assert [fact.kind for fact in found] == [FactKind.PROBLEM]
    assert found[0].fields["number"] == written
    assert found[0].problem and found[0].value is None


# Tables (a Word table is read as tab-separated rows)


def test_a_table_row_gives_the_value_and_the_share_of_plan_of_its_indicator():
    text = (
        "Chỉ tiêu\tĐơn vị tính\tKế hoạch\tƯớc thực hiện năm 2025\tSo với kế hoạch (%)\n"
        "Tổng thu ngân sách nhà nước trên địa bàn\ttỷ đồng\t11,9\t12,4\t104,2\n"
        "Tuyến phố văn minh\ttuyến phố\t42\t42/42\t100"
    )
    found = [(f.code, f.amount, f.denominator, f.estimate, f.pct_of_plan) for f in values(text)]
    assert found == [
        ("KT01", Decimal("12.4"), None, True, Decimal("104.2")),
        ("VH02", Decimal(42), Decimal(42), True, Decimal(100)),
    ]


# Sentences, tokens


def test_sentences_do_not_break_at_abbreviations_numbers_or_document_numbers():
    text = (
        "Dự có ông Trương Công Định, Giám đốc Chi nhánh khu vực TP. Tân Châu. Theo Kế hoạch "
        "số 12-KH/ĐU ngày 15.8.2025, thu ngân sách đạt 1.204,6 tỷ đồng. UBND phường báo cáo."
    )
    (line,) = lines_of(text)
    found = [text[s.start : s.end] for s in sentences_of(text, line)]
    assert found == [
        "Dự có ông Trương Công Định, Giám đốc Chi nhánh khu vực TP. Tân Châu.",
        "Theo Kế hoạch số 12-KH/ĐU ngày 15.8.2025, thu ngân sách đạt 1.204,6 tỷ đồng.",
        "UBND phường báo cáo.",
    ]


def test_dates_years_document_numbers_and_house_numbers_are_not_quantities():
    text = (
        "Ngày 15/8/2025, theo Kế hoạch số 12-KH/ĐU, năm 2025 Tổ dân phố số 7 ở ngõ 12 "
        "lúc 8 giờ 30 có 48 đảng viên."
    )
    assert [token.text for token in number_tokens(text, 0, len(text))] == ["48"]


# The catalogue matcher


def test_the_matcher_ignores_diacritics_and_uses_synonyms():
    assert MATCHER.match("thu ngan sach", unit="tỷ đồng").code == "KT01"
    assert MATCHER.match("Tổng thu ngân sách nhà nước trên địa bàn xã").code == "KT01"


def test_a_synonym_added_by_the_officer_is_matched():
    before = IndicatorMatcher(CATALOGUE)
    assert before.match("khu phố văn hóa", unit="%", kind="percent") is None
    extended = IndicatorMatcher(
        [*CATALOGUE[:-3], ("VH03", "Tỷ lệ hộ gia đình văn hóa", ["khu phố văn hóa"], "%")]
    )
    assert extended.match("khu phố văn hóa", unit="%", kind="percent").code == "VH03"


def test_a_percent_never_goes_to_an_indicator_in_money():
    assert MATCHER.match("thu ngân sách", unit="%", kind="percent") is None


def test_a_phrase_that_says_less_than_the_name_is_not_matched():
    matcher = IndicatorMatcher([("HC02", "Hồ sơ tiếp nhận", ["tiếp nhận và giải quyết hồ sơ"])])
    assert matcher.match("giải quyết hồ sơ") is None
    assert matcher.match("tiếp nhận và giải quyết hồ sơ").code == "HC02"


def test_a_compound_noun_is_not_split_by_the_matcher():
    matcher = IndicatorMatcher([("VH10", "Tổng số hộ", [], "hộ")])
    assert matcher.match("tổng số hộ kinh doanh cá thể", unit="hộ") is None


def test_two_equally_good_codes_give_no_code():
    matcher = IndicatorMatcher([("A", "Thu ngân sách", []), ("B", "Thu ngân sách", [])])
    assert matcher.match("thu ngân sách") is None
