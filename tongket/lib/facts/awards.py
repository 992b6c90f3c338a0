"""Commendations as count records: who awarded what to how many.

"Chủ tịch UBND phường tặng giấy khen cho 21 tập thể, 57 cá nhân" → body "Chủ tịch UBND
phường", form "giấy khen", 21 collectives, 57 individuals. Also "Đảng ủy phường khen thưởng 5
tập thể, 40 cá nhân" (no form), "công nhận danh hiệu Lao động tiên tiến cho 186 cá nhân,
Chiến sĩ thi đua cơ sở cho 24 cá nhân" (one record per "cho"), the passive "3 tập thể được Chủ
tịch UBND tỉnh tặng Bằng khen", awards received without a count ("được UBND tỉnh tặng cờ thi
đua", "đón nhận Bằng khen của Thủ tướng Chính phủ"). Proposals ("đề nghị … khen thưởng cho 3
tập thể") are not awards: their numbers are taken so nothing else reads them.
"""

from __future__ import annotations

import re

from .lexicon import COLLECTIVE_NOUNS, CULTURE_TITLES, HOUSEHOLD_NOUNS, INDIVIDUAL_NOUNS
from .model import Fact, FactKind, Span
from .quantities import Quantity
from .sentence import SentenceWork

__all__ = ["award_facts", "category", "form_in", "trim_body"]

_VERB = re.compile(
    r"\b(?:trao\s+tặng|tặng\s+thưởng|trao\s+thưởng|tặng|trao|khen\s+thưởng|biểu\s+dương|"
    r"tuyên\s+dương|vinh\s+danh|công\s+nhận|đón\s+nhận)\b",
    re.IGNORECASE,
)
_PROPOSAL = re.compile(
    r"(?<!cơ sở )"
    r"\b(?:đề\s+nghị|trình|suy\s+tôn|xét\s+duyệt|đăng\s+ký|dự\s+kiến|phấn\s+đấu)\b"
    r"(?!\s+của\b)",  # "trên cơ sở đề nghị của Hội đồng": the basis of a decision, not a proposal
    re.IGNORECASE,
)
_FORM_HEAD = re.compile(
    r"(?P<form>giấy\s+khen|bằng\s+khen|cờ\s+thi\s+đua|huân\s+chương\s+[^,;.()]+?(?=\s+(?:cho|của|vì)\b|[,;.()]|$)"
    r"|huy\s+chương\s+[^,;.()]+?(?=\s+(?:cho|của|vì)\b|[,;.()]|$)|kỷ\s+niệm\s+chương\s+[^,;.()]+?"
    r"(?=\s+(?:cho|của|vì)\b|[,;.()]|$)|huy\s+hiệu(?:\s+\d+\s+năm\s+tuổi)?\s+đảng"
    r"|danh\s+hiệu\s+[\"“]?[^,;.()\"”]+?[\"”]?(?=\s+(?:cho|của|vì|trong)\b|[,;.()]|\s*$))",
    re.IGNORECASE,
)
# "đã trình cấp có thẩm quyền khen thưởng và khen thưởng theo thẩm quyền 312 lượt …": the
# unit's own awards follow the proposal.
_OWN_AWARD = re.compile(r"\bvà\s+(?:đã\s+)?(?:khen\s+thưởng|tặng|trao)\b", re.IGNORECASE)
_ORGAN_NAME = re.compile(r"Thi\s+đua\s*[-–,]\s*Khen\s+thưởng|thi\s+đua,\s+khen\s+thưởng", re.I)
_RECEIVE = re.compile(r"\bđón\s+nhận\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\bđược\b", re.IGNORECASE)
_CHO = re.compile(r"\bcho\b", re.IGNORECASE)
_AFTER_FORM = re.compile(r"^\s*(?:được\s+)?(?:nhận|đạt|được\s+tặng|được\s+trao)\s+", re.I)
_ADVERBS = re.compile(
    r"(?:\s+|^)(?:đã|cũng|vinh\s+dự|long\s+trọng|được|đồng\s+thời|và|đã\s+được|chính\s+thức)\s*$",
    re.IGNORECASE,
)
_BODY_LOWER = {
    "ủy",
    "uỷ",
    "bộ",
    "thường",
    "vụ",
    "chấp",
    "hành",
    "ban",
    "nhân",
    "dân",
    "chính",
    "quyền",
    "tịch",
    "trưởng",
    "đốc",
    "tướng",
    "phủ",
    "tỉnh",
    "phường",
    "xã",
    "đặc",
    "khu",
    "thành",
    "phố",
    "huyện",
    "thị",
    "trấn",
    "và",
    "thi",
    "đua",
    "khen",
    "thưởng",
    "việt",
    "nam",
    "tổ",
    "quốc",
    "lao",
    "động",
    "liên",
    "đoàn",
    "hội",
    "mặt",
    "trận",
    "tư",
    "lệnh",
    "phó",
    "nước",
    "-",
    "–",
    "ubnd",
    "hđnd",
}


