"""The grammar of the text import (tongket.lib.facts): commendations, party figures, the
conference, recommendations, separators, tables, sentences and the catalogue matcher."""

from decimal import Decimal

import pytest

from tongket.lib.facts import FactKind, IndicatorMatcher
from tongket.lib.facts.layout import lines_of, sentences_of
from tongket.lib.facts.tokens import number_tokens
from tongket.lib.tests.facts_helpers import CATALOGUE, MATCHER, facts_of, one_value, values

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
