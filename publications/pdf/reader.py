"""Reading PDF files: the one module that talks to the PDF library, pypdfium2 (PDFium, the
engine of Chrome's viewer, shipped as a wheel with no system dependency).

Everything the project learns from a PDF comes from here: whether it opens and how many pages
it has (upload validation), its text (search) and an image of its first page (thumbnails).

PDFium is not thread-safe, even across different documents, and pypdfium2 does not guard it:
every use holds `_PDFIUM`, a process-wide lock, from opening a document to closing it, so a
threaded server (runserver, gthread workers) or a task runner cannot call into it twice at once.
"""

import contextlib
import logging
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

#: Text beyond these is not kept: search indexes have limits (PostgreSQL's tsvector is 1 MB),
#: and the time spent grows with every page read.
MAX_TEXT_CHARS = 500_000
MAX_TEXT_PAGES = 500
#: Where a complete PDF ends with `%%EOF`: within its last 1,024 bytes, the rule Adobe's
#: reader applies (PDF Reference 1.7, implementation note 18).
EOF_WINDOW = 1024

logger = logging.getLogger(__name__)

_PDFIUM = threading.Lock()


class UnreadablePDF(ValueError):
    """The file does not parse as a PDF: damaged, truncated, encrypted, or not a PDF at all."""


@contextlib.contextmanager
def _document(data):
    """The document in `data` (bytes), open under the lock and closed on exit; it may have no
    page. Raises UnreadablePDF when PDFium cannot load it.
    """
    with _PDFIUM:
        # The raw call, not `PdfDocument(data)`: that refuses a document without pages with an
        # error code left over from an earlier failure (PDFium only sets it on failure), so a
        # file without pages could not be told from a damaged one.
        handle = pdfium_raw.FPDF_LoadMemDocument64(data, len(data), None)
        if not handle:
            code = pdfium_raw.FPDF_GetLastError()
            raise UnreadablePDF(f"PDFium cannot load it (FPDF_ERR {code})")
        document = pdfium.PdfDocument(handle)
        try:
            yield document
        finally:
            document.close()  # PDFium reads `data` until then: it is held by this frame


def page_count(data: bytes) -> int:
    """How many pages of the PDF `data` can be opened.

    0 when the document parses but has no page, or when its page tree announces pages that
    cannot be opened. Raises UnreadablePDF when it does not parse, including a file cut short
    (no `%%EOF` in its last EOF_WINDOW bytes): PDFium would rebuild such a file from what is
    left, but an upload that stopped halfway is a damaged upload, whatever a reader salvages.
    """
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise UnreadablePDF("no %%EOF marker at the end: the file is truncated")
    with _document(data) as document:
        if not len(document):
            return 0
        try:
            document[0].close()
        except pdfium.PdfiumError:
            return 0
        return len(document)


def _page_text(document, index):
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    # PDFium joins a word hyphenated across lines and marks the join with U+FFFE; put back the
    # hyphen and the line break that are printed, as other extractors give them.
    return text.replace("\ufffe", "-\n").replace("\r\n", "\n").replace("\x00", "").strip()


def pdf_text(data: bytes) -> str:
    """The text of a PDF given as bytes: the text of each page with a blank line between pages
    (pages without text are left out), at most MAX_TEXT_PAGES pages and MAX_TEXT_CHARS
    characters. "" for a PDF without a text layer (a scan).

    Raises UnreadablePDF when the bytes do not parse. A page that cannot be read is skipped
    with a warning, so that one broken page does not lose the others.
    """
    pages, length = [], 0
    with _document(data) as document:
        for index in range(min(len(document), MAX_TEXT_PAGES)):
            try:
                text = _page_text(document, index)
            except pdfium.PdfiumError:
                logger.warning("Could not read the text of page %s", index + 1, exc_info=True)
                continue
            if text:
                pages.append(text)
                length += len(text)
            if length >= MAX_TEXT_CHARS:
                break
    return "\n\n".join(pages)[:MAX_TEXT_CHARS]


def first_page_image(data: bytes, *, width: int):
    """The first page of a PDF (bytes) rendered `width` pixels wide, as a Pillow RGB image (its
    encoding is thinktank/images.py's). Raises UnreadablePDF when the bytes do not parse or
    have no page."""
    with _document(data) as document:
        try:
            page = document[0]
        except pdfium.PdfiumError as exc:
            raise UnreadablePDF("the first page cannot be opened") from exc
        try:
            bitmap = page.render(scale=width / page.get_width())
            try:
                return bitmap.to_pil().convert("RGB")  # a copy, independent of the bitmap
            finally:
                bitmap.close()
        finally:
            page.close()
