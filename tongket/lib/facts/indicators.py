"""Indicator results written in sentences, with their % of plan.

Each number of a sentence is, in this order: a share of the plan ("bằng 104% kế hoạch",
"vượt 12% KH", attached to the figure before it), a change ("tăng 8,2% so với cùng kỳ",
"giảm 3 vụ"; never a value), a plan or target ("kế hoạch giao 11,9 tỷ", "phấn đấu đạt …";
not proposed), a duration ("5 năm liền"), or a value. A value takes its indicator from the
words before it, from the noun phrase after it ("duy trì 42/42 tuyến phố văn minh"), or from
the figure before it in the sentence ("năm 2024 là 54,1 triệu đồng").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .folding import fold
from .model import Fact, FactKind, NumberRef, Period, PlanShare, Span
from .phrases import core_before, is_nominal, noun_after
from .quantities import Quantity
from .sentence import SentenceWork, clause_of, inside_brackets

__all__ = ["indicator_facts", "plan_share"]

_PLAN_AFTER = re.compile(
    r"\s*(?:so\s+với\s+)?(?P<basis>(?:kế\s+hoạch|KH\b|dự\s+toán|chỉ\s+tiêu|nghị\s+quyết|mục\s+tiêu)"
    r"(?:\s+(?!so\b|với\b|tăng\b|giảm\b|và\b|bằng\b)[^\s,;.()]+){0,4})",
    re.IGNORECASE,
)
_OVER_BEFORE = re.compile(r"(?:^|[\s(])vượt\s*$", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"(?:^|\s)(?:tăng|giảm|tăng thêm|giảm thêm|cao hơn|thấp hơn|nhiều hơn|ít hơn|chênh lệch|gấp"
    r"|gấp\s+khoảng"
    # "cao hơn vụ Hè Thu năm trước 2,1 tạ/ha": the change written after its comparison
    r"|(?:tăng|giảm|cao\s+hơn|thấp\s+hơn|nhiều\s+hơn|ít\s+hơn)\s+(?:so\s+với\s+)?[^,;()\d]{0,40}?"
    r"(?:năm\s+trước|cùng\s+kỳ|kỳ\s+trước|năm\s+(?:19|20)\d{2}))\s*$",
    re.IGNORECASE,
)
_COMPARISON_AFTER = re.compile(
    r"\s*(?:so\s+với|lần\b|điểm\s+phần\s+trăm)(?:\s+(?:cùng\s+kỳ|kế\s+hoạch|năm)(?:\s+năm)?"
    r"(?:\s+(?:trước|\d{4}))?)?",
    re.IGNORECASE,
)
_PLAN_VALUE_BEFORE = re.compile(
    r"(?:kế\s+hoạch|KH\b|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)"
    r"(?:\s+(?:giao|năm|được\s+giao|tỉnh\s+giao|"
    r"đề\s+ra|là|(?:19|20)\d{2}))*\s*[:=]?\s*$",
    re.IGNORECASE,
)
# "Kế hoạch vốn đầu tư công năm 2025 được giao 38,5 tỷ đồng": what the plan assigns
_ASSIGNED = re.compile(
    r"(?:^|\s)(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu)\s[^,;()\d]{0,60}?(?:\d{4}\s+)?"
    r"(?:được\s+)?(?:\w+\s+)?giao(?:\s+là)?\s*:?\s*$",
    re.IGNORECASE,
)
_BRACKET_TARGET = re.compile(r"\(\s*(?:nghị\s+quyết|NQ)\s*(?:đề\s+ra\s*)?:?\s*$", re.IGNORECASE)
_TARGET_WORDS = re.compile(
    r"\b(?:(?<!năm\s)(?<!lực\s)phấn\s+đấu|mục\s+tiêu|dự\s+kiến|đề\s+nghị|cần\s+đạt|phải\s+đạt|sẽ|"
    r"yêu\s+cầu|"
    r"định\s+hướng|chỉ\s+tiêu\s+năm\s+(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_BASIS_INDICATOR = re.compile(
    r"^chỉ\s+tiêu\s+(?!năm|giao(?!\s+quân)|cả|nghị|kế|đề|được|huyện|tỉnh)(.+)$", re.I
)


@dataclass
class _Walk:
    """What the walk over a sentence's numbers remembers."""

    tail: int
    last: Fact | None = None
    last_name: str = ""
    last_unit: str = ""
    last_clause: int = -1
    outer: int = 0


