"""Reading PDFs with PDFium: the text (page by page, within the limits), the first page as an
image, the page count, and what is refused."""

import io
import threading

import pytest
from reportlab.pdfgen import canvas

from publications.pdf import reader
from publications.pdf.reader import UnreadablePDF, first_page_image, page_count, pdf_text
from tests.factories import make_bulky_pdf_bytes, make_pdf_bytes
from tests.upload_files import CATALOG, encrypted_pdf_bytes, pdf_from_objects


def pdf_of_lines(*pages):
    """A PDF whose page N carries the lines of pages[N], one under the other."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for lines in pages:
        for number, line in enumerate(lines):
            pdf.drawString(72, 720 - 16 * number, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_text_has_the_lines_of_each_page_and_a_blank_line_between_pages():
    data = pdf_of_lines(["First line", "Second line"], ["Next page"])
    assert pdf_text(data) == "First line\nSecond line\n\nNext page"


def test_text_leaves_out_pages_without_text():
    data = pdf_of_lines(["Before"], [], ["After"])
    assert pdf_text(data) == "Before\n\nAfter"


def test_text_keeps_accents_and_the_hyphen_of_a_word_broken_across_lines():
    data = pdf_of_lines(["La coopération régionale est co-", "ordonnée à Besançon."])
    assert pdf_text(data) == "La coopération régionale est co-\nordonnée à Besançon."


def test_text_stops_at_the_page_limit(monkeypatch):
    monkeypatch.setattr(reader, "MAX_TEXT_PAGES", 2)
    data = pdf_of_lines(["One"], ["Two"], ["Three"])
    assert pdf_text(data) == "One\n\nTwo"


def test_text_stops_at_the_character_limit(monkeypatch):
    monkeypatch.setattr(reader, "MAX_TEXT_CHARS", 10)
    data = pdf_of_lines(["Abcdefghijklmnop"], ["Never read"])
    assert pdf_text(data) == "Abcdefghij"


def test_text_of_a_pdf_without_text_is_empty():
    assert pdf_text(pdf_of_lines([], [])) == ""


def test_text_of_garbage_raises_unreadable():
    with pytest.raises(UnreadablePDF):
        pdf_text(b"%PDF-1.4 this is not really a PDF")


def test_first_page_is_rendered_as_an_image_of_the_given_width():
    image = first_page_image(make_pdf_bytes(pages=2), width=300)
    assert (image.mode, image.width) == ("RGB", 300)
    assert image.height == round(300 * 842 / 595)  # A4's proportions (ReportLab's default)


def test_first_page_of_a_pdf_without_pages_raises_unreadable():
    no_page = pdf_from_objects(CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>")
    with pytest.raises(UnreadablePDF):
        first_page_image(no_page, width=50)


@pytest.mark.parametrize("pages", [1, 3])
def test_page_count(pages):
    assert page_count(make_pdf_bytes(pages=pages)) == pages


def test_page_count_of_a_page_tree_that_announces_a_page_it_does_not_have_is_zero():
    # PDFium counts one page here (pypdf counted none): no page opens, so there is none.
    data = pdf_from_objects(CATALOG, b"<< /Type /Pages /Kids [] /Count 1 >>")
    assert page_count(data) == 0


def test_page_count_refuses_a_password_protected_pdf():
    with pytest.raises(UnreadablePDF):
        page_count(encrypted_pdf_bytes())


def test_page_count_refuses_a_file_without_its_end_even_when_pdfium_could_rebuild_it():
    data = make_pdf_bytes(pages=2)
    complete_objects = data[: data.rindex(b"xref")]  # every page is there; the table is not
    with pytest.raises(UnreadablePDF, match="truncated"):
        page_count(complete_objects)


def test_readers_in_several_threads_get_their_own_texts():
    # PDFium is not thread-safe: the module's lock makes concurrent use give correct answers.
    documents = {n: make_bulky_pdf_bytes(text=f"Document {n}", pages=3) for n in range(6)}
    texts = {}

    def read(n):
        texts[n] = pdf_text(documents[n])

    threads = [threading.Thread(target=read, args=(n,)) for n in documents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n in documents:
        assert texts[n].startswith(f"Document {n} Page 1.")
        assert texts[n].count(f"Document {n}") == 3 * 41
