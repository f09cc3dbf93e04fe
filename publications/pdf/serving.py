"""HTTP serving of a stored file: validators (ETag, Last-Modified), conditional requests and
single byte ranges, as browsers' PDF viewers use them, or an X-Accel-Redirect to nginx.

Nothing here knows about publications: the PDF view decides who may see what and whether a
response starts a download, the media view (thinktank/media.py) which files are public; this
module only speaks HTTP about bytes, from any storage of thinktank/storage/ (the local disk, or
an S3-compatible bucket: one HEAD for the validators, and a ranged GET for the bytes).

Private files in a bucket are streamed through the app rather than answered with a redirect to
a short-lived signed URL, because the PDF URL must keep what it promises: the PDF's own
Content-Security-Policy (`sandbox`) and `nosniff`, which a bucket cannot send; one stable URL
with the same ETag and Last-Modified whichever storage holds the file (a signed URL changes
every time, so neither browsers nor Google Scholar could reuse or revalidate it); a download
counted once per reader, not once per range request of a viewer. The cost, a worker sending
the bytes, is what a buffering front (nginx) takes off the workers, as for the local disk.
"""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import Storage
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.encoding import escape_uri_path
from django.utils.http import http_date, parse_http_date_safe, quote_etag

from thinktank.storage import byte_chunks, file_stat

RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")


@dataclass(frozen=True)
class StoredFile:
    storage: Storage
    name: str
    size: int
    modified: datetime.datetime

    @classmethod
    def from_storage(cls, storage, name):
        """The file `name` of `storage`; FileNotFoundError when it is not there."""
        size, modified = file_stat(storage, name)
        return cls(storage=storage, name=name, size=size, modified=modified)

    @property
    def etag(self):
        # The format nginx uses for static files ("mtime-size" in hex), so a validator that
        # nginx handed out in X-Accel-Redirect mode still matches when Django checks it.
        return quote_etag(f"{int(self.modified.timestamp()):x}-{self.size:x}")

    @property
    def storage_path(self):
        """The file's path on the local disk, or None in a bucket."""
        try:
            return self.storage.path(self.name)
        except NotImplementedError:
            return None

    @property
    def last_modified(self):
        return http_date(self.modified.timestamp())


@dataclass(frozen=True)
class Served:
    response: HttpResponse
    #: a GET whose response sends the file from its first byte (200, or 206 from byte 0)
    starts_download: bool


def parse_range(header, size):
    """The (start, end) inclusive byte range a `Range` header asks for.

    Returns None when the header is absent, malformed or names several ranges (the full file is
    then sent, as RFC 9110 allows), and "unsatisfiable" when no byte of the file is covered.
    """
    match = RANGE_RE.match((header or "").strip())
    if not match:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # suffix range: the last N bytes
        length = int(last)
        if length == 0 or size == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    if last and int(last) < start:
        return None  # syntactically invalid: ignored
    if start >= size:
        return "unsatisfiable"
    end = int(last) if last else size - 1
    return start, min(end, size - 1)


def _not_modified(request, file):
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return file.etag in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since") or "")
    return since is not None and int(file.modified.timestamp()) <= since


def _if_range_allows(request, file):
    if_range = request.headers.get("If-Range")
    if not if_range:
        return True
    if if_range.startswith('"'):
        return if_range == file.etag
    date = parse_http_date_safe(if_range)
    return date is not None and int(file.modified.timestamp()) <= date


def _content_disposition(filename, as_attachment):
    kind = "attachment" if as_attachment else "inline"
    return f"{kind}; filename=\"{filename}\"; filename*=UTF-8''{escape_uri_path(filename)}"


class ByteRangeIterator:
    """Yield `length` bytes of a stored file from `start` (thinktank.storage.byte_chunks),
    opened only when the response starts sending, closed when it ends or is closed early."""

    def __init__(self, file, start, length):
        self.chunks = byte_chunks(file.storage, file.name, start, length)

    def __iter__(self):
        return self.chunks

    def close(self):
        self.chunks.close()


def serve_stored_file(
    request, file, *, filename, content_type, as_attachment=False, cache_control=""
):
    """A response for GET/HEAD of `file` honouring conditional and Range requests."""
    headers = {
        "Content-Type": content_type,
        "Content-Disposition": _content_disposition(filename, as_attachment),
        "Accept-Ranges": "bytes",
        "ETag": file.etag,
        "Last-Modified": file.last_modified,
    }
    if cache_control:
        headers["Cache-Control"] = cache_control

    if _not_modified(request, file):
        response = HttpResponse(status=304)
        for key in ("ETag", "Last-Modified", "Cache-Control"):
            if key in headers:
                response[key] = headers[key]
        return Served(response, starts_download=False)

    byte_range = None
    if request.headers.get("Range") and _if_range_allows(request, file):
        byte_range = parse_range(request.headers["Range"], file.size)
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{file.size}"
        response["Accept-Ranges"] = "bytes"
        return Served(response, starts_download=False)

    is_get = request.method == "GET"
    start, end = byte_range or (0, file.size - 1)
    starts_download = is_get and start == 0

    accel_prefix = getattr(settings, "PDF_X_ACCEL_REDIRECT_PREFIX", "")
    if accel_prefix and is_get and file.storage_path is not None:  # nginx reads disks only
        # nginx reads the file and answers the Range itself; Django only checked and counted.
        response = HttpResponse(headers=headers)
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + escape_uri_path(file.name)
        return Served(response, starts_download=starts_download)

    length = end - start + 1 if file.size else 0
    if byte_range:
        headers["Content-Range"] = f"bytes {start}-{end}/{file.size}"
    headers["Content-Length"] = str(length)
    status = 206 if byte_range else 200
    if not is_get:  # HEAD: the same headers, no body, nothing opened
        return Served(HttpResponse(status=status, headers=headers), starts_download=False)
    if file.storage_path is not None and not byte_range:
        # The whole file from disk: FileResponse lets the WSGI server use sendfile.
        response = FileResponse(open(file.storage_path, "rb"))  # noqa: SIM115 (closed by it)
        for key, value in headers.items():
            response[key] = value
        return Served(response, starts_download=starts_download)
    response = StreamingHttpResponse(
        ByteRangeIterator(file, start, length), status=status, headers=headers
    )
    return Served(response, starts_download=starts_download)
