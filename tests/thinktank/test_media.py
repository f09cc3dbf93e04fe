"""Public media at /media/, served by the app with DJANGO_DEBUG=0 as well (thinktank/media.py):
images only, with validators, Range and a year-long cache lifetime; PDFs, drafts' or not,
never (they are in the private storage, reached only through the PDF URL)."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from publications.models import Publication
from tests.factories import AuthorFactory, PublicationFactory, attach_pdf
from tests.upload_files import image_upload, isolate_storage
from thinktank.storage import PUBLIC_MEDIA_CACHE_CONTROL

pytestmark = pytest.mark.django_db


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    return isolate_storage(tmp_path, settings, monkeypatch)


def content(response):
    return b"".join(response.streaming_content)


def test_a_cover_answers_200_with_long_cache_lifetime_and_validators(storage, client):
    assert settings.DEBUG is False
    publication = PublicationFactory(slug="with-cover")
    publication.cover.save("c.png", image_upload(), save=True)
    data = publication.cover.read()

    response = client.get(publication.cover.url)
    assert response.status_code == 200
    assert content(response) == data
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == PUBLIC_MEDIA_CACHE_CONTROL
    assert response["Content-Length"] == str(len(data))
    # The same image for every reader: one copy in shared caches, whatever the language.
    assert "Vary" not in response and "Set-Cookie" not in response

    assert client.get(publication.cover.url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    since = response["Last-Modified"]
    assert client.get(publication.cover.url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    ranged = client.get(publication.cover.url, HTTP_RANGE="bytes=0-7")
    assert ranged.status_code == 206 and content(ranged) == data[:8]
    assert client.head(publication.cover.url).status_code == 200


def test_photos_and_french_pages_use_the_same_media_url(storage, client):
    author = AuthorFactory(slug="jane")
    author.photo.save("p.png", image_upload(), save=True)
    assert author.photo.url.startswith("/media/experts/")
    assert client.get(author.photo.url).status_code == 200
    assert client.get("/fr" + author.photo.url).status_code == 404  # one URL per file


def test_a_drafts_pdf_is_not_reachable_under_media(storage, client):
    media_root, private_root = storage
    draft = PublicationFactory(slug="secret-draft", status=Publication.Status.DRAFT)
    attach_pdf(draft)
    assert (private_root / draft.pdf.name).exists()
    assert not (media_root / draft.pdf.name).exists()
    for path in (
        f"/media/{draft.pdf.name}",
        f"/media/../private/{draft.pdf.name}",
        f"/media/..%2Fprivate%2F{draft.pdf.name.replace('/', '%2F')}",
        f"/media/%2e%2e/private/{draft.pdf.name}",
    ):
        assert client.get(path).status_code == 404, path


def test_only_images_are_served_even_when_other_files_are_in_media_root(storage, client):
    default_storage.save("covers/page.html", ContentFile(b"<script>alert(1)</script>"))
    default_storage.save("covers/stray.pdf", ContentFile(b"%PDF-1.4"))
    default_storage.save("covers/.hidden.png", ContentFile(b"x"))
    for path in ("covers/page.html", "covers/stray.pdf", "covers/.hidden.png", "covers/none.png"):
        assert client.get(f"/media/{path}").status_code == 404, path
    assert client.post("/media/covers/x.png").status_code == 405


def test_private_media_root_inside_media_root_refuses_to_start(tmp_path):
    from tests.thinktank.test_settings import run_django

    result = run_django(
        "",
        DJANGO_SETTINGS_MODULE="thinktank.settings.dev",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "media" / "private"),
    )
    assert result.returncode != 0
    assert (
        "PRIVATE_MEDIA_ROOT" in result.stderr and "must not be inside MEDIA_ROOT" in result.stderr
    )