_PLAN_BEFORE = re.compile(
    r"(?:^|\s)(?<!không\s)(?<!chưa\s)(?P<verb>vượt|đạt|bằng)\s+(?P<basis>kế\s+hoạch|KH|dự\s+toán)\s*$",
    re.IGNORECASE,
)


def plan_share(work: SentenceWork, quantity: Quantity, seg_start: int) -> PlanShare | None:
    if quantity.kind != "percent" or not quantity.readable:
        return None
    text = work.doc.text
    match = _PLAN_AFTER.match(text, quantity.end, work.span.end)
    if match is None:
        before = _PLAN_BEFORE.search(text[seg_start : quantity.start])
        if before is None:
            return None
        number = NumberRef(quantity.number.text, quantity.number.span, quantity.number.value)
        over = before["verb"].lower() == "vượt"
        return PlanShare(quantity.number.value, over, before["basis"], number)
    over = bool(_OVER_BEFORE.search(text[seg_start : quantity.start]))
    number = NumberRef(quantity.number.text, quantity.number.span, quantity.number.value)
    basis = " ".join(match["basis"].split())
    return PlanShare(quantity.number.value, over, basis, number)


def _is_change(work: SentenceWork, quantity: Quantity, seg_start: int) -> int:
    """End of the change phrase when the number is a change, else 0."""
    text = work.doc.text
    if _CHANGE_BEFORE.search(text[seg_start : quantity.start]):
        after = _COMPARISON_AFTER.match(text, quantity.end, work.span.end)
        return after.end() if after else quantity.end
    after = _COMPARISON_AFTER.match(text, quantity.end, work.span.end)
    if after and after.end() > quantity.end:
        return after.end()
    return 0


