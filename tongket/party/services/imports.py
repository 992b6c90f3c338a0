"""Members from the office's .xlsx list: all or nothing, every bad row named."""

from __future__ import annotations

from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib.text import fold
from tongket.units.choices import Action, Gender, UnitKind
from tongket.units.models import Unit, User
from tongket.units.uploads import read_import

from ..choices import Education
from ..columns import MEMBER_COLUMNS
from ..models import PartyMember
from .common import check_commune, require
from .members import check_member_dates, member_create

GENDERS = {fold(label): value for value, label in Gender.choices}
EDUCATIONS = {fold(label): value for value, label in Education.choices}


def _cell_names(commune: Unit) -> dict[str, Unit]:
    """A commune's chi bộ by folded name, with and without the words "chi bộ"."""
    names: dict[str, Unit] = {}
    for cell in Unit.objects.filter(parent=commune, kind=UnitKind.PARTY_CELL):
        folded = fold(cell.name)
        names[folded] = cell
        names.setdefault(folded.removeprefix("chi bo "), cell)
    return names


def _row_problems(
    row: dict,
    commune: Unit,
    cells: dict[str, Unit],
    seen_cards: dict[str, int],
    existing_cards: set[str],
) -> list[str]:
    problems: list[str] = []
    if fold(row["cell"]) not in cells:
        problems.append(_("không có chi bộ “%(cell)s” trong Đảng bộ") % {"cell": row["cell"]})
    if row["gender"] and fold(row["gender"]) not in GENDERS:
        problems.append(_("giới tính “%(g)s” không rõ (Nam, Nữ)") % {"g": row["gender"]})
    if row["education"] and fold(row["education"]) not in EDUCATIONS:
        problems.append(_("trình độ học vấn “%(e)s” không rõ") % {"e": row["education"]})
    card = row["card_number"].strip()
    if card:
        if card in seen_cards:
            problems.append(
                _("số thẻ %(card)s trùng với dòng %(row)s")
                % {"card": card, "row": seen_cards[card]}
            )
        elif card in existing_cards:
            problems.append(_("số thẻ %(card)s đã có trong danh sách") % {"card": card})
        seen_cards.setdefault(card, row["_row"])
    if row["full_on"] and row["full_on"] < row["admitted_on"]:
        problems.append(_("ngày vào Đảng sau ngày chính thức"))
    else:
        try:
            check_member_dates(
                commune=commune,
                birth_date=row["birth_date"],
                admitted_on=row["admitted_on"],
                full_on=row["full_on"],
                joined_on=row["joined_on"],
            )
        except ValidationError as exc:
            problems.extend(message[:1].lower() + message[1:] for message in exc.messages)
    return problems


def _checked_rows(commune: Unit, data: bytes | IO[bytes]) -> tuple[list[dict], dict[str, Unit]]:
    """Read the sheet and check every row against the commune's chi bộ and the members
    already listed: the rows and the chi bộ by name, or a ValidationError naming every
    problem by row. Reads only: it runs before the write transaction."""
    table = read_import(data, MEMBER_COLUMNS)
    errors = [str(error) for error in table.errors]
    cells = _cell_names(commune)
    cards = [row["card_number"].strip() for row in table.rows if row["card_number"].strip()]
    existing = set(
        PartyMember.objects.filter(card_number__in=cards).values_list("card_number", flat=True)
    )
    seen_cards: dict[str, int] = {}
    for row in table.rows:
        for problem in _row_problems(row, commune, cells, seen_cards, existing):
            errors.append(
                _("Dòng %(row)s: %(problem)s.")
                % {"row": row["_row"], "problem": problem.rstrip(".")}
            )
    if not errors and not table.rows:
        errors.append(_("Tệp không có dòng đảng viên nào."))
    if errors:
        raise ValidationError(errors)
    return table.rows, cells


def members_import_xlsx(*, commune: Unit, data: bytes | IO[bytes], by: User) -> int:
    """Add every member of the sheet, or none: a file with any bad row (unknown chi bộ,
    admitted after made full, duplicate card number, age out of range …) is refused with
    every problem listed by row. The sheet is read and checked first; the members are then
    written in one transaction."""
    check_commune(commune)
    require(by, Action.EDIT, commune)
    rows, cells = _checked_rows(commune, data)
    with transaction.atomic():
        for row in rows:
            _member_from_row(commune, cells, row, by)
    return len(rows)


def _member_from_row(commune: Unit, cells: dict[str, Unit], row: dict, by: User) -> None:
    try:
        member_create(
            commune=commune,
            cell=cells[fold(row["cell"])],
            full_name=row["full_name"],
            birth_date=row["birth_date"],
            gender=GENDERS.get(fold(row["gender"]), ""),
            admitted_on=row["admitted_on"],
            full_on=row["full_on"],
            joined_on=row["joined_on"],
            card_number=row["card_number"],
            education=EDUCATIONS.get(fold(row["education"])),
            badge_before=row["badge_before"],
            by=by,
        )
    except ValidationError as exc:
        raise ValidationError(
            [
                _("Dòng %(row)s: %(problem)s") % {"row": row["_row"], "problem": message}
                for message in exc.messages
            ]
        ) from None
