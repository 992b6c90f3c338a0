"""What every petitions document shares: the issuing body's heading, the place line, the
signature over the person holding the signing position on the date (RULES.md, Signature
authority), and a few Vietnamese wordings."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from tongket.petitions.services import SIGNER_ROLES
from tongket.units.choices import Body, PositionRole, UnitKind
from tongket.units.models import Person, Unit
from tongket.units.selectors import holders_on

from .. import office

COMMUNE_WORDS = {UnitKind.XA: "xã", UnitKind.PHUONG: "phường", UnitKind.DAC_KHU: "đặc khu"}


def lower_first(text: str) -> str:
    """ "Phường Hòa Bình" → "phường Hòa Bình"; acronyms ("UBND") stay."""
    if not text or (len(text) > 1 and text[1].isupper()):
        return text
    return text[0].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def place_name(commune: Unit) -> str:
    """ "Phường Hòa Bình" → "Hòa Bình", as the place line writes it."""
    word = COMMUNE_WORDS.get(commune.kind, "")
    if word and commune.name.lower().startswith(word + " "):
        return commune.name[len(word) + 1 :]
    return commune.name


def short_date(day: datetime.date) -> str:
    """ "15/8/2025", as a document cites another's date."""
    return f"{day.day}/{day.month}/{day.year}"


@dataclass
class Heading:
    """Who issues: the layout, the header lines and how the text names the issuer."""

    layout: str
    parent_body: str
    body: str
    place: str
    issuer: str
    commune_word: str
    commune_name: str

    @property
    def issuer_full(self) -> str:
        """ "Ban Thường vụ Đảng ủy phường Hòa Bình", "Ủy ban nhân dân phường Hòa Bình"."""
        return f"{self.issuer.rsplit(' ', 1)[0]} {self.commune_name}"

    @property
    def is_party(self) -> bool:
        return self.layout == "party"


def heading(commune: Unit, body: str) -> Heading:
    province = (
        commune.parent if commune.parent and commune.parent.kind == UnitKind.PROVINCE else None
    )
    word = COMMUNE_WORDS.get(commune.kind, "xã")
    name = lower_first(commune.name)
    if body in (Body.PARTY_COMMITTEE, Body.PARTY_CELL):
        return Heading(
            layout="party",
            parent_body=f"Đảng bộ {lower_first(province.name)}" if province else "",
            body=f"Đảng ủy {name}",
            place=place_name(commune),
            issuer=f"Ban Thường vụ Đảng ủy {word}",
            commune_word=word,
            commune_name=name,
        )
    return Heading(
        layout="state",
        parent_body=f"UBND {lower_first(province.name)}" if province else "",
        body=f"Ủy ban nhân dân {name}",
        place=place_name(commune),
        issuer=f"Ủy ban nhân dân {word}",
        commune_word=word,
        commune_name=name,
    )


def add_header(doc, head: Heading, number: str, on: datetime.date) -> None:
    header = office.add_party_header if head.is_party else office.add_state_header
    if head.is_party:
        agency = office.Agency(parent=(head.parent_body.upper(),), body=(head.body.upper(),))
    else:  # NĐ 30/2020: a UBND has no body above it in its heading
        agency = office.Agency(parent=(), body=("ỦY BAN NHÂN DÂN", head.commune_name.upper()))
    header(
        doc,
        agency=agency,
        number_line=f"Số {number}" if head.is_party else f"Số: {number}",
        place=head.place,
        on=on,
    )


@dataclass
class Signature:
    on_behalf: str
    title: str
    name: str


def signature(body: str, commune: Unit, on: datetime.date, signer: Person | None) -> Signature:
    """The closing block over whoever holds the signing position on the date: the chosen
    signer if they hold one, else the first holder (the Bí thư, the Chủ tịch)."""
    held = holders_on(commune, SIGNER_ROLES[body], on)
    position = next((p for p in held if signer and p.person_id == signer.pk), None)
    position = position or (held[0] if held else None)
    role = position.role if position else None
    name = position.person.full_name if position else (signer.full_name if signer else "")
    if body in (Body.PARTY_COMMITTEE, Body.PARTY_CELL):
        title = "PHÓ BÍ THƯ" if role == PositionRole.PARTY_DEPUTY_SECRETARY else "BÍ THƯ"
        return Signature("T/M ĐẢNG ỦY", title, name)
    if role == PositionRole.COMMITTEE_VICE_CHAIR:
        return Signature("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name)
    return Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name)


def add_signature(doc, sign: Signature, recipients: list[str]) -> None:
    office.add_signature(
        doc,
        signature=office.Signature(
            authority=tuple(line for line in (sign.on_behalf, sign.title) if line), name=sign.name
        ),
        recipients=recipients,
        layout="party" if sign.on_behalf.startswith("T/M") else "state",
    )


def add_items(doc, items: list[str]) -> None:
    for item in items:
        office.add_paragraph(doc, f"- {item.rstrip(';.')}.")


def subject_text(subject: str) -> str:
    """A plan's subject as cited after "về" ("làm việc với …"), whatever way it was typed."""
    text = subject.strip()
    if text.lower().startswith("về "):
        text = text[3:]
    return lower_first(text)
