"""Public media (covers, thumbnails, experts' photos, center images) at MEDIA_URL, served by the
app itself whatever DJANGO_DEBUG says, so that one machine needs no other server (the contract's
"Production serving"), from the local disk or from the bucket (thinktank/storage/).

What it serves: only images (`.jpg`, `.jpeg`, `.png`, `.webp`: what uploads.ServerNamed can
name) of the "default" storage, never a dotfile, never a path leaving the storage. PDFs are in
the "private" storage, outside MEDIA_ROOT (or private in the bucket): they cannot be reached
here, whatever path is asked; the PDF URL, which checks that the publication is public, is the
only way to them.

How: ETag and Last-Modified (a 304 to a matching validator), Range (206), and a year-long
`immutable` Cache-Control, because a name never gets other bytes: every upload, every
normalized image and every thumbnail of another PDF gets a new server-made name. Why not
Django's `static.serve` (not meant for production, no Range) or WhiteNoise (it indexes its
roots at start-up, and media arrive while the app runs).
"""

import os

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import Http404
from django.views.decorators.http import require_safe

from publications.pdf.serving import StoredFile, serve_stored_file

from .storage import PUBLIC_MEDIA_CACHE_CONTROL

#: The only files served, by extension, with their exact type (`nosniff` is on site-wide).
MEDIA_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}


def media_file(path):
    """The StoredFile of a public medium at `path` (relative to MEDIA_URL); Http404 for
    anything else: another type, a dotfile, a path out of the storage, a missing file."""
    extension = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    parts = path.split("/")
    if extension not in MEDIA_TYPES or any(not part or part.startswith(".") for part in parts):
        raise Http404("Not a public medium.")
    try:
        return StoredFile.from_storage(default_storage, path)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError, SuspiciousFileOperation):
        raise Http404("No such file.") from None


@require_safe
def media(request, path):
    file = media_file(path)
    served = serve_stored_file(
        request,
        file,
        filename=os.path.basename(path),
        content_type=MEDIA_TYPES[path.rsplit(".", 1)[-1].lower()],
        cache_control=PUBLIC_MEDIA_CACHE_CONTROL,
    )
    return served.response
