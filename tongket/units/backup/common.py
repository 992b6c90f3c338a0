"""What backup and restore share: the database they read or write, its state (row counts
and applied migrations), the PostgreSQL client programs, hashing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
SQLITE, POSTGRESQL = "sqlite", "postgresql"
DATABASE_MEMBER = {SQLITE: "database/tongket.sqlite3", POSTGRESQL: "database/tongket.pgdump"}
MANIFEST = "manifest.json"
_CHUNK = 1 << 20


class BackupError(Exception):
    """A refusal or failure; the message is for the person running the command."""


@dataclass
class Target:
    """A database to copy from or restore into, outside Django's connections."""

    engine: str
    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""

    @classmethod
    def from_settings(cls, settings_dict: dict) -> Target:
        engine = settings_dict["ENGINE"]
        if engine.endswith("sqlite3"):
            return cls(SQLITE, str(settings_dict["NAME"]))
        if engine.endswith("postgresql"):
            return cls(
                POSTGRESQL,
                settings_dict["NAME"],
                settings_dict.get("USER") or "",
                settings_dict.get("PASSWORD") or "",
                settings_dict.get("HOST") or "",
                str(settings_dict.get("PORT") or ""),
            )
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {engine}.")

    def conninfo(self) -> str:
        import psycopg.conninfo

        parts = {"dbname": self.name, "user": self.user, "password": self.password}
        parts |= {"host": self.host, "port": self.port}
        return psycopg.conninfo.make_conninfo(**{k: v for k, v in parts.items() if v})


@dataclass
class Report:
    manifest: dict[str, Any]
    notes: list[str] = field(default_factory=list)


# Reading a database --------------------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_state(cursor, tables_sql: str) -> tuple[dict[str, int], list[list[str]]]:
    """Row counts of every table and the applied migrations, through one DB-API cursor."""
    cursor.execute(tables_sql)
    tables = sorted(row[0] for row in cursor.fetchall())
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")
        counts[table] = cursor.fetchone()[0]
    migrations: list[list[str]] = []
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        migrations = [[app, name] for app, name in cursor.fetchall()]
    return counts, migrations


SQLITE_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
PG_TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"


def database_state(target: Target) -> tuple[dict[str, int], list[list[str]]]:
    """Row counts per table and applied migrations of a database as it is now."""
    if target.engine == SQLITE:
        if not Path(target.name).exists():
            return {}, []
        with sqlite3.connect(target.name) as connection:
            return read_state(connection.cursor(), SQLITE_TABLES)
    import psycopg

    with psycopg.connect(target.conninfo()) as connection:
        return read_state(connection.cursor(), PG_TABLES)


def pg_tool(name: str) -> str:
    """The path of a PostgreSQL client program, or a clear refusal."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"Không tìm thấy chương trình {name} trong PATH. Trên Debian hãy cài gói "
            "postgresql-client (apt-get install postgresql-client), cùng phiên bản chính "
            "với máy chủ PostgreSQL hoặc mới hơn."
        )
    return path


def run_tool(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} báo lỗi: {result.stderr.strip()}")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(media_root: Path) -> list[Path]:
    if not media_root.is_dir():
        return []
    return sorted(path for path in media_root.rglob("*") if path.is_file())
