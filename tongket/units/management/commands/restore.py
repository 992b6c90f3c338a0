"""manage.py restore ARCHIVE: bring a backup back into an empty database."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.migrations.loader import MigrationLoader

from tongket.lib.numbers import format_number
from tongket.units.backup import BackupError, Target, restore


class Command(BaseCommand):
    help = (
        "Phục hồi một bản sao lưu vào cơ sở dữ liệu trống (cùng loại) và thư mục tệp tải lên. "
        "Kiểm tra SHA-256 từng tệp, trạng thái migration, rồi số dòng mỗi bảng sau khi phục "
        "hồi. Cơ sở dữ liệu không trống thì từ chối, trừ khi có --for-real (ghi đè)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--database", default="default")
        parser.add_argument("--for-real", action="store_true", help="ghi đè dữ liệu đang có")

    def handle(self, *args, archive, database, for_real, **options):
        connection = connections[database]
        target = Target.from_settings(connection.settings_dict)
        known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
        connection.close()  # the restore writes through its own connection
        try:
            report = restore(
                Path(archive),
                target=target,
                media_root=Path(settings.MEDIA_ROOT),
                known_migrations=known,
                for_real=for_real,
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = report.manifest
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(
            f"Đã phục hồi bản sao lưu ngày {manifest['created_at']}: "
            f"{len(manifest['row_counts'])} bảng, {format_number(rows)} dòng và "
            f"{len(manifest['files'])} tệp đều khớp bảng kê."
        )
        for note in report.notes:
            self.stdout.write(note)
