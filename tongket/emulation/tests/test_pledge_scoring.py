"""The year-end scoring of a pledge: the whole grid is saved through one service call in one
transaction, so a refusal anywhere saves no member's points; the grid reads in a fixed number
of queries whatever the cluster's size."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tongket.emulation import selectors, services
from tongket.emulation.models import PledgeScore
from tongket.units import services as unit_services
from tongket.units.choices import UnitKind
from tongket.units.models import AuditEntry


def _pledge(em, extra_members=0):
    members = [em.world.group_a1, em.world.group_a2]
    for index in range(extra_members):
        members.append(
            unit_services.unit_create(
                code=f"P-A-T{index + 3}",
                name=f"Tổ dân phố số {index + 3}",
                kind=UnitKind.RESIDENTIAL_GROUP,
                parent=em.world.a,
                by=em.world.root,
            )
        )
    cluster = services.cluster_create(
        unit=em.world.a,
        name="Cụm tổ dân phố",
        kind="cluster",
        leader=members[0],
        members=members,
        by=em.world.root,
    )
    return services.pledge_create(
        cluster=cluster,
        year=2025,
        title="Giao ước thi đua năm 2025",
        criteria=[("An ninh trật tự", Decimal(60)), ("Môi trường", Decimal(40))],
        by=em.world.root,
    )


def _cells(pledge, values):
    """POST data for the grid: values[member index][criterion index] as typed."""
    members = list(pledge.cluster.members.order_by("path"))
    criteria = list(pledge.criteria.all())
    return {
        f"s-{members[m].pk}-{criteria[c].pk}": value
        for m, row in enumerate(values)
        for c, value in enumerate(row)
    }


def test_the_office_scores_the_whole_grid_at_once(em, login):
    pledge = _pledge(em)
    url = reverse("emulation:pledge_score", args=[pledge.pk])
    response = login(em.world.officer_a).post(url, _cells(pledge, [["55", "30,5"], ["60", ""]]))
    assert response.status_code == 302
    saved = {(s.unit.name, s.criterion.text): s.points for s in PledgeScore.objects.all()}
    assert saved == {
        ("Tổ dân phố số 1", "An ninh trật tự"): Decimal(55),
        ("Tổ dân phố số 1", "Môi trường"): Decimal("30.5"),
        ("Tổ dân phố số 2", "An ninh trật tự"): Decimal(60),
    }


def test_a_grid_refused_at_its_last_member_saves_no_member(em, login):
    pledge = _pledge(em)
    audit_rows = AuditEntry.objects.count()
    url = reverse("emulation:pledge_score", args=[pledge.pk])
    response = login(em.world.officer_a).post(url, _cells(pledge, [["55", "30"], ["61", "20"]]))
    assert response.status_code == 200
    assert "Tổ dân phố số 2: “An ninh trật tự”: điểm phải từ 0 đến 60." in response.content.decode()
    assert not PledgeScore.objects.exists()
    assert AuditEntry.objects.count() == audit_rows


def test_a_grid_with_a_cell_that_is_not_a_number_saves_nothing(em, login):
    pledge = _pledge(em)
    audit_rows = AuditEntry.objects.count()
    url = reverse("emulation:pledge_score", args=[pledge.pk])
    response = login(em.world.officer_a).post(url, _cells(pledge, [["55", "30"], ["abc", "20"]]))
    assert response.status_code == 200
    assert "Tổ dân phố số 2:" in response.content.decode()
    assert not PledgeScore.objects.exists()
    assert AuditEntry.objects.count() == audit_rows


def test_the_grid_service_names_every_bad_cell_and_saves_nothing(em):
    pledge = _pledge(em)
    first, second = pledge.criteria.all()
    audit_rows = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.pledge_grid_save(
            pledge=pledge,
            grid={
                em.world.group_a1: {first.pk: Decimal(50), second.pk: Decimal(40)},
                em.world.group_a2: {first.pk: Decimal(-1), second.pk: Decimal(41)},
                em.world.b: {first.pk: Decimal(1)},
            },
            by=em.world.root,
        )
    assert caught.value.messages == [
        "Tổ dân phố số 2: “An ninh trật tự”: điểm phải từ 0 đến 60.",
        "Tổ dân phố số 2: “Môi trường”: điểm phải từ 0 đến 40.",
        "Phường Đậu Liêu không phải thành viên của cụm.",
    ]
    assert not PledgeScore.objects.exists()
    assert AuditEntry.objects.count() == audit_rows


def test_another_communes_officer_cannot_score_the_grid(em, login):
    pledge = _pledge(em)
    url = reverse("emulation:pledge_score", args=[pledge.pk])
    response = login(em.world.officer_b).post(url, _cells(pledge, [["55", "30"]]))
    assert response.status_code == 404
    assert not PledgeScore.objects.exists()


@pytest.mark.parametrize("extra_members", [0, 4])
def test_the_scoring_grid_and_the_cluster_page_read_in_fixed_queries(
    em, django_assert_num_queries, extra_members
):
    pledge = _pledge(em, extra_members)
    members = list(pledge.cluster.members.all())
    services.pledge_grid_save(
        pledge=pledge,
        grid={member: {pledge.criteria.first().pk: Decimal(10)} for member in members},
        by=em.world.root,
    )
    pledge = selectors.get_pledge_for(em.world.root, pledge.pk)
    with django_assert_num_queries(3):
        grid = selectors.pledge_grid(pledge)
    assert len(grid.rows) == 2 + extra_members
    cluster = selectors.get_cluster_for(em.world.root, pledge.cluster_id)
    with django_assert_num_queries(7):
        page = selectors.cluster_page(cluster)
    assert len(page.rankings[0].rows) == 2 + extra_members
