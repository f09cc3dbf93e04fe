"""Media in an S3-compatible bucket (thinktank/storage/s3.py), against a real S3 server started
by the tests (moto's server mode: tests/s3_server.py): uploads land in the bucket, covers are
public there and through /media/, PDFs are private there and reach readers only through the PDF
URL (public items only, ranges and validators right), generated editions live and are served
from the bucket, a refused write is a form error with nothing left, import/export work.

Skipped without moto_server; failed in CI (REQUIRE_S3=1).
"""

import json
import subprocess
import sys

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from publications.models import Author, Publication
from tests.admin_forms import admin_url, form_data
from tests.factories import PublicationFactory, attach_pdf, make_bulky_pdf_bytes
from tests.pdf_documents import body, text
from tests.s3_server import running_s3_server
from tests.servers import ROOT
from tests.upload_files import image_upload, pdf_upload
from thinktank.storage import PUBLIC_MEDIA_CACHE_CONTROL, FileNotStored

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def s3_server():
    with running_s3_server() as server:
        yield server


@pytest.fixture
def bucket(s3_server, settings):
    """A new bucket holding this test's media; yields its name."""
    name = s3_server.new_bucket()
    settings.STORAGES = s3_server.storages(name)
    return name


def pdf_url(publication):
    return f"/publications/{publication.slug}/{publication.slug}.pdf"


SETTINGS = "thinktank.settings.dev"


def test_the_environment_variables_choose_the_bucket_and_nothing_else_the_disk():
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({k: settings.STORAGES[k]['BACKEND'] for k in ('default', 'private')}))"
    )

    def backends(**env):
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": SETTINGS, **env},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert backends() == {
        "default": "thinktank.storage.SafeFileSystemStorage",
        "private": "thinktank.storage.SafeFileSystemStorage",
    }
    assert backends(AWS_STORAGE_BUCKET_NAME="media-bucket") == {
        "default": "thinktank.storage.s3.PublicMediaStorage",
        "private": "thinktank.storage.s3.PrivateMediaStorage",
    }


