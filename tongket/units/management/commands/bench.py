"""`make bench`: run every app's benchmark (`tongket.<app>.bench.run(options, stdout)`),
each printing one JSON line per measurement. Not a test: it builds its own data."""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Chạy các phép đo hiệu năng của mọi ứng dụng (in mỗi phép đo một dòng JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--only", default="", help="Chỉ chạy bench của ứng dụng này.")
        parser.add_argument("--scale", default="national", choices=["small", "national"])
        parser.add_argument("--repeat", type=int, default=30)

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            if not config.name.startswith("tongket."):
                continue
            if options["only"] and config.label != options["only"]:
                continue
            name = f"{config.name}.bench"
            if importlib.util.find_spec(name) is not None:
                importlib.import_module(name).run(options, self.stdout)
