from django.core.management.base import BaseCommand, CommandError

from tongket.api.services import token_create
from tongket.lib.dates import format_date
from tongket.units.models import User


class Command(BaseCommand):
    help = "Tạo khóa API cho một tài khoản và in khóa ra (chỉ hiện một lần)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="")
        parser.add_argument("--days", type=int, default=None, help="thời hạn (mặc định 90 ngày)")

    def handle(self, *args, username, name, days, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Không có tài khoản đang hoạt động tên “{username}”.")
        token, raw = token_create(user=user, name=name, days=days)
        self.stdout.write(raw)
        self.stderr.write(f"Khóa hết hạn ngày {format_date(token.expires_at.date())}.")
