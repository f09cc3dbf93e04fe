"""The editorial roles: "Contributors", "Reviewers", and "Editors" (extended from 0002).

- Contributors create publications and edit their own drafts (the admin narrows change rights
  to their own drafts); they read the comments on them.
- Reviewers move items between draft and review (`review_publication`) and comment.
- Editors publish, schedule, archive (`publish_publication`) and edit anything.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LOOKUPS = ["series", "author", "region", "theme"]

ROLES = {
    "Contributors": {
        "publications": [
            "add_publication",
            "change_publication",
            "view_publication",
            "view_reviewcomment",
            *(f"view_{model}" for model in LOOKUPS),
        ],
        "centers": ["view_center"],
    },
    "Reviewers": {
        "publications": [
            "change_publication",
            "view_publication",
            "review_publication",
            "add_reviewcomment",
            "view_reviewcomment",
            *(f"view_{model}" for model in LOOKUPS),
        ],
        "centers": ["view_center"],
    },
}
EDITORS_EXTRA = [
    "publish_publication",
    "review_publication",
    "add_reviewcomment",
    "change_reviewcomment",
    "delete_reviewcomment",
    "view_reviewcomment",
]


def _permissions(apps, app_label, codenames):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now.
    for app_label in ("publications", "centers"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name, by_app in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in by_app.items():
            group.permissions.add(*_permissions(apps, app_label, codenames))
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*_permissions(apps, "publications", EDITORS_EXTRA))


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=list(ROLES)).delete()
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(*_permissions(apps, "publications", EDITORS_EXTRA))


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0006_workflow"),
        ("centers", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
