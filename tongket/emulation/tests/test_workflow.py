import datetime

from tongket.emulation.choices import NominationState
from tongket.emulation.models import Award

from .conftest import nominate


def test_a_year_runs_from_nomination_to_decision_with_prizes_from_the_rulebook(em, decided):
    awards = list(Award.objects.filter(decision=decided.chairman).order_by("order"))
    assert len(awards) == 8
    # 0,3 × 2.340.000 đồng (lương cơ sở from 01/07/2024)
    assert {award.prize for award in awards} == {702_000}
    assert decided.chairman.number_label == "3/QĐ-UBND"
    assert decided.party.number_label == "12-QĐ/ĐU"
    assert all(a.nomination.state == NominationState.DECIDED for a in awards)


def test_a_submitted_nomination_is_waiting_for_the_council(em):
    nomination = nominate(em, em.people[0], "ldtt")
    assert nomination.state == NominationState.SUBMITTED
    assert nomination.commune == em.world.a
    assert nomination.year == 2025
    assert datetime.date.today()
