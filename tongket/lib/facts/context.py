"""What a whole document tells about each sentence: whose figures these are and for which
period.

- The document's own commune comes from the officer (the unit the file is uploaded for) or
  from the heading ("UBND PHƯỜNG AN PHÚ"); another commune, the province ("toàn tỉnh") or a
  subordinate unit named as the subject ("Tổ dân phố số 7 có …", "thôn Phú Xuân đã …") owns
  the figures after it in its sentence.
- The default period comes from the title or lead ("6 tháng đầu năm 2025", "9 tháng",
  "năm 2025"); a period at the start of a sentence or clause ("Năm 2024, …", "riêng quý IV")
  applies to the figures after it in that sentence; a year right after a figure ("3,42% năm
  2024") applies to that figure only; comparisons ("so với năm 2024", "cùng kỳ") never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .folding import fold
from .model import Period, Span

__all__ = [
    "DocContext",
    "PeriodMention",
    "UnitMention",
    "local_unit_at",
    "period_mentions",
    "unit_mentions",
]

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_PERIOD = re.compile(
    r"(?P<term>(?:giai đoạn|nhiệm kỳ|thời kỳ|từ năm)\s+(?P<t1>(?:19|20)\d{2})\s*[-–]\s*"
    r"(?:năm\s+)?(?P<t2>(?:19|20)\d{2})|\((?P<p1>(?:19|20)\d{2})\s*[-–]\s*(?P<p2>(?:19|20)\d{2})\))"
    r"|(?P<wholeterm>(?:cả|toàn|trong)\s+nhiệm kỳ)"
    r"|(?P<nyears>(?:trong|sau|qua|bình\s+quân)\s+(?P<n>\d|năm|mười)\s+năm(?!\s+(?:19|20)\d{2}))"
    r"|(?P<schoolyear>năm\s+học\s+(?:19|20)\d{2}\s*[-–]\s*(?P<sy>(?:19|20)\d{2}))"
    r"|(?<![\d/.])(?<!ngày\s)(?P<half>(?:6|sáu)\s+tháng(?P<last>\s+cuối\s+năm)?(?:\s+đầu\s+năm)?)"
    r"(?:\s+(?:năm\s+)?(?P<hy>(?:19|20)\d{2}))?"
    r"|(?<![\d/.])(?<!ngày\s)(?P<nine>(?:9|chín)\s+tháng(?:\s+đầu\s+năm)?)"
    r"(?:\s+(?:năm\s+)?(?P<ny>(?:19|20)\d{2}))?"
    r"|(?P<cutoff>(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?ngày\s+30/0?(?P<cm>6|9)/(?P<cy>(?:19|20)\d{2}))"
    r"|(?P<thisquarter>\b(?:trong|cả)\s+quý\b(?!\s+(?:IV|III|II|I|[1-4])\b)|\bquý\s+này\b)"
    r"|(?P<quarter>quý\s+(?P<q>IV|III|II|I|[1-4]))(?![\w])"
    r"(?:(?:\s*/\s*|\s+(?:năm\s+)?)(?P<qy>(?:19|20)\d{2}))?"
    r"|(?P<year>năm\s+(?P<y>(?:19|20)\d{2}))(?![\d/])"
    r"|(?P<wholeyear>\b(?:cả|trong)\s+năm\b)(?!\s+(?:19|20)\d{2})",
    re.IGNORECASE,
)
_COMPARISON_BEFORE = re.compile(
    r"(?:so với|cùng kỳ|kế hoạch|KH|chỉ tiêu|dự toán|từ|trước|sau|tháng|(?<!thực\shiện\s)nhiệm vụ|"
    r"phương hướng|triển khai|phát động|nghị quyết|kỳ|tháng\s+\d{1,2}|chuẩn)\s*(?:cùng kỳ\s*)?"
    r"(?:(?:cuối|đầu)\s+)?$",
    re.IGNORECASE,
)

_PLACE_KINDS = ("đặc khu", "thị trấn", "phường", "xã")
_PLACE = re.compile(r"\b(?P<kind>đặc khu|thị trấn|phường|xã)\s+", re.IGNORECASE)
_PROVINCE = re.compile(
    r"\b(?:toàn tỉnh|cả tỉnh|(?:bình quân|mức|tỷ lệ)(?:\s+chung)?\s+của tỉnh|toàn quốc|cả nước|"
    r"bình quân chung|"
    r"(?:của\s+)?các\s+xã(?:,\s*phường)?\s+trong\s+tỉnh|trong\s+tỉnh)\b",
    re.IGNORECASE,
)
_CAPITAL_WORDS = r"(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\w-]*)+"
_COOPERATIVE_KIND = r"(?:\s+(?:nông nghiệp|dịch vụ|thủy sản|vận tải))?"
_SCHOOL_KIND = r"(?:THCS|THPT|TH|Tiểu học|Trung học cơ sở|Mầm non|MN|Mẫu giáo|PTDTBT\s+\w+)"
_LOCAL_UNIT = re.compile(
    r"\b(?:(?:Chi bộ|chi bộ)\s+)?(?P<kind>Tổ dân phố|tổ dân phố|Khu phố|khu phố|Thôn|thôn|Tổ|tổ|"
    r"Ấp|ấp|Bản|(?<!biên )(?<!văn )bản|Xóm|xóm|Khu dân cư|khu dân cư|Hợp tác xã|hợp tác xã|HTX|"
    rf"Trường\s+{_SCHOOL_KIND})"
    rf"(?P<rest>(?:\s+số)?\s+\d+[A-Za-z]?(?![\d.,])|{_COOPERATIVE_KIND}{_CAPITAL_WORDS})?"
)
_COUNTED_AFTER = re.compile(r"\s+(?:đạt|được\s+công\s+nhận|giữ\s+vững|văn\s+hóa|an\s+toàn)\b")
_NOT_SUBJECT_BEFORE = re.compile(
    r"(?:với|cho|tại|ở|sau|trước|về|cùng|gồm|giữa|của các|các|những|số|sau khi|đến|tới)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PeriodMention:
    span: Span
    period: Period
    comparison: bool


@dataclass(frozen=True)
class UnitMention:
    span: Span
    name: str
    own: bool
    bare: bool = False


@dataclass
class DocContext:
    """What the whole document says about itself."""

    text: str
    commune: str = ""
    period: Period = field(default_factory=lambda: Period(None))
    last_term: Period | None = None
    named_units: dict[str, str] = field(default_factory=dict)
    owner: str | None = None
    quarter: Period | None = None

    @property
    def year(self) -> int | None:
        return self.period.year

    def is_own(self, name: str) -> bool:
        """Whether a place name is the document's own commune ("phường Hòa Bình", "Hòa Bình")."""
        if not self.commune:
            return False
        return _place_name(fold(name)) == _place_name(fold(self.commune))


