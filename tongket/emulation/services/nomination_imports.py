"""Nominations imported from a spreadsheet: the sheet is read and its people and award kinds
matched first (reads only), then every nomination is created in one transaction, all or
nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib.text import fold
from tongket.lib.xlsx import Column
from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Person, Unit, User
from tongket.units.uploads import read_import

from ..choices import Recipient
from ..models import AwardKind, Nomination
from .nominations import nomination_create

IMPORT_COLUMNS = [
    Column("full_name", "Họ và tên", max_length=120),
    Column("unit", "Mã đơn vị", required=False, max_length=32),
    Column("award_kind", "Danh hiệu, hình thức", max_length=200),
    Column("achievement", "Tóm tắt thành tích", max_length=5000),
]


@dataclass
class _Wanted:
    line: int
    person: Person
    kind: AwardKind
    achievement: str


def _match(unit: Unit, row: dict, people: dict, kinds: list[AwardKind]) -> _Wanted | str:
    """The row's person and award kind, or what is wrong with it."""
    where = _("Dòng %(row)s") % {"row": row["_row"]}
    candidates = people.get(fold(row["full_name"]), [])
    if row["unit"]:
        candidates = [p for p in candidates if p.unit.code == row["unit"].strip()]
    if not candidates:
        return _("%(where)s: không tìm thấy “%(name)s” trong %(unit)s.") % {
            "where": where,
            "name": row["full_name"],
            "unit": unit.name,
        }
    if len(candidates) > 1:
        return _("%(where)s: có %(n)s người tên “%(name)s”; hãy ghi mã đơn vị.") % {
            "where": where,
            "n": len(candidates),
            "name": row["full_name"],
        }
    wanted = fold(row["award_kind"])
    kind = next((k for k in kinds if k.code == row["award_kind"].strip()), None) or next(
        (k for k in kinds if fold(k.name) == wanted), None
    )
    if kind is None:
        return _("%(where)s: không có danh hiệu, hình thức “%(kind)s”.") % {
            "where": where,
            "kind": row["award_kind"],
        }
    return _Wanted(row["_row"], candidates[0], kind, row["achievement"])


def _matched_rows(unit: Unit, data: bytes | IO[bytes]) -> tuple[list[_Wanted], list[str]]:
    """Read the sheet and match every row; reads only, before the write transaction."""
    table = read_import(data, IMPORT_COLUMNS)
    errors = [str(error) for error in table.errors]
    people: dict[str, list[Person]] = {}
    for person in Person.objects.filter(unit__path__startswith=unit.path).select_related("unit"):
        people.setdefault(person.name_folded, []).append(person)
    kinds = list(AwardKind.objects.all())
    wanted: list[_Wanted] = []
    for row in table.rows:
        found = _match(unit, row, people, kinds)
        if isinstance(found, str):
            errors.append(found)
        else:
            wanted.append(found)
    if not table.rows and not errors:
        errors.append(_("Tệp không có dòng nào."))
    return wanted, errors


def _create_all(
    unit: Unit, year: int, wanted: list[_Wanted], by: User, submit: bool
) -> tuple[list[Nomination], list[str]]:
    """Create each nomination (a savepoint each, so every refusal is collected); a rule the
    rulebook lacks for the year stops every row alike and is said once with its rows."""
    created: list[Nomination] = []
    errors: list[str] = []
    missing: dict[str, list[int]] = {}
    for item in wanted:
        try:
            with transaction.atomic():
                created.append(
                    nomination_create(
                        unit=unit,
                        year=year,
                        award_kind=item.kind,
                        recipient=Recipient.INDIVIDUAL,
                        person=item.person,
                        achievement=item.achievement,
                        by=by,
                        submit=submit,
                    )
                )
        except ValidationError as exc:
            listed = getattr(exc, "error_list", None) or [ValidationError(m) for m in exc.messages]
            for error in listed:
                message = " ".join(error.messages)
                if error.code == "missing_rule":
                    missing.setdefault(message, []).append(item.line)
                else:
                    where = _("Dòng %(row)s") % {"row": item.line}
                    errors.append(f"{where}: {message}")
    grouped = [
        _("%(message)s (Các dòng: %(rows)s.)")
        % {"message": message, "rows": ", ".join(str(row) for row in rows)}
        for message, rows in missing.items()
    ]
    return created, grouped + errors


def nominations_import(
    *, unit: Unit, year: int, data: bytes | IO[bytes], by: User, submit: bool = True
) -> list[Nomination]:
    """Nominate a list of people from an .xlsx file (Họ và tên, Mã đơn vị, Danh hiệu, hình
    thức, Tóm tắt thành tích). All or nothing: any bad row saves nothing, and every bad row
    is named with what is wrong. The sheet is read and matched before the one write
    transaction."""
    access.require(by, Action.ENTER, unit)
    wanted, errors = _matched_rows(unit, data)
    if errors and not wanted:
        raise ValidationError(errors)
    with transaction.atomic():
        created, refused = _create_all(unit, year, wanted, by, submit)
        if errors or refused:
            raise ValidationError(refused + errors)  # leaving the block rolls every row back
    return created
