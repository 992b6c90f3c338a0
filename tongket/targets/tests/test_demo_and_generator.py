from decimal import Decimal as D
from io import StringIO
from types import SimpleNamespace

from tongket.targets import demo, national, selectors
from tongket.targets.models import Indicator, Plan, Result, Submission
from tongket.units import demo as units_demo


def _load(ctx):
    units_demo.load(ctx, StringIO())
    demo.load(ctx, StringIO())


def test_demo_loads_once_and_shows_the_articles_figures(db):
    ctx = SimpleNamespace()
    _load(ctx)
    counts = [Indicator.objects.count(), Plan.objects.count(), Result.objects.count()]
    _load(SimpleNamespace())
    assert [Indicator.objects.count(), Plan.objects.count(), Result.objects.count()] == counts
    assert counts[0] >= 25 and ctx.target_year == 2025
    rows = {r.indicator_code: r for r in selectors.unit_year_achievements(ctx.hoa_binh, 2025)}
    assert rows["KT01"].result_text == "12,4 tỷ đồng" and rows["KT01"].percent_text == "104%"
    assert rows["VH02"].result_text == "42/42 tuyến phố"
    assert rows["VH04"].result_text == "0,31%" and rows["VH04"].verdict == "vuot"
    assert {r.verdict for r in rows.values()} >= {"vuot", "dat", "khong_dat"}
    states = dict(Submission.objects.filter(year=2025).values_list("unit__code", "state"))
    assert states["AH-HB-P"] == "approved" and states["AH-DL"] == "returned"
    assert selectors.unit_year_plans(ctx.hoa_binh, 2026)[0].plan is not None


def test_generator_builds_a_small_country_and_reuses_it(db):
    scale = national.generate("small")
    first = Result.objects.count()
    assert first > 0
    national.generate("small")
    assert Result.objects.count() == first
    version = Indicator.objects.get(code="QG03").versions.get(year=2025)
    admin = national.ensure_user("qgs_admin", None, None, superuser=True)
    report = selectors.indicator_rollup(admin, version, 2025)
    assert len(report.by_area) == scale.provinces
    assert D(0) < report.total.value <= D(100)