_FROM_BEFORE = re.compile(r"(?:^|\s)từ\s*$", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s*(?:xuống|lên|đến|tới)\b", re.IGNORECASE)


def _baseline(work: SentenceWork, quantity: Quantity, seg_start: int) -> bool:
    """ "giảm từ 2,6% xuống còn 1,85%": the starting figure, with no year said, is not a result."""
    text = work.doc.text
    if not _FROM_BEFORE.search(text[seg_start : quantity.start]):
        return False
    return work.postfix_year(quantity.end) is None and bool(_TO_AFTER.match(text, quantity.end))


_UNIT_KINDS = ("xã", "phường", "đặc khu", "thị trấn")
_COMPOSITION = re.compile(r"\s*(?:trong\s+(?:Cụm|cụm|khối|Khối)|gồm|thuộc|cũ)\b")
_ARRANGEMENT = re.compile(
    r"^\s*(?:thời\s+gian|địa\s+điểm|thành\s+phần(?:\s+mời)?|tài\s+liệu|hình\s+thức|"
    r"nội\s+dung|liên\s+hệ|điện\s+thoại)\s*:",
    re.IGNORECASE,
)


def _skipped(work: SentenceWork, quantity: Quantity, clause: Span, seg_start: int) -> bool:
    text = work.doc.text
    if quantity.is_time or work.in_plan_section or not quantity.readable:
        return True
    if _ARRANGEMENT.match(work.text):
        return True  # "Thành phần: khoảng 150 đại biểu": how a meeting is arranged
    if quantity.kind == "bare":
        return True
    if quantity.base_unit in _UNIT_KINDS and _COMPOSITION.match(text, quantity.end):
        return True  # "5 xã trong Cụm thi đua số 2 gồm …": what a cluster is made of
    if _TARGET_WORDS.search(text[clause.start : quantity.start]):
        return True
    if _ASSIGNED.search(text[seg_start : quantity.start]):
        return True
    if _BRACKET_TARGET.search(text[max(0, quantity.start - 30) : quantity.start]):
        return True  # "đạt 8,7% (Nghị quyết 9%)": the resolution's target beside the result
    return bool(_PLAN_VALUE_BEFORE.search(text[seg_start : quantity.start]))


def _new_fact(work: SentenceWork, quantity: Quantity | None, start: int, end: int) -> Fact:
    fact = Fact(FactKind.INDICATOR_VALUE, Span(start, end), work.span)
    if quantity is not None:
        fact.value, fact.amount = quantity.value, quantity.amount
        fact.unit, fact.base_unit = quantity.unit, quantity.base_unit
        fact.qualifier = quantity.qualifier
        fact.denominator = quantity.denominator.value if quantity.denominator else None
        fact.numbers = quantity.refs()
        fact.fields["kind"] = quantity.kind
    return fact


def _period_of(
    work: SentenceWork, quantity: Quantity, bound: set[int], noun_end: int = 0
) -> tuple[Period, int]:
    postfix = work.postfix_year(quantity.end)
    if postfix is None and noun_end > quantity.end:
        postfix = work.postfix_year(noun_end)  # "gọi 19 công dân nhập ngũ năm 2026"
    if postfix is not None:
        period, end = postfix
        for mention in work.periods:
            if quantity.end <= mention.span.start < end:
                bound.add(mention.span.start)
        return period, end
    return work.period_before(quantity.start, bound), 0


def _name(core: str, noun: str, quantity: Quantity) -> str:
    """The indicator phrase: the words before the number, or the noun phrase after it, or
    both when the words before are a verb ("tạo việc làm" + "lao động")."""
    if not core:
        return noun
    extra = noun
    if quantity.kind == "count" and noun.lower().startswith(quantity.base_unit):
        extra = noun[len(quantity.base_unit) :].strip()
    if quantity.kind in ("money", "measure", "scaled"):
        if is_nominal(core):
            return f"{core} {extra}".strip() if len(extra.split()) <= 4 else core
        # "hiến 3.200 m2 đất làm đường": a measure's material follows it
        material = quantity.kind == "measure" and 0 < len(extra.split()) <= 8
        return f"{core} {extra}" if material else core
    if is_nominal(core):
        return core
    return f"{core} {noun}".strip()


def _elliptic(previous: str, name: str) -> str:
    """ "tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân còn 7,4%; thể thấp còi còn 12,9%":
    the short name completed from the one before it, for the catalogue only ("")."""
    words, before = name.split(), previous.split()
    if not 1 <= len(words) <= 3:
        return ""
    head = fold(words[0])
    spots = [i for i, word in enumerate(before) if i > 0 and fold(word) == head]
    return " ".join(before[: spots[-1]] + words) if spots else ""


def _carried(work: SentenceWork, quantity: Quantity, walk: _Walk) -> str:
    """ "Cùng kỳ, xã Vân Nội đạt 41,3 tỷ đồng": the indicator of the sentence before, in the
    same paragraph, when the unit is the same."""
    previous = work.carried
    if walk.last is not None or previous is None or previous.base_unit != quantity.base_unit:
        return ""
    return previous.subject


def _topic(work: SentenceWork, clause: Span, names: list[str]) -> str:
    """ "Tổng số chi bộ được đánh giá: 27/27 chi bộ": the words before the colon name it."""
    text = work.doc.text
    if text[clause.start - 1 : clause.start] != ":" or clause.start - 1 <= work.span.start:
        return ""
    before = clause_of(text, work.span, clause.start - 2)
    topic = core_before(text, before.start, clause.start - 1, names).text
    return topic if len(topic.split()) <= 16 else ""


_BASE = re.compile(r"tổng\s+số\s", re.IGNORECASE)
_SHARE_VERB = re.compile(r"(?:^|\s)chiếm\s*$", re.IGNORECASE)


def _coordinated(between: str, quantity: Quantity, walk: _Walk) -> bool:
    """A measure joined by "và" to the figure before it, in another unit."""
    if walk.last is None or between.strip() != "và" or quantity.kind != "measure":
        return False
    return bool(walk.last_name) and walk.last_unit not in ("", quantity.base_unit)


def _value(work, quantity: Quantity, clause: Span, walk: _Walk, seg_start: int, bound: set[int]):
    text = work.doc.text
    owner, names = work.unit_before(quantity.start)
    core = core_before(text, seg_start, quantity.start, names)
    if quantity.kind in ("percent", "count", "money", "measure", "scaled"):
        noun_start = quantity.end
        if quantity.kind == "count":
            noun_start = quantity.end - len(quantity.base_unit)
        measured = quantity.kind in ("money", "measure", "scaled")
        noun, noun_end = noun_after(text, noun_start, work.span.end, stop_at_and=measured)
        noun = noun if re.search(r"\w", noun) else ""  # '… triệu đồng/người/năm".': a quote
    else:
        noun, noun_end = "", quantity.end
    based = _BASE.match(noun) or _SHARE_VERB.search(text[seg_start : quantity.start])
    if quantity.kind == "percent" and not core.text and walk.last_name and based:
        noun = ""  # "4.962 hộ …, chiếm 93,3% tổng số hộ": the share of the figure before
    name = _name(core.text, noun, quantity)
    if _coordinated(text[seg_start : quantity.start], quantity, walk) and noun:
        # "đóng góp 1,86 tỷ đồng và 2.900 ngày công làm đường": the verb before, the unit counted
        name = f"{walk.last_name} {quantity.base_unit} {noun}"
    if not core.text and fold(noun) in ("", fold(quantity.unit)):
        same_unit = bool(walk.last_name) and walk.last_unit == quantity.base_unit
        name = _topic(work, clause, names) or ("" if same_unit else noun)
    if not name and text[seg_start - 1 : seg_start] == "(" and walk.last is None:
        # "tỷ lệ giải ngân … đạt khá (47,5%)": the figure of the words before the bracket
        name = core_before(text, walk.outer, seg_start - 1, names).text
    inherited = not name
    if inherited:
        name = walk.last_name or _carried(work, quantity, walk)
        other_unit = walk.last_unit and quantity.base_unit not in (walk.last_unit, "")
        if name and other_unit and quantity.kind in ("measure", "count"):
            name = f"{name} {quantity.base_unit}"  # "đóng góp 460 triệu đồng và 700 ngày công"
    if not name:
        return None
    period, postfix_end = _period_of(work, quantity, bound, noun_end if noun else 0)
    start = core.start if core.text else quantity.start
    fact = _new_fact(work, quantity, min(start, quantity.start), max(noun_end, quantity.end))
    fact.subject, fact.period, fact.unit_name = name, period, owner
    if inherited and walk.last is not None and owner is None:
        fact.unit_name = walk.last.unit_name
    fact.estimate = core.estimate or work.estimate
    fact.fields["noun"] = noun
    if not inherited and walk.last is not None:
        fact.fields["elliptic"] = _elliptic(walk.last.subject, name)
    fact.fields["owner_said"] = bool(names)
    walk.tail = max(noun_end, postfix_end, quantity.end)
    return fact


def _attach_share(work: SentenceWork, quantity: Quantity, share: PlanShare, walk: _Walk, seg: int):
    """A % of plan goes to the figure before it, or opens a %-only fact."""
    text = work.doc.text
    owner, names = work.unit_before(quantity.start)
    before = _PLAN_BEFORE.search(text[seg : quantity.start])
    core = core_before(text, seg, seg + before.start() if before else quantity.start, names)
    after = _PLAN_AFTER.match(text, quantity.end)
    walk.tail = max(walk.tail, quantity.end + (len(after.group(0)) if after else 0))
    if not core.text and walk.last is not None:
        walk.last.plan_shares.append(share)
        walk.last.numbers.append(share.number)
        return None
    name = core.text
    if not name and _BASIS_INDICATOR.match(share.basis):
        name = share.basis
    name = name or walk.last_name or _clause_topic(work, quantity)
    if not name:
        return None
    fact = _new_fact(work, None, core.start if core.text else quantity.start, walk.tail)
    fact.subject, fact.unit_name = name, owner
    fact.period = work.period_before(quantity.start, set())
    if year := re.search(r"\bnăm\s+((?:19|20)\d{2})\b", share.basis):
        fact.period = Period(int(year.group(1)))  # "100% chỉ tiêu giao quân năm 2025"
    fact.estimate = core.estimate or work.estimate
    fact.plan_shares.append(share)
    fact.numbers.append(share.number)
    return fact


def _clause_topic(work: SentenceWork, quantity: Quantity) -> str:
    """The words opening the clause, before its first number ("Giá trị sản xuất nông nghiệp:
    312.4 tỷ đồng, bằng 102,1% kế hoạch": the value is flagged, the % still has a name)."""
    text = work.doc.text
    start = max(work.span.start, text.rfind(";", work.span.start, quantity.start) + 1)
    first = next((q.start for q in work.quantities if q.start >= start), quantity.start)
    return core_before(text, start, first, []).text


def indicator_facts(work: SentenceWork) -> list[Fact]:
    """Indicator values (and % of plan) of a sentence's free quantities."""
    text, facts = work.doc.text, []
    walk, bound = _Walk(work.span.start), set()
    for quantity in work.free():
        clause = clause_of(text, work.span, quantity.number.span.start)
        if clause.start != walk.last_clause:
            walk.tail, walk.last_clause = max(walk.tail, clause.start), clause.start
            walk.last = None if text[clause.start - 1 : clause.start] == ":" else walk.last
        seg_start = walk.outer = max(walk.tail, clause.start)
        bracket = text.rfind("(", seg_start, quantity.start)
        if bracket >= 0 and inside_brackets(text, bracket, quantity.start):
            seg_start = bracket + 1
        fact = _read_one(work, quantity, clause, seg_start, walk, bound)
        work.claim(quantity)
        if fact is not None:
            facts.append(fact)
            walk.last, walk.last_name, walk.last_unit = fact, fact.subject, fact.base_unit
    return facts


# "8/14 chỉ tiêu đạt trên 50% kế hoạch": a threshold the counted items meet, not a result
_CRITERION = re.compile(r"\d\s+(?:chỉ\s+tiêu|tiêu\s+chí)\s+(?:đạt|vượt)\s*$", re.IGNORECASE)


def _read_one(work, quantity, clause, seg_start, walk, bound) -> Fact | None:
    before = work.doc.text[max(0, quantity.start - 40) : quantity.start]
    if quantity.qualifier and _CRITERION.search(before):
        walk.tail = max(walk.tail, quantity.end)
        return None
    share = plan_share(work, quantity, seg_start)
    if share is not None:
        if _TARGET_WORDS.search(work.doc.text[clause.start : quantity.start]):
            return None
        return _attach_share(work, quantity, share, walk, seg_start)
    change_end = _is_change(work, quantity, seg_start)
    if change_end:
        text = work.doc.text
        verb = _CHANGE_BEFORE.search(text[seg_start : quantity.start])
        stop = seg_start + verb.start() if verb else quantity.start
        core = core_before(text, seg_start, stop, [])
        walk.last_name = core.text or walk.last_name
        walk.last_unit = quantity.base_unit
        walk.tail = change_end
        return None
    if _skipped(work, quantity, clause, seg_start) or _baseline(work, quantity, seg_start):
        walk.tail = max(walk.tail, quantity.end)
        core = core_before(work.doc.text, seg_start, quantity.start, [])
        walk.last_name = re.sub(r"\s+(?:giảm|tăng)\s+từ$", "", core.text) or walk.last_name
        return None
    fact = _value(work, quantity, clause, walk, seg_start, bound)
    if fact is None or (work.doc.year and fact.period and (fact.period.year or 0) > work.doc.year):
        walk.tail = max(walk.tail, quantity.end)
        return None
    return fact
