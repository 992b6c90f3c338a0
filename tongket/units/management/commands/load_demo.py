"""Load the demo data, idempotently: every app's `demo` module in INSTALLED_APPS order.

Each `tongket.<app>.demo` has `load(ctx, stdout)`; the units demo fills `ctx` with the
province, communes and personas that later apps build on. Running it twice changes nothing.
"""

import importlib
import importlib.util
from types import SimpleNamespace

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


def demo_modules():
    for config in apps.get_app_configs():
        if not config.name.startswith("tongket."):
            continue
        name = f"{config.name}.demo"
        if importlib.util.find_spec(name) is not None:
            yield importlib.import_module(name)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chạy lại nhiều lần không tạo trùng)."

    def handle(self, *args, **options):
        ctx = SimpleNamespace()
        for module in demo_modules():
            self.handle_one(module, ctx)
        self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu."))
        for line in getattr(ctx, "login_lines", []):
            self.stdout.write(line)

    def handle_one(self, module, ctx) -> None:
        with transaction.atomic():
            module.load(ctx, self.stdout)
