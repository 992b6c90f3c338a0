"""The 20-page report the bench reads (the timing itself is a benchmark, not a test)."""

import io
import json

from tongket.lib.facts.bench import CHARS_PER_PAGE, build_report, run
from tongket.lib.facts.sources import read_upload


def test_the_bench_report_is_a_word_file_of_about_twenty_pages_with_tables():
    text = read_upload(build_report(20), "bao-cao.docx")
    assert len(text) >= 20 * CHARS_PER_PAGE
    assert any(line.count("\t") >= 2 for line in text.split("\n"))


def test_the_bench_prints_one_json_line_with_its_timings():
    out = io.StringIO()
    line = run({"pages": 2, "repeat": 3}, out)
    assert json.loads(out.getvalue()) == line
    assert line["bench"] == "facts_read_report" and line["facts"] > 0
    assert line["p50_ms"] > 0 and line["target_ms"] == 2000
