"""Round 3 of the text import's grammar (issue 16): the rules heldout3's errors called for,
one test each."""

from tongket.lib.facts import FactKind, IndicatorMatcher, extract_facts
from tongket.lib.facts.scoring import invented_numbers

CATALOGUE = [
    ("KT01", "Tổng thu ngân sách nhà nước trên địa bàn", ["thu ngân sách"], "tỷ đồng"),
    ("VH06", "Tỷ lệ người dân tham gia bảo hiểm y tế", ["bảo hiểm y tế"], "%"),
]
MATCHER = IndicatorMatcher(CATALOGUE)


def facts_of(text, kind=None, **hints):
    hints.setdefault("commune", "xã Hải Lý")
    hints.setdefault("year", 2025)
    found = extract_facts(text, matcher=MATCHER, **hints)
    for fact in found:
        assert invented_numbers(fact, text) == [], fact
    return [fact for fact in found if kind is None or fact.kind == kind]


def values(text, **hints):
    return {str(f.amount): f for f in facts_of(text, FactKind.INDICATOR_VALUE, **hints) if f.amount}


def awards(text, **hints):
    return facts_of(text, FactKind.AWARD_COUNT, **hints)


TERM_REPORT = (
    "ĐẢNG BỘ XÃ HẢI LÝ\n\nBÁO CÁO\n"
    "Tổng kết thực hiện Nghị quyết Đại hội Đảng bộ xã {term}\n\n"
    "Tổng thu ngân sách trên địa bàn đạt 97,6 tỷ đồng; riêng năm 2024 đạt 24,1 tỷ đồng.\n"
)


def test_a_report_reviewing_a_term_gives_its_figures_the_term():
    found = values(TERM_REPORT.format(term="nhiệm kỳ 2020 - 2025"))
    assert found["97.6"].period.key == "2020-2025"
    assert found["24.1"].period.key == "2024"


def test_a_term_that_does_not_end_in_the_documents_year_is_not_its_period():
    found = values(TERM_REPORT.format(term="nhiệm kỳ 2025 - 2030"))
    assert found["97.6"].period.key == "2025"


def test_a_resolutions_target_in_brackets_is_not_a_value():
    text = "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 94,1% (Nghị quyết 95%) - chưa đạt."
    found = values(text)
    assert "94.1" in found
    assert "95" not in found


def test_an_organ_after_of_is_not_part_of_the_giver():
    text = (
        "Căn cứ kết quả bình xét của Hội đồng, Chủ tịch UBND xã tặng giấy khen cho 11 tập thể.\n\n"
        "Nhân dịp sơ kết Chỉ thị số 05-CT/TW của Bộ Chính trị, Đảng ủy trao giấy khen cho "
        "5 chi bộ.\n\n"
        "Đảng ủy, UBND xã tặng giấy khen cho 7 tập thể."
    )
    bodies = {str(f.fields["collectives"]): f.fields["body"] for f in awards(text)}
    assert bodies == {"11": "Chủ tịch UBND xã", "5": "Đảng ủy", "7": "Đảng ủy, UBND xã"}


def test_a_grade_in_stars_is_not_a_count():
    text = "Toàn xã có 46 sản phẩm đạt chuẩn OCOP từ 3 sao trở lên, trong đó có 4 sản phẩm 4 sao."
    found = values(text)
    assert "46" in found
    assert "3" not in found
    assert [f.unit for f in found.values()].count("sao") == 0


def test_the_former_communes_a_commune_was_merged_from_are_not_a_result():
    text = "Xã Hải Lý (được hợp nhất từ 3 xã cũ) có 1.240 ha lúa chất lượng cao."
    found = values(text)
    assert "1240" in found
    assert "3" not in found


def party(text, **hints):
    return facts_of(text, FactKind.PARTY_FIGURE, **hints)


def test_members_who_attend_their_cells_are_the_total():
    text = "Toàn Đảng bộ hiện có 1.876 đảng viên sinh hoạt tại 44 chi bộ."
    found = {f.fields["name"]: f for f in party(text)}
    assert str(found["members_total"].amount) == "1876"
    assert not values(text)


def test_a_type_of_cell_named_in_two_words_after_a_comma():
    text = (
        "Đảng bộ phường có 38 chi bộ trực thuộc, gồm 22 chi bộ tổ dân phố, "
        "13 chi bộ cơ quan, trường học và 3 chi bộ doanh nghiệp."
    )
    details = {str(f.amount): f.fields.get("detail") for f in party(text)}
    assert details["13"] == "chi bộ cơ quan, trường học"
    assert details["22"] == "chi bộ tổ dân phố"
    assert details["3"] == "chi bộ doanh nghiệp"


