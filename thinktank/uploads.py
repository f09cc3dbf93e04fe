"""Validation of uploaded PDFs and images (the contract's "Staff" section).

The validators sit on the model fields (`validators=[...]`), so every ModelForm, the admin
included, runs them in `full_clean()`, before anything is written to storage: a refused upload
leaves no file behind (FileField writes the file in `pre_save()`, after validation).

They only look at new uploads. A file already in storage was checked when it arrived; reading
and parsing a 50 MB PDF again on every save of the change form would be wasted work.
"""

import os
import uuid
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image

from publications.pdf.reader import UnreadablePDF, page_count

#: Pillow format names accepted for covers, photos and center images (no SVG, no GIF, no TIFF).
IMAGE_FORMATS = ("JPEG", "PNG", "WEBP")
PDF_MAGIC = b"%PDF-"
MB = 1024 * 1024


def _is_stored(value):
    """True for a file already in storage (not a new upload)."""
    return isinstance(value, FieldFile) and value._committed


def _display_name(value):
    return os.path.basename(getattr(value, "name", "") or "") or str(_("the file"))


def _check_size(value, limit_mb, name):
    size = getattr(value, "size", None)
    if size is not None and size > limit_mb * MB:
        raise ValidationError(
            _("“%(name)s” is %(size).1f MB; the limit is %(limit)s MB."),
            code="file_too_large",
            params={"name": name, "size": size / MB, "limit": limit_mb},
        )


def _rewind(value):
    if hasattr(value, "seek"):
        value.seek(0)


def validate_pdf_upload(value):
    """A real PDF: `%PDF-` magic bytes, parses (PDFium), at least one page that opens, at most
    MAX_PDF_MB megabytes.

    Raises ValidationError naming the file, with the code `file_too_large`, `not_pdf` (no magic
    bytes: a renamed file), `invalid_pdf` (garbage after the magic bytes, a damaged, truncated
    or password-protected file) or `empty_pdf` (no page). Leaves the file rewound.
    """
    if not value or _is_stored(value):
        return
    name = _display_name(value)
    _check_size(value, settings.MAX_PDF_MB, name)
    params = {"name": name}
    _rewind(value)
    try:
        data = value.read()  # at most MAX_PDF_MB, checked above
        if not data.startswith(PDF_MAGIC):
            raise ValidationError(_("“%(name)s” is not a PDF file."), code="not_pdf", params=params)
        try:
            pages = page_count(data)
        except UnreadablePDF as exc:
            raise ValidationError(
                _("“%(name)s” cannot be read as a PDF: it is damaged or incomplete."),
                code="invalid_pdf",
                params=params,
            ) from exc
        if pages < 1:
            raise ValidationError(_("“%(name)s” has no pages."), code="empty_pdf", params=params)
    finally:
        _rewind(value)


def validate_image_upload(value):
    """A JPEG, PNG or WebP image that Pillow opens and verifies, under MAX_IMAGE_MB and under
    MAX_IMAGE_PIXELS.

    Pillow refuses images above twice its own limit (DecompressionBombError) but only *warns*
    in the band between 89 and 179 megapixels; the warning is turned into an error here, and
    the pixel count is checked against our own limit from the header, before any decoding.
    """
    if not value or _is_stored(value):
        return
    name = _display_name(value)
    _check_size(value, settings.MAX_IMAGE_MB, name)
    too_many_pixels = _("“%(name)s” has too many pixels (the limit is %(limit)s megapixels).")
    limit_params = {"name": name, "limit": settings.MAX_IMAGE_PIXELS // 1_000_000}
    _rewind(value)
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
        _rewind(value)


class ImageUploadField(forms.ImageField):
    """`forms.ImageField` that runs `validate_image_upload` first.

    Django's ImageField opens the upload with Pillow in `to_python()`, before the model's
    validators run, and answers a decompression bomb or an SVG with a generic message that does
    not name the file. Running our validator first gives the precise, named error.
    """

    def to_python(self, data):
        if data not in self.empty_values and not _is_stored(data):
            validate_image_upload(data)
        return super().to_python(data)


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
