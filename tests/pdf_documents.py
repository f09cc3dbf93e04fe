"""Reading the PDFs the tests get back, with PDFium directly (not the project's reader, so
that a fault there cannot hide one in what is read)."""

import pypdfium2 as pdfium


def page_texts(data):
    """The text of each page of the PDF `data`, whitespace collapsed to single spaces."""
    document = pdfium.PdfDocument(data)
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


def text(data):
    return " ".join(page_texts(data))


def metadata(data):
    """{"Title": ..., "Author": ..., "Subject": ..., "Keywords": ..., "Creator": ...}"""
    document = pdfium.PdfDocument(data)
    try:
        return document.get_metadata_dict()
    finally:
        document.close()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content
