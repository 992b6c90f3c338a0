"""The demo round runs from the plan to the last answer through the services, every state is
present, and running it twice adds nothing."""

import io
from types import SimpleNamespace

import pytest

from tongket.petitions import demo, selectors
from tongket.petitions.choices import State, SubmissionState
from tongket.petitions.models import (
    CitizenSubmission,
    ConclusionNotice,
    Forwarding,
    Plan,
    Recommendation,
)
from tongket.units import demo as units_demo
from tongket.units.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_the_demo_round_holds_every_state_and_is_idempotent():
    ctx, out = SimpleNamespace(), io.StringIO()
    units_demo.load(ctx, out)
    demo.load(ctx, out)
    counts = (Recommendation.objects.count(), AuditEntry.objects.count())
    demo.load(ctx, out)
    assert (Recommendation.objects.count(), AuditEntry.objects.count()) == counts

    plan = Plan.objects.get()
    assert plan.number_text == "Số 12-KH/ĐU"
    items = Recommendation.objects.filter(commune=ctx.hoa_binh)
    assert 35 <= items.count() <= 45
    assert set(items.values_list("state", flat=True)) == set(State.values)
    assert items.filter(sources__unit=ctx.subunits["TDP2"], text__contains="ngõ 5").exists()
    forwarded = Forwarding.objects.filter(commune=ctx.hoa_binh)
    assert (
        forwarded.filter(answered_on__isnull=False, recommendation__state=State.RESOLVED).count()
        == 4
    )
    assert forwarded.filter(department__isnull=False).count() >= 6
    assert ConclusionNotice.objects.filter(session__isnull=True).count() == 1
    assert items.filter(published_at__isnull=False).count() == 1
    assert set(CitizenSubmission.objects.values_list("state", flat=True)) == set(
        SubmissionState.values
    )
    stats = selectors.round_statistics(plan)
    assert stats.sessions_held == 14
    assert stats.sentence.startswith(
        "Qua 14 buổi làm việc với các chi bộ, tổ dân phố, đơn vị cộng quản, trường học, trạm y "
        "tế, Ban Thường vụ Đảng ủy đã tiếp nhận"
    )
    # The province officer of the demo finds the forwarded items, flagged when unanswered.
    listing = selectors.forwarded_list(ctx.users["tinh"], selectors.ForwardedFilters(answer="all"))
    assert listing.total == forwarded.count()
    waiting = selectors.forwarded_list(ctx.users["tinh"])
    assert waiting.total == forwarded.filter(answered_on__isnull=True).count()
    assert listing.flagged_total >= 1
    assert selectors.assigned_to(ctx.users["canbo"])  # Đỗ Thị Mai's own items
