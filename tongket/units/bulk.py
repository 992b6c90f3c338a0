"""Inserting many rows of one model at once, for imports and their audit rows.

PostgreSQL takes bulk_create's multi-row INSERTs of thousands of rows. SQLite caps a
statement at 999 parameters, so bulk_create there compiles dozens of statements value by
value; one prepared INSERT run by executemany binds the values in C and is several times
faster. Its ids follow from last_insert_rowid(): the rows are inserted in order, inside the
caller's transaction, under SQLite's single write lock, so they are consecutive."""

from __future__ import annotations

from typing import TypeVar

from django.db import DEFAULT_DB_ALIAS, connection, connections, models

M = TypeVar("M", bound=models.Model)


def _executemany(objs: list[M]) -> None:
    db = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the per-thread proxy
    model = type(objs[0])
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    quote = db.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    steps = [(field.pre_save, field.get_db_prep_save) for field in fields]
    params = [[prepare(pre_save(obj, True), db) for pre_save, prepare in steps] for obj in objs]
    with db.cursor() as cursor:
        cursor.executemany(sql, params)
        cursor.execute("SELECT last_insert_rowid()")
        last = cursor.fetchone()[0]
    for obj, pk in zip(objs, range(last - len(objs) + 1, last + 1), strict=True):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, db.alias


def insert_many(objs: list[M]) -> list[M]:
    """Insert new objects of one model (no pk yet) and set their pk, as bulk_create does.
    Must run inside a transaction."""
    if not objs:
        return objs
    if not connection.in_atomic_block:
        raise RuntimeError("insert_many must run inside a transaction")
    if connection.vendor == "sqlite":
        _executemany(objs)
    else:
        type(objs[0]).objects.bulk_create(objs)
    return objs