def category(noun: str) -> str | None:
    noun = noun.lower()
    for category, nouns in (
        ("households", HOUSEHOLD_NOUNS),
        ("collectives", COLLECTIVE_NOUNS),
        ("individuals", INDIVIDUAL_NOUNS),
    ):
        if noun in nouns:
            return category
    return None


_BODY_START = re.compile(
    r"\b(?:Chủ tịch|Phó Chủ tịch|Trưởng ban|Thủ tướng|Bộ trưởng|Giám đốc|Ban Thường vụ|"
    r"Ban Thường trực|"
    r"Ban Chấp hành|Ban Thi đua|Thường trực|Đảng ủy|Đảng uỷ|Đảng bộ|UBND|Ủy ban|Uỷ ban|HĐND|"
    r"Hội đồng|Tỉnh ủy|Thành ủy|Chính phủ|Chủ tịch nước|Liên đoàn|Mặt trận|MTTQ|Bộ Tư lệnh|"
    r"Tư lệnh|Công an|Hội (?!nghị)[A-ZĐ]\w*|Sở|Bộ [A-ZĐ])"
)
_BODY_KEYWORD = re.compile(
    r"\b(?:UBND|Ủy|Uỷ|HĐND|Đảng|Ban|Trưởng ban|Chủ tịch|Thủ tướng|Bộ|Giám đốc|Chính phủ|Tỉnh|MTTQ|"
    r"Mặt trận|Liên đoàn|chính quyền|Sở|Công an|Hội|Trung ương|Quân|Tư lệnh)"
)


_BODY_STOP = re.compile(
    r"\s+(?:ban\s+hành|tổ\s+chức|đã|có|ký|vinh\s+dự|long\s+trọng|quyết\s+định|cũng|về|vì|tại)\b"
)


_PROPOSED_BY = re.compile(r"\bcủa\s*$", re.IGNORECASE)


def trim_body(words_text: str, backwards: bool) -> str:
    """The organ phrase ("Chủ tịch UBND phường", "Giám đốc Sở Giáo dục và Đào tạo") at the
    end (backwards=True: what is written before the verb) or the start of a text, or ""."""
    if backwards:
        match = _BODY_START.search(words_text)
        body = words_text[match.start() :] if match else ""
        if match and _PROPOSED_BY.search(words_text[: match.start()]) and ", " in body:
            # "trên cơ sở đề nghị của Hội đồng, Chủ tịch UBND phường", "Chỉ thị … của Bộ Chính
            # trị, Đảng ủy trao": the first organ belongs to "của", the giver is after the comma
            second = trim_body(body.split(", ", 1)[1], backwards=True)
            if second:
                return second
        body = re.split(r",\s*(?:đồng\s+chí|ông|bà)\s", body)[0]
    else:
        kept, previous_upper = [], False
        for word in words_text.split():
            clean = word.strip(',.;:"“”()')
            upper = bool(clean) and clean[0].isupper()
            if not clean or not (upper or previous_upper or clean.lower() in _BODY_LOWER):
                break
            kept.append(clean)
            previous_upper = upper
            if word != clean:
                break
        body = " ".join(kept)
    body = _BODY_STOP.split(" ".join(body.split()))[0].strip(" ,")
    body = re.sub(r"(?:\s+(?:và|-|–))+$", "", body)
    if not _BODY_KEYWORD.search(body) or body.lower().startswith("hội nghị"):
        return ""
    return body


def form_in(text: str) -> str:
    match = _FORM_HEAD.search(text)
    if match:
        return " ".join(match["form"].replace("“", "").replace("”", "").replace('"', "").split())
    title = text.strip(" ,;:-")
    if title[:1].isupper() and 1 < len(title.split()) <= 8 and not _VERB.search(title):
        return title
    return ""


def _is_award_clause(text: str) -> bool:
    for verb in _VERB.finditer(text):
        if not verb.group(0).lower().startswith("công"):
            return True
        rest = text[verb.end() :]
        if re.match(r"\s+(?:danh hiệu|cho)", rest) and not CULTURE_TITLES.search(rest):
            return True
    match = re.search(r"\b(?:đạt|nhận)\s+(?:danh hiệu|huy hiệu)", text, re.IGNORECASE)
    if match and _HOUSEHOLDS_REACHING.search(text[: match.start()]):
        return False  # "1.275 hộ đạt danh hiệu sản xuất, kinh doanh giỏi": a movement's result
    return bool(match) and not CULTURE_TITLES.search(text[match.end() :])


