"""The award decisions handed out at a conference: chosen from the commune's own decisions
for the year, shown on the conference page, refused for another commune's decision."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tongket.conferences import services
from tongket.conferences.tests.builders import make_conference
from tongket.emulation.tests.conftest import decided, em, kinds  # noqa: F401 (fixtures)
from tongket.units.models import AuditEntry


def test_officer_records_the_decisions_handed_out(world, decided):  # noqa: F811
    conference = make_conference(world)
    response = world_client(world.officer_a).post(
        reverse("conferences:award_decisions", args=[conference.pk]),
        {"decisions": [decided.chairman.pk, decided.party.pk]},
    )
    assert response.status_code == 302
    assert set(conference.award_decisions.all()) == {decided.chairman, decided.party}
    assert AuditEntry.objects.filter(
        model="conferences.conference", changes__has_key="award_decisions"
    ).exists()
    page = world_client(world.leader_a).get(reverse("conferences:detail", args=[conference.pk]))
    assert str(decided.chairman) in page.content.decode()


def test_a_decision_of_another_commune_is_refused_and_nothing_saved(world, decided):  # noqa: F811
    conference = make_conference(world, unit=world.b, by=world.officer_b)
    with pytest.raises(ValidationError, match="không thuộc đơn vị này"):
        services.award_decisions_set(
            conference=conference, decision_ids=[decided.chairman.pk], by=world.officer_b
        )
    assert not conference.award_decisions.exists()


def test_a_viewer_of_another_commune_cannot_set_decisions(world, decided):  # noqa: F811
    conference = make_conference(world)
    response = world_client(world.officer_b).post(
        reverse("conferences:award_decisions", args=[conference.pk]),
        {"decisions": [decided.chairman.pk]},
    )
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        services.award_decisions_set(
            conference=conference, decision_ids=[decided.chairman.pk], by=world.leader_a
        )
    assert not conference.award_decisions.exists()


def world_client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
