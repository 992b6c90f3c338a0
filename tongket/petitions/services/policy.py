"""The petition policy of a province or commune, edited by its quản trị."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.units import access, audit
from tongket.units.choices import Action, UnitKind
from tongket.units.models import Unit, User

from ..models import PetitionPolicy

MAX_ANSWER_DAYS = 365
MAX_HOURLY_LIMIT = 100


@transaction.atomic
def policy_set(
    *,
    unit: Unit,
    by: User,
    answer_days: int | None,
    citizen_hourly_limit: int | None,
) -> PetitionPolicy:
    """Set (or clear, with None: "as the level above") a province's or commune's policy."""
    access.require(by, Action.ADMINISTER, unit)
    if not (unit.is_commune or unit.kind == UnitKind.PROVINCE):
        raise ValidationError(_("Cài đặt kiến nghị đặt cho tỉnh hoặc xã, phường."))
    if answer_days is not None and not 1 <= answer_days <= MAX_ANSWER_DAYS:
        raise ValidationError(
            {"answer_days": _("Số ngày phải từ 1 đến %(max)s.") % {"max": MAX_ANSWER_DAYS}}
        )
    if citizen_hourly_limit is not None and not 1 <= citizen_hourly_limit <= MAX_HOURLY_LIMIT:
        raise ValidationError(
            {
                "citizen_hourly_limit": _("Số ý kiến mỗi giờ phải từ 1 đến %(max)s.")
                % {"max": MAX_HOURLY_LIMIT}
            }
        )
    policy = PetitionPolicy.objects.select_for_update().filter(unit=unit).first()
    if policy is None:
        return audit.create(
            PetitionPolicy(
                unit=unit,
                answer_days=answer_days,
                citizen_hourly_limit=citizen_hourly_limit,
                updated_by=by,
            ),
            by=by,
        )
    before = audit.snapshot(policy)
    policy.answer_days, policy.citizen_hourly_limit = answer_days, citizen_hourly_limit
    policy.updated_by = by
    return audit.update(policy, before, by=by)
