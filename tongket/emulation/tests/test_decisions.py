"""An award decision checks every awardee on the decision date's rulebook (the checks live in
eligibility, beside the Judge), reads the ballots once whatever the number of awardees, and
a refusal saves nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tongket.emulation import services
from tongket.emulation.choices import NominationState
from tongket.emulation.models import Award, AwardDecision, Nomination
from tongket.units.models import AuditEntry

from .conftest import nominate, vote_through


def _decide(em, nominations, number, on=datetime.date(2026, 1, 8), body="chairman"):
    return services.decision_create(
        commune=em.world.a,
        body=body,
        number=number,
        signed_on=on,
        signer_name="Lê Thị Thu Hà",
        nominations=nominations,
        by=em.world.root,
    )


def _ballot_reads(queries) -> int:
    return sum(
        1
        for query in queries
        if query["sql"].startswith("SELECT") and 'FROM "emulation_ballot"' in query["sql"]
    )


@pytest.mark.parametrize("size", [2, 6])
def test_a_decision_reads_the_ballots_once_however_many_it_awards(em, size):
    nominations = [nominate(em, person, "ldtt") for person in em.people[:size]]
    vote_through(em, nominations)
    with CaptureQueriesContext(connection) as captured:
        decision = _decide(em, nominations, 1)
    assert decision.awards.count() == size
    assert _ballot_reads(captured.captured_queries) == 1


def test_a_title_without_a_prize_coefficient_on_the_decision_date_is_refused_once(em):
    # The rulebook's first rows for Lao động tiên tiến (Nghị định 91/2017) take
    # effect on 01/10/2017: a decision dated before it is refused with ONE message naming
    # the missing rule, however many nominations it names.
    nominations = [nominate(em, person, "ldtt") for person in em.people[:3]]
    vote_through(em, nominations)
    audit_rows = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        _decide(em, nominations, 1, on=datetime.date(2017, 9, 30))
    assert caught.value.messages == [
        "Bộ quy định chưa có thẩm quyền khen thưởng của “Lao động tiên tiến” áp dụng ngày "
        "30/09/2017; quản trị hệ thống cần thêm dòng quy định theo văn bản có hiệu lực khi đó "
        "(mục Quy định)."
    ]
    assert not AwardDecision.objects.exists() and not Award.objects.exists()
    assert AuditEntry.objects.count() == audit_rows
    assert _decide(em, nominations, 1, on=datetime.date(2017, 10, 1)).awards.count() == 3


def test_a_refused_decision_names_every_awardee_it_cannot_award_and_saves_nothing(em):
    passed = [nominate(em, person, "ldtt") for person in em.people[:2]]
    failed = nominate(em, em.people[2], "ldtt")
    vote_through(em, passed)
    vote_through(em, [failed], votes=1)
    other = nominate(em, em.people[3], "ldtt", submit=False)
    audit_rows = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as caught:
        _decide(em, [*passed, failed, other], 1, body="party_committee")
    messages = caught.value.messages
    assert len(messages) == 4
    assert all("không thuộc thẩm quyền của Đảng ủy cấp xã" in m for m in messages[:2])
    assert "(thẩm quyền: Chủ tịch UBND cấp xã). (Căn cứ: Điều 80 khoản 3, Luật" in messages[0]
    assert messages[2:] == [
        f"{failed} chưa được Hội đồng bỏ phiếu đạt.",
        f"{other} chưa được Hội đồng bỏ phiếu đạt.",
    ]
    assert not AwardDecision.objects.exists()
    assert AuditEntry.objects.count() == audit_rows
    states = set(
        Nomination.objects.filter(pk__in=[n.pk for n in passed]).values_list("state", flat=True)
    )
    assert states == {NominationState.VOTED}
