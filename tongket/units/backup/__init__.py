"""Backup and restore: one archive holding a consistent copy of the database and every
uploaded file, with a manifest to check it against.

The archive (.tar.gz) holds:
  manifest.json      tongket's version, the engine, the applied migrations, the row count of
                     every table, and every file with its size and SHA-256
  database/…         SQLite: a copy made with SQLite's online backup API;
                     PostgreSQL: pg_dump's custom format, taken in the same snapshot as the
                     row counts
  media/…            the uploaded files (MEDIA_ROOT)

Restoring goes into an empty database of the same engine (a non-empty one only when the
caller says so) after checking every hash and that this code knows every migration the
copy had; afterwards the row counts and the files are checked again.

common.py   the database as a target, its state, the PostgreSQL client programs, hashes
create.py   writing an archive
restore.py  checking and restoring one
"""

from .common import POSTGRESQL, SQLITE, BackupError, Report, Target, database_state, pg_tool
from .create import backup
from .restore import check_migrations, read_manifest, restore, unpack

__all__ = [
    "POSTGRESQL",
    "SQLITE",
    "BackupError",
    "Report",
    "Target",
    "backup",
    "check_migrations",
    "database_state",
    "pg_tool",
    "read_manifest",
    "restore",
    "unpack",
]
