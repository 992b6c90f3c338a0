"""Writes of the awards recorded by count (a past year's decision, or one from a higher
level): create, correct, delete, and attach the decision's recipient list from a
spreadsheet, matching people and collectives by name (accents ignored) or creating them."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib.dates import format_date
from tongket.lib.text import fold, slug
from tongket.lib.xlsx import Column
from tongket.units import access, audit
from tongket.units import services as unit_services
from tongket.units.choices import Action, UnitKind
from tongket.units.models import Person, Unit, User
from tongket.units.uploads import read_import

from ..choices import Recipient, RecordBody
from ..models import AwardRecord, PastAward, nominee_key
from .common import valid_year

RECORD_FIELDS = (
    "year",
    "number",
    "signed_on",
    "body",
    "body_name",
    "award_kind",
    "form_name",
    "collectives",
    "individuals",
    "households",
    "commune_itself",
    "reason",
)


def _clean_fields(fields: dict) -> dict:
    unknown = set(fields) - set(RECORD_FIELDS)
    if unknown:
        raise TypeError(f"Unknown award record fields: {sorted(unknown)}")
    for name in ("number", "body_name", "form_name", "reason"):
        if name in fields:
            fields[name] = " ".join((fields[name] or "").split())
    if "body" in fields and fields["body"] not in RecordBody.values:
        raise ValidationError({"body": _("Cấp khen thưởng không hợp lệ.")})
    if "year" in fields:
        fields["year"] = valid_year(fields["year"])
    return fields


@transaction.atomic
def record_create(*, commune: Unit, by: User, **fields) -> AwardRecord:
    """Record a decision by count: number, date, body, form and how many collectives and
    individuals it awarded, without names."""
    access.require(by, Action.EDIT, commune)
    if not commune.is_commune:
        raise ValidationError(_("Khen thưởng được ghi cho xã, phường, đặc khu."))
    record = AwardRecord(commune=commune, created_by=by, **_clean_fields(fields))
    if not record.number:
        raise ValidationError({"number": _("Chưa nhập số quyết định.")})
    return audit.create(record, by=by)


@transaction.atomic
def record_update(*, record: AwardRecord, by: User, **fields) -> AwardRecord:
    access.require(by, Action.EDIT, record.commune)
    before = audit.snapshot(record)
    for name, value in _clean_fields(fields).items():
        setattr(record, name, value)
    if record.recipients.exists() and {"collectives", "individuals"} & set(fields):
        raise ValidationError(
            _("Quyết định đã có danh sách người, tập thể được khen; số lượng lấy theo danh sách.")
        )
    return audit.update(record, before, by=by)


@transaction.atomic
def record_delete(*, record: AwardRecord, by: User) -> None:
    access.require(by, Action.EDIT, record.commune)
    for past in record.recipients.all():
        audit.delete(past, by=by)
    audit.delete(record, by=by)


# The recipient list --------------------------------------------------------------------------

RECIPIENT_COLUMNS = [
    Column("name", "Họ và tên, tên tập thể", max_length=200),
    Column("kind", "Cá nhân hay tập thể", required=False, max_length=20),
    Column("unit", "Đơn vị", required=False, max_length=200),
    Column("title", "Chức vụ", required=False, max_length=150),
]

# A collective created from a list takes the kind its name says.
NAME_KINDS = [
    ("to dan pho", UnitKind.RESIDENTIAL_GROUP),
    ("thon", UnitKind.RESIDENTIAL_GROUP),
    ("ban ", UnitKind.RESIDENTIAL_GROUP),
    ("khu pho", UnitKind.RESIDENTIAL_GROUP),
    ("chi bo", UnitKind.PARTY_CELL),
    ("truong", UnitKind.SCHOOL),
    ("tram y te", UnitKind.HEALTH_STATION),
    ("cong an", UnitKind.POLICE),
    ("hoi ", UnitKind.MASS_ORGANIZATION),
    ("doan ", UnitKind.MASS_ORGANIZATION),
    ("mat tran", UnitKind.MASS_ORGANIZATION),
    ("cong doan", UnitKind.MASS_ORGANIZATION),
    ("uy ban mat tran", UnitKind.MASS_ORGANIZATION),
]


@dataclass
class _Row:
    line: int
    name: str
    collective: bool
    unit_name: str
    title: str


def _kind_of(name: str) -> str:
    folded = fold(name)
    return next((kind for start, kind in NAME_KINDS if folded.startswith(start)), UnitKind.AGENCY)


def _read_rows(data: bytes, units: dict[str, list[Unit]]) -> tuple[list[_Row], list[str]]:
    """Parse and check the list before anything is written (outside the transaction)."""
    table = read_import(data, RECIPIENT_COLUMNS, max_rows=5000)
    errors = [str(error) for error in table.errors]
    rows, seen = [], {}
    for raw in table.rows:
        line, name = raw["_row"], " ".join(raw["name"].split())
        kind = fold(raw["kind"] or "")
        if kind and kind not in ("ca nhan", "tap the"):
            errors.append(
                _("Dòng %(row)s: cột “Cá nhân hay tập thể” ghi “cá nhân” hoặc “tập thể”.")
                % {"row": line}
            )
            continue
        collective = kind == "tap the" or (not kind and fold(name) in units)
        key = (collective, fold(name), fold(raw["unit"] or ""))
        if key in seen:
            errors.append(
                _("Dòng %(row)s: “%(name)s” đã có ở dòng %(first)s.")
                % {"row": line, "name": name, "first": seen[key]}
            )
            continue
        seen[key] = line
        rows.append(_Row(line, name, collective, (raw["unit"] or "").strip(), raw["title"] or ""))
    if not rows and not errors:
        errors.append(_("Tệp không có dòng nào."))
    return rows, errors


class _Directory:
    """The commune's units and people by folded name, creating what is missing."""

    def __init__(self, commune: Unit, by: User) -> None:
        self.commune, self.by = commune, by
        self.units: dict[str, list[Unit]] = {}
        for unit in Unit.objects.filter(path__startswith=commune.path):
            self.units.setdefault(unit.name_folded, []).append(unit)
        self.people: dict[str, list[Person]] = {}
        for person in Person.objects.filter(unit__path__startswith=commune.path):
            self.people.setdefault(person.name_folded, []).append(person)

    def unit(self, name: str) -> Unit:
        found = self.units.get(fold(name))
        if found:
            return found[0]
        code = f"{self.commune.code}-{slug(name)}"[:28].upper()
        taken = set(Unit.objects.filter(code__startswith=code).values_list("code", flat=True))
        suffix = 1
        unique = code
        while unique in taken:
            suffix += 1
            unique = f"{code}-{suffix}"
        unit = unit_services.unit_create(
            code=unique, name=name, kind=_kind_of(name), parent=self.commune, by=self.by
        )
        self.units.setdefault(unit.name_folded, []).append(unit)
        return unit

    def person(self, row: _Row) -> Person:
        unit = self.unit(row.unit_name) if row.unit_name else None
        candidates = self.people.get(fold(row.name), [])
        if unit is not None:
            candidates = [person for person in candidates if person.unit_id == unit.pk]
        if len(candidates) > 1:
            raise ValidationError(
                _("có %(n)s người tên “%(name)s”; hãy ghi đơn vị của người được khen.")
                % {"n": len(candidates), "name": row.name}
            )
        if candidates:
            return candidates[0]
        person = unit_services.person_create(
            full_name=row.name, unit=unit or self.commune, by=self.by
        )
        self.people.setdefault(person.name_folded, []).append(person)
        return person