def _place_name(folded: str) -> str:
    for kind in ("dac khu ", "thi tran ", "phuong ", "xa "):
        if folded.startswith(kind):
            return folded[len(kind) :]
    return folded


def _capitalised_words(text: str, start: int, limit: int = 4) -> int:
    """End offset of the run of capitalised words starting at `start` (at most `limit`)."""
    position, count = start, 0
    for match in re.finditer(r"\S+", text[start:]):
        word = match.group(0)
        if not word[0].isupper() or count == limit:
            break
        clean = word.rstrip(',.;:)"”')
        position = start + match.start() + len(clean)
        count += 1
        if clean != word:
            break
    return position if count else start


def place_mentions(text: str, start: int, end: int) -> list[tuple[Span, str]]:
    """ "xã Đại Lâm", "PHƯỜNG AN PHÚ", "đặc khu Hòn Lan" in text[start:end]."""
    found = []
    for match in _PLACE.finditer(text, start, end):
        name_end = _capitalised_words(text, match.end())
        if name_end > match.end() and name_end <= end:
            found.append((Span(match.start(), name_end), text[match.start() : name_end]))
    return found


def _quoted(text: str, start: int, position: int) -> bool:
    """Whether `position` is inside a quoted name opened after `start`."""
    before = text[start:position]
    if before.rfind("“") > before.rfind("”"):
        return True
    return before.count('"') % 2 == 1


