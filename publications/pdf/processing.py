"""What is derived from a publication's stored PDF: its text (for search), its page count and,
when the publication has no cover image, a thumbnail of the first page.

Write paths that change a publication's PDF or cover (the admin's `save_model`, the importer
and so `load_demo`, the restore of a revision that brings back another file) call
`services.publication_pdf_changed(*, publication, ...)`: it marks the derived fields as pending
(a new PDF's page count and text are cleared, not left wrong; no thumbnail until the new one
exists, so pages show the placeholder) and enqueues
`publications.tasks.publication_pdf_process_task` once the transaction commits. The request
never reads the PDF.

`publication_pdf_process(*, publication)` is the one processing step, run by that task (and by
`manage.py process_pdfs` to backfill). The PDF is read in a child process under memory and time
limits (`sandbox.py`); a file that breaks them leaves the derived fields empty, with
`pdf_status` "failed" and a message shown in the admin.

It does not refresh the search vectors: a new `pdf_text` empties them (a database trigger), and
callers refresh once, after all their writes (`search_index_refresh()`).
"""

import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile

from publications.models import Publication
from thinktank.cache import catalogue_changed
from thinktank.files import file_release

from .sandbox import PDFProcessingFailed, derive_in_child

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
    """(text, page count or None, JPEG bytes or None, thumbnail name or "") of `data`, read
    in a child process under the limits of settings. Raises PDFProcessingFailed."""
    name = _thumbnail_name(publication, data) if not publication.cover else ""
    storage = publication.thumbnail.storage
    have_thumbnail = bool(name) and publication.thumbnail.name == name and storage.exists(name)
    text, pages, thumbnail, unreadable = derive_in_child(
        data,
        thumbnail_width=THUMBNAIL_WIDTH,
        want_thumbnail=bool(name) and not have_thumbnail,  # made from these very bytes before
        memory_mb=settings.PDF_PROCESS_MEMORY_MB,
        cpu_seconds=settings.PDF_PROCESS_CPU_SECONDS,
        timeout=settings.PDF_PROCESS_TIMEOUT_SECONDS,
    )
    for problem in unreadable:
        what = "read the text" if problem.startswith("text") else "render the first page"
        logger.warning("Could not %s of %s (%s)", what, publication.pdf.name, problem)
    if name and not have_thumbnail and thumbnail is None:
        name = ""
    return text, pages, thumbnail, name


def publication_pdf_process(*, publication: Publication) -> Publication:
    """Derive from the stored PDF its text (`pdf_text`), its page count (`pages`) and, when
    the publication has no cover, its `thumbnail` (a JPEG THUMBNAIL_WIDTH pixels wide, sRGB,
    made by thinktank/images.py), and store them with `pdf_status` and `pdf_status_message`
    in one UPDATE of those columns; a thumbnail it replaces is released from storage.

    Idempotent: run again on the same files it writes the same values and renders nothing
    (the thumbnail is named after the PDF's SHA-256). Without a PDF, the text and thumbnail are
    cleared and `pages` is left as staff typed it (a printed book has pages and no file). A PDF
    that cannot be read leaves text and thumbnail empty and logs a warning; one that breaks
    the memory or time limits leaves them empty too, with status "failed" and the reason in
    `pdf_status_message`. Returns `publication`, updated in place.
    """
    old_thumbnail = publication.thumbnail.name or ""
    pages = publication.pages
    text, thumbnail, name = "", None, ""
    status, message = ("", "")
    if publication.pdf:
        status = Publication.PdfStatus.DONE
        try:
            with publication.pdf.open("rb") as handle:
                data = handle.read()
        except OSError:
            logger.error("PDF of %s is missing: %s", publication.slug, publication.pdf.name)
        else:
            try:
                text, derived_pages, thumbnail, name = _derive(publication, data)
            except PDFProcessingFailed as error:
                logger.warning("PDF of %s: %s", publication.slug, error)
                status, message, pages = Publication.PdfStatus.FAILED, str(error), None
            else:
                pages = derived_pages or pages
    if thumbnail is not None:
        storage = publication.thumbnail.storage
        if storage.exists(name):  # left behind by an earlier run that failed later
            storage.delete(name)
        name = storage.save(name, ContentFile(thumbnail))
    fields = {
        "pdf_text": text,
        "pages": pages,
        "thumbnail": name,
        "pdf_status": status,
        "pdf_status_message": message,
    }
    for field, value in fields.items():
        setattr(publication, field, value)
    Publication.objects.filter(pk=publication.pk).update(**fields)
    if old_thumbnail and old_thumbnail != name:
        file_release(publication.thumbnail.storage, old_thumbnail)
    catalogue_changed(publications=[publication])  # the thumbnail shows on cards
    return publication
