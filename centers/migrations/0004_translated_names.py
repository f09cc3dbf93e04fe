# French and English columns for the translated names (django-modeltranslation).

from django.db import migrations, models


def english_from_base(apps, schema_editor):
    """The existing values are English: copy them into the `_en` columns (modeltranslation)."""
    for model_name in ["Center"]:
        model = apps.get_model("centers", model_name)
        model.objects.update(**{f"{f}_en": models.F(f) for f in ["name", "summary", "description"]})


class Migration(migrations.Migration):
    dependencies = [
        ("centers", "0003_upload_validators"),
    ]

    operations = [
        migrations.AddField(
            model_name="center",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="center",
            name="description_fr",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="center",
            name="name_en",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="center",
            name="name_fr",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="center",
            name="summary_en",
            field=models.CharField(blank=True, max_length=500, null=True, verbose_name="summary"),
        ),
        migrations.AddField(
            model_name="center",
            name="summary_fr",
            field=models.CharField(blank=True, max_length=500, null=True, verbose_name="summary"),
        ),
        migrations.RunPython(english_from_base, migrations.RunPython.noop),
    ]
