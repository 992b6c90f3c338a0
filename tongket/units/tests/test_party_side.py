"""The access layer's party side: a grant belongs to the state (default) or the party; a
model's `access_side` says whose grants reach its rows; the audit log follows its rows' side.
State-side behaviour is unchanged."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tongket.party.models import PartyMember
from tongket.units import access, numbering, selectors, services
from tongket.units.choices import Action, Body, DocumentType, Role, Side
from tongket.units.models import AuditEntry, Person, RoleGrant


def test_a_party_grant_reaches_the_party_side_only(party_world):
    w = party_world
    assert access.can(w.party_officer_a, Action.EDIT, w.a, Side.PARTY)
    assert not access.can(w.party_officer_a, Action.VIEW, w.a)
    assert not access.units_for(w.party_officer_a).exists()
    assert set(
        access.units_for(w.party_officer_a, side=Side.PARTY).values_list("code", flat=True)
    ) >= {
        "P-A",
        "P-A-CB1",
    }


def test_a_state_grant_reaches_nothing_on_the_party_side(party_world):
    w = party_world
    assert access.can(w.admin_a, Action.ADMINISTER, w.a)
    assert not access.can(w.admin_a, Action.VIEW, w.a, Side.PARTY)
    assert not access.can_anywhere(w.leader_a, Action.VIEW, Side.PARTY)


def _record(w):
    from tongket.party import services as party

    return party.member_create(
        commune=w.a,
        cell=w.cell_a1,
        full_name="Người Được Bảo Vệ",
        birth_date=datetime.date(1980, 1, 1),
        admitted_on=datetime.date(2010, 1, 1),
        by=w.root,
    )


def test_restrict_and_get_for_use_the_models_side(party_world):
    w = party_world
    record = _record(w)
    assert PartyMember.access_side == "party"
    assert list(access.restrict(PartyMember.objects.all(), w.party_officer_a)) == [record]
    assert list(access.restrict(PartyMember.objects.all(), w.cell_secretary_a)) == [record]
    assert not access.restrict(PartyMember.objects.all(), w.officer_a).exists()
    with pytest.raises(Http404):
        access.get_for(PartyMember.objects.all(), w.admin_a, record.pk)
    assert (
        access.get_for(PartyMember.objects.all(), w.party_officer_a, record.pk, Action.EDIT)
        == record
    )
    with pytest.raises(PermissionDenied):
        access.get_for(PartyMember.objects.all(), w.party_leader_a, record.pk, Action.EDIT)


def test_state_models_still_answer_state_grants_only(party_world):
    w = party_world
    assert access.restrict(Person.objects.all(), w.officer_a).exists()
    assert not access.restrict(Person.objects.all(), w.party_officer_a).exists()


def test_both_sides_are_read_in_one_query(party_world, django_assert_num_queries):
    w = party_world
    access.forget(w.party_officer_a)
    with django_assert_num_queries(1):
        access.can(w.party_officer_a, Action.VIEW, w.a)
        access.can(w.party_officer_a, Action.VIEW, w.a, Side.PARTY)


def test_only_a_party_side_administrator_grants_party_roles(party_world):
    w = party_world
    with pytest.raises(PermissionDenied):
        services.role_grant(
            user=w.officer_a, unit=w.a, role=Role.OFFICER, side=Side.PARTY, by=w.admin_a
        )
    assert not RoleGrant.objects.filter(user=w.officer_a, side=Side.PARTY).exists()
    grant = services.role_grant(
        user=w.officer_a, unit=w.a, role=Role.OFFICER, side=Side.PARTY, by=w.root
    )
    assert grant.side == Side.PARTY and access.can(w.officer_a, Action.EDIT, w.a, Side.PARTY)


def test_the_same_role_on_both_sides_is_two_grants(party_world):
    w = party_world
    services.role_grant(user=w.party_officer_a, unit=w.a, role=Role.OFFICER, by=w.root)
    assert (
        RoleGrant.objects.filter(user=w.party_officer_a, unit=w.a, role=Role.OFFICER).count() == 2
    )


def test_party_rows_are_audited_on_the_party_side_and_shown_only_there(party_world):
    w = party_world
    record = _record(w)
    rows = AuditEntry.objects.filter(model="party.partymember", object_id=str(record.pk))
    assert set(rows.values_list("side", flat=True)) == {"party"}
    assert not selectors.audit_log(w.leader_a).filter(model__startswith="party.").exists()
    assert not selectors.audit_log(w.leader_a).filter(object_repr="Người Được Bảo Vệ").exists()
    assert selectors.audit_log(w.party_leader_a).filter(model="party.partymember").exists()
    assert not selectors.audit_log(w.party_leader_a).filter(model="units.unit").exists()


def test_the_party_takes_numbers_and_records_terms_with_party_grants(party_world):
    w = party_world
    day = datetime.date(2025, 3, 1)
    issued = numbering.number_take(
        unit=w.a,
        body=Body.PARTY_COMMITTEE,
        doc_type=DocumentType.DECISION,
        on=day,
        by=w.party_officer_a,
        side=Side.PARTY,
    )
    assert str(issued) == "1-QĐ/ĐU"
    with pytest.raises(PermissionDenied):
        numbering.number_take(
            unit=w.a,
            body=Body.PARTY_COMMITTEE,
            doc_type=DocumentType.DECISION,
            on=day,
            by=w.party_officer_a,
        )
    term = numbering.term_create(
        unit=w.a,
        body=Body.PARTY_COMMITTEE,
        name="2025–2030",
        start_date=day,
        by=w.party_officer_a,
        side=Side.PARTY,
    )
    assert term.name == "2025–2030"