def test_a_giver_whose_name_holds_the_word_khen_thuong():
    text = (
        "Dịp này, Trưởng ban Thi đua - Khen thưởng tỉnh tặng giấy khen cho 3 tập thể, "
        "5 cá nhân.\n\n"
        "Hội đồng Thi đua - Khen thưởng phường tặng giấy khen cho 4 tập thể."
    )
    bodies = {str(f.fields["collectives"]): f.fields["body"] for f in awards(text)}
    assert bodies == {
        "3": "Trưởng ban Thi đua - Khen thưởng tỉnh",
        "4": "Hội đồng Thi đua - Khen thưởng phường",
    }


def test_a_place_word_inside_a_movements_quoted_name_owns_nothing():
    for quoted in ('"Cả nước chung tay vì người nghèo"', "“Cả nước chung tay vì người nghèo”"):
        text = f"Phong trào {quoted} được triển khai; Nhân dân hiến 4.350 m2 đất."
        assert values(text)["4350"].unit_name is None
    text = "Cả nước có 4.350 m2 đất được hiến."
    assert values(text)["4350"].unit_name == "toàn tỉnh"


def test_a_change_written_after_its_comparison_is_not_a_value():
    text = "Vụ Hè Thu đạt năng suất bình quân 58,4 tạ/ha, cao hơn vụ Hè Thu năm trước 2,1 tạ/ha."
    found = values(text)
    assert "58.4" in found
    assert "2.1" not in found


def test_tren_before_a_ratio_is_a_preposition_not_a_qualifier():
    found = values("Trật tự đô thị trên 42/42 tuyến phố được duy trì; trên 150 hộ được hỗ trợ.")
    assert found["42"].qualifier == ""
    assert str(found["42"].denominator) == "42"
    assert found["150"].qualifier == "trên"


def test_an_emulation_congress_is_an_emulation_review():
    text = "Sáng 19/8/2025, UBND phường tổ chức Đại hội Thi đua yêu nước lần thứ I."
    kinds = [
        f.fields["value"]
        for f in facts_of(text, FactKind.CONFERENCE)
        if f.fields["field"] == "kind"
    ]
    assert kinds == ["emulation_review"]


def test_five_years_after_a_term_just_named_are_that_term():
    text = (
        "Giai đoạn 2020 - 2025, phong trào thi đua đạt nhiều kết quả; toàn phường không còn hộ "
        "nghèo theo chuẩn giai đoạn 2022 - 2025; 100% tuyến phố được lắp đặt hệ thống chiếu "
        "sáng. Trong 5 năm, Nhân dân đã đóng góp trên 34 tỷ đồng."
    )
    found = values(text)
    assert found["100"].period.key == "2020-2025"
    assert found["34"].period.key == "2020-2025"
    assert values("Trong 5 năm, Nhân dân đã đóng góp trên 34 tỷ đồng.")["34"].period.key == (
        "2021-2025"
    )


def test_a_quarter_written_with_a_slash_and_its_year():
    text = "Trong năm, xảy ra 4 vụ phạm pháp hình sự (quý I/2025: 7 vụ), làm bị thương 2 người."
    found = values(text, year=2026)
    assert found["7"].period.key == "2025-Q1"
    assert found["7"].subject == found["4"].subject


def test_what_the_plan_assigns_is_not_a_result():
    text = (
        "Kế hoạch vốn đầu tư công năm 2025 được giao 38,5 tỷ đồng; dự toán tỉnh giao 12 tỷ đồng; "
        "đã giải ngân 17.240,5 triệu đồng."
    )
    found = values(text)
    assert "17240.5" in found
    assert "38.5" not in found
    assert "12" not in found


def test_a_heading_in_capitals_is_not_an_award():
    for heading in ("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", "2. KHEN THƯỞNG"):
        text = f"{heading}\n- Năm 2024: UBND tỉnh tặng Cờ thi đua."
        found = awards(text)
        assert [f.fields["form"] for f in found] == ["Cờ thi đua"], heading


def test_a_share_of_the_total_belongs_to_the_figure_before_it():
    text = "Toàn xã có 4.962 hộ đạt danh hiệu Gia đình văn hóa, chiếm 93,3% tổng số hộ."
    found = values(text)
    assert "gia đình văn hóa" in found["93.3"].subject.lower()


