"""Writing a backup: a consistent copy of the database, the uploaded files, the manifest."""

from __future__ import annotations

import datetime
import io
import json
import os
import sqlite3
import tarfile
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .common import (
    DATABASE_MEMBER,
    FORMAT,
    MANIFEST,
    PG_TABLES,
    SQLITE,
    SQLITE_TABLES,
    BackupError,
    Target,
    media_files,
    pg_tool,
    read_state,
    run_tool,
    sha256,
)


def _copy_sqlite(target: Target, destination: Path) -> tuple[dict[str, int], list[list[str]]]:
    """SQLite's online backup: a consistent copy even while others write."""
    if not Path(target.name).exists():
        raise BackupError(f"Không có tệp cơ sở dữ liệu {target.name}.")
    source = sqlite3.connect(f"file:{target.name}?mode=ro", uri=True)
    copy = sqlite3.connect(destination)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
        return read_state(copy.cursor(), SQLITE_TABLES)
    finally:
        copy.close()
        source.close()


def _copy_postgresql(target: Target, destination: Path) -> tuple[dict[str, int], list[list[str]]]:
    """pg_dump inside a snapshot exported by a repeatable-read transaction, in which the
    row counts are taken too: the dump and the manifest describe the same moment."""
    import psycopg

    pg_dump = pg_tool("pg_dump")
    with psycopg.connect(target.conninfo()) as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        cursor = connection.cursor()
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        state = read_state(cursor, PG_TABLES)
        run_tool(
            [
                pg_dump,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={destination}",
                f"--dbname={target.conninfo()}",
            ]
        )
    return state


def tongket_version() -> str:
    try:
        return version("tongket")
    except PackageNotFoundError:
        return "không rõ"


def backup(destination: Path, *, target: Target, media_root: Path) -> dict[str, Any]:
    """Write the archive to `destination`; returns its manifest."""
    destination = Path(destination)
    with tempfile.TemporaryDirectory(prefix="tongket-backup-") as work:
        database = Path(work) / "database"
        if target.engine == SQLITE:
            counts, migrations = _copy_sqlite(target, database)
        else:
            counts, migrations = _copy_postgresql(target, database)
        files = media_files(media_root)
        manifest = {
            "format": FORMAT,
            "tongket_version": tongket_version(),
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "engine": target.engine,
            "database": {"path": DATABASE_MEMBER[target.engine], "sha256": sha256(database)},
            "migrations": migrations,
            "row_counts": counts,
            "files": [
                {
                    "path": f"media/{path.relative_to(media_root).as_posix()}",
                    "size": path.stat().st_size,
                    "sha256": sha256(path),
                }
                for path in files
            ],
        }
        partial = destination.with_name(destination.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            body = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(body), int(datetime.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(body))
            archive.add(database, arcname=DATABASE_MEMBER[target.engine])
            for path in files:
                archive.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
        os.replace(partial, destination)
    return manifest
