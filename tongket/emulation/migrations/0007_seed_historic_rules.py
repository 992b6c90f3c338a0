"""The rulebook's rows for earlier years (base salary since 2016, Nghị định 91/2017's
coefficients and awarding bodies), added to databases seeded before they existed."""

from django.db import migrations


def seed(apps, schema_editor):
    from tongket.emulation.rulebook_seed import seed_rulebook

    seed_rulebook(apps)


class Migration(migrations.Migration):
    dependencies = [("emulation", "0006_legal_documents_and_number_books")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
