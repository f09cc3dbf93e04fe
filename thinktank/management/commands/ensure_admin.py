"""Create the local administrator for `make run` (once) and print the login.

The password is random per checkout and kept in `.admin_password` (git-ignored), so a demo
machine never runs with a well-known password.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the local admin user if missing and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        password_file = Path(settings.BASE_DIR) / ".admin_password"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            password_file.write_text(password)
            if user is None:
                user = User.objects.create_superuser(username, f"{username}@example.org", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
        password = password_file.read_text().strip()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {settings.SITE_URL}/admin/  user: {username}  password: {password}"
            )
        )
