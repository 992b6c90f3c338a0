"""Word lists of the grammar: units, scale words, counted nouns, qualifiers, verbs, bodies.

Lower case, with diacritics, as officials write them. Multi-word entries are matched longest
first, so "hộ gia đình" wins over "hộ".
"""

from __future__ import annotations

import re
from decimal import Decimal


def _words(listed: str) -> tuple[str, ...]:
    """A word list written "a|b|c" (order kept; each entry may hold spaces)."""
    return tuple(listed.split("|"))


# Scale words multiply the number: "12,4 tỷ" is 12.400.000.000.
SCALES = {
    "nghìn tỷ": Decimal(10) ** 12,
    "ngàn tỷ": Decimal(10) ** 12,
    "nghìn": Decimal(10) ** 3,
    "ngàn": Decimal(10) ** 3,
    "triệu": Decimal(10) ** 6,
    "tỷ": Decimal(10) ** 9,
    "tỉ": Decimal(10) ** 9,
}

# Units of measure (never the head of an indicator phrase). "%" is handled apart.
MEASURES = _words(
    "đồng/người/năm|đồng/người/tháng|đồng/người|đồng/hộ|đồng/năm|đồng|vnđ|usd|tấn/ha|tạ/ha|"
    "tấn|tạ|kg|ha|m2|m²|m3|m³|km2|km|m|lít|kwh|mw|ngày công"
)

# Counted nouns that follow a number ("150 lao động", "42/42 tuyến phố văn minh").
COUNT_NOUNS = _words(
    "lượt người|lượt khách|lượt hộ|lượt|người|nhân khẩu|lao động|công dân|thanh niên|"
    "hộ gia đình|hộ kinh doanh|hộ dân|hộ|gia đình|doanh nghiệp|hợp tác xã|tổ hợp tác|cơ sở|"
    "trường hợp|trường|lớp|học sinh|học viên|nhà giáo|y bác sĩ|công nhân|cựu chiến binh|"
    "gương điển hình|giáo viên|trẻ em|trẻ|cháu|tuyến phố|tuyến đường|tuyến ngõ|tuyến|"
    "tổ dân phố|khu phố|khu dân cư|thôn|bản|ấp|xóm|chi bộ|đảng viên|đồng chí|quần chúng|"
    "tổ chức đảng|tổ chức cơ sở đảng|tổ chức|tập thể|cá nhân|đơn vị|cơ quan|công trình|"
    "dự án|nhà|căn nhà|căn|vụ|việc|hồ sơ|giấy chứng nhận|giấy phép|thủ tục|tin báo|đơn thư|"
    "đơn|kiến nghị|ý kiến|buổi|cuộc|hội nghị|phiên|lần|suất quà|suất|phần quà|thẻ|sổ|"
    "mô hình|câu lạc bộ|chỉ tiêu|tiêu chí|con|cây|đối tượng|hội viên|đoàn viên|thành viên|"
    "cán bộ|công chức|bóng đèn|camera|xe|tàu|chiếc|bài|tin|văn bản|nghị quyết|kế hoạch|"
    "đoàn|điểm|ki-ốt|gian hàng|sản phẩm|bộ|ngày|tháng|năm|giờ"
)

# Nouns that are never the thing counted in a result ("5 năm liền", "3 tháng").
TIME_NOUNS = ("ngày", "tháng", "năm", "giờ", "tuần", "quý")

QUALIFIERS = _words(
    "gần như|trên dưới|xấp xỉ|ít nhất|tối thiểu|tối đa|chưa đến|chưa tới|khoảng|trên|hơn|"
    "gần|dưới|ngót"
)

# Verbs (and copulas) between an indicator phrase and its value, stripped from the phrase's
# end. "ước" forms mark the value as an estimate.
ESTIMATE_VERBS = _words(
    "ước thực hiện cả năm|ước thực hiện|ước tính đạt|ước tính|ước cả năm đạt|ước cả năm|"
    "ước đạt được|ước đạt|dự ước|ước"
)
VALUE_VERBS = _words(
    "chiếm|bằng|bằng khoảng|vượt|đạt và vượt|đạt được|đạt mức|đạt|thực hiện được|thực hiện|"
    "là|có|được|còn|giảm xuống còn|giảm còn|xuống còn|giảm xuống|tăng lên|lên|lên đến|"
    "lên tới|ở mức|với|gồm|khoảng|thu được|tới|đến|=|:|cho"
)

