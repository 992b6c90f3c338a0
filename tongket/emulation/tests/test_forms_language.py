"""Forms speak plainly: select lists without internal codes or "---------", the nominee
form shows (and sends) only the fields of the kind of nominee chosen, and a conference's
chair and signers are the commune's own people."""

from __future__ import annotations

import re

from django.urls import reverse

from tongket.emulation.forms import NominationForm
from tongket.emulation.models import Movement
from tongket.units import services as unit_services
from tongket.units.models import Person, Unit


def _options(body: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", o).strip()
        for o in re.findall(r"<option[^>]*>(.*?)</option>", body, re.S)
    ]


def test_the_nomination_form_offers_names_without_codes_or_dashes(em, login):
    body = login(em.world.officer_a).get(reverse("emulation:nomination_create")).content.decode()
    options = _options(body)
    assert "---------" not in body
    assert any(option.endswith("Tổ dân phố số 1") for option in options)
    assert not any("(P-A" in option for option in options)
    assert 'data-nominee="individual"' in body and 'data-nominee="household"' in body
    assert "emulation/nominee.js" in body


def test_only_the_fields_of_the_nominee_kind_are_sent(em):
    w = em.world
    data = {
        "unit": w.group_a1.pk,
        "year": em.year,
        "award_kind": em.kinds["ldtt"].pk,
        "recipient": "collective",
        "person": em.people[0].pk,
        "collective": w.group_a1.pk,
        "achievement": "Hoàn thành tốt nhiệm vụ.",
    }
    units = Unit.objects.filter(pk__in=[w.a.pk, w.group_a1.pk])
    form = NominationForm(
        data, units=units, people=Person.objects.all(), movements=Movement.objects.none()
    )
    assert form.is_valid(), form.errors
    assert form.nominee()["person"] is None
    assert form.nominee()["collective"] == w.group_a1


def test_a_conferences_chair_and_signers_are_the_communes_own_people(world, login):
    own = unit_services.person_create(full_name="Lê Thị Thu Hà", unit=world.a, by=world.root)
    resident = unit_services.person_create(
        full_name="Cư Dân Tổ Một", unit=world.group_a1, by=world.root
    )
    body = login(world.officer_a).get(reverse("conferences:create")).content.decode()
    chair = body.split('name="chair"', 1)[1].split("</select>", 1)[0]
    assert own.full_name in chair
    assert resident.full_name not in chair
    assert "Đỗ Thị Tỉnh" not in chair  # the province's officer is a guest, not the chair
    assert "---------" not in chair


def test_a_reporter_is_not_offered_the_communes_own_emulation_screens(em, login):
    council, decisions = reverse("emulation:council"), reverse("emulation:decisions")
    mine = login(em.world.reporter_a1).get(reverse("emulation:nominations")).content.decode()
    assert (
        reverse("emulation:nomination_create") in mine or reverse("emulation:nominations") in mine
    )
    assert f'href="{council}"' not in mine and f'href="{decisions}"' not in mine
    office = login(em.world.officer_a).get(reverse("emulation:nominations")).content.decode()
    assert f'href="{council}"' in office and f'href="{decisions}"' in office
