from django.db import migrations


def seed(apps, schema_editor):
    from tongket.party.rulebook_seed import seed_rulebook

    seed_rulebook(apps)


class Migration(migrations.Migration):
    dependencies = [("party", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
