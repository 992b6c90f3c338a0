from django.core.management.base import BaseCommand, CommandError

from tongket.api.services import token_create
from tongket.units.models import User


class Command(BaseCommand):
    help = "Tạo khóa API cho một tài khoản và in khóa ra (chỉ hiện một lần)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="")

    def handle(self, *args, username, name, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Không có tài khoản đang hoạt động tên “{username}”.")
        _, raw = token_create(user=user, name=name)
        self.stdout.write(raw)
