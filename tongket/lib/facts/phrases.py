"""The words around a number: the indicator phrase before it and the noun phrase after it.

"tổng thu ngân sách nhà nước trên địa bàn ước thực hiện 12,4 tỷ đồng": the phrase before the
number is "tổng thu ngân sách nhà nước trên địa bàn" once the verb ("ước thực hiện", an
estimate) is taken off. "duy trì 42/42 tuyến phố văn minh": nothing is left before the number
once "duy trì" is taken off, so the indicator is the noun phrase after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .folding import fold
from .lexicon import (
    ESTIMATE_VERBS,
    GOVERNING_VERBS,
    LEADING_NOISE,
    NOMINAL_HEADS,
    QUALIFIERS,
    VALUE_VERBS,
    alternation,
)

__all__ = ["Core", "core_before", "is_nominal", "noun_after"]

# "Số hộ nghèo giảm từ 212 hộ năm 2024 xuống còn 131 hộ": the change's verb is not the name
_FROM_VERBS = ("xảy ra", "giảm từ", "tăng từ")
_TRAILING_VERB = re.compile(
    r"(?:^|\s)(?:(?:mới|chỉ|đã|vẫn|cũng|đều|lại|chưa)\s+)*"
    rf"({alternation([*ESTIMATE_VERBS, *VALUE_VERBS, *GOVERNING_VERBS, *_FROM_VERBS])})\s*$",
    re.IGNORECASE,
)
# "đạt khá (47,5%)": how a figure is judged is not part of its name
_JUDGED = re.compile(
    r"\s+(?:đạt\s+)?(?:khá|cao|thấp|tốt|rất\s+cao|cao\s+nhất|thấp\s+nhất)\s*$", re.IGNORECASE
)
_TRAILING_PERIOD = re.compile(
    r"(?:^|\s)(?:trong\s+|riêng\s+|lũy\s+kế\s+)?(?:(?:6|sáu|9|chín)\s+tháng(?:\s+đầu\s+năm)?|quý\s+(?:IV|III|II|I)"
    r"|cả\s+năm|trong\s+năm|năm\s+(?:19|20)\d{2}|cả\s+nhiệm\s+kỳ)(?:\s+(?:năm\s+)?(?:19|20)\d{2})?\s*$",
    re.IGNORECASE,
)
_LEADING_PERIOD = re.compile(
    r"^(?:(?:tính\s+)?đến\s+nay|(?:tính\s+)?đến\s+ngày\s+\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?"
    r"|(?:trong\s+|riêng\s+|vào\s+|lũy\s+kế\s+|(?:tính\s+)?đến\s+(?:hết\s+)?)?(?:(?:cuối|đầu|hết)\s+)?"
    r"(?:(?:\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười một)\s+tháng(?:\s+đầu\s+năm)?"
    r"|quý\s+(?:IV|III|II|I)(?:\s*/)?|quý(?:\s+này)?|cả\s+năm|trong\s+năm|năm\s+học|năm|giai\s+đoạn|nhiệm\s+kỳ)"
    r"(?:(?:\s*/\s*|\s+(?:năm\s+)?)(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?)"
    r"(?=\s|$)",
    re.IGNORECASE,
)
# ("Tổ dân phố đạt tiêu chuẩn an toàn …": the counted noun stays)
_LEADING_NOISE = re.compile(
    rf"^(?:{alternation(LEADING_NOISE)})(?=\s|$)(?!\s+(?:đạt|được\s+công\s+nhận|giữ\s+vững)\b)",
    re.IGNORECASE,
)
_PREAMBLE = re.compile(
    r"^(?:theo|báo cáo|tính đến|trong bối cảnh|nhờ|ngoài ra|đáng chú ý|bên cạnh|đặc biệt|về|"
    r"kết quả|nhìn chung|sau khi|thực hiện|căn cứ|với sự|trong điều kiện|mặc dù|dù|do|vì|"
    r"(?:nhân|vào|trong)?\s*dịp)\b|"
    r"cho biết$|như sau$",
    re.IGNORECASE,
)
_NOUN_STOP = re.compile(
    r"\s*(?:[,;:.()/]|\d|so với\b|với\b|trong đó\b|chiếm\b|gồm\b|cho\b|nâng\b|nhưng\b|"
    r"(?:vào\s+|trong\s+)?năm\s+(?:19|20)\d{2}\b|"
    rf"(?:đạt|bằng|tăng|giảm|vượt|là|lên|còn|và|xuống)\s+(?:(?:{alternation(QUALIFIERS)})\s+)?\d)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\s*[^\s,;:.()/]+")
_NOMINAL = tuple(fold(head) for head in NOMINAL_HEADS)
_GOVERNING = {fold(verb) for verb in GOVERNING_VERBS} | {"co them", "dat duoc"}
_ESTIMATE = re.compile(r"(?:^|\s)(?:ước|dự ước)(?=\s|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Core:
    """The indicator phrase found before a number: `text` as written (may be ""), where it
    starts, whether an estimate verb was seen ("ước đạt")."""

    text: str
    start: int
    estimate: bool


# Verbs that start like a measure's name: "thu gom", "chi trả", "giá trị" is fine.
_VERBAL = re.compile(
    r"^(?:thu (?:gom|hut|hoi|hoach|mua|dung|nhan)|chi (?:tra|vien|bo|doan|hoi)|so (?:hoa|sanh))\b"
)


def is_nominal(phrase: str) -> bool:
    """Whether the phrase opens like a noun phrase naming a measure ("tổng thu …", "tỷ lệ …"),
    not a verb ("thu gom rác", "chi trả trợ cấp")."""
    folded = fold(phrase)
    if _VERBAL.match(folded):
        return False
    return any(folded == head or folded.startswith(head + " ") for head in _NOMINAL)


def _strip_trailing(segment: str) -> tuple[str, bool]:
    estimate = bool(_ESTIMATE.search(segment))
    while True:
        stripped = segment.rstrip(" \t-–:=")
        for pattern in (_TRAILING_VERB, _TRAILING_PERIOD):
            match = pattern.search(stripped)
            if match:
                stripped = stripped[: match.start()].rstrip()
                break
        if stripped == segment:
            return segment, estimate
        segment = stripped


# "Ban Chỉ đạo 35 phường đã đăng tải 218 tin": the organ that acts is not the indicator
_ORGAN_SUBJECT = re.compile(
    r"^(?:Ban\s+Chỉ\s+đạo|Ban\s+chỉ\s+đạo|Ủy\s+ban\s+Kiểm\s+tra|Tổ\s+công\s+tác)\b[^,;:]{0,30}?"
    r"\s(?:đã|đang|cũng)\s+(?=\w)"
)


def _strip_leading(part: str, subjects: list[str]) -> str:
    while True:
        before = part
        part = part.lstrip(' ,;:-–\t"“”')
        for subject in subjects:
            if fold(part).startswith(fold(subject)) and subject:
                part = part[len(subject) :]
        for pattern in (_LEADING_PERIOD, _LEADING_NOISE, _ORGAN_SUBJECT):
            match = pattern.match(part)
            if match and match.end() > 0:
                part = part[match.end() :]
        if part == before:
            return part.strip()


def _split_commas(segment: str) -> list[tuple[int, str]]:
    """(offset, text) of the comma-separated parts of a segment, brackets kept whole."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(segment):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth <= 0:
            parts.append((start, segment[start:index]))
            start = index + 1
    parts.append((start, segment[start:]))
    return parts


