"""Media in an S3-compatible bucket (django-storages), chosen by AWS_STORAGE_BUCKET_NAME
(settings/base.py); the guarantees are those of the package docstring.

One bucket, two prefixes: `media/` (public-read, cached a year: covers, thumbnails, photos,
center images) and `private/` (PDFs and generated editions, private ACL).
"""

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.encoding import filepath_to_uri
from django.utils.translation import gettext_lazy as _
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from . import CHUNK_SIZE, PUBLIC_MEDIA_CACHE_CONTROL, FileNotStored, _upload_name

NOT_FOUND_CODES = {"404", "NoSuchKey", "NotFound"}


class SafeS3Storage(S3Storage):
    """S3Storage whose failed writes raise FileNotStored (nothing is left: an object exists
    only once its upload completed), with the two reads the HTTP serving needs."""

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except (BotoCoreError, ClientError, Boto3Error, OSError) as error:
            # OSError: the connection, or reading the upload, failed during a multipart upload,
            # which s3transfer has aborted (no part is kept).
            raise FileNotStored(
                _upload_name(name, content), _("the file storage did not accept it"), error
            ) from error

    def save_whole(self, name, data):
        """Store `data` (bytes) at exactly `name`, replacing what is there; readers see the
        old object or the new one, never part of it."""
        return super()._save(name, ContentFile(data))

    def object_key(self, name):
        return self._normalize_name(clean_name(name))

    def stat(self, name):
        """(size in bytes, last-modified datetime) in one HEAD request; FileNotFoundError."""
        try:
            head = self.connection.meta.client.head_object(
                Bucket=self.bucket_name, Key=self.object_key(name)
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in NOT_FOUND_CODES:
                raise FileNotFoundError(name) from error
            raise
        return head["ContentLength"], head["LastModified"]

    def byte_chunks(self, name, start, length):
        """Yield `length` bytes of `name` from byte `start`, read with one ranged GET (S3File
        would download the whole object to a temporary file first)."""
        if length <= 0:
            return
        body = self.connection.meta.client.get_object(
            Bucket=self.bucket_name,
            Key=self.object_key(name),
            Range=f"bytes={start}-{start + length - 1}",
        )["Body"]
        try:
            yield from body.iter_chunks(CHUNK_SIZE)
        finally:
            body.close()


class PublicMediaStorage(SafeS3Storage):
    """Public media: `media/` in the bucket, `public-read` (AWS_DEFAULT_ACL; empty for a bucket
    whose ACLs are disabled, which then needs a bucket policy reading `media/*`), a year-long
    immutable Cache-Control. Their URLs are under MEDIA_URL, served by the app
    (thinktank/media.py), because the endpoint the app talks to is often an address browsers
    cannot reach; AWS_S3_CUSTOM_DOMAIN (the bucket's public domain, or a CDN before it) makes
    them point there instead, and settings add that origin to the page policy's img-src."""

    def __init__(self, **options):
        options.setdefault("location", "media")
        options.setdefault("querystring_auth", False)
        options.setdefault("file_overwrite", False)
        options.setdefault("object_parameters", {"CacheControl": PUBLIC_MEDIA_CACHE_CONTROL})
        super().__init__(**options)

    def url(self, name, *args, **kwargs):
        if self.custom_domain:
            return super().url(name, *args, **kwargs)
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name)).lstrip("/")


class PrivateMediaStorage(SafeS3Storage):
    """PDFs: `private/` in the bucket, always the `private` ACL, so an anonymous GET of the
    object is refused; readers get them only through the PDF URL. Names are exact
    (`file_overwrite`): uploads have server-made names, editions are named after their content.
    """

    def __init__(self, **options):
        options.setdefault("location", "private")
        options["default_acl"] = "private"
        options["custom_domain"] = None
        options.setdefault("querystring_auth", True)
        options.setdefault("querystring_expire", 60)
        options.setdefault("file_overwrite", True)
        super().__init__(**options)
