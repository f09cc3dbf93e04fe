"""Writes around publications' PDFs: counting downloads, deriving text and a thumbnail.

`publication_process_pdf(*, publication)` is the hook to call whenever a publication's uploaded
PDF changes (the admin's `save_model` when `"pdf" in form.changed_data`, the importer after it
stored a file, `manage.py process_pdfs` to backfill).
"""

import logging
import uuid
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import connection
from django.db.models import F
from django.utils import timezone

from publications.models import DownloadDay, Publication

logger = logging.getLogger(__name__)

#: Text beyond this is not kept (search indexes have limits too; PostgreSQL's tsvector is 1 MB).
MAX_PDF_TEXT_CHARS = 500_000
MAX_TEXT_PAGES = 500
THUMBNAIL_WIDTH = 600


def publication_download_record(*, publication_id: int, day=None) -> None:
    """Count one download: the total and the day's row, each in one atomic SQL statement."""
    day = day or timezone.localdate()
    Publication.objects.filter(pk=publication_id).update(download_count=F("download_count") + 1)
    if connection.vendor in {"postgresql", "sqlite"}:
        table = connection.ops.quote_name(DownloadDay._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (publication_id, day, count) VALUES (%s, %s, 1) "
                f"ON CONFLICT (publication_id, day) DO UPDATE SET count = {table}.count + 1",
                [publication_id, day],
            )
        return
    # Other databases: update, else insert; a concurrent insert loses the race and updates.
    from django.db import IntegrityError, transaction

    days = DownloadDay.objects.filter(publication_id=publication_id, day=day)
    if days.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DownloadDay.objects.create(publication_id=publication_id, day=day, count=1)
    except IntegrityError:
        days.update(count=F("count") + 1)


def extract_pdf_text(data: bytes) -> str:
    """The text of a PDF (pypdf), pages separated by blank lines; "" when it has none."""
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data))
    pages, length = [], 0
    for page in reader.pages[:MAX_TEXT_PAGES]:
        try:
            page_text = page.extract_text() or ""
        except Exception:  # one broken page must not lose the others
            logger.warning("Could not extract text from a page", exc_info=True)
            continue
        page_text = page_text.replace("\x00", "").strip()
        if page_text:
            pages.append(page_text)
            length += len(page_text)
        if length >= MAX_PDF_TEXT_CHARS:
            break
    return "\n\n".join(pages)[:MAX_PDF_TEXT_CHARS]


def render_first_page(data: bytes, *, width: int = THUMBNAIL_WIDTH) -> bytes:
    """A JPEG of the PDF's first page, `width` pixels wide (pypdfium2, no system library)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        page = document[0]
        scale = width / page.get_width()
        image = page.render(scale=scale).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    out = BytesIO()
    image.save(out, format="JPEG", quality=85, optimize=True, progressive=True)
    return out.getvalue()


def publication_process_pdf(*, publication: Publication) -> Publication:
    """Derive `pdf_text` and, when there is no cover image, `thumbnail` from the uploaded PDF.

    Without a PDF, both are cleared. A PDF that cannot be read leaves them empty and logs a
    warning: upload validation is the place that refuses broken files, not this.

    A new text empties the search vectors (a database trigger): callers refresh them once,
    after all their writes (`search_index_refresh()`).
    """
    old_thumbnail = publication.thumbnail.name if publication.thumbnail else ""
    pdf_text, thumbnail = "", None
    if publication.pdf:
        with publication.pdf.open("rb") as handle:
            data = handle.read()
        try:
            pdf_text = extract_pdf_text(data)
        except Exception:
            logger.warning("Could not read the text of %s", publication.pdf.name, exc_info=True)
        if not publication.cover:
            try:
                thumbnail = render_first_page(data)
            except Exception:
                logger.warning("Could not render %s", publication.pdf.name, exc_info=True)
    publication.pdf_text = pdf_text
    if thumbnail is not None:
        publication.thumbnail.save(f"{uuid.uuid4().hex}.jpg", ContentFile(thumbnail), save=False)
    else:
        publication.thumbnail = ""
    Publication.objects.filter(pk=publication.pk).update(
        pdf_text=publication.pdf_text, thumbnail=publication.thumbnail.name or ""
    )
    if old_thumbnail and old_thumbnail != (publication.thumbnail.name or ""):
        publication.thumbnail.storage.delete(old_thumbnail)
    return publication


def publications_make_missing_thumbnails() -> int:
    """Thumbnails for every publication with an uploaded PDF but neither cover nor thumbnail.

    Bulk writers (the importer, the demo) store files without going through the admin's
    save hook; they call this afterwards, then refresh the search vectors once themselves.
    Returns how many thumbnails were made.
    """
    made = 0
    missing = Publication.objects.exclude(pdf="").filter(cover="", thumbnail="").defer("body")
    for publication in missing.iterator(chunk_size=100):
        publication_process_pdf(publication=publication)
        made += bool(publication.thumbnail)
    return made