def test_an_admin_upload_puts_the_cover_public_and_the_pdf_private_in_the_bucket(
    s3_server, bucket, admin_client, client
):
    data = form_data(admin_client.get(admin_url(Publication, "add")))
    data.update(title="Bucket report", slug="bucket-report", _workflow="publish")
    response = admin_client.post(
        admin_url(Publication, "add"),
        {**data, "pdf": pdf_upload("Annual report.pdf", pages=2), "cover": image_upload()},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    publication = Publication.objects.get(slug="bucket-report")

    cover_key = f"media/{publication.cover.name}"
    pdf_key = f"private/{publication.pdf.name}"
    assert cover_key in s3_server.keys(bucket, "media/covers/")
    assert pdf_key in s3_server.keys(bucket, "private/pdfs/")

    # In the bucket: the cover is readable by anyone, the PDF by no one without credentials.
    status, cover_bytes = s3_server.anonymous_get(bucket, cover_key)
    assert status == 200 and cover_bytes[:8] == b"\x89PNG\r\n\x1a\n"
    assert s3_server.anonymous_get(bucket, pdf_key)[0] == 403
    head = s3_server.client().head_object(Bucket=bucket, Key=cover_key)
    assert head["CacheControl"] == PUBLIC_MEDIA_CACHE_CONTROL

    # Through the site: the cover's URL answers with the image, cached for a year.
    assert publication.cover.url == f"/media/{publication.cover.name}"
    response = client.get(publication.cover.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == cover_bytes
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == PUBLIC_MEDIA_CACHE_CONTROL
    # And the PDF through its URL, byte for byte what was uploaded.
    response = client.get(pdf_url(publication))
    assert response.status_code == 200
    stored = s3_server.client().get_object(Bucket=bucket, Key=pdf_key)["Body"].read()
    assert body(response) == stored and stored[:5] == b"%PDF-"


def test_a_write_the_bucket_refuses_is_a_form_error_naming_the_file_and_nothing_is_saved(
    s3_server, settings, admin_client
):
    # A bucket that does not exist: every write fails as a refused or unreachable store does.
    settings.STORAGES = s3_server.storages("thinktank-no-such-bucket")
    data = form_data(admin_client.get(admin_url(Author, "add"), follow=True), "author_form")
    data.update(name="Jane Doe", slug="jane-doe")
    response = admin_client.post(
        admin_url(Author, "add"), {**data, "photo": image_upload("Portrait.png")}
    )
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors.get("photo", []))
    assert "“Portrait.png” could not be stored: the file storage did not accept it" in errors
    assert not Author.objects.exists()
    assert response.context["adminform"].form["name"].value() == "Jane Doe"


def test_a_failed_upload_leaves_no_object(s3_server, bucket):
    """An upload that fails part-way (here the second part of a multipart upload) leaves
    nothing in the bucket: no partial object, no pending upload."""
    from boto3.s3.transfer import TransferConfig

    from thinktank.storage.s3 import PublicMediaStorage

    storage = PublicMediaStorage(
        **s3_server.storages(bucket)["default"]["OPTIONS"],
        transfer_config=TransferConfig(
            multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024
        ),
    )
    data = b"x" * (11 * 1024 * 1024)

    class BreaksHalfway(ContentFile):
        def read(self, size=-1):
            if self.tell() > 6 * 1024 * 1024:
                raise OSError("connection reset while uploading")
            return super().read(size)

    with pytest.raises(FileNotStored) as caught:
        storage.save("covers/big.jpg", BreaksHalfway(data, name="Big.jpg"))
    assert caught.value.upload_name == "Big.jpg"
    assert s3_server.keys(bucket) == []
    assert s3_server.client().list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


def test_the_pdf_url_serves_public_items_only_with_ranges_and_validators(s3_server, bucket, client):
    publication = PublicationFactory(slug="ranged")
    data = attach_pdf(publication, make_bulky_pdf_bytes(pages=3))
    draft = PublicationFactory(slug="draft-item", status=Publication.Status.DRAFT)
    attach_pdf(draft)
    assert s3_server.anonymous_get(bucket, f"private/{draft.pdf.name}")[0] == 403

    response = client.get(pdf_url(publication))
    assert response.status_code == 200 and body(response) == data
    assert response["Content-Length"] == str(len(data))
    assert response["Content-Security-Policy"].startswith("default-src 'none'; sandbox")
    etag, last_modified = response["ETag"], response["Last-Modified"]

    response = client.get(pdf_url(publication), HTTP_RANGE="bytes=1000-1999")
    assert response.status_code == 206
    assert body(response) == data[1000:2000]
    assert response["Content-Range"] == f"bytes 1000-1999/{len(data)}"
    response = client.get(pdf_url(publication), HTTP_RANGE="bytes=-100")
    assert response.status_code == 206 and body(response) == data[-100:]

    assert client.get(pdf_url(publication), HTTP_IF_NONE_MATCH=etag).status_code == 304
    response = client.get(pdf_url(publication), HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304

    assert client.get(pdf_url(draft)).status_code == 404
    publication.refresh_from_db()
    assert publication.download_count == 1  # the first full GET only


def test_a_generated_edition_is_stored_in_the_bucket_and_served_from_it(s3_server, bucket, client):
    publication = PublicationFactory(slug="generated-edition", title="An edition from the bucket")
    response = client.get(pdf_url(publication))
    assert response.status_code == 200
    data = body(response)
    assert "An edition from the bucket" in text(data)
    keys = s3_server.keys(bucket, "private/generated/")
    assert len(keys) == 1 and keys[0].startswith(f"private/generated/{publication.pk}-")
    assert s3_server.client().get_object(Bucket=bucket, Key=keys[0])["Body"].read() == data
    assert s3_server.anonymous_get(bucket, keys[0])[0] == 403

    # An edit makes a new edition, which replaces the old one in the bucket.
    Publication.objects.filter(pk=publication.pk).update(title="A new title")
    response = client.get(pdf_url(publication))
    assert "A new title" in text(body(response))
    new_keys = s3_server.keys(bucket, "private/generated/")
    assert len(new_keys) == 1 and new_keys != keys
    response = client.get(pdf_url(publication), HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206 and len(body(response)) == 100


def test_media_paths_that_are_not_public_images_are_404(s3_server, bucket, client):
    draft = PublicationFactory(slug="hidden", status=Publication.Status.DRAFT)
    attach_pdf(draft)
    default_storage.save("covers/notes.txt", ContentFile(b"not an image"))
    for path in (
        f"/media/{draft.pdf.name}",
        f"/media/../private/{draft.pdf.name}",
        "/media/covers/notes.txt",
        "/media/covers/missing.png",
    ):
        assert client.get(path).status_code == 404, path


def test_import_then_export_with_the_bucket(s3_server, bucket, tmp_path):
    from tests.publications.interchange.documents import (
        rich_document,
        run_export,
        run_import,
        write_doc,
    )

    run_import(write_doc(tmp_path, rich_document(tmp_path)))
    publication = Publication.objects.get(slug="security-partnerships-japan")
    assert f"private/{publication.pdf.name}" in s3_server.keys(bucket, "private/")
    assert f"media/{publication.cover.name}" in s3_server.keys(bucket, "media/")

    out = tmp_path / "out"
    out.mkdir()
    exported = json.loads(run_export(out / "export.json"))
    pub = next(p for p in exported["publications"] if p["slug"] == "security-partnerships-japan")
    pdf_key = f"private/{publication.pdf.name}"
    stored_pdf = s3_server.client().get_object(Bucket=bucket, Key=pdf_key)["Body"].read()
    assert (out / pub["pdf"]).read_bytes() == stored_pdf
    cover_key = f"media/{publication.cover.name}"
    stored_cover = s3_server.client().get_object(Bucket=bucket, Key=cover_key)["Body"].read()
    assert (out / pub["cover"]).read_bytes() == stored_cover

    # Imported again (unchanged files): nothing new is written to the bucket.
    before = s3_server.keys(bucket)
    run_import(out / "export.json")
    assert s3_server.keys(bucket) == before
