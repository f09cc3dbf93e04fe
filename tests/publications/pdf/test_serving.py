"""The PDF URL of a publication over HTTP: the uploaded file byte for byte, validators and
conditional requests, byte ranges, HEAD, who gets a 404, old slugs, X-Accel-Redirect."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.utils import timezone
from django.views import static

from publications.models import Publication
from tests.factories import PublicationFactory, attach_pdf, make_bulky_pdf_bytes, rename
from tests.pdf_documents import body

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploaded():
    publication = PublicationFactory(slug="security-partnerships-japan")
    data = attach_pdf(publication, make_bulky_pdf_bytes(pages=3))
    assert len(data) > 3000
    return publication, data


def pdf_url(publication, **query):
    url = f"/publications/{publication.slug}/{publication.slug}.pdf"
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def downloads(publication):
    publication.refresh_from_db()
    return publication.download_count


def test_pdf_is_served_inline_byte_for_byte(client, uploaded):
    publication, data = uploaded
    response = client.get(pdf_url(publication))
    assert response.status_code == 200
    assert body(response) == data
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(data))
    assert response["Content-Disposition"].startswith(
        'inline; filename="security-partnerships-japan.pdf"'
    )
    assert response["Accept-Ranges"] == "bytes"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    assert response["Cache-Control"] == f"public, max-age={settings.PDF_CACHE_MAX_AGE}"


def test_download_parameter_makes_an_attachment(client, uploaded):
    publication, _data = uploaded
    response = client.get(pdf_url(publication, download=1))
    assert response["Content-Disposition"].startswith(
        'attachment; filename="security-partnerships-japan.pdf"'
    )


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=1000-1999", 1000, 1999),
        ("bytes=-500", -500, None),  # the last 500 bytes
        ("bytes=2500-", 2500, None),  # from byte 2500 to the end
    ],
)
def test_range_request_answers_206_with_exactly_those_bytes(client, uploaded, header, first, last):
    publication, data = uploaded
    size = len(data)
    start = first if first >= 0 else size + first
    end = last if last is not None else size - 1
    response = client.get(pdf_url(publication), headers={"Range": header})
    assert response.status_code == 206
    assert body(response) == data[start : end + 1]
    assert response["Content-Length"] == str(end + 1 - start)
    assert response["Content-Range"] == f"bytes {start}-{end}/{size}"


def test_range_past_the_end_is_clamped(client, uploaded):
    publication, data = uploaded
    response = client.get(pdf_url(publication), headers={"Range": f"bytes=10-{len(data) * 2}"})
    assert response.status_code == 206
    assert body(response) == data[10:]


@pytest.mark.parametrize("header", ["bytes=999999999-", "bytes=-0"])
def test_unsatisfiable_range_answers_416(client, uploaded, header):
    publication, data = uploaded
    response = client.get(pdf_url(publication), headers={"Range": header})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(data)}"
    assert downloads(publication) == 0


@pytest.mark.parametrize("header", ["bytes=0-10,20-30", "lines=1-2", "bytes=9-3"])
def test_multiple_or_malformed_ranges_send_the_whole_file(client, uploaded, header):
    publication, data = uploaded
    response = client.get(pdf_url(publication), headers={"Range": header})
    assert response.status_code == 200
    assert body(response) == data


def test_if_range_with_a_stale_etag_sends_the_whole_file(client, uploaded):
    publication, data = uploaded
    response = client.get(
        pdf_url(publication), headers={"Range": "bytes=0-9", "If-Range": '"stale"'}
    )
    assert response.status_code == 200
    assert body(response) == data


def test_if_none_match_answers_304_without_counting(client, uploaded):
    publication, _data = uploaded
    etag = client.get(pdf_url(publication))["ETag"]
    response = client.get(pdf_url(publication), headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert downloads(publication) == 1


def test_if_modified_since_answers_304(client, uploaded):
    publication, _data = uploaded
    last_modified = client.get(pdf_url(publication))["Last-Modified"]
    response = client.get(pdf_url(publication), headers={"If-Modified-Since": last_modified})
    assert response.status_code == 304
    older = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get(pdf_url(publication), headers={"If-Modified-Since": older}).status_code == 200


def test_head_answers_the_same_headers_without_a_body(client, uploaded):
    publication, _data = uploaded
    get = client.get(pdf_url(publication))
    head = client.head(pdf_url(publication))
    assert head.status_code == 200
    assert head.content == b""
    for header in ("Content-Type", "Content-Length", "ETag", "Last-Modified", "Accept-Ranges"):
        assert head[header] == get[header]
    assert downloads(publication) == 1  # the GET only


def test_post_is_not_allowed(client, uploaded):
    publication, _data = uploaded
    assert client.post(pdf_url(publication)).status_code == 405


@pytest.mark.parametrize(
    "attrs",
    [
        {"status": Publication.Status.DRAFT},
        {"status": Publication.Status.REVIEW},
        {"status": Publication.Status.ARCHIVED},
        {"publish_at": timezone.now() + datetime.timedelta(hours=1)},
        {"published_on": timezone.localdate() + datetime.timedelta(days=1)},
    ],
    ids=["draft", "review", "archived", "scheduled", "future-dated"],
)
def test_pdf_of_a_non_public_publication_is_404_and_not_cached(client, attrs):
    publication = PublicationFactory(**attrs)
    attach_pdf(publication)
    response = client.get(pdf_url(publication))
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert client.get(f"/publications/{publication.slug}/pdf/").status_code == 404
    assert downloads(publication) == 0


def test_uploaded_pdf_is_not_under_media_root_nor_served_from_media(client, uploaded):
    publication, _data = uploaded
    stored = Path(publication.pdf.path).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    assert not stored.is_relative_to(media_root)
    assert client.get(f"/media/{publication.pdf.name}").status_code == 404
    # Even the DEBUG static view (what `make run` mounts on /media/) cannot reach it.
    request = RequestFactory().get(f"/media/{publication.pdf.name}")
    with pytest.raises(Http404):
        static.serve(request, publication.pdf.name, document_root=settings.MEDIA_ROOT)


def test_unknown_slug_and_wrong_filename_are_404(client, uploaded):
    publication, _data = uploaded
    assert client.get("/publications/nothing/nothing.pdf").status_code == 404
    assert client.get(f"/publications/{publication.slug}/other.pdf").status_code == 404


def test_old_slug_redirects_permanently_to_the_new_pdf_url(client, uploaded):
    publication, _data = uploaded
    old = publication.slug
    rename(publication, "japan-security")
    response = client.get(f"/publications/{old}/{old}.pdf?download=1")
    assert response.status_code == 301
    assert response["Location"] == "/publications/japan-security/japan-security.pdf?download=1"
    assert client.get(response["Location"]).status_code == 200


def test_pdf_shortcut_redirects_to_the_pdf(client, uploaded):
    publication, _data = uploaded
    response = client.get(f"/publications/{publication.slug}/pdf/")
    assert response.status_code == 301
    assert response["Location"] == pdf_url(publication)


def test_replacing_the_file_keeps_the_url_and_changes_the_etag(client, uploaded):
    publication, data = uploaded
    first = client.get(pdf_url(publication))
    new_data = attach_pdf(publication, make_bulky_pdf_bytes(text="Second edition", pages=2))
    second = client.get(pdf_url(publication))
    assert body(second) == new_data != data
    assert second["ETag"] != first["ETag"]


def test_media_item_without_upload_has_no_pdf(client):
    item = PublicationFactory(type=Publication.Type.MEDIA, external_url="https://example.org/x")
    assert client.get(pdf_url(item)).status_code == 404


@override_settings(PDF_X_ACCEL_REDIRECT_PREFIX="/protected-pdfs/")
def test_x_accel_redirect_mode_lets_nginx_send_the_bytes(client, uploaded):
    publication, _data = uploaded
    response = client.get(pdf_url(publication), headers={"Range": "bytes=0-99"})
    assert response.status_code == 200  # nginx turns it into the 206
    assert response["X-Accel-Redirect"] == f"/protected-pdfs/{publication.pdf.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert downloads(publication) == 1
    etag = response["ETag"]
    assert client.get(pdf_url(publication), headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/publications/x/x.pdf").status_code == 404
