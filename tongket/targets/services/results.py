"""Results: one cell of the entry grid saved, with optimistic locking (the caller says which
version it read; someone else's save in between is a ConflictError carrying the current
row). Results need ENTER on the unit and are locked while the period's submission is sent or
approved."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from .. import selectors
from ..achievement import format_value
from ..choices import Period, Qualifier, SubmissionState, ValueKind
from ..models import Indicator, IndicatorVersion, Result, Submission
from .common import check_value, required_version


class ConflictError(ValidationError):
    """Someone else saved the same cell since the caller read it. `current` is the row as
    it now stands, so the screen can show the current value."""

    def __init__(self, message: str, current: Result) -> None:
        super().__init__({"value": message}, code="conflict")
        self.current = current


def lock_message(submission: Submission | None) -> str | None:
    """Why results of a submission's period cannot change now (sent or approved), or None."""
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


def _ratio_value(
    version: IndicatorVersion,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
) -> Decimal | None:
    """A ratio is entered as numerator and denominator (42 and 42); its value is the share
    they make, in % (none while the denominator is 0)."""
    if value is not None and numerator is None:
        raise ValidationError({"numerator": _("Chỉ tiêu tỷ số cần nhập tử số và mẫu số.")})
    if (numerator is None) != (denominator is None):
        raise ValidationError({"denominator": _("Cần nhập cả tử số và mẫu số (ví dụ 42 và 42).")})
    check_value(version, numerator, "numerator")
    check_value(version, denominator, "denominator")
    if numerator is not None and denominator and numerator > denominator:
        raise ValidationError({"numerator": _("Tử số không được lớn hơn mẫu số.")})
    if numerator is not None and not denominator:
        return None
    if numerator is not None:
        return (numerator * 100 / denominator).quantize(Decimal("0.0001"))
    return value


def _cell_value(
    version: IndicatorVersion,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
) -> Decimal | None:
    """The value a cell stores, checked against its indicator."""
    if version.value_kind == ValueKind.RATIO:
        return _ratio_value(version, value, numerator, denominator)
    if numerator is not None or denominator is not None:
        raise ValidationError({"value": _("Chỉ tiêu này nhập một giá trị, không nhập tỷ số.")})
    check_value(version, value)
    return value


MAX_PERCENT_OF_PLAN = Decimal(10000)


def _percent_of_plan(
    value: Decimal | None, numerator: Decimal | None, percent: Decimal | None
) -> Decimal | None:
    """A result known only as % of plan ("đạt 112% kế hoạch"): stored as given, never with a
    value beside it, so nothing is derived from it."""
    if percent is None:
        return None
    if value is not None or numerator is not None:
        raise ValidationError(
            {
                "percent_of_plan": _(
                    "Đã có số thực hiện thì không nhập % kế hoạch; % kế hoạch chỉ dùng khi kết "
                    "quả chỉ được báo bằng tỷ lệ so với kế hoạch."
                )
            }
        )
    if not percent.is_finite() or percent < 0 or percent > MAX_PERCENT_OF_PLAN:
        raise ValidationError({"percent_of_plan": _("% kế hoạch phải từ 0 đến 10.000.")})
    if percent != percent.quantize(Decimal("0.01")):
        raise ValidationError({"percent_of_plan": _("% kế hoạch lấy tối đa 2 chữ số thập phân.")})
    return percent


def _clean_qualifier(qualifier: str | None, has_figure: bool) -> str:
    qualifier = (qualifier or "").strip()
    if qualifier not in Qualifier.values:
        raise ValidationError(
            {"qualifier": _("Từ chỉ mức phải là một trong: trên, gần, khoảng, hơn.")}
        )
    if qualifier and not has_figure:
        raise ValidationError(
            {
                "qualifier": _("Chưa có số thực hiện để ghi “%(word)s”.")
                % {"word": Qualifier(qualifier).label}
            }
        )
    return qualifier


def _clean_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > 500:
        raise ValidationError({"note": _("Ghi chú dài quá 500 ký tự.")})
    return note


def result_figures(
    version: IndicatorVersion,
    *,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    is_estimate: bool = False,
    note: str = "",
    qualifier: str = "",
    percent_of_plan: Decimal | None = None,
) -> dict:
    """The fields a result cell stores, checked against its indicator version (kind,
    sign, decimals, ratio parts, qualifier, note); a ValidationError naming the field
    otherwise. Reads nothing: the grid's save and the bulk import both check through it."""
    return {
        "value": _cell_value(version, value, numerator, denominator),
        "numerator": numerator,
        "denominator": denominator,
        "percent_of_plan": _percent_of_plan(value, numerator, percent_of_plan),
        "qualifier": _clean_qualifier(qualifier, value is not None or numerator is not None),
        "is_estimate": is_estimate,
        "note": _clean_note(note),
    }


def _cell_create(version: IndicatorVersion, cell: Result, by: User) -> Result:
    cell.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            return audit.create(cell, by=by, clean=False)
    except IntegrityError:
        # Someone saved the same empty cell at the same moment: theirs stands.
        current = Result.objects.get(
            unit=cell.unit, indicator=cell.indicator, year=cell.year, period=cell.period
        )
        raise _conflict(version, current) from None


def _cell_update(current: Result, figures: dict, by: User) -> Result:
    before = audit.snapshot(current)
    for name, value in figures.items():
        setattr(current, name, value)
    current.updated_by = by
    current.version += 1
    return audit.update(current, before, by=by, clean=False)


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
    qualifier: str = "",
    percent_of_plan: Decimal | None = None,
) -> Result:
    """Save one cell of the entry grid. `expected_version` is the version the caller read
    (0 when the cell was empty); if someone saved in between, ConflictError carries the
    current row and nothing is overwritten. `qualifier` ("tren", "gan", "khoang", "hon")
    qualifies the figure; `percent_of_plan` is a result known only as % of plan."""
    access.require(by, Action.ENTER, unit)
    if period not in Period.values:
        raise ValidationError({"period": _("Kỳ báo cáo không hợp lệ.")})
    version = required_version(unit, indicator, year)
    if not selectors.reports(unit, version):
        raise ValidationError(
            {
                "indicator": _("%(unit)s không báo cáo chỉ tiêu “%(name)s”.")
                % {"unit": unit.name, "name": version.name}
            }
        )
    locked = lock_message(selectors.submission_for(unit, year, period))
    if locked:
        raise ValidationError(locked)
    figures = result_figures(
        version,
        value=value,
        numerator=numerator,
        denominator=denominator,
        is_estimate=is_estimate,
        note=note,
        qualifier=qualifier,
        percent_of_plan=percent_of_plan,
    )
    current = (
        Result.objects.select_for_update()
        .filter(unit=unit, indicator=indicator, year=year, period=period)
        .first()
    )
    if expected_version != (current.version if current else 0):
        if current is None:
            raise ConflictError(_("Ô này vừa bị xóa; hãy tải lại trang."), current=Result())
        raise _conflict(version, current)
    if current is None:
        cell = Result(unit=unit, indicator=indicator, year=year, period=period, updated_by=by)
        for name, figure in figures.items():
            setattr(cell, name, figure)
        return _cell_create(version, cell, by)
    return _cell_update(current, figures, by)
