"""A PDF is linked only where its URL serves one: not for a file missing from storage, not in a
preview (the PDF URL serves published items only), not for a media item; the API says so with
`pdf_url: null`, which its schema declares."""

import json

import pytest
from django.contrib.auth.models import Group, User

from publications import preview
from publications.models import Publication
from tests.factories import PublicationFactory, attach_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    from tests.upload_files import isolate_storage

    return isolate_storage(tmp_path, settings, monkeypatch)


def missing_file(publication):
    attach_pdf(publication)
    publication.pdf.storage.delete(publication.pdf.name)
    return publication


def json_ld(html):
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    return json.loads(block)


def test_a_page_whose_pdf_file_is_missing_links_no_pdf(client, storage):
    publication = missing_file(PublicationFactory(slug="gone-file", body=""))
    assert client.get(publication.get_pdf_url()).status_code == 404  # what a link would give

    response = client.get(publication.get_absolute_url())
    html = response.content.decode()
    assert publication.get_pdf_url() not in html
    assert "The PDF is temporarily unavailable" in html
    assert "citation_pdf_url" not in html
    assert "contentUrl" not in json.dumps(json_ld(html))


def test_the_api_gives_null_for_a_missing_file(client, storage):
    missing_file(PublicationFactory(slug="gone-file"))
    item = client.get("/api/v1/publications/gone-file/").json()
    assert item["pdf_url"] is None
    listed = client.get("/api/v1/publications/").json()["results"]
    assert [entry["pdf_url"] for entry in listed] == [None]


def test_a_present_file_and_a_generated_edition_are_linked(client, storage):
    uploaded = PublicationFactory(slug="uploaded")
    attach_pdf(uploaded)
    generated = PublicationFactory(slug="generated")
    for publication in (uploaded, generated):
        html = client.get(publication.get_absolute_url()).content.decode()
        assert f'href="{publication.get_pdf_url()}"' in html
        item = client.get(f"/api/v1/publications/{publication.slug}/").json()
        assert item["pdf_url"] == f"http://testserver{publication.get_pdf_url()}"
        assert client.get(publication.get_pdf_url()).status_code == 200


def test_a_media_item_has_null_not_an_empty_string(client):
    PublicationFactory(
        slug="interview", type=Publication.Type.MEDIA, external_url="https://example.org/a"
    )
    assert client.get("/api/v1/publications/interview/").json()["pdf_url"] is None


@pytest.mark.parametrize("with_upload", [True, False])
def test_a_staff_preview_links_no_pdf_and_says_when_it_comes(client, storage, with_upload):
    draft = PublicationFactory(slug="draft-paper", status=Publication.Status.DRAFT, body="")
    if with_upload:
        attach_pdf(draft)
    editor = User.objects.create_user("ed", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "Preview, not published" in html
    assert draft.get_pdf_url() not in html
    assert "once the publication is published" in html
    assert client.get(draft.get_pdf_url()).status_code == 404  # what a link would give


def test_a_preview_link_for_outside_reviewers_links_no_pdf(client):
    draft = PublicationFactory(slug="draft-paper", status=Publication.Status.REVIEW)
    html = client.get(preview.preview_url(draft).split("8000", 1)[-1]).content.decode()
    assert "Preview, not published" in html
    assert draft.get_pdf_url() not in html


def test_the_schema_declares_pdf_url_a_nullable_uri(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    for name in ("PublicationList", "PublicationDetail"):
        pdf_url = schema["components"]["schemas"][name]["properties"]["pdf_url"]
        assert pdf_url["format"] == "uri"
        assert pdf_url["nullable"] is True
