"""File storage on the local disk that never leaves half a file behind.

When writing a file fails part-way (the disk is full, a quota is reached, an I/O error), Django's
FileSystemStorage leaves what it had written, a truncated file that nothing refers to. This
storage removes it and raises FileNotStored, which names the file as its uploader called it, so
that a form can answer with an error on that file instead of a 500 (thinktank/admin.py), and an
import can name it in its error.
"""

import contextlib
import errno
import os

from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _

#: Errors that mean "no room": the disk is full or the account's quota is used up.
NO_SPACE = {errno.ENOSPC, errno.EDQUOT}


class FileNotStored(OSError):
    """Writing a file failed; nothing of it is left in storage.

    `upload_name` is the file's name as it came (an uploader's file name, or an imported
    file's), `reason` a sentence for the person who sent it."""

    def __init__(self, upload_name, reason, error):
        super().__init__(error.errno, f"{upload_name}: {error.strerror or error}")
        self.upload_name = upload_name
        self.reason = reason


def no_space_reason(error):
    """What to tell the person who sent a file that could not be written."""
    if error.errno in NO_SPACE:
        return _("the server's disk is full")
    return _("the server could not write it")


class SafeFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            return self._write(name, content)
        except OSError as error:
            # Server-made names (uploads.ServerNamed) are new each time, and the write opens its
            # file with O_EXCL: a file at this name is the one this call began writing.
            with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                os.remove(self.path(name))
            upload_name = os.path.basename(getattr(content, "name", "") or name)
            raise FileNotStored(upload_name, no_space_reason(error), error) from error

    def _write(self, name, content):
        """The write itself (Django's); a separate step so that a test can make it fail."""
        return super()._save(name, content)
