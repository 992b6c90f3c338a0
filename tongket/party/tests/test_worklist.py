"""The party part of the home page's work list: a ceremony not held in time is on the list
of the Đảng ủy office and its leaders, never on a state officer's."""

from __future__ import annotations

from django.urls import reverse

from tongket.party.worklist import party_work

from .conftest import D, candidate, walk


def test_a_ceremony_not_held_in_time_is_on_the_party_offices_list(pw):
    admission = walk(pw, candidate(pw), upto="decide")  # decided 05/04/2025
    assert party_work(pw.party_officer_a, D(2025, 5, 5)) == []
    items = party_work(pw.party_officer_a, D(2025, 5, 6))
    assert [item.url for item in items] == [reverse("party:admission", args=[admission.pk])]
    assert items[0].text.startswith("Chưa tổ chức lễ kết nạp: ")
    assert items[0].late
    assert len(party_work(pw.party_leader_a, D(2025, 5, 6))) == 1
    assert party_work(pw.officer_a, D(2025, 5, 6)) == []
    assert party_work(pw.party_officer_b, D(2025, 5, 6)) == []
