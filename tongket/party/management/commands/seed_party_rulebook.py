"""Add the party rulebook's starting rows that are missing (the migration does it on a fresh
database); rows already there, edited or not, are left alone."""

from django.core.management.base import BaseCommand
from django.db import transaction

from tongket.party.rulebook_seed import seed_rulebook


class Command(BaseCommand):
    help = "Nạp các quy định công tác Đảng mặc định còn thiếu (không ghi đè)."

    def handle(self, *args, **options):
        with transaction.atomic():
            created = seed_rulebook()
        self.stdout.write(f"Đã thêm {created} dòng quy định công tác Đảng.")
