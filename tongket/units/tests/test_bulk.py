"""insert_many: the rows of an import go in at once, each with its own pk, inside the
caller's transaction."""

from __future__ import annotations

import pytest
from django.db import transaction

from tongket.units.bulk import insert_many
from tongket.units.models import AuditEntry


def _entries(count: int) -> list[AuditEntry]:
    return [
        AuditEntry(
            action="create",
            model="targets.result",
            object_id=str(number),
            object_repr=f"Kết quả {number}",
            changes={"value": [None, f"{number},5"]},
        )
        for number in range(count)
    ]


@pytest.mark.django_db
def test_every_row_is_inserted_with_its_own_pk():
    AuditEntry.objects.create(action="create", model="x", object_id="0", object_repr="trước")
    entries = insert_many(_entries(250))
    stored = {entry.pk: entry for entry in AuditEntry.objects.filter(model="targets.result")}
    assert len(stored) == 250
    for entry in entries:
        assert stored[entry.pk].object_id == entry.object_id
        assert stored[entry.pk].changes == entry.changes
        assert stored[entry.pk].at is not None  # auto_now_add applied
    assert not entries[0]._state.adding


@pytest.mark.django_db
def test_nothing_to_insert_is_nothing_done(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert insert_many([]) == []


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_run_outside_a_transaction():
    with pytest.raises(RuntimeError):
        insert_many(_entries(1))
    with transaction.atomic():
        insert_many(_entries(1))
    assert AuditEntry.objects.filter(model="targets.result").count() == 1
