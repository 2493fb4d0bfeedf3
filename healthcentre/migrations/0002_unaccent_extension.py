from django.db import migrations


def create_unaccent(apps, schema_editor):
    # PostgreSQL's unaccent backs the accent-free admin search; SQLite uses a Python function.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")


class Migration(migrations.Migration):
    dependencies = [("healthcentre", "0001_initial")]

    operations = [migrations.RunPython(create_unaccent, migrations.RunPython.noop)]
