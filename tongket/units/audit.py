"""The audit log: every create, update, delete and state change made through tongket's
services is recorded here, in the caller's transaction (services are @transaction.atomic),
so a change and its audit row are saved together or not at all.

Services use `create`, `update`, `delete` and `transition` instead of calling save() and
delete() themselves. Those check every text field first (no control characters anywhere, no
line breaks in single-line fields), so nothing a service writes can carry them.
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models

from .access import side_of, unit_of
from .bulk import insert_many
from .choices import AuditAction
from .messages import full_clean
from .models import AuditEntry
from .validators import check_model_text, text_problem

M = TypeVar("M", bound=models.Model)

_SKIPPED = {"password", "name_folded", "path", "depth", "last_login"}


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The object's concrete field values, JSON-safe, keyed by attribute name."""
    return {
        field.attname: _jsonable(getattr(obj, field.attname))
        for field in obj._meta.concrete_fields
        if field.attname not in _SKIPPED and not field.primary_key
    }


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        key: [before.get(key), value] for key, value in after.items() if before.get(key) != value
    }


def _entry(
    *,
    by,
    action: str,
    obj: models.Model,
    changes: dict[str, list[Any]] | None = None,
    verb: str = "",
    note: str = "",
    side: str | None = None,
) -> AuditEntry:
    """The audit row for one change, not saved yet."""
    problem = text_problem(note, multiline=True)
    if problem:
        raise ValidationError({"note": problem})
    unit = unit_of(obj)
    return AuditEntry(  # ids rather than objects: cheaper when an import builds thousands
        actor_id=getattr(by, "pk", None) if by is not None else None,
        action=action,
        verb=verb,
        model=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        unit_id=unit.pk if unit is not None else None,
        changes=changes or {},
        note=note,
        side=side or side_of(type(obj)),
    )


def record(
    *,
    by,
    action: str,
    obj: models.Model,
    changes: dict[str, list[Any]] | None = None,
    verb: str = "",
    note: str = "",
    side: str | None = None,
) -> AuditEntry:
    """One audit row; its side is the object's model's unless the caller names the side the
    change was made on (a person entered by the party office as a new member)."""
    entry = _entry(by=by, action=action, obj=obj, changes=changes, verb=verb, note=note, side=side)
    entry.save()
    return entry


def _created_changes(obj: models.Model) -> dict[str, list[Any]]:
    return {key: [None, value] for key, value in snapshot(obj).items() if value not in (None, "")}


def create(
    obj: M, *, by, verb: str = "", note: str = "", clean: bool = True, side: str | None = None
) -> M:
    if clean:
        full_clean(obj)
    check_model_text(obj)
    obj.save()
    record(
        by=by,
        action=AuditAction.CREATE,
        obj=obj,
        changes=_created_changes(obj),
        verb=verb,
        note=note,
        side=side,
    )
    return obj


def update(
    obj: M, before: dict[str, Any], *, by, verb: str = "", note: str = "", clean: bool = True
) -> M:
    """Save `obj` and record what changed since `before` (a snapshot taken before editing).
    Nothing changed: nothing is saved and nothing recorded."""
    if clean:
        full_clean(obj)
    check_model_text(obj)
    changes = diff(before, snapshot(obj))
    if not changes and not note:
        return obj
    obj.save()
    record(by=by, action=AuditAction.UPDATE, obj=obj, changes=changes, verb=verb, note=note)
    return obj


def transition(
    obj: M, field: str, new_state: str, *, by, verb: str = "", note: str = "", **extra: Any
) -> M:
    """Move a workflow state (and any extra fields that go with it) and record it."""
    before = snapshot(obj)
    setattr(obj, field, new_state)
    for name, value in extra.items():
        setattr(obj, name, value)
    check_model_text(obj)
    obj.save()
    record(
        by=by,
        action=AuditAction.TRANSITION,
        obj=obj,
        changes=diff(before, snapshot(obj)),
        verb=verb or new_state,
        note=note,
    )
    return obj


def delete(obj: models.Model, *, by, note: str = "") -> None:
    before = snapshot(obj)
    record(
        by=by,
        action=AuditAction.DELETE,
        obj=obj,
        changes={key: [value, None] for key, value in before.items() if value not in (None, "")},
        note=note,
    )
    obj.delete()


def create_many(objs: list[M], *, by, verb: str = "") -> list[M]:
    """Insert many new objects of one model with one bulk insert, and their audit rows with
    another (for imports), inside the caller's transaction. The objects are checked as
    create() checks them, except full_clean(): the caller has validated them."""
    if not objs:
        return objs
    for obj in objs:
        check_model_text(obj)
    insert_many(objs)
    insert_many(
        [
            _entry(
                by=by, action=AuditAction.CREATE, obj=obj, changes=_created_changes(obj), verb=verb
            )
            for obj in objs
        ]
    )
    return objs


def update_many(
    edited: list[tuple[M, dict[str, Any]]], fields: list[str], *, by, verb: str = ""
) -> list[M]:
    """Save many edited objects of one model (each with its snapshot from before the edit)
    with one bulk update of `fields`, and one audit row for each that changed. Unchanged
    objects are neither saved nor recorded; the changed ones are returned."""
    changed = [(obj, diff(before, snapshot(obj))) for obj, before in edited]
    changed = [(obj, changes) for obj, changes in changed if changes]
    if not changed:
        return []
    for obj, _changes in changed:
        check_model_text(obj)
    type(changed[0][0]).objects.bulk_update([obj for obj, _changes in changed], fields)
    insert_many(
        [
            _entry(by=by, action=AuditAction.UPDATE, obj=obj, changes=changes, verb=verb)
            for obj, changes in changed
        ]
    )
    return [obj for obj, _changes in changed]
