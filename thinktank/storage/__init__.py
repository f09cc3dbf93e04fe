"""Where uploaded files live, and the guarantees every storage of the site keeps.

Two storages (`STORAGES` in settings/base.py): "default" for public media (covers, thumbnails,
experts' photos, center images) and "private" for PDFs (uploaded files and generated editions),
which readers get only through the PDF URL (publications/pdf/views.py). Each is either

- on the local disk (`SafeFileSystemStorage`, MEDIA_ROOT and PRIVATE_MEDIA_ROOT), the default, or
- in an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set (`s3.PublicMediaStorage` under
  `media/`, `s3.PrivateMediaStorage` under `private/`, one bucket), through django-storages;
  `s3.py` is imported only then, so boto3 costs nothing on a site without a bucket.

Guarantees, the same on both:

- No partial file. On disk, a write that fails part-way (a full disk, a quota, an I/O error)
  is removed; in a bucket an object appears only once its upload is complete (a PUT is atomic,
  and boto3 aborts a multipart upload that fails). Either way the storage raises
  FileNotStored, which names the file as its uploader called it, so that a form can answer
  with an error on that file instead of a 500 (thinktank/admin.py), and an import can name it.
- PDFs are never public. On disk they sit outside MEDIA_ROOT (a system check refuses a
  PRIVATE_MEDIA_ROOT inside it); in the bucket they are written with the `private` ACL, while
  public media are `public-read` with a year-long, immutable Cache-Control (their names are
  server-made and new for every upload: thinktank/uploads.py ServerNamed).

`file_stat` and `open_range` are what the HTTP serving of stored files (publications/pdf/
serving.py, thinktank/media.py) asks of a storage: one metadata request, and the bytes of a
range streamed from the bucket rather than the whole object downloaded first.
"""

import contextlib
import errno
import os
import tempfile
import uuid
from urllib.parse import unquote

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _

#: Errors that mean "no room": the disk is full or the account's quota is used up.
NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
#: Public media never change under a name (each upload gets a new one), so caches keep them.
PUBLIC_MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"
CHUNK_SIZE = 64 * 1024


class FileNotStored(OSError):
    """Writing a file failed; nothing of it is left in storage.

    `upload_name` is the file's name as it came (an uploader's file name, or an imported
    file's), `reason` a sentence for the person who sent it, `error` the OSError or the
    object store's error that caused it."""

    def __init__(self, upload_name, reason, error):
        detail = getattr(error, "strerror", None) or str(error)
        code = getattr(error, "errno", None)
        super().__init__(*((code,) if code is not None else ()), f"{upload_name}: {detail}")
        self.upload_name = upload_name
        self.reason = reason


def no_space_reason(error):
    """What to tell the person who sent a file that could not be written."""
    if getattr(error, "errno", None) in NO_SPACE:
        return _("the server's disk is full")
    return _("the server could not write it")


def _upload_name(name, content):
    return os.path.basename(getattr(content, "name", "") or name)


class SafeFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            return self._write(name, content)
        except OSError as error:
            # Server-made names (uploads.ServerNamed) are new each time, and the write opens its
            # file with O_EXCL: a file at this name is the one this call began writing.
            with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                os.remove(self.path(name))
            raise FileNotStored(
                _upload_name(name, content), no_space_reason(error), error
            ) from error

    def _write(self, name, content):
        """The write itself (Django's); a separate step so that a test can make it fail."""
        return super()._save(name, content)

    def save_whole(self, name, data):
        """Store `data` (bytes) at exactly `name`, replacing what is there, so that no reader
        ever opens half of it: written to a temporary file beside it, then renamed."""
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            dir=os.path.dirname(path), prefix=f".{uuid.uuid4().hex}", suffix=".tmp"
        )
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, self.file_permissions_mode or 0o640)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        return name


def file_stat(storage, name):
    """(size in bytes, last-modified aware datetime) of a stored file; FileNotFoundError."""
    stat = getattr(storage, "stat", None)
    if stat is not None:  # a bucket: one HEAD instead of one per question
        return stat(name)
    return storage.size(name), storage.get_modified_time(name)


def byte_chunks(storage, name, start, length):
    """Yield `length` bytes of the stored file `name` from byte `start`, in chunks."""
    chunks = getattr(storage, "byte_chunks", None)
    if chunks is not None:
        yield from chunks(name, start, length)
        return
    with storage.open(name, "rb") as handle:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


def public_media_name(url):
    """The name in the public media storage ("default") of a file at `url`, as pages and
    bodies hold it: below MEDIA_URL (`/media/library/….jpg`), or below the storage's own base
    URL (the bucket's custom domain, `https://cdn…/media/library/….jpg`); None for any other
    address (never fetched: a body's image from elsewhere is not ours to print)."""
    from django.conf import settings
    from django.core.files.storage import default_storage

    marker = "__name__"
    storage_base = default_storage.url(marker).split(marker, 1)[0]
    for base in dict.fromkeys((settings.MEDIA_URL, storage_base)):
        name = _name_below(url, base)
        if name is not None:
            return name
    return None


def static_file_path(url):
    """The path on disk of the app's own static file at `url` (below STATIC_URL, unhashed, as a
    body names it: `/static/img/demo/chart.png`), found by the static finders; None for any
    other address or a file that is not there."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    name = _name_below(url, settings.STATIC_URL)
    return finders.find(name) if name is not None else None


def _name_below(url, base):
    """The file name of `url` below the URL `base` (query and fragment dropped), or None when
    it is not below it or names a folder or a step out of it."""
    url = (url or "").split("?", 1)[0].split("#", 1)[0]
    if not base or not url.startswith(base):
        return None
    name = unquote(url[len(base) :])
    if not name or any(part in ("", ".", "..") for part in name.split("/")):
        return None
    return name


class PrivateStorage(LazyObject):
    """The "private" storage (PDFs), looked up when first used, like Django's
    `default_storage`: a model field keeps the storage object it was given at import time,
    and this one follows STORAGES when tests change it."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting in {"STORAGES", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"}:
        private_storage._wrapped = empty