_HOUSEHOLDS_REACHING = re.compile(r"\bhộ(?:\s+gia\s+đình|\s+dân)?\s*(?:được\s+)?$", re.I)


def _items(work: SentenceWork, start: int, end: int) -> list[tuple[Quantity, str]]:
    found = []
    for quantity in work.free():
        if not start <= quantity.number.span.start < end or not quantity.readable:
            continue
        after = work.doc.text[quantity.end : end]
        mixed = quantity.base_unit in ("tập thể", "cá nhân") and re.match(
            r"\s*(?:,|và)\s*(?:tập thể|cá nhân)\b", after
        )
        if (quantity.base_unit == "lượt" and re.match(r"\s*(?:tập thể|cá nhân)", after)) or mixed:
            found.append((quantity, "total"))
        elif quantity.kind == "count" and (kind := category(quantity.base_unit)):
            found.append((quantity, kind))
    return found


def _groups(text: str, items: list[tuple[Quantity, str]]):
    """Items that belong to one award: a new group starts after a "cho" or a verb."""
    groups: list[list[tuple[Quantity, str]]] = []
    for item in items:
        if groups:
            gap = text[groups[-1][-1][0].end : item[0].start]
            taken = {category for _, category in groups[-1]}
            if not (_CHO.search(gap) or _VERB.search(gap) or item[1] in taken):
                groups[-1].append(item)
                continue
        groups.append([item])
    return groups


def _clauses(text: str, span: Span) -> list[Span]:
    clauses, start, depth = [], span.start, 0
    for index in range(span.start, span.end):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if text[index] == ";" and depth <= 0:
            clauses.append(Span(start, index))
            start = index + 1
    clauses.append(Span(start, span.end))
    return [_after_label(text, clause) for clause in clauses]


_LABEL = re.compile(r"[^:;\d]{3,60}:\s*")


def _after_label(text: str, clause: Span) -> Span:
    """ "Khen thưởng cấp tỉnh: Chủ tịch UBND tỉnh tặng …": the clause after its label (a
    heading of the bullet that names no body)."""
    label = _LABEL.match(text, clause.start, clause.end)
    if label is None or trim_body(label.group(0).rstrip(": "), backwards=True):
        return clause
    return Span(label.end(), clause.end)


def _fact(work: SentenceWork, start: int, group, body: str, form: str) -> Fact:
    end = group[-1][0].end if group else start
    fact = Fact(FactKind.AWARD_COUNT, Span(start, max(end, start)), work.span)
    fact.fields = {"body": body, "form": form}
    for key in ("collectives", "individuals", "households", "total"):
        fact.fields[key] = None
    for quantity, category in group:
        fact.fields[category] = quantity.amount
        fact.numbers.extend(quantity.refs())
    fact.subject = form or "khen thưởng"
    return fact


def _body_and_verb(text: str, clause: Span) -> tuple[str, int, int, str]:
    """(body, verb start, verb end, form said after the verb) of an award clause."""
    chunk = _masked(text[clause.start : clause.end])
    if receive := _RECEIVE.search(chunk):
        rest = chunk[receive.end() :]
        form_text, _, giver = rest.partition(" của ")
        start = clause.start + receive.start()
        return (
            trim_body(giver, backwards=False),
            start,
            clause.start + receive.end(),
            form_in(form_text),
        )
    verb = _VERB.search(chunk)
    if verb is None:
        return "", clause.start, clause.start, ""
    before = text[clause.start : clause.start + verb.start()]  # organ names unmasked
    after_verb = form_in(re.split(r"\bcho\b", chunk[verb.end() :], maxsplit=1)[0])
    passive = list(_PASSIVE.finditer(before))
    if passive:
        between = before[passive[-1].end() :]
        body = trim_body(between, backwards=False)
        if body or not between.strip():
            return body, clause.start + verb.start(), clause.start + verb.end(), after_verb
    stripped = before
    while (adverb := _ADVERBS.search(stripped)) and adverb.start() < len(stripped):
        stripped = stripped[: adverb.start()]
    body = trim_body(stripped, backwards=True)
    return body, clause.start + verb.start(), clause.start + verb.end(), after_verb


