"""Emulation fixtures, built through the module's own services on top of the shared world:
ten people in tổ dân phố 1 of phường A, a five-member council for 2025."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest

YEAR = 2025


@pytest.fixture
def kinds(db):
    """The rulebook's award kinds. A migration seeds them, but a transactional test run
    earlier (live server, threads) flushes the tables, so seed again: it is idempotent."""
    from tongket.emulation.models import AwardKind
    from tongket.emulation.rulebook_seed import seed_rulebook

    seed_rulebook()
    return {kind.code: kind for kind in AwardKind.objects.all()}


@pytest.fixture
def em(world, kinds):
    from tongket.emulation import services
    from tongket.units import services as unit_services

    by = world.root
    people = [
        unit_services.person_create(full_name=f"Nguyễn Văn {name}", unit=world.group_a1, by=by)
        for name in ("An", "Bình", "Cường", "Dũng", "Em", "Phong", "Giang", "Hải", "Khoa", "Long")
    ]
    council = [
        unit_services.person_create(full_name=f"Ủy viên {i}", unit=world.a, by=by)
        for i in range(1, 6)
    ]
    for index, person in enumerate(council):
        services.council_member_add(
            commune=world.a,
            year=YEAR,
            person=person,
            role="Chủ tịch Hội đồng" if index == 0 else "Ủy viên",
            by=by,
        )
    return SimpleNamespace(world=world, kinds=kinds, people=people, council=council, year=YEAR)


def register(em, person, code, unit=None):
    from tongket.emulation import services

    return services.registration_create(
        unit=unit or person.unit,
        year=em.year,
        award_kind=em.kinds[code],
        recipient="individual",
        person=person,
        registered_on=datetime.date(em.year, 1, 15),
        by=em.world.root,
    )


def nominate(em, person, code, *, submit=True, registered=True, by=None, unit=None, **extra):
    from tongket.emulation import services

    by = by or em.world.root
    if registered:
        register(em, person, code)
    nomination = services.nomination_create(
        unit=unit or person.unit,
        year=em.year,
        award_kind=em.kinds[code],
        recipient="individual",
        person=person,
        achievement=f"Hoàn thành tốt nhiệm vụ năm {em.year}.",
        by=by,
        **extra,
    )
    if submit:
        nomination = services.nomination_submit(nomination=nomination, by=by)
    return nomination


def vote_through(em, nominations, votes=5, present=5, held_on=None):
    """A council session that reviews the nominations and gives each `votes` votes."""
    from tongket.emulation import services

    by = em.world.root
    session = services.session_create(
        commune=em.world.a,
        year=em.year,
        held_on=held_on or datetime.date(em.year + 1, 1, 5),
        members_present=present,
        place="Hội trường UBND phường",
        by=by,
    )
    ballots = services.session_add_nominations(session=session, nominations=nominations, by=by)
    services.ballots_record(session=session, votes={b.pk: votes for b in ballots}, by=by)
    return session


def leaders(world, start=datetime.date(2021, 6, 1)):
    """The commune's Chủ tịch UBND and Bí thư, holding their positions from `start`: they
    sign its decisions (documents read signers from positions held on the signing date)."""
    from tongket.units import services as unit_services

    made = {}
    for name, title in (
        ("Lê Thị Thu Hà", "Chủ tịch UBND phường"),
        ("Nguyễn Văn Hùng", "Bí thư Đảng ủy phường"),
    ):
        person = unit_services.person_create(full_name=name, unit=world.a, by=world.root)
        unit_services.position_create(
            person=person, unit=world.a, title=title, start_date=start, by=world.root
        )
        made[name] = person
    return made


@pytest.fixture
def decided(em):
    """Eight Lao động tiên tiến decided by the chairman, one giấy khen by the party committee."""
    from tongket.emulation import services

    leaders(em.world)
    lao_dong = [nominate(em, person, "ldtt") for person in em.people[:8]]
    party = nominate(em, em.people[8], "gk-danguy", registered=False)
    session = vote_through(em, [*lao_dong, party])
    chairman = services.council_result_approve(
        session=session,
        body="chairman",
        number=3,
        signed_on=datetime.date(em.year + 1, 1, 8),
        signer_name="Lê Thị Thu Hà",
        by=em.world.root,
    )
    party_decision = services.council_result_approve(
        session=session,
        body="party_committee",
        number=12,
        signed_on=datetime.date(em.year + 1, 1, 8),
        signer_name="Nguyễn Văn Hùng",
        by=em.world.root,
    )
    return SimpleNamespace(session=session, chairman=chairman, party=party_decision)
