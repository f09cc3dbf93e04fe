"""Regions and themes move from the publications app into their own app.

The tables stay where they are (`publications_region`, `publications_theme`, renamed in 0002):
this migration only tells Django's state that the models now belong here, and moves their
content types (and so their permissions, group grants, admin log entries and revisions) along.
"""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ["region", "theme"]


def move_content_types(apps, schema_editor, *, source, target):
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.using(schema_editor.connection.alias).filter(
        app_label=source, model__in=MODELS
    ).update(app_label=target)


def forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, source="publications", target="taxonomy")


def backwards(apps, schema_editor):
    move_content_types(apps, schema_editor, source="taxonomy", target="publications")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("publications", "0012_search_rank_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Region",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "name_en",
                            models.CharField(max_length=200, null=True, verbose_name="name"),
                        ),
                        (
                            "name_fr",
                            models.CharField(max_length=200, null=True, verbose_name="name"),
                        ),
                        (
                            "slug",
                            models.SlugField(max_length=100, unique=True, verbose_name="slug"),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "description_en",
                            models.TextField(blank=True, null=True, verbose_name="description"),
                        ),
                        (
                            "description_fr",
                            models.TextField(blank=True, null=True, verbose_name="description"),
                        ),
                        (
                            "order",
                            models.PositiveIntegerField(
                                default=0,
                                help_text="Smaller numbers come first among siblings.",
                                verbose_name="order",
                            ),
                        ),
                        (
                            "path",
                            models.CharField(
                                db_index=True, default="", editable=False, max_length=1000
                            ),
                        ),
                        ("depth", models.PositiveSmallIntegerField(default=0, editable=False)),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                help_text="Leave empty for a top-level entry. A node with children cannot be deleted.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="children",
                                to="taxonomy.region",
                                verbose_name="parent",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "region",
                        "verbose_name_plural": "regions",
                        "db_table": "publications_region",
                        "ordering": ["order", "name"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="Theme",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "name_en",
                            models.CharField(max_length=200, null=True, verbose_name="name"),
                        ),
                        (
                            "name_fr",
                            models.CharField(max_length=200, null=True, verbose_name="name"),
                        ),
                        (
                            "slug",
                            models.SlugField(max_length=100, unique=True, verbose_name="slug"),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "description_en",
                            models.TextField(blank=True, null=True, verbose_name="description"),
                        ),
                        (
                            "description_fr",
                            models.TextField(blank=True, null=True, verbose_name="description"),
                        ),
                        (
                            "order",
                            models.PositiveIntegerField(
                                default=0,
                                help_text="Smaller numbers come first among siblings.",
                                verbose_name="order",
                            ),
                        ),
                        (
                            "path",
                            models.CharField(
                                db_index=True, default="", editable=False, max_length=1000
                            ),
                        ),
                        ("depth", models.PositiveSmallIntegerField(default=0, editable=False)),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                help_text="Leave empty for a top-level entry. A node with children cannot be deleted.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="children",
                                to="taxonomy.theme",
                                verbose_name="parent",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "theme",
                        "verbose_name_plural": "themes",
                        "db_table": "publications_theme",
                        "ordering": ["order", "name"],
                        "abstract": False,
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
