"""The petitions part of the home page's work list: open recommendations assigned to the
user's unit or person, by deadline, late once the deadline has passed."""

from __future__ import annotations

import datetime

from django.urls import reverse

from tongket.petitions import services
from tongket.petitions.worklist import assigned_items

from .builders import END, raise_item


def test_an_item_assigned_to_a_tổ_dân_phố_is_on_its_reporters_list_until_resolved(
    world, people, session_a1
):
    item = raise_item(world, session_a1)
    services.recommendation_assign(
        item=item, by=world.officer_a, deadline=END, assignee_unit=world.group_a1
    )
    day = END - datetime.timedelta(days=3)
    items = assigned_items(world.reporter_a1, day)
    assert [i.url for i in items] == [reverse("petitions:item", args=[item.pk])]
    assert "Đề nghị nâng cấp đường ngõ 5" in items[0].text
    assert f"hạn {END:%d/%m/%Y}" in items[0].text
    assert not items[0].late
    assert assigned_items(world.reporter_a1, END + datetime.timedelta(days=1))[0].late
    assert assigned_items(world.officer_b, day) == []
    item.refresh_from_db()
    services.recommendation_resolve(
        item=item, by=world.officer_a, answer="Đã nâng cấp xong.", resolved_on=day
    )
    assert assigned_items(world.reporter_a1, day) == []


def test_an_item_assigned_to_a_person_is_on_their_own_list(world, people, session_a1):
    item = raise_item(world, session_a1)
    services.recommendation_assign(
        item=item, by=world.officer_a, deadline=END, assignee_person=world.officer_a.person
    )
    assert len(assigned_items(world.officer_a, END)) == 1
    assert assigned_items(world.leader_a, END) == []
