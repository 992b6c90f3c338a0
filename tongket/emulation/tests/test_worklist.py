"""The emulation part of the home page's work list: nominations to check, returned ones to
correct, council sessions the user sits on, decisions the user signs."""

from __future__ import annotations

import datetime

from django.urls import reverse

from tongket.emulation import services
from tongket.emulation.models import AwardDecision
from tongket.emulation.worklist import (
    council_sessions,
    decisions_to_sign,
    nominations_returned,
    nominations_to_check,
)
from tongket.units import services as unit_services

from .conftest import nominate

TODAY = datetime.date(2025, 12, 1)


def _account(world, person, username):
    return unit_services.user_create(
        username=username, password=world.password, unit=world.a, person=person, by=world.root
    )


def test_nominations_sent_up_wait_for_the_commune_office_and_returned_ones_for_the_unit(em):
    w = em.world
    first = nominate(em, em.people[0], "ldtt", by=w.reporter_a1)
    nominate(em, em.people[1], "ldtt", by=w.reporter_a1)
    nominate(em, em.people[2], "ldtt", submit=False, by=w.reporter_a1)
    checks = nominations_to_check(w.officer_a, TODAY)
    assert [item.text for item in checks] == ["Kiểm tra 2 đề nghị khen thưởng năm 2025 đã gửi"]
    assert checks[0].url == reverse("emulation:nominations") + "?year=2025&state=submitted"
    assert nominations_to_check(w.reporter_a1, TODAY) == []
    assert nominations_to_check(w.officer_b, TODAY) == []
    services.nomination_return(nomination=first, reason="Thiếu minh chứng", by=w.officer_a)
    returned = nominations_returned(w.reporter_a1, TODAY)
    assert [item.url for item in returned] == [reverse("emulation:nomination", args=[first.pk])]
    assert "Nguyễn Văn An" in returned[0].text
    assert nominations_returned(w.officer_b, TODAY) == []


def test_a_council_member_sees_the_coming_session_until_it_is_held(em):
    w = em.world
    member = _account(w, em.council[0], "uyvien1")
    outsider = _account(w, em.people[0], "nguoidan1")
    session = services.session_create(
        commune=w.a,
        year=em.year,
        held_on=datetime.date(2026, 1, 5),
        members_present=5,
        place="Hội trường UBND phường",
        by=w.root,
    )
    items = council_sessions(member, TODAY)
    assert [item.url for item in items] == [reverse("emulation:session", args=[session.pk])]
    assert items[0].text == (
        "Họp Hội đồng Thi đua – Khen thưởng ngày 05/01/2026, Hội trường UBND phường"
    )
    assert council_sessions(outsider, TODAY) == []
    assert council_sessions(member, datetime.date(2026, 1, 6)) == []


def test_the_signer_sees_the_decisions_to_sign_until_the_signing_day_has_passed(em, decided):
    decision = AwardDecision.objects.filter(signer__isnull=False).order_by("id").first()
    signer = _account(em.world, decision.signer, "nguoiky")
    items = decisions_to_sign(signer, decision.signed_on)
    assert reverse("emulation:decision", args=[decision.pk]) in [item.url for item in items]
    assert all(item.text.startswith("Ký quyết định khen thưởng số") for item in items)
    assert decisions_to_sign(signer, decision.signed_on + datetime.timedelta(days=1)) == []
    assert decisions_to_sign(em.world.officer_a, decision.signed_on) == []
