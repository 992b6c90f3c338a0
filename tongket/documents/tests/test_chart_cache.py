"""The report's chart is drawn once per data version: cached by its figures in the
"documents" cache, a folder every process of the machine reads."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache

from tongket.documents.data import report_data
from tongket.documents.report import chart


def test_the_chart_is_drawn_once_per_data_version(year_end, monkeypatch):
    caches["documents"].clear()
    drawn = []
    real = chart.render

    def counting(bars, axis):
        drawn.append(bars)
        return real(bars, axis)

    monkeypatch.setattr(chart, "render", counting)
    data = report_data(year_end)
    first = chart.chart_png(data)
    assert first.startswith(b"\x89PNG")
    assert chart.chart_png(report_data(year_end)) == first
    assert len(drawn) == 1
    # Another process (its own cache object on the same folder) finds the same picture.
    bars = drawn[0]
    axis = f"% kế hoạch năm {data.year}"
    other = FileBasedCache(str(settings.CACHES["documents"]["LOCATION"]), {})
    assert other.get(chart.cache_key(bars, axis)) == first
    # A figure changes: a new version, drawn once more.
    changed = ((bars[0][0], bars[0][1] + 7.5, bars[0][2]), *bars[1:])
    assert chart.draw(changed, axis) != first
    chart.draw(changed, axis)
    assert len(drawn) == 2
