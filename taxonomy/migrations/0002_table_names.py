"""The tables take the taxonomy app's names (`taxonomy_region`, `taxonomy_theme`)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
        ("publications", "0013_taxonomy_app"),
    ]

    operations = [
        migrations.AlterModelTable(name="region", table=None),
        migrations.AlterModelTable(name="theme", table=None),
    ]
