"""The rulebook screen speaks in labels, never stored codes, and says "chưa xác minh" once."""

from __future__ import annotations

import re

from django.urls import reverse


def _cells(body: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)
    ]


def test_the_rulebook_shows_labels_not_values(world, kinds, login):
    body = login(world.officer_a).get(reverse("emulation:rulebook")).content.decode()
    cells = _cells(body)
    assert "Chủ tịch UBND cấp xã" in cells
    assert "Hoàn thành tốt nhiệm vụ" in cells
    assert "Có" in cells
    for code in ("chairman", "party_committee", "good", "≥ 1"):
        assert code not in cells, code
    assert body.lower().count("chưa xác minh") == 1
    assert body.count("<sup") > 1
