"""E-mail each active account with an address its work list (the home page's, the same
lines and links). Off unless TONGKET_WORKLIST_EMAIL=true; SMTP settings come from the
environment (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from tongket.units import worklist
from tongket.units.models import User


class Command(BaseCommand):
    help = "Gửi thư điện tử danh sách việc cần làm cho từng tài khoản có địa chỉ thư."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--base-url",
            default="",
            help="Địa chỉ trang web để ghép vào liên kết, ví dụ https://tongket.hoabinh.gov.vn",
        )

    def handle(self, *args, base_url: str = "", **options) -> None:
        if not settings.WORKLIST_EMAIL:
            self.stdout.write("Chưa bật gửi thư (đặt TONGKET_WORKLIST_EMAIL=true).")
            return
        sent = sum(
            self.handle_one(user, base_url.rstrip("/")) for user in worklist.mail_recipients()
        )
        self.stdout.write(self.style.SUCCESS(f"Đã gửi {sent} thư."))

    def handle_one(self, user: User, base_url: str) -> bool:
        return worklist.mail_work_items(user, base_url=base_url)
