"""Reads of the movements stage: movements and clusters a user may see, one cluster with its
pledges, a pledge's scoring grid, each pledge's members ranked by their points, and the
pledges signed for a year."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Min, Q, QuerySet, Sum

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import Unit, User

from ..models import (
    Cluster,
    Movement,
    Pledge,
    PledgeCriterion,
    PledgeScore,
    PledgeSignature,
)


def movements_list(user: User) -> QuerySet[Movement]:
    return access.restrict(Movement.objects.select_related("unit"), user)


def clusters_list(user: User) -> QuerySet[Cluster]:
    return (
        access.restrict(Cluster.objects.select_related("unit", "leader"), user)
        .annotate(member_count=Count("members"))
        .order_by("name")
    )


def get_cluster_for(user: User, pk, action: str = Action.VIEW) -> Cluster:
    return access.get_for(Cluster.objects.select_related("unit", "leader"), user, pk, action)


def get_pledge_for(user: User, pk, action: str = Action.VIEW) -> Pledge:
    return access.get_for(Pledge.objects.select_related("cluster__unit"), user, pk, action)


@dataclass
class ClusterPage:
    cluster: Cluster
    members: list[Unit]
    rankings: list[ClusterRanking]


def cluster_page(cluster: Cluster) -> ClusterPage:
    """A cluster with its members and each year's pledge ranked (seven queries; two when it
    has no pledge yet)."""
    pledges = list(cluster.pledges.order_by("-year").prefetch_related("criteria"))
    return ClusterPage(
        cluster=cluster,
        members=list(cluster.members.order_by("path")),
        rankings=cluster_rankings(cluster.unit, 0, pledges=pledges),
    )


@dataclass
class PledgeGrid:
    pledge: Pledge
    criteria: list[PledgeCriterion]
    members: list[Unit]
    rows: list[tuple[Unit, list[tuple[PledgeCriterion, Decimal | None]]]]


def pledge_grid(pledge: Pledge) -> PledgeGrid:
    """The year-end scoring grid: one row per member, one cell per criterion with the points
    saved (three queries)."""
    criteria = list(pledge.criteria.all())
    members = list(pledge.cluster.members.order_by("path"))
    scores = {(s.unit_id, s.criterion_id): s.points for s in pledge.scores.all()}
    rows = [
        (member, [(criterion, scores.get((member.pk, criterion.pk))) for criterion in criteria])
        for member in members
    ]
    return PledgeGrid(pledge, criteria, members, rows)


@dataclass
class RankRow:
    rank: int
    unit: Unit
    points: Decimal
    signed_on: datetime.date | None


@dataclass
class ClusterRanking:
    cluster: Cluster
    pledge: Pledge
    rows: list[RankRow]
    max_points: Decimal

    @property
    def cluster_name(self) -> str:
        return self.cluster.name


def _pledges(unit: Unit, year: int) -> list[Pledge]:
    return list(
        Pledge.objects.filter(year=year)
        .filter(
            Q(cluster__unit__path__startswith=unit.path)
            | Q(cluster__members=unit)
            | Q(cluster__unit__in=unit.ancestor_ids)
            & Q(cluster__members__path__startswith=unit.path)
        )
        .distinct()
        .select_related("cluster__unit", "cluster__leader")
        .order_by("cluster__name")
    )


def cluster_rankings(
    unit: Unit, year: int, pledges: list[Pledge] | None = None
) -> list[ClusterRanking]:
    """Each pledge's members ranked by their year-end points (ties share a rank); five
    queries whatever the number of clusters."""
    pledges = _pledges(unit, year) if pledges is None else pledges
    if not pledges:
        return []
    pledge_ids = [pledge.pk for pledge in pledges]
    members: dict[int, list[Unit]] = defaultdict(list)
    through = Cluster.members.through.objects.filter(
        cluster_id__in={pledge.cluster_id for pledge in pledges}
    ).select_related("unit")
    for link in through:
        members[link.cluster_id].append(link.unit)
    points = {
        (row["pledge_id"], row["unit_id"]): row["total"]
        for row in PledgeScore.objects.filter(pledge_id__in=pledge_ids)
        .values("pledge_id", "unit_id")
        .annotate(total=Sum("points"))
    }
    maxima = dict(
        Pledge.objects.filter(pk__in=pledge_ids)
        .annotate(total=Sum("criteria__max_points"))
        .values_list("pk", "total")
    )
    signed = {
        (sig.pledge_id, sig.unit_id): sig.signed_on
        for sig in PledgeSignature.objects.filter(pledge_id__in=pledge_ids)
    }
    rankings = []
    for pledge in pledges:
        rows = sorted(
            (
                (points.get((pledge.pk, member.pk), Decimal(0)), member)
                for member in members[pledge.cluster_id]
            ),
            key=lambda pair: (-pair[0], pair[1].name),
        )
        ranked, previous, rank = [], None, 0
        for position, (total, member) in enumerate(rows, start=1):
            if total != previous:
                rank, previous = position, total
            ranked.append(RankRow(rank, member, total, signed.get((pledge.pk, member.pk))))
        rankings.append(
            ClusterRanking(pledge.cluster, pledge, ranked, maxima.get(pledge.pk) or Decimal(0))
        )
    return rankings


@dataclass
class PledgeSigned:
    cluster_name: str
    cluster_kind: str
    pledge_title: str
    year: int
    first_signed_on: datetime.date
    signed_count: int
    member_count: int

    @property
    def all_signed(self) -> bool:
        return self.signed_count >= self.member_count


def pledges_signed(unit: Unit, year: int) -> list[PledgeSigned]:
    """Pledges of the year signed by at least one member, for clusters the unit organises or
    takes part in ("các cụm thi đua đã ký giao ước thi đua năm 2026"); three queries."""
    pledges = _pledges(unit, year)
    ids = [pledge.pk for pledge in pledges]
    signatures = {
        row["pledge_id"]: row
        for row in PledgeSignature.objects.filter(pledge_id__in=ids)
        .values("pledge_id")
        .annotate(n=Count("id"), first=Min("signed_on"))
    }
    sizes = dict(
        Cluster.objects.filter(pk__in={p.cluster_id for p in pledges})
        .annotate(n=Count("members"))
        .values_list("pk", "n")
    )
    found = []
    for pledge in pledges:
        row = signatures.get(pledge.pk)
        if not row:
            continue
        found.append(
            PledgeSigned(
                cluster_name=pledge.cluster.name,
                cluster_kind=pledge.cluster.get_kind_display(),
                pledge_title=pledge.title,
                year=year,
                first_signed_on=row["first"],
                signed_count=row["n"],
                member_count=sizes.get(pledge.cluster_id, 0),
            )
        )
    return found
