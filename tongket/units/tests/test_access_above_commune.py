"""A model may narrow what a grant sitting above the commune (the province) sees of the
commune's rows (`scope_above_commune`); grants on the commune or inside it are not narrowed,
and models without the hook are unchanged."""

from __future__ import annotations

import pytest
from django.db.models import Q
from django.http import Http404

from tongket.units import access
from tongket.units import services as unit_services
from tongket.units.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(world):
    def make(name, unit, note=""):
        return unit_services.person_create(full_name=name, unit=unit, note=note, by=world.root)

    return {
        "internal_a": make("Người nội bộ A", world.a),
        "sent_up_a": make("Người chuyển lên A", world.a, note="chuyển lên"),
        "internal_b": make("Người nội bộ B", world.b),
        "group_a1": make("Người tổ 1", world.group_a1),
    }


@pytest.fixture
def narrowed(monkeypatch):
    """People of a commune, for the test, are the commune's internal rows; those noted
    "chuyển lên" are opened to the level above."""
    monkeypatch.setattr(
        Person, "scope_above_commune", ("unit", Q(note="chuyển lên")), raising=False
    )


def _names(user):
    return set(
        access.restrict(Person.objects.filter(full_name__startswith="Người"), user).values_list(
            "full_name", flat=True
        )
    )


def test_without_the_hook_the_province_sees_every_row_below_it(world, people):
    assert {"Người nội bộ A", "Người chuyển lên A", "Người nội bộ B"} <= _names(
        world.province_officer
    )


def test_the_province_sees_only_the_rows_opened_to_it(world, people, narrowed):
    assert _names(world.province_officer) == {"Người chuyển lên A"}
    with pytest.raises(Http404):
        access.get_for(Person.objects.all(), world.province_officer, people["internal_a"].pk)
    assert access.get_for(Person.objects.all(), world.province_officer, people["sent_up_a"].pk)


def test_the_commune_and_its_units_are_not_narrowed(world, people, narrowed):
    assert {"Người nội bộ A", "Người chuyển lên A"} <= _names(world.officer_a)
    assert "Người nội bộ B" not in _names(world.officer_a)
    assert _names(world.reporter_a1) == {"Người tổ 1"}


def test_a_superuser_is_not_narrowed(world, people, narrowed):
    assert "Người nội bộ B" in _names(world.root)
