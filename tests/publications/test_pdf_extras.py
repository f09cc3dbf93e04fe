"""Reading lists, PDF processing (text and thumbnail), the process_pdfs command."""

from io import BytesIO, StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image
from pypdf import PdfReader

from publications.models import Publication
from publications.pdf import editions as pdf_generation
from publications.pdf import views as pdf_views
from publications.pdf.processing import publication_process_pdf
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    RegionFactory,
    ThemeFactory,
    attach_pdf,
    make_bulky_pdf_bytes,
)

pytestmark = pytest.mark.django_db


def pdf_text(response):
    data = b"".join(response.streaming_content)
    reader = PdfReader(BytesIO(data))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split()), reader


# --- Reading list -----------------------------------------------------------------------
def test_reading_list_holds_the_filtered_publications(client):
    japan = RegionFactory(name="Japan", slug="japan")
    security = ThemeFactory(name="Security and defence", slug="security")
    author = AuthorFactory(name="Ayşe Şahin")
    PublicationFactory(
        title="Report on Japan",
        type=Publication.Type.REPORT,
        authors=[author],
        regions=[japan],
        themes=[security],
    )
    PublicationFactory(title="An analysis elsewhere", type=Publication.Type.ANALYSIS)
    PublicationFactory(
        title="A draft report", type=Publication.Type.REPORT, status=Publication.Status.DRAFT
    )
    response = client.get("/publications/export.pdf?type=report")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text, reader = pdf_text(response)
    assert "Report on Japan" in text
    assert "Ayşe Şahin" in text
    assert "Japan · Security and defence" in text
    assert "/publications/" in text
    assert "An analysis elsewhere" not in text
    assert "A draft report" not in text
    assert "1 publications" in text or "1 publication" in text
    assert reader.metadata.title.startswith("Reading list")


def test_reading_list_links_to_the_list_with_its_filters_but_not_the_page(
    client, monkeypatch, settings
):
    given = {}
    monkeypatch.setattr(pdf_views, "render_reading_list", lambda out, rows, **kw: given.update(kw))
    client.get("/publications/export.pdf?type=report&page=2")
    assert given["list_url"] == f"{settings.SITE_URL}/publications/?type=report"


def test_reading_list_with_malformed_filters_is_not_a_500(client):
    PublicationFactory(title="Still listed")
    response = client.get("/publications/export.pdf?year_from=abc&region=nowhere")
    assert response.status_code == 200


def test_reading_list_is_capped_with_a_note(client, monkeypatch):
    monkeypatch.setattr(pdf_generation, "READING_LIST_CAP", 3)
    monkeypatch.setattr(pdf_views, "READING_LIST_CAP", 3)
    for n in range(5):
        PublicationFactory(title=f"Capped item {n}")
    text, _reader = pdf_text(client.get("/publications/export.pdf"))
    assert text.count("Capped item") == 3
    assert "Only the first 3 of 5 publications" in text


def test_reading_list_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    region = RegionFactory()
    for _n in range(30):
        PublicationFactory(authors=[AuthorFactory()], regions=[region])
    # count, publications, authors, regions, themes (one chunk)
    with django_assert_max_num_queries(6):
        response = client.get("/publications/export.pdf")
        b"".join(response.streaming_content)


# --- Text and thumbnail from uploaded PDFs ----------------------------------------------
def test_process_pdf_extracts_text_and_makes_a_thumbnail():
    publication = PublicationFactory()
    attach_pdf(publication, make_bulky_pdf_bytes(text="Zanzibar quokka phrase", pages=2))
    publication_process_pdf(publication=publication)
    publication.refresh_from_db()
    assert "Zanzibar quokka phrase Page 2." in publication.pdf_text
    assert publication.thumbnail
    with publication.thumbnail.open("rb") as handle:
        image = Image.open(handle)
        assert image.format == "JPEG"
        assert image.width == 600
    assert publication.display_image == publication.thumbnail


def test_process_pdf_keeps_no_thumbnail_when_there_is_a_cover():
    publication = PublicationFactory()
    cover = BytesIO()
    Image.new("RGB", (30, 40), "navy").save(cover, format="PNG")
    publication.cover.save("cover.png", ContentFile(cover.getvalue()), save=True)
    attach_pdf(publication)
    publication_process_pdf(publication=publication)
    publication.refresh_from_db()
    assert not publication.thumbnail
    assert publication.pdf_text


def test_process_pdf_without_a_pdf_clears_derived_fields():
    publication = PublicationFactory()
    attach_pdf(publication)
    publication_process_pdf(publication=publication)
    publication.pdf = ""
    publication.save()
    publication_process_pdf(publication=publication)
    publication.refresh_from_db()
    assert publication.pdf_text == ""
    assert not publication.thumbnail


def test_process_pdf_survives_an_unreadable_file():
    publication = PublicationFactory()
    attach_pdf(publication, b"%PDF-1.4 this is not really a PDF")
    publication_process_pdf(publication=publication)
    publication.refresh_from_db()
    assert publication.pdf_text == ""


def test_process_pdfs_command_backfills_only_what_is_missing():
    done = PublicationFactory(slug="done")
    attach_pdf(done)
    publication_process_pdf(publication=done)
    todo = PublicationFactory(slug="todo")
    attach_pdf(todo, make_bulky_pdf_bytes(text="Backfilled words"))
    PublicationFactory(slug="no-pdf")

    out = StringIO()
    call_command("process_pdfs", "--dry-run", stdout=out)
    assert "would process todo" in out.getvalue()
    todo.refresh_from_db()
    assert todo.pdf_text == ""

    out = StringIO()
    call_command("process_pdfs", stdout=out)
    assert "processed todo" in out.getvalue()
    assert "done" not in out.getvalue().replace("Processed 1", "")
    todo.refresh_from_db()
    assert "Backfilled words" in todo.pdf_text


def test_process_pdfs_command_rejects_unknown_slugs():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nope"):
        call_command("process_pdfs", "nope", stdout=StringIO())