def test_the_verb_of_a_fall_is_not_part_of_the_indicator():
    found = values("Số hộ nghèo giảm từ 212 hộ năm 2024 xuống còn 131 hộ.")
    assert found["212"].subject == "Số hộ nghèo"
    assert found["212"].period.key == "2024"
    assert found["131"].subject == "Số hộ nghèo"


def test_a_ranking_then_its_figure_after_a_comma():
    text = "Xã Vĩnh An có tỷ lệ người dân tham gia bảo hiểm y tế cao nhất cụm, đạt 97,2%."
    found = values(text)["97.2"]
    assert found.subject == "tỷ lệ người dân tham gia bảo hiểm y tế"
    assert found.unit_name.lower() == "xã vĩnh an"


def test_a_closing_quote_after_a_figure_is_not_its_name():
    text = (
        'Ông Sơn cho biết: "Thu nhập bình quân đầu người tăng từ 58,2 triệu đồng năm 2024 '
        'lên 64,9 triệu đồng/người/năm".'
    )
    found = values(text)
    assert found["64.9"].subject.lower().startswith("thu nhập bình quân đầu người")


def test_a_cut_off_at_the_end_of_june_or_september_is_that_period():
    found = values(
        "Đến ngày 30/6/2025 đã giải ngân 17.240,5 triệu đồng; tính đến ngày 30/9/2025 "
        "đã giải ngân 25.100 triệu đồng. Cả năm giải ngân 31.000 triệu đồng."
    )
    assert found["17240.5"].period.key == "2025-H1"
    assert found["25100"].period.key == "2025-9M"
    assert found["31000"].period.key == "2025"


def test_an_average_over_five_years_is_the_term():
    found = values("Tốc độ tăng trưởng giá trị sản xuất bình quân 5 năm đạt 10,2%.")
    assert found["10.2"].period.key == "2021-2025"


def test_a_year_after_the_counted_noun_phrase_is_the_figures():
    text = (
        "BÁO CÁO\nKết quả quý I năm 2026\n\n"
        "Hoàn thành tuyển chọn, gọi 19 công dân nhập ngũ năm 2026, đạt 100% chỉ tiêu trên giao."
    )
    found = values(text, year=2026)
    assert found["19"].period.key == "2026"


def test_a_share_after_chiem_belongs_to_the_figure_before_it():
    found = values("Toàn xã hiện có 1.240 ha lúa chất lượng cao, chiếm gần 70% diện tích lúa.")
    assert "chất lượng cao" in found["70"].subject
    assert found["70"].qualifier == "gần"


def test_guests_named_after_a_semicolon():
    text = (
        "Ngày 11/7/2025, Đảng ủy phường tổ chức hội nghị sơ kết 6 tháng đầu năm. Đồng chí Vi Văn "
        "Tiến, Bí thư Đảng ủy phường chủ trì hội nghị; dự có đồng chí Trương Thị Bích Ngọc, "
        "Trưởng Ban Tổ chức Tỉnh ủy."
    )
    guests = [f.fields for f in facts_of(text, FactKind.CONFERENCE) if f.fields["field"] == "guest"]
    assert [(g["name"], g["title"]) for g in guests] == [
        ("Trương Thị Bích Ngọc", "Trưởng Ban Tổ chức Tỉnh ủy")
    ]


def test_a_steering_committees_number_is_its_name():
    found = values("Ban Chỉ đạo 35 phường đã đăng tải 218 tin, bài đấu tranh phản bác.")
    assert "35" not in found
    assert found["218"].subject.startswith("đăng tải")


def test_a_threshold_the_counted_indicators_meet_is_not_a_share_of_plan():
    text = "Sơ kết 6 tháng đầu năm: 8/14 chỉ tiêu đạt trên 50% kế hoạch."
    assert not [share for fact in facts_of(text) for share in fact.plan_shares]
    assert "50" not in values(text)
    assert str(values(text)["8"].denominator) == "14"


def test_a_measure_joined_by_and_takes_the_verb_before_it():
    text = "Nhân dân đóng góp 1,86 tỷ đồng và 2.900 ngày công làm đường giao thông."
    found = values(text)
    assert found["2900"].subject == "Nhân dân đóng góp ngày công làm đường giao thông"
    assert found["1.86"].subject == "Nhân dân đóng góp"
