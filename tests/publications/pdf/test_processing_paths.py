"""Every path that changes a publication's PDF goes through the one processing step
(`publication_pdf_process`): text, page count and thumbnail always come from the file stored
now, whether it arrived by import, by the admin, by restoring a revision or with the demo."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from reversion.models import Version

from publications.models import Publication
from publications.pdf.processing import publication_pdf_process
from publications.pdf.reader import page_count
from tests.admin_forms import admin_url, form_data
from tests.factories import PublicationFactory, attach_pdf, make_bulky_pdf_bytes
from tests.publications.interchange.documents import (
    example_document,
    run_import,
    write_doc,
    write_pdf,
)

pytestmark = pytest.mark.django_db


def derived(publication):
    """(text, pages, thumbnail pixels) as stored now."""
    publication = Publication.objects.get(pk=publication.pk)
    pixels = None
    if publication.thumbnail:
        with publication.thumbnail.open("rb") as handle, Image.open(handle) as image:
            pixels = image.convert("L").resize((20, 28)).tobytes()
    return publication.pdf_text, publication.pages, pixels


# --- Import ------------------------------------------------------------------------------------


def test_a_pdf_replaced_by_an_import_gets_its_own_thumbnail_text_and_pages(tmp_path, storage):
    # The example: the old cover thumbnail stayed after an import replaced the PDF.
    document = example_document(tmp_path)
    run_import(write_doc(tmp_path, document))
    before = derived(Publication.objects.get())
    write_pdf(tmp_path / "files" / "new.pdf", "Completely different words " * 30, pages=3)
    document["publications"][0]["pdf"] = "files/new.pdf"

    run_import(write_doc(tmp_path, document))

    text, pages, pixels = derived(Publication.objects.get())
    assert "Completely different words" in text and text != before[0]
    assert (before[1], pages) == (1, 3)
    assert pixels is not None and pixels != before[2]


def test_an_import_of_the_same_pdf_under_another_name_processes_nothing(tmp_path, storage):
    document = example_document(tmp_path)
    run_import(write_doc(tmp_path, document))
    thumbnail = Publication.objects.get().thumbnail.name
    os.rename(tmp_path / "files" / "security-partnerships-japan.pdf", tmp_path / "files" / "x.pdf")
    document["publications"][0]["pdf"] = "files/x.pdf"

    output = run_import(write_doc(tmp_path, document))

    assert "publications: 0 new, 0 updated, 1 unchanged" in output
    assert Publication.objects.get().thumbnail.name == thumbnail


def test_an_import_that_gives_pages_keeps_the_count_of_its_pdf(tmp_path, storage):
    document = example_document(tmp_path)
    write_pdf(tmp_path / "files" / "four.pdf", "Four pages", pages=4)
    document["publications"][0].update(pdf="files/four.pdf", pages=99)
    run_import(write_doc(tmp_path, document))
    assert Publication.objects.get().pages == 4
    # Importing it again finds nothing to change (the stored count is the file's).
    assert "1 unchanged" in run_import(write_doc(tmp_path, document))


# --- Admin ------------------------------------------------------------------------------------


def upload(admin_client, publication, pdf_bytes):
    change = admin_url(Publication, "change", publication.pk)
    data = form_data(admin_client.get(change))
    data["pdf"] = SimpleUploadedFile("new.pdf", pdf_bytes, content_type="application/pdf")
    response = admin_client.post(change, data)
    assert response.status_code == 302


def test_a_pdf_replaced_in_the_admin_gets_its_own_thumbnail_text_and_pages(admin_client, storage):
    publication = PublicationFactory(pages=None)
    upload(admin_client, publication, make_bulky_pdf_bytes(text="First upload", pages=1))
    before = derived(publication)
    upload(admin_client, publication, make_bulky_pdf_bytes(text="Second upload", pages=5))
    text, pages, pixels = derived(publication)
    assert "Second upload" in text and "First upload" not in text
    assert (before[1], pages) == (1, 5)
    assert pixels != before[2]


# --- Restoring a revision ---------------------------------------------------------------------


def test_restoring_a_revision_with_an_older_pdf_brings_back_its_thumbnail_text_and_pages(
    admin_client, storage
):
    publication = PublicationFactory(pages=None)
    upload(admin_client, publication, make_bulky_pdf_bytes(text="Original edition", pages=2))
    original = derived(publication)
    upload(admin_client, publication, make_bulky_pdf_bytes(text="Revised edition", pages=6))
    assert derived(publication)[1] == 6
    older = Version.objects.get_for_object(publication)[1]

    restore = admin_url(Publication, "revision", publication.pk, older.pk)
    response = admin_client.post(restore, form_data(admin_client.get(restore)))
    assert response.status_code == 302

    assert derived(publication) == original


# --- The demo ---------------------------------------------------------------------------------


def test_the_demo_publications_carry_what_their_pdfs_say(demo):
    with_pdf = Publication.objects.exclude(pdf="")
    assert with_pdf.count() >= 5
    for publication in with_pdf:
        with publication.pdf.open("rb") as handle:
            assert publication.pages == page_count(handle.read()), publication.slug
        assert publication.pdf_text, publication.slug
        assert bool(publication.thumbnail) != bool(publication.cover), publication.slug


# --- The step itself --------------------------------------------------------------------------


def test_processing_twice_changes_nothing(storage):
    publication = PublicationFactory()
    attach_pdf(publication, make_bulky_pdf_bytes(text="Steady", pages=3))
    publication_pdf_process(publication=publication)
    first = Publication.objects.get(pk=publication.pk)
    path = first.thumbnail.path
    stamp = os.stat(path).st_mtime_ns

    publication_pdf_process(publication=first)

    again = Publication.objects.get(pk=publication.pk)
    assert (again.pdf_text, again.pages, again.thumbnail.name) == (
        first.pdf_text,
        3,
        first.thumbnail.name,
    )
    assert os.stat(path).st_mtime_ns == stamp  # not rendered again
    assert len(os.listdir(os.path.dirname(path))) == 1  # nothing left behind


def test_a_pdf_missing_from_storage_clears_what_came_from_it(storage, caplog):
    publication = PublicationFactory(pages=12)
    attach_pdf(publication, make_bulky_pdf_bytes(text="Soon missing"))
    publication_pdf_process(publication=publication)
    publication.pdf.storage.delete(publication.pdf.name)

    publication_pdf_process(publication=Publication.objects.get(pk=publication.pk))

    text, pages, pixels = derived(publication)
    assert (text, pixels) == ("", None)
    assert pages == 1  # the last count read from a file stays: staff may still need it
    assert "is missing" in caplog.text