def unit_mentions(doc: DocContext, start: int, end: int) -> list[UnitMention]:
    """Units that may own the figures after them: communes, the province, subordinate units."""
    text = doc.text
    mentions = [
        UnitMention(span, name, doc.is_own(name)) for span, name in place_mentions(text, start, end)
    ]
    for match in _PROVINCE.finditer(text, start, end):
        if _quoted(text, start, match.start()):
            continue  # "Cả nước chung tay vì người nghèo": a movement's name, not an owner
        mentions.append(UnitMention(Span(match.start(), match.end()), "toàn tỉnh", False))
    for match in _LOCAL_UNIT.finditer(text, start, end):
        bare = not match["rest"]
        if bare and (match["kind"].lower() == "tổ" or match.group(0).lower().startswith("chi bộ")):
            continue  # "tổ", "chi bộ khu dân cư": a word, a kind of cell, not a unit
        if bare and _COUNTED_AFTER.match(text, match.end()):
            continue  # "Tổ dân phố đạt tiêu chuẩn an toàn …: 31/31 tổ": what is counted
        name = _local_unit_name(doc, match)
        mentions.append(UnitMention(Span(match.start(), match.end()), name, False, bare))
    subjects = [m for m in mentions if not _NOT_SUBJECT_BEFORE.search(text[start : m.span.start])]
    return sorted(subjects, key=lambda mention: mention.span.start)


def local_unit_at(doc: DocContext, start: int, end: int) -> str | None:
    """The subordinate unit named at `start` ("thôn Phú Xuân", "Chi bộ Tổ dân phố số 7")."""
    match = _LOCAL_UNIT.match(doc.text, start, end)
    return _local_unit_name(doc, match) if match else None


def _local_unit_name(doc: DocContext, match: re.Match) -> str:
    kind = match["kind"]
    name = match.group(0).removeprefix("Chi bộ ").removeprefix("chi bộ ").strip()
    key = fold(kind)
    if match["rest"]:
        doc.named_units[key] = name
        return name
    return doc.named_units.get(key, name)


def period_mentions(doc: DocContext, start: int, end: int) -> list[PeriodMention]:
    """Period expressions of text[start:end], marking comparisons ("so với năm 2024")."""
    text = doc.text
    mentions = []
    for match in _PERIOD.finditer(text, start, end):
        period = _period_of(doc, match)
        if period is None:
            continue
        before = text[max(start, match.start() - 25) : match.start()]
        comparison = bool(_COMPARISON_BEFORE.search(before))
        if match["term"] and not comparison:
            doc.last_term = period
        mentions.append(PeriodMention(Span(match.start(), match.end()), period, comparison))
    return mentions


def _period_of(doc: DocContext, match: re.Match) -> Period | None:
    year = doc.year
    if match["term"]:
        first, last = match["t1"] or match["p1"], match["t2"] or match["p2"]
        return Period(int(last), "term", int(first))
    if match["wholeterm"]:
        return doc.last_term
    if match["nyears"]:
        count = {"năm": 5, "mười": 10}.get(match["n"].lower()) or int(match["n"])
        term = doc.last_term
        if (
            year
            and term
            and term.year == year
            and term.year - term.first_year in (count - 1, count)
        ):
            return term  # "Giai đoạn 2020 - 2025, … Trong 5 năm, …": the term just named
        return Period(year, "term", year - count + 1) if year else None
    if match["schoolyear"]:
        return Period(int(match["sy"]))  # "năm học 2024 - 2025": the year it ends
    if match["cutoff"]:  # "đến ngày 30/6/2025 đã giải ngân …": the half-year's result
        return Period(int(match["cy"]), "h1" if match["cm"] == "6" else "m9")
    if match["thisquarter"]:
        return doc.quarter or (doc.period if doc.period.part.startswith("q") else None)
    if match["half"]:
        if match["last"]:
            return None
        return Period(int(match["hy"]) if match["hy"] else year, "h1")
    if match["nine"]:
        return Period(int(match["ny"]) if match["ny"] else year, "m9")
    if match["quarter"]:
        quarter = _ROMAN[match["q"].lower()]
        return Period(int(match["qy"]) if match["qy"] else year, f"q{quarter}")
    if match["year"]:
        return Period(int(match["y"]), "year")
    return Period(year, "year")


