"""The rulebook screen speaks in labels, never stored codes, and says "chưa xác minh" once a
row (in the citation, no second badge)."""

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
    unverified = [cell for cell in cells if "chưa xác minh" in cell]
    assert unverified, "the seeded rulebook has unverified rows"
    assert all(cell.count("chưa xác minh") == 1 for cell in unverified)
