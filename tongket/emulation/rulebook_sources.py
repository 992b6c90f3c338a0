"""The legal documents the rulebook cites and the award kinds it knows, as RULES.md gives
them (the rows that use them are in rulebook_seed)."""

from __future__ import annotations

import datetime

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"
LAW_FROM = datetime.date(2024, 1, 1)
ND152 = "Nghị định 152/2025/NĐ-CP"
ND152_FROM = datetime.date(2025, 7, 1)  # date and scope unverified
ND73 = "Nghị định 73/2024/NĐ-CP"
ND86 = "Nghị định 86/2023/NĐ-CP"
PARTY = "Quy định 232-QĐ/TW"
OLD_PARTY = "Quy định về công tác khen thưởng của Đảng"  # cited without a number before
ND91 = "Nghị định 91/2017/NĐ-CP"
ND91_FROM = datetime.date(2017, 10, 1)  # effective date unverified
OLD_LAW = ND91  # who awarded what before NĐ 152/2025: its awarding-body articles
ND91_NOTE = (
    "Áp dụng cho quyết định trước khi Nghị định 152/2025/NĐ-CP có hiệu lực; chưa đối chiếu "
    "với văn bản, cần kiểm tra lại."
)

_SALARY = "quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang"
_DETAIL = "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"

# The documents rule rows cite, in full (NĐ 30/2020 cites "Nghị định số … ngày … của … về …").
# short name, kind, number, date, issuer, title, unverified, note
DOCUMENTS = [
    (
        LAW,
        "Luật",
        "06/2022/QH15",
        datetime.date(2022, 6, 15),
        "Quốc hội",
        "Thi đua, khen thưởng",
        False,
        "",
    ),
    (
        ND152,
        "Nghị định",
        "152/2025/NĐ-CP",
        datetime.date(2025, 6, 14),
        "Chính phủ",
        "quy định chi tiết một số điều của Luật Thi đua, khen thưởng",
        True,
        "Ngày ban hành theo các văn bản dẫn chiếu; trích yếu chưa đối chiếu bản gốc.",
    ),
    (
        ND73,
        "Nghị định",
        "73/2024/NĐ-CP",
        datetime.date(2024, 6, 30),
        "Chính phủ",
        "quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và "
        "lực lượng vũ trang",
        False,
        "",
    ),
    (
        ND86,
        "Nghị định",
        "86/2023/NĐ-CP",
        datetime.date(2023, 12, 7),
        "Chính phủ",
        "quy định về khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu “Gia đình "
        "văn hóa”; “Thôn, tổ dân phố văn hóa”, “Xã, phường, thị trấn tiêu biểu”",
        True,
        "",
    ),
    (
        PARTY,
        "Quy định",
        "232-QĐ/TW",
        datetime.date(2025, 1, 20),
        "Ban Chấp hành Trung ương",
        "về thi hành Điều lệ Đảng",
        True,
        "Thẩm quyền khen thưởng của đảng ủy cơ sở theo quy định thi hành Điều lệ Đảng.",
    ),
    (
        "Nghị định 98/2023/NĐ-CP",
        "Nghị định",
        "98/2023/NĐ-CP",
        datetime.date(2023, 12, 31),
        "Chính phủ",
        _DETAIL,
        True,
        "",
    ),
    (
        "Nghị định 91/2017/NĐ-CP",
        "Nghị định",
        "91/2017/NĐ-CP",
        datetime.date(2017, 7, 31),
        "Chính phủ",
        _DETAIL,
        True,
        "",
    ),
    (
        "Nghị định 47/2016/NĐ-CP",
        "Nghị định",
        "47/2016/NĐ-CP",
        datetime.date(2016, 5, 26),
        "Chính phủ",
        _SALARY,
        True,
        "",
    ),
    (
        "Nghị định 47/2017/NĐ-CP",
        "Nghị định",
        "47/2017/NĐ-CP",
        datetime.date(2017, 4, 24),
        "Chính phủ",
        _SALARY,
        True,
        "",
    ),
    (
        "Nghị định 72/2018/NĐ-CP",
        "Nghị định",
        "72/2018/NĐ-CP",
        datetime.date(2018, 5, 15),
        "Chính phủ",
        _SALARY,
        True,
        "",
    ),
    (
        "Nghị định 38/2019/NĐ-CP",
        "Nghị định",
        "38/2019/NĐ-CP",
        datetime.date(2019, 5, 9),
        "Chính phủ",
        _SALARY,
        True,
        "",
    ),
    (
        "Nghị định 24/2023/NĐ-CP",
        "Nghị định",
        "24/2023/NĐ-CP",
        datetime.date(2023, 5, 14),
        "Chính phủ",
        _SALARY,
        True,
        "",
    ),
]

# code, name, short name (in sentences), category, individuals, collectives, households,
# collective unit kinds, order
KINDS = [
    ("ldtt", "Lao động tiên tiến", "", "title", True, False, False, "", 10),
    ("cstdcs", "Chiến sĩ thi đua cơ sở", "", "title", True, False, False, "", 20),
    ("cstd-tinh", "Chiến sĩ thi đua cấp tỉnh", "", "title", True, False, False, "", 30),
    ("ttldtt", "Tập thể lao động tiên tiến", "", "title", False, True, False, "", 40),
    ("ttldxs", "Tập thể lao động xuất sắc", "", "title", False, True, False, "", 50),
    ("gdvh", "Gia đình văn hóa", "", "title", False, False, True, "", 60),
    (
        "tdpvh",
        "Thôn, tổ dân phố văn hóa",
        "",
        "title",
        False,
        True,
        False,
        "residential_group",
        70,
    ),
    (
        "xptb",
        "Xã, phường, đặc khu tiêu biểu",
        "",
        "title",
        False,
        True,
        False,
        "xa,phuong,dac_khu",
        80,
    ),
    (
        "gk-chutich",
        "Giấy khen của Chủ tịch UBND cấp xã",
        "giấy khen",
        "form",
        True,
        True,
        True,
        "",
        90,
    ),
    (
        "gk-danguy",
        "Giấy khen của Đảng ủy cấp xã",
        "giấy khen",
        "form",
        True,
        True,
        False,
        "",
        100,
    ),
]