_OF_PLACE = re.compile(
    r"\s+của\s+(?:(?:UBND|Ủy ban nhân dân)\s+)?(?:toàn\s+)?(?:xã|phường|đặc khu|thị trấn|tỉnh|"
    r"đơn vị|địa phương)\s*$",
    re.IGNORECASE,
)


_SUPERLATIVE = re.compile(r"\s(?:cao|thấp|nhiều|ít)\s+nhất(?:\s+\w+){0,2}$", re.IGNORECASE)


def core_before(text: str, start: int, end: int, subjects: list[str]) -> Core:
    """The indicator phrase of text[start:end] (what is left of a clause before a number)."""
    segment, estimate = _strip_trailing(_JUDGED.sub("", text[start:end]))
    segment = _OF_PLACE.sub("", segment)
    for subject in subjects:
        segment = segment.replace(f" của {subject}", "")
        if subject and segment.endswith(" " + subject):
            segment = segment[: -len(subject) - 1]
    parts = _split_commas(segment)
    if len(parts) > 1 and not parts[-1][1].strip() and _SUPERLATIVE.search(parts[-2][1]):
        # "xã Vĩnh An có tỷ lệ … cao nhất cụm, đạt 97,2%": the words before the ranking
        offset, part = parts[-2]
        parts = [*parts[:-2], (offset, _SUPERLATIVE.sub("", part))]
    chosen: list[tuple[int, str]] = []
    for offset, part in reversed(parts):
        cleaned = _strip_leading(part, subjects)
        cleaned = cleaned if re.search(r"\w", cleaned) else ""
        if not chosen:
            chosen.append((offset, cleaned))
            if not cleaned or is_nominal(cleaned):
                break
            continue
        if not cleaned or _PREAMBLE.search(cleaned) or len(chosen) >= 3:
            break
        chosen.insert(0, (offset, cleaned))
        if is_nominal(cleaned):
            break
    phrase = ", ".join(part for _, part in chosen if part).strip()
    phrase = re.sub(r"^nâng\s+", "", phrase, flags=re.IGNORECASE)
    generic = {"tong so", "tong", "binh quan", "muc binh quan", "binh quan chung"}
    if fold(phrase) in _GOVERNING or fold(phrase) in generic or _PREAMBLE.search(phrase):
        phrase = ""
    if not phrase:
        return Core("", end, estimate)
    where = text.rfind(phrase.split(",")[0].split()[0], start, end)
    return Core(phrase, where if where >= 0 else start, estimate)


