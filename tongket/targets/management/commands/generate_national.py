"""Build the national-scale benchmark data set (34 provinces, 3,321 communes, 40
indicators, five years of plans and results). Idempotent: a second run reuses the data."""

from django.core.management.base import BaseCommand

from tongket.targets import national


class Command(BaseCommand):
    help = "Tạo dữ liệu quy mô toàn quốc cho phép đo hiệu năng (chạy lại không tạo trùng)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", default="national", choices=sorted(national.SCALES))

    def handle(self, *args, **options):
        national.generate(options["scale"], self.stdout)