def default_period(doc: DocContext, lines_text: str, offset: int, hint_year: int | None) -> Period:
    """The period of the title and lead: the first one that is not a comparison; a report of
    "quý III và 9 tháng" (or "quý II, lũy kế 6 tháng") is of the cumulative period, its
    quarter remembered for "trong quý"."""
    probe = DocContext(doc.text, doc.commune, Period(hint_year))
    found = []
    for mention in period_mentions(probe, offset, offset + len(lines_text)):
        if mention.comparison or mention.period.part == "term" or mention.period.year is None:
            continue
        if hint_year and mention.period.year != hint_year:
            continue
        found.append(mention.period)
    if not found:
        return Period(hint_year)
    doc.quarter = next((period for period in found if period.part.startswith("q")), None)
    cumulative = next((period for period in found if period.part in ("h1", "m9")), None)
    return cumulative if cumulative and doc.quarter else found[0]


_TERM_TITLE = re.compile(
    r"^\s*(?:báo cáo\s+)?tổng kết\b[^.:;\n]*\bnhiệm kỳ\s+(?P<t1>(?:19|20)\d{2})\s*[-–]\s*"
    r"(?P<t2>(?:19|20)\d{2})\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def term_of_title(heading: str, hint_year: int | None) -> Period | None:
    """A report that reviews a term ("Tổng kết thực hiện Nghị quyết Đại hội … nhiệm kỳ
    2020 - 2025", ending in the year it is uploaded for) gives its figures the term."""
    for match in _TERM_TITLE.finditer(heading):
        last = int(match["t2"])
        if hint_year is None or last == hint_year:
            return Period(last, "term", int(match["t1"]))
    return None


_ISSUER = re.compile(
    r"^\s*(?:CHI BỘ|Chi bộ|BAN ĐIỀU HÀNH|Ban điều hành|BAN CÔNG TÁC MẶT TRẬN)\s+"
    r"(?P<unit>(?:TỔ DÂN PHỐ|KHU PHỐ|THÔN|BẢN|ẤP|XÓM|KHU DÂN CƯ|Tổ dân phố|Khu phố|Thôn)\b.*)$"
)


def issuing_unit(doc: DocContext, heading: str) -> str | None:
    """The subordinate unit that issued the document ("CHI BỘ KHU PHỐ 4" above the title):
    the figures it does not attribute are that unit's."""
    for raw in heading.split("\n"):
        match = _ISSUER.match(raw)
        if match is None:
            continue
        unit = match["unit"].strip()
        words = unit.split()
        kind_words = 3 if fold(unit).startswith(("to dan pho", "khu dan cu")) else 1
        kind_words = 2 if fold(unit).startswith("khu pho") else kind_words
        kind = " ".join(words[:kind_words]).capitalize()
        rest = " ".join(w if w.isdigit() else w.title() for w in words[kind_words:])
        return f"{kind} {rest}".strip()
    return None


def own_commune(text: str, hint: str | None) -> str:
    """The commune the document is about: the officer's hint, else the first one named."""
    if hint:
        return hint
    head = text[:3000]
    mentions = place_mentions(head, 0, len(head))
    return mentions[0][1] if mentions else ""
