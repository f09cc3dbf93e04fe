"""Stored files that nothing refers to any more are removed from storage: a replaced or deleted
PDF, cover, author photo, center image or thumbnail.

A file may go only when

- the transaction that let it go has committed (a rolled-back replacement keeps pointing at the
  old file): `file_release(storage, name)` acts in `transaction.on_commit`;
- no row refers to it (any FileField of any model: a revision restored meanwhile, a file shared
  by an import); and
- no revision (django-reversion `Version`) refers to it: restoring a revision brings its files
  back, so they stay as long as the revision does.

Who releases: `StoredFilesAdminMixin` (every admin save that replaces a file, every delete), the
PDF processing (thumbnails it replaces) and the importer through the same call. What escapes
them (revisions deleted later with `deleterevisions`, a crash between commit and delete) is
found by `python manage.py cleanup_media` (--dry-run lists without deleting), which applies the
same rules to every file in the storages, leaving alone files younger than an hour (an upload
whose row is not committed yet) and the generated editions (their own cache).
"""

import logging

from django.apps import apps
from django.db import models, transaction

logger = logging.getLogger(__name__)


def file_fields():
    """[(model, field)] of every FileField (ImageField included) of the installed models."""
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]


def upload_folders():
    """[(storage, folder)] where file fields store their uploads (ServerNamed folders), once
    each: only these are searched for orphans, so nothing else kept in a storage (the
    generated editions, files put there by hand) is ever touched."""
    seen, found = set(), []
    for _model, field in file_fields():
        folder = getattr(field.upload_to, "folder", None)
        if folder and (id(field.storage), folder) not in seen:
            seen.add((id(field.storage), folder))
            found.append((field.storage, folder))
    return found


def walk(storage, folder):
    """Names of the files below `folder` in `storage` (any depth; hidden files left out)."""
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        if not name.startswith("."):
            yield f"{folder}/{name}"
    for sub in folders:
        yield from walk(storage, f"{folder}/{sub}")


def is_referenced(name):
    """Whether a row or a revision refers to the stored file `name`."""
    from reversion.models import Version

    for model, field in file_fields():
        if model._base_manager.filter(**{field.name: name}).exists():
            return True
    # Versions keep the serialized row (JSON), file names as they are stored.
    return Version.objects.filter(serialized_data__contains=f'"{name}"').exists()


def file_delete_if_unreferenced(storage, name):
    """Delete `name` from `storage` unless it is referenced; True when deleted."""
    if not name or is_referenced(name):
        return False
    try:
        storage.delete(name)
    except OSError:
        logger.warning("Could not delete %s", name, exc_info=True)
        return False
    return True


def file_release(storage, name):
    """`name` is no longer used by the row that had it: delete it once the transaction commits
    if nothing else refers to it then."""
    if name:
        transaction.on_commit(lambda: file_delete_if_unreferenced(storage, name), robust=True)


def stored_files(obj):
    """{(storage, name)} of the files `obj` (a model instance or None) refers to."""
    if obj is None:
        return set()
    found = set()
    for field in obj._meta.get_fields():
        if isinstance(field, models.FileField):
            file = getattr(obj, field.name)
            if file and file.name:
                found.add((file.storage, file.name))
    return found


class StoredFilesAdminMixin:
    """An admin that releases the files a save replaced or a delete left behind."""

    def save_model(self, request, obj, form, change):
        old = type(obj)._base_manager.filter(pk=obj.pk).first() if change else None
        before = stored_files(old)
        super().save_model(request, obj, form, change)
        _release(before - stored_files(obj))

    def delete_model(self, request, obj):
        files = stored_files(obj)
        super().delete_model(request, obj)
        _release(files)

    def delete_queryset(self, request, queryset):
        files = set().union(*(stored_files(obj) for obj in queryset))
        super().delete_queryset(request, queryset)
        _release(files)


def _release(files):
    for storage, name in files:
        file_release(storage, name)
