"""Reading a backup back: check the archive, restore the database and the files, check
again."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from .common import (
    DATABASE_MEMBER,
    FORMAT,
    MANIFEST,
    SQLITE,
    BackupError,
    Report,
    Target,
    database_state,
    media_files,
    pg_tool,
    run_tool,
    sha256,
)

# Reading an archive ---------------------------------------------------------------------------


def _safe_member(name: str) -> bool:
    path = Path(name)
    return not path.is_absolute() and ".." not in path.parts


def read_manifest(archive_path: Path) -> dict[str, Any]:
    try:
        with tarfile.open(archive_path, "r:*") as archive:
            stream = archive.extractfile(MANIFEST)
            if stream is None:
                raise KeyError(MANIFEST)
            manifest = json.loads(stream.read())
    except (OSError, tarfile.TarError, KeyError, ValueError):
        raise BackupError(f"{archive_path} không phải là bản sao lưu tongket đọc được.") from None
    if manifest.get("format") != FORMAT or manifest.get("engine") not in DATABASE_MEMBER:
        raise BackupError("Bản sao lưu có định dạng mà phiên bản tongket này không đọc được.")
    return manifest


def unpack(archive_path: Path, manifest: dict[str, Any], into: Path) -> None:
    """Extract the database and the listed files, checking each against the manifest."""
    expected = {manifest["database"]["path"]: manifest["database"]["sha256"]}
    expected |= {item["path"]: item["sha256"] for item in manifest["files"]}
    if not all(_safe_member(name) for name in expected):
        raise BackupError("Bản sao lưu có đường dẫn tệp không an toàn.")
    with tarfile.open(archive_path, "r:*") as archive:
        names = set(archive.getnames())
        missing = sorted(set(expected) - names)
        if missing:
            raise BackupError(f"Bản sao lưu thiếu tệp: {', '.join(missing[:5])}.")
        archive.extractall(into, members=[archive.getmember(n) for n in expected], filter="data")
    for name, digest in expected.items():
        if sha256(into / name) != digest:
            raise BackupError(f"Tệp {name} trong bản sao lưu đã bị thay đổi (SHA-256 không khớp).")


def check_migrations(manifest: dict[str, Any], known: set[tuple[str, str]]) -> list[str]:
    """Refuses a copy made by a newer tongket; returns notes (migrations still to run)."""
    recorded = {(app, name) for app, name in manifest["migrations"]}
    unknown = sorted(recorded - known)
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise BackupError(
            f"Bản sao lưu được tạo bởi phiên bản tongket mới hơn (có các thay đổi cơ sở dữ liệu "
            f"mà mã này không biết: {names}). Hãy cập nhật tongket trước khi phục hồi."
        )
    missing = sorted(known - recorded)
    if missing:
        return [
            f"Mã này có {len(missing)} thay đổi cơ sở dữ liệu mới hơn bản sao lưu: "
            "sau khi phục hồi, hãy chạy manage.py migrate."
        ]
    return []


# Restore -------------------------------------------------------------------------------------


def _media_is_empty(media_root: Path) -> bool:
    return not media_files(media_root)


def _restore_sqlite(database: Path, target: Target) -> None:
    Path(target.name).parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(database)
    destination = sqlite3.connect(target.name)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _restore_postgresql(database: Path, target: Target, *, wipe: bool) -> None:
    import psycopg

    pg_restore = pg_tool("pg_restore")
    if wipe:
        with psycopg.connect(target.conninfo(), autocommit=True) as connection:
            connection.execute("DROP SCHEMA public CASCADE")
            connection.execute("CREATE SCHEMA public")
    run_tool(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={target.conninfo()}",
            str(database),
        ]
    )


def restore(
    archive_path: Path,
    *,
    target: Target,
    media_root: Path,
    known_migrations: set[tuple[str, str]],
    for_real: bool = False,
) -> Report:
    """Bring an archive back into `target` and `media_root`. Refuses a database or a media
    folder that holds anything unless for_real; checks every hash before and every row
    count and file after."""
    manifest = read_manifest(archive_path)
    if manifest["engine"] != target.engine:
        raise BackupError(
            f"Bản sao lưu là của {manifest['engine']}, nhưng cơ sở dữ liệu đích là "
            f"{target.engine}: chỉ phục hồi được vào cùng loại."
        )
    notes = check_migrations(manifest, known_migrations)
    current, _ = database_state(target)
    occupied = [name for name, count in current.items() if count]
    if (current or not _media_is_empty(media_root)) and not for_real:
        raise BackupError(
            "Cơ sở dữ liệu hoặc thư mục tệp tải lên đích không trống "
            f"({len(current)} bảng, {len(occupied)} bảng có dữ liệu). Phục hồi sẽ ghi đè: "
            "chỉ làm khi chắc chắn, bằng --for-real."
        )
    with tempfile.TemporaryDirectory(prefix="tongket-restore-") as work:
        unpacked = Path(work)
        unpack(archive_path, manifest, unpacked)
        database = unpacked / manifest["database"]["path"]
        if target.engine == SQLITE:
            _restore_sqlite(database, target)
        else:
            _restore_postgresql(database, target, wipe=bool(current))
        for item in manifest["files"]:
            destination = media_root / item["path"].removeprefix("media/")
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(unpacked / item["path"], destination)
    _check_restored(manifest, target, media_root)
    return Report(manifest, notes)


def _check_restored(manifest: dict[str, Any], target: Target, media_root: Path) -> None:
    counts, _ = database_state(target)
    wrong = {
        table: (expected, counts.get(table))
        for table, expected in manifest["row_counts"].items()
        if counts.get(table) != expected
    }
    if wrong:
        listed = ", ".join(
            f"{t}: {got} thay vì {want}" for t, (want, got) in list(wrong.items())[:5]
        )
        raise BackupError(f"Sau khi phục hồi, số dòng không khớp bản sao lưu: {listed}.")
    for item in manifest["files"]:
        path = media_root / item["path"].removeprefix("media/")
        if not path.is_file() or sha256(path) != item["sha256"]:
            raise BackupError(f"Sau khi phục hồi, tệp {item['path']} không khớp bản sao lưu.")
