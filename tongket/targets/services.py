"""Every write to indicators, plans, results, submissions and deadlines. Each service checks
the caller's right through the access layer, validates, saves and records the audit row in
one transaction; a ValidationError leaves nothing saved.

Rights:
- an indicator owned by a unit is edited by whoever may EDIT that unit (a national one, with
  no owner, only by a superuser);
- a plan "assigned" by the level above needs EDIT on the parent unit; a plan from the unit's
  own resolution needs EDIT on the unit and cannot replace one the level above assigned;
- results need ENTER on the unit; they are locked while the period's submission is sent or
  approved;
- approving, returning and reopening a submission need APPROVE on the unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tongket.lib.xlsx import Column, read_xlsx
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from .achievement import format_value
from .choices import Period, PlanSource, Rollup, SubmissionState, ValueKind
from .models import Deadline, Indicator, IndicatorVersion, Plan, Result, Submission

VERSION_FIELDS = (
    "name",
    "group",
    "unit_of_measure",
    "value_kind",
    "direction",
    "rollup",
    "weight_indicator",
    "decimals",
    "allows_negative",
    "order",
    "retired",
    "featured",
    "public",
)


class ConflictError(ValidationError):
    """Someone else saved the same cell since the caller read it. `current` is the row as
    it now stands, so the screen can show the current value."""

    def __init__(self, message: str, current: Result) -> None:
        super().__init__({"value": message}, code="conflict")
        self.current = current


# Indicators ----------------------------------------------------------------------------


def _require_indicator_owner(by: User, owner: Unit | None) -> None:
    if owner is None:
        if not access.is_superuser(by):
            raise PermissionDenied(_("Chỉ quản trị hệ thống mới sửa được chỉ tiêu toàn quốc."))
        return
    access.require(by, Action.EDIT, owner)


def applicable_versions(unit: Unit, year: int):
    """The indicator versions of `year` that apply to `unit`: national ones and those owned
    by the unit or one of its ancestors, not retired."""
    return IndicatorVersion.objects.filter(year=year, retired=False).filter(
        Q(indicator__owner__isnull=True) | Q(indicator__owner_id__in=unit.ancestor_ids)
    )


def _version_for(unit: Unit, indicator: Indicator, year: int) -> IndicatorVersion:
    version = applicable_versions(unit, year).filter(indicator=indicator).first()
    if version is None:
        raise ValidationError(
            {
                "indicator": _("Chỉ tiêu “%(code)s” không áp dụng cho %(unit)s năm %(year)s.")
                % {"code": indicator.code, "unit": unit.name, "year": year}
            }
        )
    return version


@transaction.atomic
def indicator_create(
    *,
    owner: Unit | None,
    code: str,
    year: int,
    name: str,
    group: str,
    by: User,
    unit_of_measure: str = "",
    value_kind: str = ValueKind.NUMBER,
    direction: str = "higher",
    rollup: str = Rollup.SUM,
    weight_indicator: Indicator | None = None,
    decimals: int = 0,
    allows_negative: bool = False,
    order: int = 0,
    featured: bool = False,
    public: bool = True,
) -> IndicatorVersion:
    """A new indicator and its first yearly version."""
    _require_indicator_owner(by, owner)
    code = code.strip().upper()
    if not code:
        raise ValidationError({"code": _("Chưa nhập mã chỉ tiêu.")})
    if Indicator.objects.filter(code=code).exists():
        raise ValidationError({"code": _("Mã chỉ tiêu “%(code)s” đã được dùng.") % {"code": code}})
    indicator = audit.create(Indicator(code=code, owner=owner), by=by)
    version = IndicatorVersion(
        indicator=indicator,
        year=year,
        name=name.strip(),
        group=group,
        unit_of_measure=unit_of_measure.strip(),
        value_kind=value_kind,
        direction=direction,
        rollup=rollup,
        weight_indicator=weight_indicator,
        decimals=decimals,
        allows_negative=allows_negative,
        order=order,
        featured=featured,
        public=public,
    )
    return audit.create(version, by=by)


@transaction.atomic
def indicator_version_update(*, version: IndicatorVersion, by: User, **fields) -> IndicatorVersion:
    """Edit one year's version (rename, regroup, retire …). Other years and every plan and
    result stay attached to the same indicator, so history is kept."""
    version = (
        IndicatorVersion.objects.select_for_update().select_related("indicator").get(pk=version.pk)
    )
    _require_indicator_owner(by, version.indicator.owner)
    unknown = set(fields) - set(VERSION_FIELDS)
    if unknown:
        raise ValueError(f"Unknown fields {sorted(unknown)}")
    before = audit.snapshot(version)
    for name, value in fields.items():
        setattr(version, name, value.strip() if isinstance(value, str) else value)
    return audit.update(version, before, by=by)


@transaction.atomic
def indicator_year_copy(
    *, year: int, by: User, owner: Unit | None = None
) -> list[IndicatorVersion]:
    """Start `year`'s indicator set as a copy of the previous year's: every version of
    year − 1 that is not retired and has no version in `year` yet. Limited to `owner`'s
    indicators when given, else to every owner the caller may edit."""
    previous = IndicatorVersion.objects.filter(year=year - 1, retired=False).select_related(
        "indicator"
    )
    if owner is not None:
        _require_indicator_owner(by, owner)
        previous = previous.filter(indicator__owner=owner)
    else:
        previous = access.restrict(previous, by, Action.EDIT)
    existing = set(
        IndicatorVersion.objects.filter(year=year).values_list("indicator_id", flat=True)
    )
    created = []
    for old in previous:
        if old.indicator_id in existing:
            continue
        copy = IndicatorVersion(
            indicator=old.indicator,
            year=year,
            **{name: getattr(old, name) for name in VERSION_FIELDS if name != "retired"},
        )
        created.append(audit.create(copy, by=by, verb="copy_year"))
    if not created and not previous.exists():
        raise ValidationError(
            _("Năm %(year)s chưa có bộ chỉ tiêu để sao chép.") % {"year": year - 1}
        )
    return created


# Plans ---------------------------------------------------------------------------------


def _check_value(version: IndicatorVersion, value: Decimal | None, field: str = "value") -> None:
    if value is None:
        return
    if not value.is_finite() or abs(value) >= Decimal(10) ** 15:
        raise ValidationError({field: _("Giá trị quá lớn hoặc không hợp lệ.")})
    if value < 0 and not version.allows_negative:
        raise ValidationError(
            {field: _("Chỉ tiêu “%(name)s” không nhận giá trị âm.") % {"name": version.name}}
        )
    if value != value.quantize(Decimal(1).scaleb(-version.decimals)):
        raise ValidationError(
            {
                field: _("Chỉ tiêu “%(name)s” lấy tối đa %(n)s chữ số thập phân.")
                % {"name": version.name, "n": version.decimals}
            }
        )


def _plan_rights(*, unit: Unit, source: str, existing: Plan | None, by: User) -> Unit | None:
    """Check the caller may set this plan; return the assigning unit."""
    if source == PlanSource.ASSIGNED:
        if unit.parent is None:
            raise ValidationError({"source": _("Đơn vị không có cấp trên để giao kế hoạch.")})
        access.require(by, Action.EDIT, unit.parent)
        return unit.parent
    access.require(by, Action.EDIT, unit)
    assigned_above = existing is not None and existing.source == PlanSource.ASSIGNED
    if assigned_above and not access.can(by, Action.EDIT, existing.assigned_by):
        raise ValidationError(
            {"value": _("Kế hoạch này do cấp trên giao; đơn vị không tự sửa được.")}
        )
    return None


def _plan_write(
    *,
    unit: Unit,
    version: IndicatorVersion,
    year: int,
    value: Decimal | None,
    source: str,
    document: str,
    by: User,
) -> Plan | None:
    _check_value(version, value)
    existing = (
        Plan.objects.select_for_update()
        .filter(unit=unit, indicator_id=version.indicator_id, year=year)
        .first()
    )
    assigned_by = _plan_rights(unit=unit, source=source, existing=existing, by=by)
    document = document.strip()
    if value is None:
        if existing is not None:
            audit.delete(existing, by=by)
        return None
    if existing is None:
        return audit.create(
            Plan(
                unit=unit,
                indicator_id=version.indicator_id,
                year=year,
                value=value,
                source=source,
                assigned_by=assigned_by,
                document=document,
            ),
            by=by,
        )
    before = audit.snapshot(existing)
    existing.value, existing.source = value, source
    existing.assigned_by, existing.document = assigned_by, document
    if audit.snapshot(existing) != before:
        existing.version += 1
    return audit.update(existing, before, by=by)


@transaction.atomic
def plan_set(
    *,
    unit: Unit,
    indicator: Indicator,
    year: int,
    value: Decimal | None,
    by: User,
    source: str = PlanSource.ASSIGNED,
    document: str = "",
) -> Plan | None:
    """Set (or, with value None, remove) one unit's plan for an indicator and year."""
    version = _version_for(unit, indicator, year)
    return _plan_write(
        unit=unit, version=version, year=year, value=value, source=source, document=document, by=by
    )


