"""`manage.py pdf_converters start|stop|status`: the pool of LibreOffice converters that
PDFs go through (tongket also starts it by itself when a PDF is first asked for)."""

from django.core.management.base import BaseCommand, CommandError

from tongket.documents.office import converters


class Command(BaseCommand):
    help = "Khởi động, dừng hoặc xem các bộ chuyển PDF (LibreOffice chạy sẵn)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["start", "stop", "status"])

    def handle(self, *args, action: str, **options):
        if action == "stop":
            stopped = converters.stop_all()
            self.stdout.write(f"Đã dừng {stopped} bộ chuyển PDF.")
            return
        if not converters.available():
            raise CommandError(
                "Không dùng được bộ chuyển PDF chạy sẵn (PDF_CONVERTERS = 0, hoặc thiếu "
                "LibreOffice hay .venv-uno: chạy `make system-deps`); PDF vẫn được tạo bằng "
                "LibreOffice chạy một lần cho mỗi văn bản."
            )
        if action == "start":
            states = converters.start_all(wait=True)
            ready = sum(state is not None for state in states)
            self.stdout.write(f"{ready}/{len(states)} bộ chuyển PDF đã sẵn sàng.")
            if ready < len(states):
                raise CommandError(f"Xem nhật ký trong {converters.state_dir()}.")
            return
        for row in converters.status():
            word = "sẵn sàng" if row["ready"] else "đang chạy" if row["running"] else "đã dừng"
            self.stdout.write(
                f"Bộ chuyển {row['slot'] + 1}: {word}"
                + (f" (pid {row['pid']}, cổng {row['port']})" if row["running"] else "")
            )
