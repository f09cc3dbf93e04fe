"""What is derived from an uploaded PDF (text and thumbnail): `publication_pdf_process`, the
bulk `publications_make_missing_thumbnails`, the `process_pdfs` command, and the search index
that the callers refresh once (the admin's save hook: tests/publications/admin/test_uploads.py)."""

from io import BytesIO, StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from publications.models import Publication
from publications.pdf.processing import (
    THUMBNAIL_WIDTH,
    publication_pdf_process,
)
from publications.search import search_index_refresh, search_query
from tests.admin_forms import form_data
from tests.factories import PublicationFactory, attach_pdf, make_bulky_pdf_bytes

pytestmark = pytest.mark.django_db


def with_pdf(text="A test document.", **attrs):
    publication = PublicationFactory(**attrs)
    attach_pdf(publication, make_bulky_pdf_bytes(text=text, pages=2))
    return publication


def processed(publication):
    publication_pdf_process(publication=publication)
    publication.refresh_from_db()
    return publication


def add_cover(publication):
    cover = BytesIO()
    Image.new("RGB", (30, 40), "navy").save(cover, format="PNG")
    publication.cover.save("cover.png", ContentFile(cover.getvalue()), save=True)


def test_process_pdf_extracts_text_and_makes_a_thumbnail():
    publication = processed(with_pdf("Zanzibar quokka phrase"))
    assert publication.pdf_text.startswith("Zanzibar quokka phrase Page 1.\n")
    assert "\n\nZanzibar quokka phrase Page 2.\n" in publication.pdf_text
    with publication.thumbnail.open("rb") as handle:
        image = Image.open(handle)
        assert (image.format, image.width) == ("JPEG", THUMBNAIL_WIDTH)
    assert publication.display_image == publication.thumbnail


def test_process_pdf_keeps_no_thumbnail_when_there_is_a_cover():
    publication = with_pdf("Covered words")
    add_cover(publication)
    publication = processed(publication)
    assert not publication.thumbnail
    assert "Covered words" in publication.pdf_text


def test_a_new_pdf_replaces_the_thumbnail_and_deletes_the_old_file(
    storage, django_capture_on_commit_callbacks
):
    publication = processed(with_pdf("First"))
    old = publication.thumbnail.name
    attach_pdf(publication, make_bulky_pdf_bytes(text="Second"))
    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        publication = processed(publication)
    assert publication.thumbnail.name != old
    assert not publication.thumbnail.storage.exists(old)
    assert "Second" in publication.pdf_text and "First" not in publication.pdf_text


def test_process_pdf_without_a_pdf_clears_derived_fields():
    publication = processed(with_pdf("Soon gone"))
    assert publication.pdf_text and publication.thumbnail
    publication.pdf = ""
    publication.save()
    publication = processed(publication)
    assert publication.pdf_text == ""
    assert not publication.thumbnail


def test_process_pdf_of_an_unreadable_file_clears_derived_fields_and_logs(caplog):
    publication = processed(with_pdf("Earlier text"))
    assert publication.pdf_text and publication.thumbnail
    attach_pdf(publication, b"%PDF-1.4 this is not really a PDF")
    publication = processed(publication)
    assert publication.pdf_text == ""
    assert not publication.thumbnail
    assert "Could not read the text of" in caplog.text
    assert "Could not render" in caplog.text


def test_process_pdfs_command_backfills_only_what_is_missing():
    processed(with_pdf(slug="done"))
    todo = with_pdf("Backfilled words", slug="todo")
    PublicationFactory(slug="no-pdf")

    out = StringIO()
    call_command("process_pdfs", "--dry-run", stdout=out)
    assert out.getvalue().splitlines() == ["would process todo", "Would process 1 publication(s)."]
    todo.refresh_from_db()
    assert todo.pdf_text == ""

    out = StringIO()
    call_command("process_pdfs", stdout=out)
    assert out.getvalue().splitlines() == ["processed todo", "Processed 1 publication(s)."]
    todo.refresh_from_db()
    assert "Backfilled words" in todo.pdf_text


def test_process_pdfs_command_rejects_unknown_slugs():
    with pytest.raises(CommandError, match="nope"):
        call_command("process_pdfs", "nope", stdout=StringIO())


# --- The search index (PostgreSQL) ------------------------------------------------------
def indexed(text):
    """Slugs whose full-text vector matches `text`."""
    return set(
        Publication.objects.filter(search_vector=search_query(text)).values_list("slug", flat=True)
    )


@pytest.mark.postgres
def test_a_new_pdf_text_empties_the_vectors_until_the_refresh(storage):
    publication = PublicationFactory(slug="with-pdf", title="Ports", summary="", body="")
    search_index_refresh()
    attach_pdf(publication, make_bulky_pdf_bytes(text="Desalination plants"))

    publication_pdf_process(publication=publication)
    # The new text emptied the vectors (a trigger); the caller's one refresh computes them.
    publication.refresh_from_db()
    assert publication.search_vector is None
    search_index_refresh()

    assert indexed("desalination") == {"with-pdf"}


@pytest.mark.postgres
def test_pdf_uploaded_in_the_admin_is_found_by_its_text(admin_client, storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    add = "/admin/publications/publication/add/"
    data = form_data(admin_client.get(add))
    data.update(title="Rivers", slug="uploaded", summary="", body="")
    pdf = make_bulky_pdf_bytes(text="Hydropower cooperation")
    data["pdf"] = SimpleUploadedFile("r.pdf", pdf, content_type="application/pdf")
    assert admin_client.post(add, data).status_code == 302
    assert indexed("hydropower") == {"uploaded"}


@pytest.mark.postgres
def test_process_pdfs_command_indexes_the_texts_in_one_refresh(storage, monkeypatch):
    from publications.management.commands import process_pdfs

    for slug, words in (("first", "Aquifer depletion"), ("second", "Aquifer recharge")):
        with_pdf(words, slug=slug, summary="", body="")
    refreshes = []

    def counted(**kwargs):
        refreshes.append(kwargs)
        return search_index_refresh(**kwargs)

    monkeypatch.setattr(process_pdfs, "search_index_refresh", counted)
    call_command("process_pdfs", stdout=StringIO())

    assert indexed("aquifer") == {"first", "second"}
    assert len(refreshes) == 1
