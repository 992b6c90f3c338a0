"""`python -m tongket.lib.facts.bench`: how long reading a 20-page report takes.

The report is a Word file built from the development texts (paragraphs and their tables),
about 3.000 characters a page, as a commune office writes one. One JSON line: the time to
read the .docx and propose its facts (catalogue matching included), p50 and p95 over the runs.
Target (issue 16): a 20-page report in under 2 s. Django-free; `run(options, stdout)` has the
signature of the apps' bench modules so `make bench` can call it.
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import time

from . import matcher as matcher_module
from .engine import extract_facts
from .eval import load_matcher, load_split
from .folding import fold
from .sources import read_upload

__all__ = ["CHARS_PER_PAGE", "build_report", "run"]

CHARS_PER_PAGE = 3000


def build_report(pages: int = 20) -> bytes:
    """A .docx of about `pages` pages made of the development texts, tables included."""
    import docx

    document = docx.Document()
    texts = [item.text for item in load_split("dev")]
    size, index = 0, 0
    while size < pages * CHARS_PER_PAGE:
        text = texts[index % len(texts)]
        rows = [line.split("\t") for line in text.split("\n") if line.count("\t") >= 2]
        for line in text.split("\n"):
            if line.count("\t") < 2:
                document.add_paragraph(line)
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
            for cells, row in zip(rows, table.rows, strict=True):
                for value, cell in zip(cells, row.cells, strict=False):
                    cell.text = value
        size += len(text)
        index += 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _clear_caches() -> None:
    """Every run reads as a first one: the word caches of earlier runs are emptied."""
    for cached in (fold, matcher_module.words, matcher_module.canonical, matcher_module.score):
        cached.cache_clear()
    matcher_module._content.cache_clear()


def run(options: dict | None = None, stdout=sys.stdout) -> dict:
    options = options or {}
    pages = int(options.get("pages", 20))
    repeat = max(3, int(options.get("repeat", 5)))
    content = build_report(pages)
    timings, facts, chars = [], 0, 0
    for _ in range(repeat):
        matcher = load_matcher()  # a fresh one: no phrase matched in an earlier run is cached
        _clear_caches()
        start = time.perf_counter()
        text = read_upload(content, "bao-cao-20-trang.docx")
        facts = len(extract_facts(text, commune="phường Hòa Bình", year=2025, matcher=matcher))
        timings.append((time.perf_counter() - start) * 1000)
        chars = len(text)
    ordered = sorted(timings)
    line = {
        "bench": "facts_read_report",
        "pages": pages,
        "chars": chars,
        "facts": facts,
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1),
        "target_ms": 2000,
    }
    stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    return line


if __name__ == "__main__":
    run()
