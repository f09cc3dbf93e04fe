"""Staff users of each editorial group (see migration 0006), and uploads stored in a temporary
folder."""

import pytest
from django.contrib.auth.models import Group, User

from tests.upload_files import isolate_storage


def _staff(group):
    user = User.objects.create_user(group.lower(), password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def contributor(db):
    return _staff("Contributors")


@pytest.fixture
def reviewer(db):
    return _staff("Reviewers")


@pytest.fixture
def editor(db):
    return _staff("Editors")


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    return isolate_storage(tmp_path, settings, monkeypatch)
