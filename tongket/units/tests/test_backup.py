"""Backup and restore: the demo is backed up, restored into an empty database of the same
engine (SQLite or PostgreSQL, whichever the suite runs on), and every table's rows and every
uploaded file come back; damaged, foreign or newer archives and non-empty targets are
refused with a message."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import tarfile
from contextlib import contextmanager
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import override_settings

from tongket.units import backup as backups
from tongket.units.backup import BackupError, Target


def known_migrations() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def empty_target(tmp_path: Path):
    """A new, empty database of the suite's engine, dropped afterwards."""
    source = Target.from_settings(connection.settings_dict)
    if source.engine == backups.SQLITE:
        yield Target(backups.SQLITE, str(tmp_path / "restored.sqlite3"))
        return
    import psycopg

    target = Target(**{**source.__dict__, "name": f"{source.name}_restore"})
    admin = Target(**{**source.__dict__, "name": "postgres"})
    with psycopg.connect(admin.conninfo(), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{target.name}"')
        server.execute(f'CREATE DATABASE "{target.name}"')
    try:
        yield target
    finally:
        with psycopg.connect(admin.conninfo(), autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{target.name}" WITH (FORCE)')


@dataclass
class Backed:
    """The demo as it was backed up: the archive and what the live database held."""

    archive: Path
    media: Path
    counts: dict[str, int]
    migrations: list[list[str]]
    names: list[str]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Backed:
    """The demo (load_demo) loaded once into the test database, backed up, measured, and
    flushed away again, so the other tests start from an empty database as usual."""
    folder = tmp_path_factory.mktemp("backup")
    media = folder / "media"
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        call_command("load_demo", stdout=StringIO())
        source = Target.from_settings(connection.settings_dict)
        archive = folder / "demo.tar.gz"
        manifest = backups.backup(archive, target=source, media_root=media)
        counts, migrations = backups.database_state(source)
        backed = Backed(archive, media, counts, migrations, _names(source))
        call_command("flush", interactive=False, verbosity=0)
    assert manifest["row_counts"] == counts
    return backed


@pytest.fixture
def archive(demo) -> Path:
    return demo.archive


def _names(target: Target) -> list[str]:
    query = "SELECT name FROM units_unit ORDER BY code"
    if target.engine == backups.SQLITE:
        with sqlite3.connect(target.name) as db:
            return [row[0] for row in db.execute(query)]
    import psycopg

    with psycopg.connect(target.conninfo()) as db:
        return [row[0] for row in db.execute(query)]


def test_the_demo_comes_back_whole_into_an_empty_database(demo, tmp_path):
    manifest = backups.read_manifest(demo.archive)
    assert manifest["row_counts"] == demo.counts
    assert manifest["migrations"] == demo.migrations
    assert demo.counts["units_unit"] > 10 and demo.counts["conferences_photo"] >= 1
    originals = {item["path"]: item["sha256"] for item in manifest["files"]}
    assert originals, "the demo has at least one uploaded photo"
    for name, digest in originals.items():
        assert sha256(demo.media / name.removeprefix("media/")) == digest

    restored_media = tmp_path / "restored-media"
    with empty_target(tmp_path) as target:
        report = backups.restore(
            demo.archive,
            target=target,
            media_root=restored_media,
            known_migrations=known_migrations(),
        )
        restored_counts, restored_migrations = backups.database_state(target)
        assert restored_counts == demo.counts
        assert restored_migrations == demo.migrations
        assert _names(target) == demo.names
    assert report.notes == []
    for name, digest in originals.items():
        assert sha256(restored_media / name.removeprefix("media/")) == digest


def test_the_manifest_says_what_the_archive_holds(archive):
    manifest = backups.read_manifest(archive)
    assert manifest["tongket_version"] == "0.1.0"
    assert ["units", "0001_initial"] in manifest["migrations"]
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert manifest["database"]["path"] in names
    assert {item["path"] for item in manifest["files"]} <= names


def test_a_non_empty_database_is_refused_unless_for_real(archive, tmp_path):
    media = tmp_path / "restored-media"
    with empty_target(tmp_path) as target:
        backups.restore(
            archive, target=target, media_root=media, known_migrations=known_migrations()
        )
        with pytest.raises(BackupError, match="không trống"):
            backups.restore(
                archive, target=target, media_root=media, known_migrations=known_migrations()
            )
        backups.restore(
            archive,
            target=target,
            media_root=media,
            known_migrations=known_migrations(),
            for_real=True,
        )
        assert backups.database_state(target)[0] == backups.read_manifest(archive)["row_counts"]


def _rewritten(archive: Path, tmp_path: Path, change) -> Path:
    """A copy of the archive with `change(name, data) -> data` applied to every member."""
    copy = tmp_path / "changed.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(copy, "w:gz") as target:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return copy


def test_a_damaged_file_in_the_archive_is_refused_before_anything_is_written(archive, tmp_path):
    def flip(name, data):
        return data[:-1] + bytes([data[-1] ^ 1]) if name.startswith("media/") else data

    damaged = _rewritten(archive, tmp_path, flip)
    with empty_target(tmp_path) as target:
        with pytest.raises(BackupError, match="SHA-256 không khớp"):
            backups.restore(
                damaged,
                target=target,
                media_root=tmp_path / "m",
                known_migrations=known_migrations(),
            )
        assert backups.database_state(target)[0] == {}


def test_an_archive_from_a_newer_tongket_is_refused(archive, tmp_path):
    def newer(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"].append(["units", "9999_tuong_lai"])
        return json.dumps(manifest).encode()

    with empty_target(tmp_path) as target, pytest.raises(BackupError, match="mới hơn"):
        backups.restore(
            _rewritten(archive, tmp_path, newer),
            target=target,
            media_root=tmp_path / "m",
            known_migrations=known_migrations(),
        )


def test_an_older_archive_restores_and_says_to_migrate(archive, tmp_path):
    with empty_target(tmp_path) as target:
        report = backups.restore(
            archive,
            target=target,
            media_root=tmp_path / "m",
            known_migrations=known_migrations() | {("units", "9999_tuong_lai")},
        )
    assert "manage.py migrate" in report.notes[0]


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    junk = tmp_path / "x.tar.gz"
    junk.write_bytes(b"not a tar")
    with pytest.raises(BackupError, match="không phải là bản sao lưu"):
        backups.read_manifest(junk)


def test_a_missing_postgresql_client_is_named_clearly(monkeypatch):
    monkeypatch.setattr(backups.common.shutil, "which", lambda name: None)
    with pytest.raises(BackupError, match="postgresql-client"):
        backups.pg_tool("pg_dump")


# The commands ---------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_commands_back_up_and_refuse_to_restore_over_the_live_database(
    world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    live = Target.from_settings(connection.settings_dict)
    archive = tmp_path / "lenh.tar.gz"
    out = StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "Đã sao lưu" in out.getvalue()
    with pytest.raises(CommandError, match="đã có"):
        call_command("backup", str(archive), stdout=StringIO())
    before = backups.database_state(live)[0]
    with pytest.raises(CommandError, match="--for-real"):
        call_command("restore", str(archive), stdout=StringIO())
    assert backups.database_state(live)[0] == before
