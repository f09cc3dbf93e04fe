"""Old slugs of publications move to the table every kind shares (thinktank.OldSlug)."""

from django.db import migrations


def _publication_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="publications", model="publication")[0]


def forwards(apps, schema_editor):
    SlugRedirect = apps.get_model("publications", "SlugRedirect")
    OldSlug = apps.get_model("thinktank", "OldSlug")
    content_type = _publication_type(apps)
    OldSlug.objects.bulk_create(
        [
            OldSlug(
                content_type=content_type,
                object_id=row.publication_id,
                old_slug=row.old_slug,
                created_at=row.created_at,
            )
            for row in SlugRedirect.objects.iterator()
        ],
        batch_size=500,
    )
    # auto_now_add stamped them now: give back the dates of the renames.
    for row in SlugRedirect.objects.iterator():
        OldSlug.objects.filter(content_type=content_type, old_slug=row.old_slug).update(
            created_at=row.created_at
        )


def backwards(apps, schema_editor):
    SlugRedirect = apps.get_model("publications", "SlugRedirect")
    OldSlug = apps.get_model("thinktank", "OldSlug")
    rows = OldSlug.objects.filter(content_type=_publication_type(apps))
    SlugRedirect.objects.bulk_create(
        [
            SlugRedirect(
                publication_id=row.object_id, old_slug=row.old_slug, created_at=row.created_at
            )
            for row in rows.iterator()
        ],
        batch_size=500,
    )
    for row in rows.iterator():  # auto_now_add stamped them now
        SlugRedirect.objects.filter(old_slug=row.old_slug).update(created_at=row.created_at)
    rows.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("publications", "0017_search_unaccent_punctuation"),
        ("thinktank", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="SlugRedirect"),
    ]