def _form_for(text: str, group, previous_end: int, verb_form: str, first: bool) -> tuple[str, bool]:
    """(form, said after the recipients: "3 đồng chí nhận Huy hiệu 60 năm tuổi Đảng")."""
    gap = text[previous_end : group[0][0].start]
    cho = list(_CHO.finditer(gap))
    if cho:
        form = form_in(gap[: cho[-1].start()])
        if form:
            return form, False
    after = text[group[-1][0].end : group[-1][0].end + 80]
    if match := _AFTER_FORM.match(after):
        form = form_in(after[match.end() :])
        if form:
            return form, not re.search(r"được\s+(?:tặng|trao)", match.group(0))
    return (verb_form if first else ""), False


def _masked(chunk: str) -> str:
    """The text with organ names that contain a verb ("Hội đồng Thi đua - Khen thưởng",
    "công tác thi đua, khen thưởng") blanked, so "khen thưởng" there is not read as a verb."""
    return _ORGAN_NAME.sub(lambda match: " " * len(match.group(0)), chunk)


def _giver_after(after_verb: str) -> str:
    """ "… được tặng Bằng khen của Chủ tịch UBND tỉnh": the body named after the form."""
    match = re.search(r"\bcủa\s+", after_verb)
    return trim_body(after_verb[match.end() :], backwards=False) if match else ""


def _passive_before(chunk: str, verb: re.Match | None) -> int | None:
    """Offset of "được" right before the award verb and its body ("được Chủ tịch UBND tỉnh
    tặng"), when the recipients come first."""
    if verb is None:
        return None
    found = list(_PASSIVE.finditer(chunk[: verb.start()]))
    if not found or len(chunk[found[-1].end() : verb.start()].split()) > 8:
        return None
    return found[-1].start()


def _clause_awards(work: SentenceWork, clause: Span, carried: str) -> tuple[list[Fact], str]:
    text = work.doc.text
    chunk = _masked(text[clause.start : clause.end])
    verb = _VERB.search(chunk)
    proposal = _PROPOSAL.search(chunk)
    own = proposal and _OWN_AWARD.search(chunk, proposal.end())
    if proposal and (verb is None or proposal.start() < verb.start()) and not own:
        for quantity, _ in _items(work, clause.start + proposal.start(), clause.end):
            work.claim(quantity)
        return [], carried
    items = _items(work, clause.start, clause.end)
    named_form = verb is not None and _FORM_HEAD.search(chunk[verb.end() :])
    if not items and not (_PASSIVE.search(chunk) or _RECEIVE.search(chunk) or named_form):
        return [], carried
    body, verb_start, verb_end, verb_form = _body_and_verb(text, clause)
    passive = _passive_before(chunk, verb)
    if passive is not None:
        body = body or _giver_after(chunk[verb.end() :])
        event = re.match(r"khen|biểu|tuyên|vinh", verb.group(0), re.IGNORECASE)
        if not body and not (event or _FORM_HEAD.match(chunk[verb.end() :].lstrip())):
            return [], carried  # "312 đảng viên được tặng Huy hiệu từ 30 năm …": who holds one
        items = [item for item in items if item[0].end <= clause.start + passive][-2:]
    body = body or carried
    facts, previous_end = [], verb_end
    for index, group in enumerate(_groups(text, items)):
        start = max(previous_end, clause.start) if group[0][0].start > verb_start else clause.start
        form, received = _form_for(text, group, start, verb_form, index == 0 or passive is not None)
        facts.append(
            _fact(work, min(verb_start, group[0][0].start), group, "" if received else body, form)
        )
        previous_end = group[-1][0].end
    if not items and verb_form:
        facts.append(_fact(work, verb_start, [], body, verb_form))
    if facts:
        work.claim_span(
            min(verb_start, *(q.start for q, _ in items)) if items else verb_start, clause.end
        )
    return facts, body or carried


_HEADING_LABEL = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*")


def _is_heading(sentence: str) -> bool:
    """A line in capitals with no figure after its label."""
    rest = _HEADING_LABEL.sub("", sentence, count=1)
    letters = [char for char in rest if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters) and not re.search(r"\d", rest)


def award_facts(work: SentenceWork) -> list[Fact]:
    """The commendations of a sentence (one fact per award)."""
    text = work.doc.text
    if work.in_plan_section or not _is_award_clause(_masked(work.text)):
        return []
    if _is_heading(work.text):
        return []  # "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN": a heading
    facts, carried = [], ""
    for clause in _clauses(text, work.span):
        chunk = _masked(text[clause.start : clause.end])
        if not _is_award_clause(chunk) and not (carried and _CHO.search(chunk)):
            continue
        found, carried = _clause_awards(work, clause, carried)
        facts.extend(found)
    return facts
