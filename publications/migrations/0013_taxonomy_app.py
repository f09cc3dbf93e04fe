"""Regions and themes now live in the taxonomy app: the links point there (state only; the
tables are unchanged, see taxonomy/migrations/0001_initial.py)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0012_search_rank_index"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="publicationregion",
                    name="region",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to="taxonomy.region"
                    ),
                ),
                migrations.RemoveField(
                    model_name="theme",
                    name="parent",
                ),
                migrations.AlterField(
                    model_name="publicationtheme",
                    name="theme",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to="taxonomy.theme"
                    ),
                ),
                migrations.AlterField(
                    model_name="publication",
                    name="regions",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="publications",
                        through="publications.PublicationRegion",
                        to="taxonomy.region",
                        verbose_name="regions",
                    ),
                ),
                migrations.AlterField(
                    model_name="publication",
                    name="themes",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="publications",
                        through="publications.PublicationTheme",
                        to="taxonomy.theme",
                        verbose_name="themes",
                    ),
                ),
                migrations.DeleteModel(
                    name="Region",
                ),
                migrations.DeleteModel(
                    name="Theme",
                ),
            ],
        ),
    ]
