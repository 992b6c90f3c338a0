"""The conference (or working session) a text reports, and the documents it cites.

From the lead sentence ("Sáng ngày 09/01/2026, Đảng ủy, UBND phường Hòa Bình tổ chức hội nghị
tổng kết công tác năm 2025 …"): the kind, the date and part of day, the organisers. From any
sentence: the guests ("Dự hội nghị có đồng chí Trần Văn Minh, Phó Chủ tịch UBND tỉnh"), the
chair ("Đồng chí …, Bí thư Đảng ủy phường chủ trì hội nghị") and every numbered document
cited ("Kế hoạch số 12-KH/ĐU ngày 15/8/2025", "Nghị định 152/2025/NĐ-CP").
"""

from __future__ import annotations

import re

from .context import local_unit_at
from .lexicon import DOCUMENT_KINDS, alternation
from .model import Fact, FactKind, Span
from .sentence import SentenceWork

__all__ = ["ConferenceReader"]

_NUMBER = r"\d+(?:/\d{2,4})?(?:[-/][A-ZĐ][\wĐđ]*)+"
_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_KINDS = alternation(DOCUMENT_KINDS)
_DOCUMENT = re.compile(
    rf"\b(?P<kind>{_KINDS})(?:\s+(?P<title>[A-ZĐÀ-Ỹ][^;.\n]{{0,60}}?))?\s+(?:số\s*:?\s*)?"
    rf"(?P<number>{_NUMBER})(?:\s+ngày\s+(?P<date>{_DATE}))?"
)
_MEETING = re.compile(
    r"(?:tổ\s+chức|khai\s+mạc|diễn\s+ra|chủ\s+trì)\s+(?:(?:Hội|hội)\s+nghị|buổi\s+làm\s+việc)"
    r"|tổ\s+chức\s+(?:lễ|Lễ)\b[^.;]{0,120}?\bvà\s+(?:tổng|sơ)\s+kết\b"
    r"|\bdự\s+(?:và\s+(?:phát\s+biểu\s+)?chỉ\s+đạo\s+)?(?:Hội|hội)\s+nghị\s+(?:tổng|sơ)\s+kết"
    r"|tổ\s+chức\s+(?:thành\s+công\s+)?(?:Đại|đại)\s+hội\b"
    r"|\bhọp\s+(?:nghe|bàn|cho\s+ý\s+kiến|thông\s+qua)\b"
    r"|\blàm\s+việc\s+với\b",
)
# "Kế hoạch … về làm việc với các chi bộ": what a plan is about, not the meeting reported.
_PURPOSE = re.compile(r"(?:về|về\s+việc|để)\s+$")
_KIND_RULES = (
    (re.compile(r"đại\s+hội\s+thi\s+đua", re.I), "emulation_review"),  # "Đại hội Thi đua yêu nước"
    (
        re.compile(r"tổng\s+kết\s+(?:công\s+tác\s+)?(?:phong\s+trào\s+)?thi\s+đua", re.I),
        "emulation_review",
    ),
    (re.compile(r"(?:tổng|sơ)\s+kết\s+\d+\s+năm", re.I), "other"),  # "tổng kết 25 năm …"
    (re.compile(r"sơ\s+kết", re.I), "half_year_review"),
    (re.compile(r"tổng\s+kết", re.I), "year_review"),
    (re.compile(r"buổi\s+làm\s+việc|^làm\s+việc\s+với", re.I), "working_session"),
)
_WHEN = re.compile(
    r"(?:^|[;,.)–-]\s*)(?P<part>Sáng|Chiều|Tối|Trưa|sáng|chiều|tối|trưa)?\s*(?:ngày|Ngày|hôm|Hôm)?\s*"
    r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>\d{4}))?(?![\d/])"
)
_ORGANISERS = re.compile(
    r"[\s,]*(?:tại\s+[^,]+,\s*)?(?P<who>[^,].*?)\s+(?:long\s+trọng\s+|đã\s+|phối\s+hợp\s+)?"
    r"tổ\s+chức\s+(?:(?:Hội|hội)\s+nghị|lễ|Lễ|(?:Đại|đại)\s+hội)"
)
_GUESTS = re.compile(
    r"(?:^|;\s*)(?:Về\s+|Tới\s+|Đến\s+|Cùng\s+|Tham\s+)?dự\s+(?:và\s+chỉ\s+đạo\s+)?(?:hội\s+nghị\s+|"
    r"buổi\s+làm\s+việc\s+|đại\s+hội\s+|buổi\s+lễ\s+|lễ\s+)?(?:còn\s+)?có(?:\s*:|\s+)"
    r"(?:các\s+đồng\s+chí\s*:?\s*)?",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(
    r"^(?:các\s+)?(?:đồng\s+chí|đ/c|ông|bà|TS\.|ThS\.|PGS\.\s*TS\.|GS\.\s*TS\.|GS\.|PGS\.|BS\.|"
    r"Đại\s+tá|Thượng\s+tá|Trung\s+tá|Thiếu\s+tá|Thiếu\s+tướng)\s*",
    re.IGNORECASE,
)
_PERSON_SPLIT = re.compile(
    r";\s*|,\s*(?=(?:đồng\s+chí|ông|bà)\s)|\s+và\s+(?=(?:đồng\s+chí|ông|bà)\s)"
)
_TITLE_END = re.compile(
    r"\s+(?:cùng|và\s+đại\s+diện|và\s+lãnh\s+đạo|đồng\s+chủ\s+trì|chủ\s+trì)\b.*$"
)
_CHAIR = re.compile(r"(?:đồng\s+)?chủ\s+trì")
# "đồng chí Mạc Đình Hùng, Chủ tịch UBND xã đã có buổi làm việc với …": who leads it.
_LED = re.compile(
    r"(?:đồng\s+chí|ông|bà)\s+[A-ZĐ][^,;.]{3,40},\s+[^;.]{3,120}?(?=\s+(?:đã\s+)?có\s+buổi\s+"
    r"làm\s+việc\s+với)"
)
# "đồng chí Lò Văn Sính, Phó Chủ tịch UBND tỉnh dự và phát biểu chỉ đạo hội nghị …": a guest.
_ATTENDED = re.compile(
    r"(?:đồng\s+chí|ông|bà)\s+[A-ZĐ][^,;.]{3,40},\s+[^;.]{3,120}?(?=\s+(?:đã\s+)?(?:về\s+)?dự\s+"
    r"(?:và\s+(?:phát\s+biểu\s+)?chỉ\s+đạo\s+)?(?:Hội|hội)\s+nghị)"
)
_NAMED = re.compile(
    r"(?:đồng\s+chí|ông|bà)\s+(?:[A-ZĐ]\w*\s+){1,4}[A-ZĐ]\w*,\s+[^;.]+?"
    r"(?=\s+(?:làm|chủ\s+trì|đồng\s+chủ\s+trì|cùng|và|đã|phát\s+biểu)\b|[;.]|$)",
)


def _iso(day: str, month: str, year: str | None) -> str:
    if year:
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    return f"--{int(month):02d}-{int(day):02d}"


def _written_date(text: str | None) -> str | None:
    if not text:
        return None
    parts = re.findall(r"\d+", text)
    return _iso(parts[0], parts[1], parts[2]) if len(parts) == 3 else None


def _person(chunk: str) -> tuple[str, str] | None:
    """("Trần Văn Minh", "Phó Chủ tịch UBND tỉnh") from "đồng chí Trần Văn Minh, Phó Chủ tịch …"."""
    chunk = _HONORIFIC.sub("", chunk.strip(" :;.-–"), count=1)
    name, _, title = chunk.partition(",")
    words = name.split()
    if not 2 <= len(words) <= 5 or not all(word[:1].isupper() for word in words):
        return None
    title = _TITLE_END.sub("", title.strip(" ,;.")).strip(" ,;.")
    return " ".join(words), " ".join(title.split())


def _meeting_and_when(text: str) -> tuple[re.Match, re.Match | None]:
    """The meeting a lead sentence reports and the date said before it in the same clause
    ("Thực hiện Kế hoạch … về làm việc với các chi bộ; sáng ngày 11/3/2025, đồng chí … chủ
    trì buổi làm việc …": the second mention, dated, is the meeting)."""
    meetings = [m for m in _MEETING.finditer(text) if not _PURPOSE.search(text[: m.start()])]
    meetings = meetings or list(_MEETING.finditer(text))
    for meeting in meetings:
        clause_start = text.rfind(";", 0, meeting.start())
        dates = [m for m in _WHEN.finditer(text) if clause_start <= m.start() < meeting.start()]
        if dates:
            return meeting, dates[0]
    return meetings[0], None


class ConferenceReader:
    """Reads a document's conference facts; the lead is the first meeting sentence."""

    def __init__(self) -> None:
        self.lead_seen = False
        self.undated: Fact | None = None
        self.people: set[tuple[str, str]] = set()
        self.documents: set[str] = set()
        self.titles: dict[str, str] = {}
        self.listing = False

    def __call__(self, work: SentenceWork) -> list[Fact]:
        facts = self._documents(work)
        text = work.text
        self._remember_titles(text)
        if not self.lead_seen and _MEETING.search(text):
            lead = self._lead(work)
            if any(fact.subject == "date" for fact in lead):
                self.lead_seen = True
                facts += lead
            elif self.undated is None:
                self.undated = lead[0]
        if _GUESTS.search(text):
            facts += self._people(work, "guest", _GUESTS.search(text).end(), len(text))
        if attended := _ATTENDED.search(text):
            facts += self._people(work, "guest", attended.start(), attended.end())
        if led := _LED.search(text):
            facts += self._people(work, "chair", led.start(), led.end())
        facts += self._listed(work)
        if _CHAIR.search(text) and re.search(r"(?:đồng\s+chí|ông|bà)\s+[A-ZĐ]", text, re.I):
            facts += self._chairs(work)
        return facts

    def _listed(self, work: SentenceWork) -> list[Fact]:
        """ "Tham dự hội nghị có:" and the guests on the bullets below it."""
        text = work.text
        if self.listing and work.line.level == 4:
            return self._people(work, "guest", 0, len(text))
        guests = _GUESTS.search(text)
        self.listing = bool(guests) and not text[guests.end() :].strip(" :")
        return []

    def finish(self) -> list[Fact]:
        """The kind of meeting when no sentence said when it was held."""
        if self.lead_seen or self.undated is None:
            return []
        return [self.undated]

    def _owner(self, work: SentenceWork, meeting: re.Match, organisers: str) -> None:
        """A document about a subordinate unit ("Chi bộ Khu dân cư số 2 … tổ chức hội nghị",
        "buổi làm việc với thôn Phú Xuân") gives that unit the figures it does not attribute."""
        text, base = work.text, work.span.start
        position = None
        if organisers:
            position = base + text.find(organisers)
        else:
            after = re.compile(r"làm\s+việc\s+với\s+").search(text, meeting.start())
            position = base + after.end() if after else None
        if position is not None and work.doc.owner is None:
            work.doc.owner = local_unit_at(work.doc, position, work.span.end)

    def _fact(self, work: SentenceWork, start: int, end: int, **fields) -> Fact:
        fact = Fact(FactKind.CONFERENCE, Span(start, end), work.span)
        fact.subject, fact.fields = fields["field"], fields
        return fact

    def _documents(self, work: SentenceWork) -> list[Fact]:
        facts, base = [], work.span.start
        for match in _DOCUMENT.finditer(work.text):
            if match["title"] and re.search(_KINDS, match["title"]):
                continue
            number = match["number"]
            work.claim_span(base + match.start(), base + match.end())
            if number in self.documents:
                continue
            self.documents.add(number)
            date = _written_date(match["date"])
            fact = self._fact(
                work,
                base + match.start(),
                base + match.end(),
                field="document",
                number=number,
                doc_kind=match["kind"],
                date=date,
            )
            facts.append(fact)
        return facts

    def _lead(self, work: SentenceWork) -> list[Fact]:
        text, base, facts = work.text, work.span.start, []
        meeting, when = _meeting_and_when(text)
        tail = text[meeting.start() :]
        kind = next((kind for rule, kind in _KIND_RULES if rule.search(tail)), "other")
        facts.append(
            self._fact(work, base + meeting.start(), base + meeting.end(), field="kind", value=kind)
        )
        if when is not None:
            start, end = base + when.start("d"), base + when.end()
            date = _iso(when["d"], when["m"], when["y"])
            facts.append(self._fact(work, start, end, field="date", value=date))
            if when["part"]:
                part = when["part"].capitalize()
                facts.append(
                    self._fact(
                        work, base + when.start("part"), start, field="part_of_day", value=part
                    )
                )
        organisers = _ORGANISERS.match(text, when.end() if when else 0)
        who = ""
        if organisers and "tổ chức" in text[meeting.start() : meeting.end()]:
            who = re.split(r"\s+(?:gồm|cùng)\s+", organisers["who"])[0].strip(" ,")
            who = re.sub(r"\s*\([^()]*\)", "", who)  # "Chi bộ thôn Phú Mỹ (Đảng bộ xã …)"
            if who and who[0].isupper() and len(who.split()) <= 24:
                start = base + organisers.start("who")
                facts.append(
                    self._fact(work, start, start + len(who), field="organisers", value=who)
                )
            else:
                who = ""
        if when is not None:
            self._owner(work, meeting, who)
        return facts

    def _remember_titles(self, text: str) -> None:
        """ "do đồng chí Hà Thị Vân, Phó Bí thư Thường trực Đảng ủy làm trưởng đoàn": a title said
        once is used where the same person is named again without it."""
        for match in _NAMED.finditer(text):
            found = _person(match.group(0))
            if found and found[1]:
                self.titles.setdefault(found[0], found[1])

    def _people(self, work: SentenceWork, role: str, start: int, end: int) -> list[Fact]:
        facts, base = [], work.span.start
        listing = work.text[start:end]
        offset = start
        for chunk in _PERSON_SPLIT.split(listing):
            found = _person(chunk)
            position = work.text.find(chunk, offset)
            offset = max(offset, position)
            if found is None or (role, found[0]) in self.people:
                continue
            if not found[1]:
                found = (found[0], self.titles.get(found[0], ""))
            self.people.add((role, found[0]))
            where = base + max(position, start)
            facts.append(
                self._fact(
                    work, where, where + len(chunk), field=role, name=found[0], title=found[1]
                )
            )
        return facts

    def _chairs(self, work: SentenceWork) -> list[Fact]:
        text = work.text
        chair = _CHAIR.search(text)
        clause_start = text.rfind(";", 0, chair.start()) + 1
        before = text[clause_start : chair.start()]
        mention = re.search(r"(?:[Đđ]ồng\s+chí|[Ôô]ng|[Bb]à)\s+[A-ZĐ]", before)
        if mention:
            return self._people(work, "chair", clause_start + mention.start(), chair.start())
        after = re.search(r"(?:có|là)\s+(?=(?:đồng\s+chí|ông|bà)\s)", text[chair.end() :], re.I)
        if after:
            return self._people(work, "chair", chair.end() + after.end(), len(text))
        return []
