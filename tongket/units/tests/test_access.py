import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tongket.units import access
from tongket.units.choices import Action
from tongket.units.models import AuditEntry, Person, Unit


def test_reporter_sees_only_their_residential_group(world):
    visible = set(access.units_for(world.reporter_a1).values_list("code", flat=True))
    assert visible == {"P-A-T1"}


def test_officer_of_a_sees_a_and_its_subtree_but_not_b(world):
    visible = set(access.units_for(world.officer_a).values_list("code", flat=True))
    assert visible == {"P-A", "P-A-T1", "P-A-T2"}


def test_province_officer_sees_every_commune_of_the_province(world):
    visible = set(access.units_for(world.province_officer).values_list("code", flat=True))
    assert {"T01", "P-A", "P-B", "P-A-T1", "P-B-T1"} <= visible


def test_unit_outside_view_is_not_found(world):
    with pytest.raises(Http404):
        access.get_unit_for(world.officer_a, world.b.pk)


def test_visible_unit_without_the_action_is_forbidden(world):
    with pytest.raises(PermissionDenied):
        access.get_unit_for(world.leader_a, world.a.pk, Action.EDIT)


def test_garbage_id_is_not_found(world):
    with pytest.raises(Http404):
        access.get_unit_for(world.officer_a, "abc")


def test_reporter_may_enter_but_not_edit_their_group(world):
    assert access.can(world.reporter_a1, Action.ENTER, world.group_a1)
    assert not access.can(world.reporter_a1, Action.EDIT, world.group_a1)
    assert not access.can(world.reporter_a1, Action.ENTER, world.group_a2)
    assert not access.can(world.reporter_a1, Action.VIEW, world.a)


def test_restrict_follows_scope_field_of_other_models(world):
    people = access.restrict(Person.objects.all(), world.reporter_a1)
    assert all(p.unit_id == world.group_a1.pk for p in people)
    assert people.filter(full_name="Phạm Thị Báo").exists()


def test_user_without_grants_sees_nothing(world, django_user_model):
    nobody = django_user_model.objects.create_user("nobody", password="x-Y-z-123456")
    assert not access.units_for(nobody).exists()
    assert not access.restrict(AuditEntry.objects.all(), nobody, Action.AUDIT).exists()


def test_inactive_user_has_no_scope(world):
    world.officer_a.is_active = False
    world.officer_a.save()
    access.forget(world.officer_a)
    assert not access.units_for(world.officer_a).exists()


def test_superuser_sees_everything(world):
    assert access.units_for(world.root).count() == Unit.objects.count()


def test_scope_is_read_with_one_query_per_request(world, django_assert_num_queries):
    access.forget(world.officer_a)
    with django_assert_num_queries(1):
        for _ in range(5):
            access.can(world.officer_a, Action.VIEW, world.a)
