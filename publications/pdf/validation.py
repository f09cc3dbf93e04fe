"""What an uploaded PDF must be (the contract's "Staff" section): the validator on the model's
`pdf` field, also run by the importer on every PDF of a document."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thinktank.uploads import check_size, display_name, is_stored, rewind

from .reader import UnreadablePDF, page_count

PDF_MAGIC = b"%PDF-"


def validate_pdf_upload(value):
    """A real PDF: `%PDF-` magic bytes, parses (PDFium), at least one page that opens, at most
    MAX_PDF_MB megabytes.

    Raises ValidationError naming the file, with the code `file_too_large`, `empty` (0 bytes: a
    file still being written, or an attachment that did not download), `not_pdf` (no magic
    bytes: a renamed file), `invalid_pdf` (garbage after the magic bytes, a damaged, truncated
    or password-protected file) or `empty_pdf` (no page). Leaves the file rewound.
    """
    if not value or is_stored(value):
        return
    name = display_name(value)
    check_size(value, settings.MAX_PDF_MB, name)
    params = {"name": name}
    rewind(value)
    try:
        data = value.read()  # at most MAX_PDF_MB, checked above
        if not data:
            raise ValidationError(
                _("“%(name)s” is empty (0 bytes): choose the file again, or another one."),
                code="empty",
                params=params,
            )
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
        rewind(value)
