"""Party figures: admissions, members, cells and their types, quality ratings, discipline.

"kết nạp 6 đảng viên mới" (admissions), "nâng tổng số đảng viên lên 812 đồng chí"
(members_total), "38 đảng viên dự bị" (probationary), "công nhận đảng viên chính thức cho 21
đồng chí" (made_full), "Đảng bộ có 12 chi bộ: 2 chi bộ cơ quan, …" (cells_total and
cells_of_type), "5 chi bộ, 14 đảng viên hoàn thành xuất sắc nhiệm vụ", "trên 85% chi bộ hoàn
thành tốt nhiệm vụ trở lên", "hoàn thành tốt nhiệm vụ: 19 chi bộ, chiếm 70,4%" (rating),
"thi hành kỷ luật 2 đảng viên" (disciplined).
"""

from __future__ import annotations

import re

from .folding import fold
from .indicators import plan_share
from .model import Fact, FactKind
from .quantities import Quantity
from .sentence import SentenceWork, clause_of

__all__ = ["party_facts"]

_PARTY_WORDS = re.compile(
    r"dang vien|chi bo|ket nap|to chuc co so dang|to chuc dang|dang bo|dong chi"
    r"|hoan thanh .*nhiem vu"
)
_MEMBER = ("đảng viên", "đồng chí")
_CELL = ("chi bộ", "tổ chức cơ sở đảng", "tổ chức đảng")
_LEVEL = re.compile(
    r"(?P<level>không\s+hoàn\s+thành\s+nhiệm\s+vụ|hoàn\s+thành\s+xuất\s+sắc\s+nhiệm\s+vụ"
    r"|hoàn\s+thành\s+tốt\s+nhiệm\s+vụ(?:\s+trở\s+lên)?|hoàn\s+thành\s+nhiệm\s+vụ(?:\s+trở\s+lên)?"
    r"|trong\s+sạch,?\s+vững\s+mạnh(?:\s+tiêu\s+biểu)?)",
    re.IGNORECASE,
)
_RATED = re.compile(
    r"^\s*(?:được\s+(?:đánh\s+giá,?\s+)?(?:xếp\s+loại\s+)?|xếp\s+loại\s+|đạt\s+)?(?:là\s+)?"
)
_ADMITTED = re.compile(r"kết\s+nạp(?:\s+(?:được|mới|thêm))*\s*$", re.IGNORECASE)
_MADE_FULL = re.compile(
    r"(?:công\s+nhận|chuyển)\s+(?:đảng\s+viên\s+)?(?:đảng\s+)?chính\s+thức\s+cho\s*$", re.I
)
_DISCIPLINED = re.compile(r"kỷ\s+luật\s*$", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(
    r"(?:tổng\s+số(?:\s+đảng\s+viên)?(?:\s+(?:của|toàn)\s+Đảng\s+bộ)?(?:\s+(?:là|có))?"
    r"|nâng\s+tổng\s+số\s+đảng\s+viên(?:\s+(?:của|toàn|trong)\s+(?:Đảng\s+bộ|chi\s+bộ)(?:\s+\w+)?)?"
    r"\s+lên"
    r"|với(?:\s+tổng\s+số)?|(?:hiện\s+)?có|gồm|là|sinh\s+hoạt\s+tại)\s*$",
    re.IGNORECASE,
)
_NOT_TOTAL = re.compile(
    r"được|đánh giá|xếp loại|kiểm tra|giám sát|miễn|kỷ luật|khen|tặng|trao|từ trần|chuyển|"
    r"kết nạp|bồi dưỡng|giới thiệu",
    re.IGNORECASE,
)
_TYPES = (
    r"(?:khu\s+dân\s+cư|tổ\s+dân\s+phố|khu\s+phố|"
    r"thôn|bản|ấp|xóm|cơ\s+quan|trường\s+học|trường|doanh\s+nghiệp|quân\s+sự|công\s+an|"
    r"trạm\s+y\s+tế|y\s+tế|hợp\s+tác\s+xã|nông\s+thôn|đô\s+thị|đơn\s+vị\s+sự\s+nghiệp)"
)
_CELL_TYPES = re.compile(
    rf"^(?:chi\s+bộ|tổ\s+chức\s+cơ\s+sở\s+đảng)\s+(?P<type>{_TYPES})$", re.IGNORECASE
)
# "13 chi bộ cơ quan, trường học và 3 chi bộ doanh nghiệp": one type named in two words
_MORE_TYPE = re.compile(rf",\s*{_TYPES}(?=\s*(?:và\s|[,;.)]|$))", re.IGNORECASE)
_MEMBERS_NOUN = re.compile(r"^(?:dang vien|dong chi)(?: (?:dang )?sinh hoat tai .*)?$")
# "có 22 chi bộ trực thuộc (15 chi bộ thôn, …), 968 đảng viên": the members listed after the cells.
_LISTED_AFTER_CELLS = re.compile(r"\s*(?:\([^()]*\))?\s*(?:,|và|với)\s*(?:tổng\s+số\s+)?")
_SHARE_OF_COUNT = re.compile(r"[\s,(]*(?:chiếm|đạt|bằng)?\s*", re.IGNORECASE)


def _fact(work: SentenceWork, quantity: Quantity, name: str, phrase: str, **fields) -> Fact:
    fact = Fact(FactKind.PARTY_FIGURE, quantity.span, work.span)
    fact.subject = name
    fact.fields = {"name": name, "phrase": phrase, **fields}
    fact.amount, fact.value = quantity.amount, quantity.value
    fact.denominator = quantity.denominator.value if quantity.denominator else None
    fact.unit = "%" if quantity.kind == "percent" else ""
    fact.qualifier = quantity.qualifier
    fact.period = work.period_before(quantity.start, set())
    fact.unit_name, names = work.unit_before(quantity.start)
    fact.fields["owner_said"] = bool(names)
    fact.numbers = quantity.refs()
    return fact


def _more_type(work: SentenceWork, quantity: Quantity, written: str) -> str:
    """ ", trường học" when the type of cell goes on after a comma."""
    text = work.doc.text
    stop = _NOUN_TAIL.match(text, quantity.end, work.span.end).end()
    if " ".join(f"{quantity.unit} {text[quantity.end : stop]}".split()) != written:
        return ""
    more = _MORE_TYPE.match(text, stop, work.span.end)
    return more.group(0) if more else ""


_NOUN_TAIL = re.compile(r"[^,;:.()]*")


def _noun(work: SentenceWork, quantity: Quantity) -> str:
    """The words after the number up to a comma, bracket or verb with a number."""
    text = work.doc.text
    end = quantity.end
    match = re.compile(r"[^,;:.()]*").match(text, end, work.span.end)
    tail = match.group(0) if match else ""
    tail = re.split(r"\s(?:và|với|so với|trong đó|chiếm|cho)\s", " " + tail + " ")[0]
    return " ".join((quantity.unit + " " + tail).split())


_LIST_THEN_LEVEL = re.compile(
    r"^(?:\s*(?:,|và)\s*\d[\d.,]*(?:/\d+)?\s+(?:chi\s+bộ|đảng\s+viên|đồng\s+chí)\s*)*"
    r"\s*(?:được\s+(?:đánh\s+giá,?\s+)?(?:xếp\s+loại\s+)?|đạt\s+)?",
    re.IGNORECASE,
)


def _level_after(work: SentenceWork, quantity: Quantity, after: str) -> re.Match | None:
    level = _LEVEL.match(_RATED.sub("", after.strip(), count=1))
    if level is not None:
        return level
    text = work.doc.text
    rest = text[quantity.end : work.span.end]
    if match := _LIST_THEN_LEVEL.match(rest):
        return _LEVEL.match(rest, match.end())
    return None


def _rating(work: SentenceWork, quantity: Quantity, wide: str, state: dict) -> Fact | None:
    noun = _noun(work, quantity)
    who = next((w for w in (*_CELL, *_MEMBER) if fold(noun).startswith(fold(w))), "")
    after = noun[len(who) :] if who else noun.removeprefix(quantity.unit).strip()
    if quantity.kind == "percent":
        who = next((w for w in (*_CELL, *_MEMBER) if fold(after.strip()).startswith(fold(w))), "")
        after = after.strip()[len(who) :] if who else after
    level = _level_after(work, quantity, after) if (who or quantity.kind == "percent") else None
    tail = wide[-70:].rstrip(" :")
    if level is None and (before := _LEVEL.search(tail)) and before.end() == len(tail):
        level = before
    if level is None:
        gap = work.doc.text[state.get("end", quantity.start) : quantity.start]
        if quantity.kind == "percent" and state.get("rating") and _SHARE_OF_COUNT.fullmatch(gap):
            last = state["rating"]
            return _fact(work, quantity, "rating", "", who=last["who"], level=last["level"])
        return None
    if quantity.kind != "percent" and not who:
        return None
    who = who or state.get("rating", {}).get("who", "")
    level_text = " ".join(level["level"].split())
    fields = {"who": "đảng viên" if who == "đồng chí" else who, "level": level_text}
    state["rating"] = fields
    return _fact(work, quantity, "rating", "", **fields)


def _one(work: SentenceWork, quantity: Quantity, state: dict) -> Fact | None:
    text = work.doc.text
    clause = clause_of(text, work.span, quantity.number.span.start)
    left = text[clause.start : quantity.start]
    wide_start = text.rfind(";", work.span.start, quantity.start) + 1 or work.span.start
    rating = _rating(work, quantity, text[max(wide_start, work.span.start) : quantity.start], state)
    if rating is not None:
        state["end"] = quantity.end + len(_noun(work, quantity)) - len(quantity.unit)
        return rating
    segment = re.split(r"[,(]", left)[-1]
    if quantity.kind != "count":
        return None
    noun, unit = fold(_noun(work, quantity)), quantity.base_unit
    if unit in _MEMBER or unit == "quần chúng":
        if _ADMITTED.search(left):
            return _fact(work, quantity, "admissions", "kết nạp " + _noun(work, quantity))
        if unit == "quần chúng":
            return None
        if _MADE_FULL.search(left):
            return _fact(work, quantity, "made_full", "")
        if noun.endswith("du bi") or " du bi" in noun:
            return _fact(work, quantity, "probationary", "")
        if _DISCIPLINED.search(left):
            return _fact(work, quantity, "disciplined", "")
        listed = _LISTED_AFTER_CELLS.fullmatch(text[state.get("cells", -1) : quantity.start])
        total = _MEMBERS_NOUN.match(noun) and (_TOTAL_BEFORE.search(left) or listed)
        if total and not _NOT_TOTAL.search(segment):
            return _fact(work, quantity, "members_total", "")
        return None
    if unit in _CELL or unit == "chi bộ":
        written = _noun(work, quantity)
        if _CELL_TYPES.match(written):
            written += _more_type(work, quantity, written)
            return _fact(work, quantity, "cells_of_type", "", detail=" ".join(written.split()))
        plain = fold(written) in (
            "chi bo",
            "chi bo truc thuoc",
            "to chuc co so dang",
            "chi bo co so",
        )
        if plain and _TOTAL_BEFORE.search(left) and not _NOT_TOTAL.search(segment):
            state["cells"] = quantity.end + len(written) - len(quantity.unit)
            return _fact(work, quantity, "cells_total", "")
    return None


def party_facts(work: SentenceWork) -> list[Fact]:
    """The party figures of a sentence, with the % of plan said right after them."""
    if work.in_plan_section or not _PARTY_WORDS.search(fold(work.text)):
        return []
    facts, state = [], {}
    free = work.free()
    for index, quantity in enumerate(free):
        if work.is_claimed(quantity) or not quantity.readable:
            continue
        fact = _one(work, quantity, state)
        if fact is None:
            continue
        work.claim(quantity)
        facts.append(fact)
        if index + 1 < len(free) and fact.fields["name"] == "admissions":
            following = free[index + 1]
            share = plan_share(work, following, quantity.end)
            if share is not None:
                fact.plan_shares.append(share)
                fact.numbers.append(share.number)
                work.claim(following)
    return facts
