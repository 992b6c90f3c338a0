"""The indicator catalogue: new indicators, a year's version edited, a year's set copied
from the year before. A national indicator (no owner) is edited only by a superuser, one
owned by a unit by whoever may EDIT that unit."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.units import access, audit
from tongket.units.choices import SUBUNIT_KINDS, Action
from tongket.units.models import Unit, User

from ..choices import Rollup, ValueKind
from ..models import Indicator, IndicatorVersion

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
    "reporting_kinds",
    "article_wording",
)


def _require_indicator_owner(by: User, owner: Unit | None) -> None:
    if owner is None:
        if not access.is_superuser(by):
            raise PermissionDenied(_("Chỉ quản trị hệ thống mới sửa được chỉ tiêu toàn quốc."))
        return
    access.require(by, Action.EDIT, owner)


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
    reporting_kinds: str = "",
    article_wording: str = "",
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
        reporting_kinds=reporting_kinds,
        article_wording=article_wording.strip(),
    )
    _check_reporting_kinds(version.reporting_kinds)
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
    _check_reporting_kinds(fields.get("reporting_kinds", ""))
    before = audit.snapshot(version)
    for name, value in fields.items():
        setattr(version, name, value.strip() if isinstance(value, str) else value)
    return audit.update(version, before, by=by)


def _check_reporting_kinds(kinds: str) -> None:
    """Only subordinate unit kinds report an indicator on their own (a commune reports all)."""
    unknown = [kind for kind in kinds.split(",") if kind and kind not in SUBUNIT_KINDS]
    if unknown:
        raise ValidationError(
            {
                "reporting_kinds": _("Loại đơn vị không hợp lệ: %(kinds)s.")
                % {"kinds": ", ".join(unknown)}
            }
        )


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
