"""Every PDF answer carries its own strict policy instead of the site's page policy, nosniff and
the exact type `application/pdf` (publications/pdf/views.py)."""

import pytest

from publications.pdf.views import PDF_CONTENT_SECURITY_POLICY
from tests.factories import PublicationFactory, attach_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploaded(storage):
    publication = PublicationFactory(slug="uploaded")
    attach_pdf(publication)
    return publication


def assert_pdf_headers(response, status=200):
    assert response.status_code == status
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == PDF_CONTENT_SECURITY_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("query", "headers", "status"),
    [("", {}, 200), ("?download=1", {}, 200), ("", {"Range": "bytes=0-99"}, 206)],
    ids=["inline", "attachment", "range"],
)
def test_uploaded_pdf_answers(client, uploaded, query, headers, status):
    response = client.get(uploaded.get_pdf_url() + query, headers=headers)
    assert_pdf_headers(response, status)


def test_head_of_a_pdf(client, uploaded):
    assert_pdf_headers(client.head(uploaded.get_pdf_url()))


def test_generated_edition_and_french_url(client, uploaded):
    generated = PublicationFactory(slug="generated")
    assert_pdf_headers(client.get(generated.get_pdf_url()))
    assert_pdf_headers(client.get("/fr" + uploaded.get_pdf_url()))


def test_reading_list(client, uploaded):
    assert_pdf_headers(client.get("/publications/export.pdf"))


def test_a_page_keeps_the_site_policy(client, uploaded):
    policy = client.get(uploaded.get_absolute_url())["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "sandbox" not in policy
