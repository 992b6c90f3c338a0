"""What a document needs before it can be signed and sent: the issuing body's heading, the
number from its book, the signer holding the position on the signing date, and its Nơi nhận.
A document missing any of them is not made: NotReady names each missing part in Vietnamese
with a link to where it is filled in, never a file with "—" or an empty "Số:".

Signers are read from positions (units.Position.role) held on the signing date, never from
titles as text:
- a collective's state document: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", or with a Phó Chủ tịch
  signing "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (NĐ 30/2020, Điều 13);
- what the Chủ tịch decides in person (his giấy khen): "CHỦ TỊCH" alone, or "KT. CHỦ TỊCH /
  PHÓ CHỦ TỊCH";
- a Đảng ủy document: "T/M ĐẢNG ỦY / BÍ THƯ" or "T/M ĐẢNG ỦY / PHÓ BÍ THƯ" (HD 36-HD/VPTW).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.urls import reverse

from tongket.lib.dates import format_date
from tongket.units.choices import COMMUNE_KINDS, Body, PositionRole, UnitKind
from tongket.units.models import Person, Unit
from tongket.units.selectors import holders_on

from . import office


@dataclass(frozen=True)
class Missing:
    """One part a document lacks: what, in a Vietnamese sentence, and where to fill it."""

    what: str
    url: str
    link_text: str

    def as_dict(self) -> dict:
        return {"what": self.what, "url": self.url, "link_text": self.link_text}


class NotReady(Exception):
    """A document was asked for before its required parts exist."""

    def __init__(self, document: str, missing: list[Missing]) -> None:
        self.document = document
        self.missing = missing
        super().__init__(f"{document}: " + " ".join(item.what for item in missing))

    @property
    def message(self) -> str:
        return f"Chưa tạo được {self.document} vì còn thiếu: " + "; ".join(
            item.what.rstrip(".") for item in self.missing
        )


@dataclass
class Issue:
    """Everything around a document's text: heading, number line, place, date, signature
    and recipients. Built by the functions below; `missing` lists what could not be."""

    layout: str
    agency: office.Agency | None = None
    number_line: str = ""
    place: str = ""
    on: datetime.date | None = None
    signature: office.Signature | None = None
    recipients: list[str] = field(default_factory=list)
    grounds: list = field(default_factory=list)
    signatures: list[office.Signature] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)

    def ready(self, document: str) -> Issue:
        if self.missing:
            raise NotReady(document, self.missing)
        return self


# Room for a line in a header's left cell (A4 text width 165 mm, less the cell's margins).
STATE_HEADER_WIDTH_MM = (210 - 30 - 15) * 0.42 - 4
PARTY_HEADER_WIDTH_MM = (210 - 30 - 15) * 0.45 - 4

# Names ----------------------------------------------------------------------------------------


def kind_word(unit: Unit) -> str:
    """ "phường", "xã", "đặc khu"; "tỉnh" or "thành phố" for a province."""
    if unit.kind in COMMUNE_KINDS:
        return str(UnitKind(unit.kind).label).lower()
    if unit.name.lower().startswith("thành phố"):
        return "thành phố"
    return "tỉnh"


def bare_name(unit: Unit) -> str:
    """ "Hòa Bình" from "Phường Hòa Bình"."""
    word = kind_word(unit)
    if unit.name.lower().startswith(word + " "):
        return unit.name[len(word) + 1 :]
    return unit.name


def place_upper(unit: Unit) -> str:
    """ "PHƯỜNG HÒA BÌNH", as a heading prints the unit."""
    return f"{kind_word(unit)} {bare_name(unit)}".upper()


def state_agency(unit: Unit) -> office.Agency:
    """A UBND's heading under NĐ 30/2020: the Ủy ban nhân dân is the issuing body itself and
    has no "cơ quan chủ quản trực tiếp" above it, so the heading is its own name on two
    lines, the place name on the second, kept whole: "ỦY BAN NHÂN DÂN / PHƯỜNG HÒA BÌNH"."""
    return office.Agency(parent=(), body=("ỦY BAN NHÂN DÂN", place_upper(unit)))


def council_agency(commune: Unit) -> office.Agency:
    """The emulation council's heading: the UBND it belongs to above (abbreviated, as NĐ 30
    allows for the body above), the council below."""
    body = office.fit_lines(
        "HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG", width_mm=STATE_HEADER_WIDTH_MM, size=13, bold=True
    )
    return office.Agency(parent=(f"UBND {place_upper(commune)}",), body=tuple(body))


def party_agency(unit: Unit, width_mm: float) -> office.Agency:
    """A Đảng ủy's heading under HD 36-HD/VPTW: the party organisation above it (ĐẢNG BỘ TỈNH
    AN HÒA) and the committee, on one line when it fits the header, else the place name on a
    line of its own (never split)."""
    parent = unit.parent
    above = (f"ĐẢNG BỘ {place_upper(parent)}",) if parent is not None else ()
    body = office.fit_lines("ĐẢNG ỦY", place_upper(unit), width_mm=width_mm, size=14, bold=True)
    return office.Agency(parent=above, body=tuple(body))


def place_of(unit: Unit) -> str:
    """The place line's name: "Hòa Bình" for Phường Hòa Bình (RULES.md, Document layout)."""
    return bare_name(unit)


