"""Every way the site links a PDF opens in the browser's own viewer, under the PDF answers' strict
policy (`default-src 'none'; sandbox`): the links are followed as a reader does, top-level.

The site embeds no PDF in a frame or an object (the policy's `frame-ancestors 'none'` and
X-Frame-Options forbid it): a viewer inside a sandboxed frame is what browsers block."""

import pytest
from django.core.files.base import ContentFile

from publications.pdf.views import PDF_CONTENT_SECURITY_POLICY
from tests.factories import PublicationFactory, make_pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Chromium's built-in PDF viewer, an extension page that it puts in front of a top-level PDF.
VIEWER_URL = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"
VIEWER_PAGES = """() => {
  const viewer = document.querySelector('pdf-viewer');
  const toolbar = viewer && viewer.shadowRoot && viewer.shadowRoot.querySelector('viewer-toolbar');
  return toolbar ? toolbar.docLength : null;
}"""


@pytest.fixture
def publications():
    uploaded = PublicationFactory(slug="uploaded-paper", title="Uploaded paper", body="")
    uploaded.pdf.save("upload.pdf", ContentFile(make_pdf_bytes(pages=2)), save=True)
    generated = PublicationFactory(slug="generated-paper", title="Generated paper", body="")
    return uploaded, generated


def viewer_pages(page, *, seconds=15):
    """How many pages the browser's viewer shows for the current document (None: no viewer,
    or it showed nothing in time)."""
    for _ in range(seconds * 5):
        for frame in page.frames:
            if frame.url.startswith(VIEWER_URL):
                pages = frame.evaluate(VIEWER_PAGES)
                if pages:
                    return pages
        page.wait_for_timeout(200)
    return None


def open_top_level(page, url):
    """Follow `url` as the top-level document; its response."""
    return page.goto(url)


def assert_pdf_answer(response):
    assert response.status == 200
    headers = response.all_headers()  # `headers` leaves security headers out
    assert headers["content-type"] == "application/pdf"
    assert headers["content-security-policy"] == PDF_CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("which", ["uploaded", "generated"])
def test_the_download_button_opens_the_pdf_in_the_viewer(page, live_server, publications, which):
    publication = publications[0] if which == "uploaded" else publications[1]
    page.goto(live_server.url + publication.get_absolute_url())
    href = page.locator("#download a.button").get_attribute("href")
    assert href == publication.get_pdf_url()
    response = open_top_level(page, live_server.url + href)
    assert_pdf_answer(response)
    assert viewer_pages(page) >= 1


def test_the_summary_only_link_opens_the_pdf_in_the_viewer(page, live_server, publications):
    uploaded = publications[0]
    page.goto(live_server.url + uploaded.get_absolute_url())
    link = page.locator("#summary a", has_text="Read the full analysis (PDF)")
    assert link.get_attribute("href") == uploaded.get_pdf_url()
    with page.expect_navigation() as navigation:
        link.click()
    assert_pdf_answer(navigation.value)
    assert viewer_pages(page) == 2


def test_the_reading_list_opens_in_the_viewer(page, live_server, publications):
    response = open_top_level(page, live_server.url + "/publications/export.pdf")
    assert_pdf_answer(response)
    assert viewer_pages(page) >= 1


def test_the_french_pdf_url_opens_in_the_viewer(page, live_server, publications):
    response = open_top_level(page, live_server.url + "/fr" + publications[0].get_pdf_url())
    assert_pdf_answer(response)
    assert viewer_pages(page) == 2
