"""What is derived from a publication's stored PDF: its text (for search), its page count and,
when the publication has no cover image, a thumbnail of the first page.

`publication_pdf_process(*, publication)` is the one processing step. Every path that changes a
publication's PDF or cover calls it once the file is saved: the admin's `save_model`, the
importer (and so `load_demo`) for each publication whose files changed, the restore of a
revision that brings back another file, and `manage.py process_pdfs` to backfill. It reads
only what is stored, so it can later run in a background task unchanged.

It does not refresh the search vectors: a new `pdf_text` empties them (a database trigger), and
callers refresh once, after all their writes (`search_index_refresh()`).
"""

import hashlib
import logging

from django.core.files.base import ContentFile

from publications.models import Publication
from thinktank.cache import catalogue_changed
from thinktank.images import jpeg_bytes

from .reader import first_page_image, page_count, pdf_text

logger = logging.getLogger(__name__)

THUMBNAIL_WIDTH = 600  # pixels
THUMBNAIL_FOLDER = "covers"  # where the thumbnail field's uploads went too


def _thumbnail_name(publication, data):
    """The thumbnail's name follows from the publication and the bytes of its PDF: processing
    the same file again finds its thumbnail already there, and a new file gets a new URL (no
    cache keeps showing the old image)."""
    digest = hashlib.sha256(data).hexdigest()[:24]
    return f"{THUMBNAIL_FOLDER}/{publication.pk}-{digest}.jpg"


def _derive(publication, data):
    """(text, page count or None, JPEG bytes or None, thumbnail name or "") of `data`."""
    text, pages, thumbnail, name = "", None, None, ""
    # Upload validation is where broken files are refused; here a file that cannot be read
    # (an old upload, a file damaged in storage) leaves the derived fields empty rather than
    # failing a save.
    try:
        text = pdf_text(data)
        pages = page_count(data) or None
    except Exception:
        logger.warning("Could not read the text of %s", publication.pdf.name, exc_info=True)
    if not publication.cover:
        name = _thumbnail_name(publication, data)
        storage = publication.thumbnail.storage
        if publication.thumbnail.name == name and storage.exists(name):
            return text, pages, None, name  # made from these very bytes before
        try:
            thumbnail = jpeg_bytes(first_page_image(data, width=THUMBNAIL_WIDTH))
        except Exception:
            logger.warning("Could not render %s", publication.pdf.name, exc_info=True)
            name = ""
    return text, pages, thumbnail, name


def publication_pdf_process(*, publication: Publication) -> Publication:
    """Derive from the stored PDF its text (`pdf_text`), its page count (`pages`) and, when
    the publication has no cover, its `thumbnail` (a JPEG THUMBNAIL_WIDTH pixels wide, sRGB,
    made by thinktank/images.py), and store them with one UPDATE of those columns; a
    thumbnail it replaces is deleted from storage.

    Idempotent: run again on the same files it writes the same values and renders nothing
    (the thumbnail is named after the PDF's SHA-256). Without a PDF, the text and thumbnail are
    cleared and `pages` is left as staff typed it (a printed book has pages and no file). A PDF
    that cannot be read leaves text and thumbnail empty and logs a warning. Returns
    `publication`, updated in place.
    """
    old_thumbnail = publication.thumbnail.name or ""
    pages = publication.pages
    text, thumbnail, name = "", None, ""
    if publication.pdf:
        try:
            with publication.pdf.open("rb") as handle:
                data = handle.read()
        except OSError:
            logger.error("PDF of %s is missing: %s", publication.slug, publication.pdf.name)
        else:
            text, derived_pages, thumbnail, name = _derive(publication, data)
            pages = derived_pages or pages
    if thumbnail is not None:
        storage = publication.thumbnail.storage
        if storage.exists(name):  # left behind by an earlier run that failed later
            storage.delete(name)
        name = storage.save(name, ContentFile(thumbnail))
    publication.pdf_text, publication.pages, publication.thumbnail = text, pages, name
    Publication.objects.filter(pk=publication.pk).update(pdf_text=text, pages=pages, thumbnail=name)
    if old_thumbnail and old_thumbnail != name:
        publication.thumbnail.storage.delete(old_thumbnail)
    catalogue_changed(publications=[publication])  # the thumbnail shows on cards
    return publication