# Signers --------------------------------------------------------------------------------------

ROLES = {
    Body.PEOPLES_COMMITTEE: (PositionRole.COMMITTEE_CHAIR, PositionRole.COMMITTEE_VICE_CHAIR),
    Body.PARTY_COMMITTEE: (PositionRole.PARTY_SECRETARY, PositionRole.PARTY_DEPUTY_SECRETARY),
}
HEAD_NAMES = {Body.PEOPLES_COMMITTEE: "Chủ tịch UBND", Body.PARTY_COMMITTEE: "Bí thư Đảng ủy"}
DEPUTY_NAMES = {
    Body.PEOPLES_COMMITTEE: "Phó Chủ tịch UBND",
    Body.PARTY_COMMITTEE: "Phó Bí thư Đảng ủy",
}


def authority_lines(body: str, role: str, *, collective: bool = True) -> tuple[str, ...]:
    """The lines above the signature for a body and the signer's role."""
    if body == Body.PARTY_COMMITTEE:
        deputy = role == PositionRole.PARTY_DEPUTY_SECRETARY
        return ("T/M ĐẢNG ỦY", "PHÓ BÍ THƯ" if deputy else "BÍ THƯ")
    deputy = role == PositionRole.COMMITTEE_VICE_CHAIR
    own = ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") if deputy else ("CHỦ TỊCH",)
    return ("TM. ỦY BAN NHÂN DÂN", *own) if collective else own


def people_url(unit: Unit) -> str:
    return reverse("units:people") + f"?unit={unit.pk}"


def signer_on(
    unit: Unit,
    body: str,
    on: datetime.date,
    chosen: Person | None = None,
    *,
    collective: bool = True,
) -> office.Signature | Missing:
    """The signature of a body's document signed on a date: the chosen person when they hold
    the head's or a deputy's position then, else the head holding it then."""
    head_role, deputy_role = ROLES[body]
    held = holders_on(unit, [head_role, deputy_role], on)
    where = f"{kind_word(unit)} {bare_name(unit)}"
    if chosen is not None:
        position = next((p for p in held if p.person_id == chosen.pk), None)
        if position is None:
            return Missing(
                f"Đồng chí {chosen.full_name} không giữ chức {HEAD_NAMES[body]} hay "
                f"{DEPUTY_NAMES[body]} {where} vào ngày {format_date(on)}, nên không ký "
                "được văn bản này.",
                people_url(unit),
                "Xem chức vụ của cán bộ",
            )
    else:
        position = next((p for p in held if p.role == head_role), None)
        if position is None:
            return Missing(
                f"Chưa có ai giữ chức {HEAD_NAMES[body]} {where} vào ngày {format_date(on)} "
                f"(người ký văn bản); hãy ghi chức vụ, hoặc chọn {DEPUTY_NAMES[body]} ký.",
                people_url(unit),
                "Ghi chức vụ",
            )
    return office.Signature(
        authority=authority_lines(body, position.role, collective=collective),
        name=position.person.full_name,
    )