@dataclass
class PlanEntry:
    unit: Unit
    indicator: Indicator
    value: Decimal | None
    place: str = ""  # where the entry came from, for messages ("Dòng 4")


@transaction.atomic
def plan_assign_bulk(
    *, parent: Unit, year: int, entries: Iterable[PlanEntry], document: str, by: User
) -> int:
    """Assign many plans from `parent` to its direct children at once: all or nothing.
    Every problem is collected and reported together; nothing is saved if there is one."""
    access.require(by, Action.EDIT, parent)
    entries = list(entries)
    children = {unit.pk for unit in Unit.objects.filter(parent=parent)}
    versions = {
        version.indicator_id: version
        for version in applicable_versions(parent, year).select_related("indicator")
    }
    errors: list[str] = []
    for entry in entries:
        prefix = f"{entry.place}: " if entry.place else ""
        if entry.unit.pk not in children:
            errors.append(
                prefix
                + _("%(unit)s không phải đơn vị trực thuộc %(parent)s.")
                % {"unit": entry.unit.name, "parent": parent.name}
            )
        if entry.indicator.pk not in versions:
            errors.append(
                prefix
                + _("Chỉ tiêu “%(code)s” không có trong bộ chỉ tiêu năm %(year)s.")
                % {"code": entry.indicator.code, "year": year}
            )
            continue
        try:
            _check_value(versions[entry.indicator.pk], entry.value)
        except ValidationError as exc:
            errors.extend(prefix + message for message in exc.messages)
    if errors:
        raise ValidationError(errors)
    saved = 0
    for entry in entries:
        _plan_write(
            unit=entry.unit,
            version=versions[entry.indicator.pk],
            year=year,
            value=entry.value,
            source=PlanSource.ASSIGNED,
            document=document,
            by=by,
        )
        saved += 1
    return saved


