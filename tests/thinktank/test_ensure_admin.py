"""`manage.py ensure_admin` (run by `make run`): one admin, its login printed at the site's
address (SITE_URL follows `make run PORT=…`), the same password when run again."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def base_dir(settings, tmp_path):
    settings.BASE_DIR = tmp_path  # the password file lives beside the project
    return Path(tmp_path)


def login_line():
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue().strip()


def test_the_login_is_printed_at_the_site_address_and_kept_when_run_again(settings, base_dir):
    settings.SITE_URL = "http://127.0.0.1:8765"
    first = login_line()
    assert first.startswith("Admin: http://127.0.0.1:8765/admin/  user: admin  password: ")
    password = first.rsplit(" ", 1)[1]
    assert (base_dir / ".admin_password").read_text() == password
    assert login_line() == first
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
