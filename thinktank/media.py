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

`MediaMiddleware`, just below WhiteNoise's in MIDDLEWARE, answers these requests before the
session, language, CSRF and page-cache middleware run: an image is the same for everyone, so it
must not carry `Vary: Accept-Language` (one copy per browser language in every shared cache)
nor cost a session lookup.
"""

import os

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponseNotAllowed

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


def media(request, path):
    """The answer to GET or HEAD of `/media/<path>`: the image, 304, 206, 416 or 404."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    file = media_file(path)
    served = serve_stored_file(
        request,
        file,
        filename=os.path.basename(path),
        content_type=MEDIA_TYPES[path.rsplit(".", 1)[-1].lower()],
        cache_control=PUBLIC_MEDIA_CACHE_CONTROL,
    )
    return served.response


class MediaMiddleware:
    """Answers requests below MEDIA_URL (a local path such as `/media/`) with `media()`;
    everything else goes on down the stack. An Http404 becomes the site's 404 page, as
    Django turns exceptions raised in any middleware into responses."""

    def __init__(self, get_response):
        self.get_response = get_response
        url = settings.MEDIA_URL
        self.prefix = url if url.startswith("/") and url != "/" else None

    def __call__(self, request):
        if self.prefix and request.path_info.startswith(self.prefix):
            return media(request, request.path_info.removeprefix(self.prefix))
        return self.get_response(request)
