"""The demo runs a whole year for Phường Hòa Bình, and running it twice adds nothing."""

import io
from types import SimpleNamespace

from tongket.emulation import demo, selectors
from tongket.emulation.models import AwardDecision, Nomination, PledgeSignature
from tongket.units import demo as units_demo
from tongket.units.models import AuditEntry


def test_the_demo_year_runs_from_registration_to_decisions_and_is_idempotent(db):
    ctx, out = SimpleNamespace(), io.StringIO()
    units_demo.load(ctx, out)
    demo.load(ctx, out)
    counts = (Nomination.objects.count(), AuditEntry.objects.count())
    demo.load(ctx, out)
    assert (Nomination.objects.count(), AuditEntry.objects.count()) == counts

    labels = set(AwardDecision.objects.values_list("body", "number"))
    assert labels == {("chairman", 5), ("party_committee", 15)}
    stats = selectors.commendation_statistics(ctx.hoa_binh, 2025)
    assert stats.sentences[0] == "Đảng ủy phường khen thưởng 2 tập thể, 3 cá nhân."
    assert stats.sentences[1] == "Chủ tịch UBND phường tặng giấy khen cho 3 tập thể, 4 cá nhân."
    assert "“Lao động tiên tiến” cho 15 cá nhân" in stats.sentences[2]
    assert [r.cluster_name for r in stats.cluster_rankings] == [
        "Cụm thi đua các tổ dân phố",
        "Khối các đoàn thể",
    ]
    assert len(selectors.pledges_signed(ctx.hoa_binh, 2026)) == 2
    assert PledgeSignature.objects.filter(pledge__year=2026).count() == 12
    states = set(Nomination.objects.values_list("state", flat=True))
    assert {"decided", "returned", "draft", "voted"} <= states
    assert ctx.emulation.decisions