PLAN_IMPORT_COLUMNS = [
    Column("unit_code", "Mã đơn vị"),
    Column("indicator_code", "Mã chỉ tiêu"),
    Column("value", "Kế hoạch", kind="number"),
    Column("document", "Văn bản giao", required=False, max_length=200),
]


@transaction.atomic
def plans_import_xlsx(*, parent: Unit, year: int, data: bytes, document: str, by: User) -> int:
    """Read plans for `parent`'s communes from an .xlsx (columns Mã đơn vị, Mã chỉ tiêu,
    Kế hoạch, Văn bản giao). Any bad row: nothing is saved and every error names its row
    and column."""
    access.require(by, Action.EDIT, parent)
    table = read_xlsx(data, PLAN_IMPORT_COLUMNS)
    errors = [str(error) for error in table.errors]
    if table.errors and not table.rows and any(error.row in (None, 1) for error in table.errors):
        raise ValidationError(errors)
    unit_codes = {row["unit_code"] for row in table.rows}
    indicator_codes = {row["indicator_code"].upper() for row in table.rows}
    visible = access.units_for(by, Action.VIEW).filter(code__in=unit_codes)
    units = {unit.code: unit for unit in visible}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=indicator_codes)}
    entries = []
    for row in table.rows:
        line = row["_row"]
        unit = units.get(row["unit_code"])
        indicator = indicators.get(row["indicator_code"].upper())
        if unit is None or unit.parent_id != parent.pk:
            errors.append(
                _(
                    "Dòng %(row)s, cột A (Mã đơn vị): “%(code)s” không phải đơn vị trực thuộc "
                    "%(parent)s trong phạm vi của bạn."
                )
                % {"row": line, "code": row["unit_code"], "parent": parent.name}
            )
        if indicator is None:
            errors.append(
                _("Dòng %(row)s, cột B (Mã chỉ tiêu): không có chỉ tiêu mã “%(code)s”.")
                % {"row": line, "code": row["indicator_code"]}
            )
        if unit is None or indicator is None or unit.parent_id != parent.pk:
            continue
        entries.append(PlanEntry(unit, indicator, row["value"], place=_("Dòng %s") % line))
    if errors:
        raise ValidationError(errors)
    if not entries:
        raise ValidationError(_("Tệp không có dòng kế hoạch nào."))
    documents = {row["document"] for row in table.rows if row["document"]}
    return plan_assign_bulk(
        parent=parent,
        year=year,
        entries=entries,
        document=documents.pop() if len(documents) == 1 and not document else document,
        by=by,
    )