_AND = re.compile(r"\s*(?:và|để|nhằm)\b", re.IGNORECASE)
# "được tiếp nhận, giải quyết trực tuyến toàn trình": verbs of one participle, coordinated.
_PARTICIPLE_TAIL = re.compile(r",\s*[^\W\d]+(?:\s+[^\W\d]+){0,5}(?=\s*(?:[;.)]|$))")
# "… an ninh, trật tự." : a last part of one to three words after a comma ends the phrase.
_SHORT_TAIL = re.compile(r",\s*[^\W\d]+(?:\s+[^\W\d]+){0,2}(?=\s*(?:[;.)]|$))")


def noun_after(
    text: str, start: int, end: int, limit: int = 16, stop_at_and: bool = False
) -> tuple[str, int]:
    """The noun phrase after a number's unit, up to a comma, a verb with a number, "so với" …
    (after an amount of money or a measure, also up to "và": "340 triệu đồng cải tạo nhà văn
    hóa và lắp đặt …")."""
    position, words = start, 0
    first = _WORD.match(text, start, end)
    while position < end and words < limit:
        if tail := _SHORT_TAIL.match(text, position, end):
            position = tail.end()
            break
        participle = words and re.search(r"\bđược(?:\s+\w+){1,2}$", text[start:position])
        if participle and (tail := _PARTICIPLE_TAIL.match(text, position, end)):
            position = tail.end()
            break
        parallel = (
            re.compile(r",\s*(?=" + re.escape(first.group(0).strip()) + r"\s)") if first else None
        )
        if words and parallel and (match := parallel.match(text, position, end)):
            position = match.end()
            continue
        if _NOUN_STOP.match(text, position, end) or (
            stop_at_and and _AND.match(text, position, end)
        ):
            break
        match = _WORD.match(text, position, end)
        if not match:
            break
        position, words = match.end(), words + 1
    return " ".join(text[start:position].split()), position