# Words that open an indicator phrase as a noun phrase ("tổng thu ngân sách ...").
NOMINAL_HEADS = _words(
    "tổng|tỷ lệ|tỉ lệ|tỷ trọng|tỷ số|cơ cấu|số|giá trị|sản lượng|thu|chi|diện tích|"
    "năng suất|thu nhập|vốn|doanh thu|lợi nhuận|kim ngạch|dân số|tốc độ|quy mô|đàn|nguồn|"
    "kinh phí|tiền|quỹ|lượng|chỉ số|mật độ|dư nợ|giá|chiều dài|công suất"
)

# Words at a clause's start that are not part of the indicator phrase.
LEADING_NOISE = _words(
    "trong đó|riêng|và|còn|đồng thời|ngoài ra|bên cạnh đó|cụ thể|theo đó|nhờ đó|qua đó|"
    "tuy nhiên|đặc biệt|đáng chú ý|nổi bật|trong năm|cả năm|trong kỳ|đến nay|hiện nay|hiện|lũy kế|"
    "đã|đã có|có|toàn phường|toàn xã|toàn đặc khu|phường|xã|đặc khu|địa phương|đơn vị|"
    "ubnd phường|ubnd xã|về|trong|của|tại|cũng|vẫn|tiếp tục|duy trì|với|thôn|tổ dân phố|"
    "khu phố|chi bộ|nhưng|song|tuy vậy|trong khi|khi"
)

# Verbs that govern the counted noun after the number: "duy trì 42/42 tuyến phố".
GOVERNING_VERBS = _words(
    "duy trì|có|giữ vững|hoàn thành|hoàn thành và hoàn thành vượt|hoàn thành và vượt|đạt|"
    "còn|với|gồm|xảy ra|phát hiện"
)

# Bodies that award ("Chủ tịch UBND phường", "Đảng ủy xã", "Thủ tướng Chính phủ").
BODY_WORDS = re.compile(
    r"\b(?:UBND|Ủy ban|Uỷ ban|HĐND|Hội đồng|Đảng ủy|Đảng uỷ|Đảng bộ|Ban Thường vụ|Ban Chấp hành|"
    r"Chủ tịch|Thủ tướng|Bộ trưởng|Giám đốc|Chính phủ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|MTTQ|Mặt trận|"
    r"Liên đoàn|Ban Thi đua|chính quyền|Bộ|Sở|Công an|Bộ Tư lệnh|Trung ương|Tư lệnh|Hội)\b"
)

# Recipients in award sentences: which count they go to.
COLLECTIVE_NOUNS = _words(
    "tập thể|chi bộ|đơn vị|tổ dân phố|khu phố|thôn|cơ quan|trường|tổ chức cơ sở đảng|"
    "tổ chức|doanh nghiệp|hợp tác xã|đoàn thể|câu lạc bộ|tổ|chi hội|chi đoàn|khu dân cư|cụm|"
    "ban công tác mặt trận"
)
INDIVIDUAL_NOUNS = _words(
    "cá nhân|đảng viên|đồng chí|người|học sinh|hội viên|đoàn viên|cán bộ|công chức|"
    "chiến sĩ|giáo viên|cháu|em|gương|gương điển hình|người có công|nhà giáo|y bác sĩ|"
    "công nhân|cựu chiến binh|thanh niên|doanh nhân|nông dân"
)
HOUSEHOLD_NOUNS = ("hộ gia đình", "hộ", "gia đình")
# Every recipient of an award is also a counted noun ("9 chi hội", "12 chi đoàn").
COUNT_NOUNS = tuple(dict.fromkeys((*COUNT_NOUNS, *COLLECTIVE_NOUNS, *INDIVIDUAL_NOUNS)))

# Titles of households and residential groups are measured as indicators, not awards.
CULTURE_TITLES = re.compile(
    r"gia đình văn hóa|gia đình văn hoá|(?:tổ dân phố|thôn|khu phố|khu dân cư|bản|ấp)\s+văn\s+hó?a",
    re.IGNORECASE,
)

DOCUMENT_KINDS = _words(
    "Thông báo kết luận|Kế hoạch|Báo cáo|Nghị quyết|Quyết định|Thông báo|Chỉ thị|Công văn|"
    "Hướng dẫn|Kết luận|Quy định|Nghị định|Thông tư|Chương trình|Đề án|Luật|Tờ trình|"
    "Quy chế"
)


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)