# Results -------------------------------------------------------------------------------


def _lock_message(submission: Submission | None) -> str | None:
    if submission is None:
        return None
    if submission.state == SubmissionState.APPROVED:
        return _("Số liệu kỳ này đã được duyệt nên không sửa được; cần lãnh đạo mở lại.")
    if submission.state == SubmissionState.SUBMITTED:
        return _("Số liệu kỳ này đã gửi cấp trên, đang chờ duyệt; chưa sửa được.")
    return None


def _conflict(version: IndicatorVersion, current: Result) -> ConflictError:
    who = current.updated_by.display_name if current.updated_by else _("người khác")
    return ConflictError(
        _(
            "%(who)s vừa lưu ô này với giá trị %(value)s. Số bạn nhập chưa được lưu; "
            "hãy xem lại rồi nhập lại nếu cần."
        )
        % {"who": who, "value": _display(version, current)},
        current=current,
    )


def _display(version: IndicatorVersion, result: Result) -> str:
    if result.value is None and result.numerator is None:
        return _("(trống)")
    return format_value(
        version, result.value, numerator=result.numerator, denominator=result.denominator
    )


@transaction.atomic
def result_save(
    *,
    unit: Unit,
    indicator: Indicator,
    year: int,
    period: str,
    by: User,
    expected_version: int,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    is_estimate: bool = False,
    note: str = "",
) -> Result:
    """Save one cell of the entry grid. `expected_version` is the version the caller read
    (0 when the cell was empty); if someone saved in between, ConflictError carries the
    current row and nothing is overwritten."""
    access.require(by, Action.ENTER, unit)
    if period not in Period.values:
        raise ValidationError({"period": _("Kỳ báo cáo không hợp lệ.")})
    version = _version_for(unit, indicator, year)
    submission = Submission.objects.filter(unit=unit, year=year, period=period).first()
    locked = _lock_message(submission)
    if locked:
        raise ValidationError(locked)
    if version.value_kind == ValueKind.RATIO:
        if value is not None and numerator is None:
            raise ValidationError({"numerator": _("Chỉ tiêu tỷ số cần nhập tử số và mẫu số.")})
        if (numerator is None) != (denominator is None):
            raise ValidationError(
                {"denominator": _("Cần nhập cả tử số và mẫu số (ví dụ 42 và 42).")}
            )
        _check_value(version, numerator, "numerator")
        _check_value(version, denominator, "denominator")
        if numerator is not None and denominator and numerator > denominator:
            raise ValidationError({"numerator": _("Tử số không được lớn hơn mẫu số.")})
        if numerator is not None and not denominator:
            value = None
        elif numerator is not None:
            value = (numerator * 100 / denominator).quantize(Decimal("0.0001"))
    else:
        if numerator is not None or denominator is not None:
            raise ValidationError({"value": _("Chỉ tiêu này nhập một giá trị, không nhập tỷ số.")})
        _check_value(version, value)
    note = (note or "").strip()
    if len(note) > 500:
        raise ValidationError({"note": _("Ghi chú dài quá 500 ký tự.")})

    current = (
        Result.objects.select_for_update()
        .filter(unit=unit, indicator=indicator, year=year, period=period)
        .first()
    )
    current_version = current.version if current else 0
    if expected_version != current_version:
        if current is None:
            raise ConflictError(_("Ô này vừa bị xóa; hãy tải lại trang."), current=Result())
        raise _conflict(version, current)
    if current is None:
        cell = Result(
            unit=unit,
            indicator=indicator,
            year=year,
            period=period,
            value=value,
            numerator=numerator,
            denominator=denominator,
            is_estimate=is_estimate,
            note=note,
            updated_by=by,
        )
        cell.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                return audit.create(cell, by=by, clean=False)
        except IntegrityError:
            # Someone saved the same empty cell at the same moment: theirs stands.
            current = Result.objects.get(unit=unit, indicator=indicator, year=year, period=period)
            raise _conflict(version, current) from None
    before = audit.snapshot(current)
    current.value, current.numerator, current.denominator = value, numerator, denominator
    current.is_estimate, current.note, current.updated_by = is_estimate, note, by
    current.version += 1
    return audit.update(current, before, by=by, clean=False)


