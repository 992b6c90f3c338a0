"""manage.py backup ARCHIVE: one consistent copy of the database and the uploaded files."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from tongket.lib.numbers import format_number
from tongket.units.backup import BackupError, Target, backup


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu (SQLite: sao chép trực tuyến; PostgreSQL: pg_dump) cùng các tệp "
        "tải lên vào một tệp .tar.gz có bảng kê (phiên bản, trạng thái migration, số dòng mỗi "
        "bảng, SHA-256 từng tệp)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="tệp sẽ ghi, ví dụ var/sao-luu-2026-01-09.tar.gz")
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive, database, **options):
        target = Target.from_settings(connections[database].settings_dict)
        path = Path(archive)
        if path.exists():
            raise CommandError(f"{path} đã có; hãy chọn tên khác (không ghi đè bản sao lưu cũ).")
        try:
            manifest = backup(path, target=target, media_root=Path(settings.MEDIA_ROOT))
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(
            f"Đã sao lưu vào {path}: {len(manifest['row_counts'])} bảng, "
            f"{format_number(rows)} dòng, {len(manifest['files'])} tệp tải lên "
            f"({manifest['engine']}, tongket {manifest['tongket_version']})."
        )
