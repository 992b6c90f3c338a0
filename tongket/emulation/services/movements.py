"""Writes of the movements stage: emulation movements, clusters (cụm, khối thi đua), their
yearly pledges (giao ước), the members' signatures and the year-end scoring."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tongket.lib.numbers import format_number
from tongket.units import access, audit
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..choices import ClusterKind
from ..models import Cluster, Movement, Pledge, PledgeCriterion, PledgeScore, PledgeSignature
from .common import valid_year, within


@transaction.atomic
def movement_create(
    *,
    unit: Unit,
    name: str,
    content: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    by: User,
) -> Movement:
    access.require(by, Action.EDIT, unit)
    movement = Movement(
        unit=unit, name=name.strip(), content=content, starts_on=starts_on, ends_on=ends_on
    )
    return audit.create(movement, by=by)


@transaction.atomic
def cluster_create(
    *, unit: Unit, name: str, kind: str, leader: Unit, members: Iterable[Unit], by: User
) -> Cluster:
    access.require(by, Action.EDIT, unit)
    members = list(members)
    if kind not in ClusterKind.values:
        raise ValidationError({"kind": _("Loại cụm, khối không hợp lệ.")})
    if len(members) < 2:
        raise ValidationError({"members": _("Cụm, khối thi đua cần ít nhất hai đơn vị.")})
    if leader not in members:
        raise ValidationError({"leader": _("Đơn vị cụm trưởng phải là thành viên của cụm.")})
    outside = [member.name for member in members if not within(member, unit)]
    if outside:
        raise ValidationError(
            {
                "members": _("Không thuộc %(unit)s: %(names)s.")
                % {"unit": unit.name, "names": ", ".join(outside)}
            }
        )
    if Cluster.objects.filter(unit=unit, name=name.strip()).exists():
        raise ValidationError({"name": _("Đã có cụm, khối thi đua tên này.")})
    cluster = audit.create(Cluster(unit=unit, name=name.strip(), kind=kind, leader=leader), by=by)
    cluster.members.set(members)
    audit.record(
        by=by,
        action="update",
        obj=cluster,
        verb="members",
        changes={"members": [None, [member.pk for member in members]]},
    )
    return cluster


@transaction.atomic
def pledge_create(
    *, cluster: Cluster, year: int, title: str, criteria: list[tuple[str, Decimal]], by: User
) -> Pledge:
    """A cluster's pledge for a year with its criteria and their points."""
    access.require(by, Action.EDIT, cluster.unit)
    year = valid_year(year)
    if Pledge.objects.filter(cluster=cluster, year=year).exists():
        raise ValidationError(
            {
                "year": _("%(cluster)s đã có giao ước năm %(year)s.")
                % {"cluster": cluster.name, "year": year}
            }
        )
    if not criteria:
        raise ValidationError({"criteria": _("Giao ước cần ít nhất một tiêu chí.")})
    for text, points in criteria:
        if not text.strip() or points is None or points <= 0:
            raise ValidationError(
                {"criteria": _("Mỗi tiêu chí cần nội dung và số điểm tối đa lớn hơn 0.")}
            )
    pledge = audit.create(Pledge(cluster=cluster, year=year, title=title.strip()), by=by)
    for order, (text, points) in enumerate(criteria, start=1):
        audit.create(
            PledgeCriterion(pledge=pledge, order=order, text=text.strip(), max_points=points),
            by=by,
        )
    return pledge


@transaction.atomic
def pledge_sign(
    *, pledge: Pledge, unit: Unit, signed_on: datetime.date, signer_name: str = "", by: User
) -> PledgeSignature:
    """Record that a member unit signed the pledge on a date."""
    access.require(by, Action.ENTER, unit)
    if not pledge.cluster.members.filter(pk=unit.pk).exists():
        raise ValidationError(
            {
                "unit": _("%(unit)s không phải thành viên của %(cluster)s.")
                % {"unit": unit.name, "cluster": pledge.cluster.name}
            }
        )
    if PledgeSignature.objects.filter(pledge=pledge, unit=unit).exists():
        raise ValidationError({"unit": _("%(unit)s đã ký giao ước này.") % {"unit": unit.name}})
    signature = PledgeSignature(
        pledge=pledge, unit=unit, signed_on=signed_on, signer_name=signer_name.strip()
    )
    return audit.create(signature, by=by)


@transaction.atomic
def pledge_grid_save(
    *, pledge: Pledge, grid: dict[Unit, dict[int, Decimal]], by: User
) -> list[PledgeScore]:
    """The cluster's year-end scoring in one step: for each member, its points criterion by
    criterion. Any bad point refuses the whole grid, naming every bad cell, and nothing is
    saved."""
    access.require(by, Action.EDIT, pledge.cluster.unit)
    members = set(pledge.cluster.members.values_list("pk", flat=True))
    criteria = {criterion.pk: criterion for criterion in pledge.criteria.all()}
    errors = [
        error
        for unit, points in grid.items()
        for error in _score_errors(unit, points, members=members, criteria=criteria)
    ]
    if errors:
        raise ValidationError(errors)
    existing = {
        (score.unit_id, score.criterion_id): score
        for score in PledgeScore.objects.filter(pledge=pledge, unit__in=[unit.pk for unit in grid])
    }
    saved = []
    for unit, points in grid.items():
        for criterion_id, value in points.items():
            score = existing.get((unit.pk, criterion_id))
            if score is None:
                score = PledgeScore(
                    pledge=pledge, criterion_id=criterion_id, unit=unit, points=value
                )
                saved.append(audit.create(score, by=by))
            else:
                before = audit.snapshot(score)
                score.points = value
                saved.append(audit.update(score, before, by=by))
    return saved


def pledge_scores_set(
    *, pledge: Pledge, unit: Unit, points: dict[int, Decimal], by: User
) -> list[PledgeScore]:
    """The cluster's year-end points for one member, criterion by criterion."""
    return pledge_grid_save(pledge=pledge, grid={unit: points}, by=by)


def _score_errors(
    unit: Unit, points: dict[int, Decimal], *, members: set[int], criteria: dict
) -> list[str]:
    if unit.pk not in members:
        return [_("%(unit)s không phải thành viên của cụm.") % {"unit": unit.name}]
    errors = []
    for criterion_id, value in points.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            errors.append(f"{unit.name}: " + _("Tiêu chí không thuộc giao ước này."))
        elif value is None or value < 0 or value > criterion.max_points:
            errors.append(
                f"{unit.name}: "
                + _("“%(text)s”: điểm phải từ 0 đến %(max)s.")
                % {"text": criterion.text, "max": format_number(criterion.max_points)}
            )
    return errors
