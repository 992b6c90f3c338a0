"""What the grammar tests of the text import share: a small catalogue and readers that check
no number is invented."""

from tongket.lib.facts import FactKind, IndicatorMatcher, extract_facts
from tongket.lib.facts.scoring import invented_numbers

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
