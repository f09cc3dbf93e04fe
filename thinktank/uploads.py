"""Uploads: the checks every uploaded image goes through (the contract's "Staff" section), the
helpers the PDF check shares (publications/pdf/validation.py), and server-made file names.

The validators sit on the model fields (`validators=[...]`), so every ModelForm, the admin
included, runs them in `full_clean()`, before anything is written to storage: a refused upload
leaves no file behind (FileField writes the file in `pre_save()`, after validation).

They only look at new uploads. A file already in storage was checked when it arrived; reading
and parsing a 50 MB PDF again on every save of the change form would be wasted work.
"""

import os
import re
import unicodedata
import uuid
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import SkipFile, TemporaryFileUploadHandler
from django.db.models.fields.files import FieldFile
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image

from .images import normalized_upload

#: Pillow format names accepted for covers, photos and center images (no SVG, no GIF, no TIFF).
IMAGE_FORMATS = ("JPEG", "PNG", "WEBP")
MB = 1024 * 1024


def is_stored(value):
    """True for a file already in storage (not a new upload)."""
    return isinstance(value, FieldFile) and value._committed


def display_name(value):
    return os.path.basename(getattr(value, "name", "") or "") or str(_("the file"))


def check_size(value, limit_mb, name):
    size = getattr(value, "size", None)
    if size is not None and size > limit_mb * MB:
        raise ValidationError(
            _("“%(name)s” is %(size).1f MB; the limit is %(limit)s MB."),
            code="file_too_large",
            params={"name": name, "size": size / MB, "limit": limit_mb},
        )


def rewind(value):
    if hasattr(value, "seek"):
        value.seek(0)


def validate_image_upload(value):
    """A JPEG, PNG or WebP image that Pillow opens and verifies, under MAX_IMAGE_MB and under
    MAX_IMAGE_PIXELS.

    Pillow refuses images above twice its own limit (DecompressionBombError) but only *warns*
    in the band between 89 and 179 megapixels; the warning is turned into an error here, and
    the pixel count is checked against our own limit from the header, before any decoding.
    """
    if not value or is_stored(value):
        return
    name = display_name(value)
    check_size(value, settings.MAX_IMAGE_MB, name)
    too_many_pixels = _("“%(name)s” has too many pixels (the limit is %(limit)s megapixels).")
    limit_params = {"name": name, "limit": settings.MAX_IMAGE_PIXELS // 1_000_000}
    rewind(value)
    try:
        # catch_warnings() swaps the process-wide warning filters for this short block (it is
        # not thread-safe); gunicorn's default sync workers serve one request at a time.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # open() reads the header only; nothing is decoded until load().
            with Image.open(value, formats=IMAGE_FORMATS) as image:
                width, height = image.size
                if width * height > settings.MAX_IMAGE_PIXELS:
                    raise ValidationError(
                        too_many_pixels, code="too_many_pixels", params=limit_params
                    )
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(too_many_pixels, code="too_many_pixels", params=limit_params) from exc
    except Exception as exc:  # UnidentifiedImageError, truncated data, bad CRC...
        raise ValidationError(
            _("“%(name)s” is not a valid JPEG, PNG or WebP image."),
            code="invalid_image",
            params={"name": name},
        ) from exc
    finally:
        rewind(value)


class FileUploadField(forms.FileField):
    """`forms.FileField` whose errors name the file: Django's "The submitted file is empty." does
    not say which one, when a form has several."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError as error:
            if error.code != "empty":
                raise
            raise ValidationError(
                _("“%(name)s” is empty (0 bytes): choose the file again, or another one."),
                code="empty",
                params={"name": display_name(data)},
            ) from None


class ImageUploadField(forms.ImageField):
    """`forms.ImageField` that runs `validate_image_upload` first, then the image pipeline.

    Django's ImageField opens the upload with Pillow in `to_python()`, before the model's
    validators run, and answers a decompression bomb or an SVG with a generic message that does
    not name the file. Running our validator first gives the precise, named error. What is
    stored is the image made upright, sRGB and 8-bit by `thinktank.images` (a plain image keeps
    its bytes).
    """

    def to_python(self, data):
        if data not in self.empty_values and not is_stored(data):
            validate_image_upload(data)
            try:
                data = normalized_upload(data)
            except Exception as exc:  # decodes with errors past the header (truncated data)
                raise ValidationError(
                    _("“%(name)s” is not a valid JPEG, PNG or WebP image."),
                    code="invalid_image",
                    params={"name": display_name(data)},
                ) from exc
        return super().to_python(data)


# Characters a file name keeps out of what staff see: path separators, those Windows refuses,
# and control characters.
_UNSAFE_NAME_CHARACTERS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def original_file_name(name, *, max_length=200):
    r"""The uploader's file name cleaned for display: no folder, no control or path characters,
    spaces collapsed, at most `max_length` characters with its extension kept
    ("C:\\Users\\x\\Rapport  été\n2026.pdf" -> "Rapport été 2026.pdf"); "" when nothing is
    left. Never used to store or serve the file (see ServerNamed)."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    name = " ".join(_UNSAFE_NAME_CHARACTERS.sub(" ", name).split()).strip(". ")
    if len(name) > max_length:
        stem, dot, extension = name.rpartition(".")
        if not dot or len(extension) > 10:
            stem, extension = name, ""
        keep = max_length - (len(extension) + 1 if extension else 0)
        name = stem[:keep].rstrip() + (f".{extension}" if extension else "")
    return name


@deconstructible
class ServerNamed:
    """`upload_to` that names the stored file itself: `<folder>/<random hex>.<extension>`.

    The uploader's file name is never used (it may hold anything); the extension is kept only
    when it is one of `extensions`, else the first of them is used, so a file that passed the
    image check cannot be served as, say, HTML."""

    def __init__(self, folder, extensions=("jpg", "jpeg", "png", "webp")):
        self.folder = folder
        self.extensions = tuple(extensions)

    def __call__(self, instance, filename):
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if extension not in self.extensions:
            extension = self.extensions[0]
        return f"{self.folder}/{uuid.uuid4().hex}.{extension}"

    def __eq__(self, other):
        return isinstance(other, ServerNamed) and (self.folder, self.extensions) == (
            other.folder,
            other.extensions,
        )


class SpaceCheckedUploadHandler(TemporaryFileUploadHandler):
    """Django's handler for uploads too large to keep in memory (FILE_UPLOAD_MAX_MEMORY_SIZE),
    which buffers them in FILE_UPLOAD_TEMP_DIR before any view runs. When that disk is full (or
    fails), Django's own handler lets the error through: a 500, and a truncated temporary file
    until the request ends. This one deletes the temporary file, skips that file (the rest of
    the form is still read) and leaves the error on the request as `file_not_stored`, which the
    admin turns into an error on that file's field (thinktank/admin.py UploadValidationMixin)."""

    def receive_data_chunk(self, raw_data, start):
        try:
            return super().receive_data_chunk(raw_data, start)
        except OSError as error:
            from .storage import FileNotStored, no_space_reason

            self.file.close()  # a NamedTemporaryFile: closing deletes it
            failure = FileNotStored(self.file_name, no_space_reason(error), error)
            failure.field_name = self.field_name
            self.request.file_not_stored = failure
            raise SkipFile from error
