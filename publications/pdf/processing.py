"""What is derived from a publication's uploaded PDF: its text (for search) and, when the
publication has no cover image, a thumbnail of the first page.

`publication_process_pdf(*, publication)` is the hook to call whenever a publication's uploaded
PDF or cover changes: the admin's `save_model`, the importer for each publication whose files
changed, `manage.py process_pdfs` to backfill. `publications_make_missing_thumbnails()` does it
for every publication with a PDF and no image yet, after a bulk write that skipped the hook.

Neither refreshes the search vectors: a new `pdf_text` empties them (a database trigger), and
callers refresh once, after all their writes (`search_index_refresh()`).
"""

import logging
import uuid

from django.core.files.base import ContentFile

from publications.models import Publication
from thinktank.cache import catalogue_changed

from .reader import first_page_jpeg, pdf_text

logger = logging.getLogger(__name__)

THUMBNAIL_WIDTH = 600  # pixels


def _derive(publication):
    """(text, JPEG bytes or None) of the publication's PDF; ("", None) when it cannot be read."""
    with publication.pdf.open("rb") as handle:
        data = handle.read()
    text, thumbnail = "", None
    # Upload validation is where broken files are refused; here a file that cannot be read
    # (an old upload, a bulk import) leaves the derived fields empty rather than failing a save.
    try:
        text = pdf_text(data)
    except Exception:
        logger.warning("Could not read the text of %s", publication.pdf.name, exc_info=True)
    if not publication.cover:
        try:
            thumbnail = first_page_jpeg(data, width=THUMBNAIL_WIDTH)
        except Exception:
            logger.warning("Could not render %s", publication.pdf.name, exc_info=True)
    return text, thumbnail


def publication_process_pdf(*, publication: Publication) -> Publication:
    """Derive `pdf_text` and, when there is no cover image, `thumbnail` from the uploaded PDF,
    and store both (one UPDATE of those two columns; the thumbnail file in default storage, a
    JPEG THUMBNAIL_WIDTH pixels wide under a random name; the previous one is deleted).

    Without a PDF, both are cleared. A PDF that cannot be read leaves them empty and logs a
    warning. Returns `publication`, updated in place.
    """
    old_thumbnail = publication.thumbnail.name if publication.thumbnail else ""
    text, thumbnail = _derive(publication) if publication.pdf else ("", None)
    publication.pdf_text = text
    if thumbnail is not None:
        publication.thumbnail.save(f"{uuid.uuid4().hex}.jpg", ContentFile(thumbnail), save=False)
    else:
        publication.thumbnail = ""
    Publication.objects.filter(pk=publication.pk).update(
        pdf_text=publication.pdf_text, thumbnail=publication.thumbnail.name or ""
    )
    if old_thumbnail and old_thumbnail != (publication.thumbnail.name or ""):
        publication.thumbnail.storage.delete(old_thumbnail)
    catalogue_changed(publications=[publication])  # the thumbnail shows on cards
    return publication


def publications_make_missing_thumbnails() -> int:
    """Process every publication with an uploaded PDF but neither cover nor thumbnail (text
    and thumbnail, as `publication_process_pdf`). Returns how many thumbnails were made.

    For writers that store files without the hook; they refresh the search vectors once
    themselves afterwards.
    """
    made = 0
    missing = Publication.objects.exclude(pdf="").filter(cover="", thumbnail="").defer("body")
    for publication in missing.iterator(chunk_size=100):
        publication_process_pdf(publication=publication)
        made += bool(publication.thumbnail)
    return made