def _past_award(record: AwardRecord, row: _Row, directory: _Directory) -> PastAward:
    if row.collective:
        fields = {"recipient": Recipient.COLLECTIVE, "collective": directory.unit(row.name)}
        key = nominee_key(Recipient.COLLECTIVE, None, fields["collective"].pk, None, "")
    else:
        fields = {"recipient": Recipient.INDIVIDUAL, "person": directory.person(row)}
        key = nominee_key(Recipient.INDIVIDUAL, fields["person"].pk, None, None, "")
    if PastAward.objects.filter(year=record.year, award_kind=record.award_kind, nominee_key=key):
        raise ValidationError(
            _("“%(name)s” đã được ghi “%(kind)s” năm %(year)s.")
            % {"name": row.name, "kind": record.award_kind.name, "year": record.year}
        )
    return audit.create(
        PastAward(
            unit=record.commune,
            year=record.year,
            award_kind=record.award_kind,
            decision_ref=f"Quyết định số {record.number} ngày {format_date(record.signed_on)}",
            record=record,
            title=row.title.strip(),
            **fields,
        ),
        by=directory.by,
    )


def recipients_import_xlsx(*, record: AwardRecord, data: bytes, by: User) -> int:
    """Attach a decision's recipient list from an .xlsx (Họ và tên, tên tập thể; Cá nhân hay
    tập thể; Đơn vị; Chức vụ). People and collectives are matched by name, accents ignored,
    or created; the record's counts become the list's. All or nothing: any bad row saves
    nothing, and every bad row is named. Returns the number of recipients."""
    access.require(by, Action.EDIT, record.commune)
    if not record.award_kind_id:
        raise ValidationError(
            _(
                "Hãy chọn danh hiệu, hình thức trong danh mục cho quyết định này trước khi nhập "
                "danh sách."
            )
        )
    if record.recipients.exists():
        raise ValidationError(_("Quyết định đã có danh sách; xóa danh sách cũ trước khi nhập lại."))
    folded_units = {
        name: []
        for name in Unit.objects.filter(path__startswith=record.commune.path).values_list(
            "name_folded", flat=True
        )
    }
    rows, errors = _read_rows(data, folded_units)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        directory = _Directory(record.commune, by)
        for row in rows:
            try:
                with transaction.atomic():
                    _past_award(record, row, directory)
            except (ValidationError, PermissionDenied) as exc:
                messages = getattr(exc, "messages", None) or [
                    _("chưa có “%(name)s” và bạn không có quyền tạo đơn vị mới.")
                    % {"name": row.unit_name or row.name}
                ]
                errors.extend(
                    _("Dòng %(row)s: %(message)s") % {"row": row.line, "message": message}
                    for message in messages
                )
        if errors:
            transaction.set_rollback(True)
            raise ValidationError(errors)
        before = audit.snapshot(record)
        record.collectives = sum(1 for row in rows if row.collective)
        record.individuals = sum(1 for row in rows if not row.collective)
        audit.update(record, before, by=by, note=_("Số lượng lấy theo danh sách đã nhập."))
    return len(rows)
