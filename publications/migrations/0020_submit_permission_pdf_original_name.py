"""Contributors send their own drafts to review (`submit_publication`, given to the
"Contributors" group here); the PDF keeps the name it was uploaded with (`pdf_original_name`)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def _submit_permission(apps):
    # Permissions are normally created after all migrations ran; create this one now.
    app_config = apps.get_app_config("publications")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="publications", codename="submit_publication"
    )


def grant_to_contributors(apps, schema_editor):
    contributors = apps.get_model("auth", "Group").objects.filter(name="Contributors").first()
    if contributors is not None:
        contributors.permissions.add(_submit_permission(apps))


def revoke_from_contributors(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="publications", codename="submit_publication"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0019_orcid_as_pasted"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="publication",
            options={
                "ordering": ["-published_on", "-pk"],
                "permissions": [
                    ("publish_publication", "Can publish, schedule, archive"),
                    ("review_publication", "Can move between draft and review"),
                    ("submit_publication", "Can send own drafts to review"),
                ],
                "verbose_name": "publication",
                "verbose_name_plural": "publications",
            },
        ),
        migrations.AddField(
            model_name="publication",
            name="pdf_original_name",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text=(
                    "The name the PDF had on the uploader's computer (cleaned). The file is "
                    "stored and served under other names: readers download it as <slug>.pdf."
                ),
                max_length=200,
                verbose_name="original file name",
            ),
        ),
        migrations.RunPython(grant_to_contributors, revoke_from_contributors),
    ]