# Submissions ---------------------------------------------------------------------------


def _submission(unit: Unit, year: int, period: str, by: User) -> Submission:
    submission = (
        Submission.objects.select_for_update().filter(unit=unit, year=year, period=period).first()
    )
    if submission is None:
        submission = audit.create(Submission(unit=unit, year=year, period=period), by=by)
    return submission


@transaction.atomic
def submission_submit(*, unit: Unit, year: int, period: str, by: User) -> Submission:
    """Send a unit's figures for a period up for approval."""
    access.require(by, Action.ENTER, unit)
    submission = _submission(unit, year, period, by)
    if submission.state not in (SubmissionState.DRAFT, SubmissionState.RETURNED):
        raise ValidationError(
            _("Báo cáo đang ở trạng thái “%(state)s”, không gửi được.")
            % {"state": submission.get_state_display()}
        )
    if not Result.objects.filter(unit=unit, year=year, period=period).exists():
        raise ValidationError(_("Chưa có số liệu nào để gửi."))
    return audit.transition(
        submission, "state", SubmissionState.SUBMITTED, by=by, submitted_at=timezone.now()
    )


def _decide(submission: Submission, by: User, allowed: tuple[str, ...]) -> Submission:
    submission = Submission.objects.select_for_update().select_related("unit").get(pk=submission.pk)
    access.require(by, Action.APPROVE, submission.unit)
    if submission.state not in allowed:
        raise ValidationError(
            _("Báo cáo đang ở trạng thái “%(state)s”, không thực hiện được thao tác này.")
            % {"state": submission.get_state_display()}
        )
    return submission


def _reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Cần ghi lý do %(what)s.") % {"what": what}})
    if len(reason) > 2000:
        raise ValidationError({"reason": _("Lý do dài quá 2.000 ký tự.")})
    return reason


@transaction.atomic
def submission_approve(*, submission: Submission, by: User) -> Submission:
    """Approve sent figures; they are locked from now on."""
    submission = _decide(submission, by, (SubmissionState.SUBMITTED,))
    return audit.transition(
        submission,
        "state",
        SubmissionState.APPROVED,
        by=by,
        decided_at=timezone.now(),
        decided_by=by,
        return_reason="",
    )


@transaction.atomic
def submission_return(*, submission: Submission, reason: str, by: User) -> Submission:
    """Send figures back to the unit with a reason; the unit can edit and send again."""
    reason = _reason(reason, _("trả lại"))
    submission = _decide(submission, by, (SubmissionState.SUBMITTED,))
    return audit.transition(
        submission,
        "state",
        SubmissionState.RETURNED,
        by=by,
        note=reason,
        decided_at=timezone.now(),
        decided_by=by,
        return_reason=reason,
    )


@transaction.atomic
def submission_reopen(*, submission: Submission, reason: str, by: User) -> Submission:
    """Unlock approved figures so they can be corrected; recorded with its reason."""
    reason = _reason(reason, _("mở lại"))
    submission = _decide(submission, by, (SubmissionState.APPROVED,))
    return audit.transition(
        submission, "state", SubmissionState.DRAFT, by=by, verb="reopen", note=reason
    )


@transaction.atomic
def deadline_set(*, unit: Unit, year: int, period: str, due, by: User) -> Deadline:
    """Set when the units under `unit` must submit a period's figures."""
    access.require(by, Action.EDIT, unit)
    existing = (
        Deadline.objects.select_for_update().filter(unit=unit, year=year, period=period).first()
    )
    if existing is None:
        return audit.create(Deadline(unit=unit, year=year, period=period, due=due), by=by)
    before = audit.snapshot(existing)
    existing.due = due
    return audit.update(existing, before, by=by)
