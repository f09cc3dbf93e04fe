"""import_publications: the contract's document, upsert by slug, files, what a re-import writes."""

import json

import pytest
from django.core.management import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from centers.models import Center
from publications.models import (
    Author,
    Publication,
    PublicationAuthor,
    PublicationFacetRow,
    PublicationRegion,
)
from taxonomy.models import Region
from tests.factories import CenterFactory, ProgramFactory, PublicationFactory, RegionFactory
from thinktank.models import OldSlug

from .documents import (
    counts,
    rich_document,
    run_import,
    stored_files,
    write_doc,
    write_image,
    write_pdf,
)

pytestmark = pytest.mark.django_db


def test_contract_example_document_imports(tmp_path, example):
    output = run_import(write_doc(tmp_path, example))

    assert "publications: 1 new, 0 updated, 0 unchanged" in output
    pub = Publication.objects.get(slug="security-partnerships-japan")
    assert pub.isbn == "9782365671231"
    assert pub.isbn_display == "978-2-36567-123-1"
    assert pub.series.issn == "1958-5284"
    # The document says 28 pages; its PDF has 1: the count is the stored file's.
    assert (pub.series_number, pub.pages) == ("61", 1)
    assert [a.slug for a in pub.authors.all()] == ["jane-doe"]
    assert list(pub.regions.values_list("slug", flat=True)) == ["japan"]
    assert list(pub.themes.values_list("slug", flat=True)) == ["security"]
    assert list(pub.centers.values_list("slug", flat=True)) == ["asia-center"]
    assert pub.pdf.storage.open(pub.pdf.name).read(5) == b"%PDF-"
    assert "Hello" in pub.pdf_text  # the one PDF processing step extracted it
    japan = Region.objects.get(slug="japan")
    assert (japan.path, japan.depth, japan.parent.slug) == ("/asia/japan/", 1, "asia")
    jane = Author.objects.get(slug="jane-doe")
    assert (jane.centers.get().slug, jane.sort_name) == ("asia-center", "Doe, Jane")
    assert Publication.objects.published().filter(pk=pub.pk).exists()


def test_translation_roles_media_program_and_pinned_related_are_imported(tmp_path):
    run_import(write_doc(tmp_path, rich_document(tmp_path)))

    french = Publication.objects.get(slug="partenariats-securite-japon")
    assert french.translation_of.slug == "security-partnerships-japan"
    assert list(french.related.values_list("slug", flat=True)) == ["security-partnerships-japan"]
    assert french.featured
    roles = dict(
        PublicationAuthor.objects.filter(
            publication__slug="security-partnerships-japan"
        ).values_list("author__slug", "role")
    )
    assert roles == {"jane-doe": "author", "jean-dupont": "editor"}
    media = Publication.objects.get(slug="op-ed-le-monde")
    assert media.doi == "10.1234/abc"
    assert media.summary == "" and media.series is None and media.pages is None
    program = Center.objects.get(slug="japan-program")
    assert program.parent.slug == "asia-center"
    assert list(program.heads.values_list("slug", flat=True)) == ["jane-doe"]
    assert not Author.objects.get(slug="jean-dupont").active


def test_reimporting_the_same_document_writes_nothing(tmp_path):
    path = write_doc(tmp_path, rich_document(tmp_path))
    run_import(path)
    updated = dict(Publication.objects.values_list("slug", "updated_at"))
    stored = stored_files()

    with CaptureQueriesContext(connection) as queries:
        output = run_import(path)

    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert "publications: 0 new, 0 updated, 3 unchanged" in output
    assert dict(Publication.objects.values_list("slug", "updated_at")) == updated
    assert stored_files() == stored  # the same files are not stored again


def test_a_changed_title_updates_exactly_that_row(tmp_path, example):
    example["publications"].append({**example["publications"][0], "slug": "other", "pdf": None})
    run_import(write_doc(tmp_path, example))
    updated = dict(Publication.objects.values_list("slug", "updated_at"))
    example["publications"][1]["title"] = "A new title"

    output = run_import(write_doc(tmp_path, example))

    assert "publications: 0 new, 1 updated, 1 unchanged" in output
    after = dict(Publication.objects.values_list("slug", "updated_at"))
    assert after["other"] > updated["other"]
    assert after["security-partnerships-japan"] == updated["security-partnerships-japan"]
    assert Publication.objects.get(slug="other").title == "A new title"


def test_a_changed_link_counts_as_an_update_of_its_publication(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    before = Publication.objects.get().updated_at
    example["publications"][0]["regions"] = ["asia"]

    output = run_import(write_doc(tmp_path, example))

    assert "publications: 0 new, 1 updated, 0 unchanged" in output
    publication = Publication.objects.get()
    assert list(publication.regions.values_list("slug", flat=True)) == ["asia"]
    assert publication.updated_at > before
    assert PublicationRegion.objects.count() == 1


def test_reimport_replaces_authors_regions_and_fields(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    example["authors"].append({"slug": "john-roe", "name": "John Roe"})
    example["regions"].append({"slug": "korea", "name": "Korea", "parent": "asia"})
    example["publications"][0].update(
        title="New title",
        authors=["john-roe", "jane-doe"],
        regions=["korea"],
        pdf=None,
        isbn="0-306-40615-2",
    )

    run_import(write_doc(tmp_path, example))

    publication = Publication.objects.get()
    assert publication.title == "New title"
    assert publication.isbn == "0306406152"
    assert not publication.pdf
    assert publication.pdf_text == ""
    assert [a.slug for a in publication.ordered_authors] == ["john-roe", "jane-doe"]
    assert list(publication.regions.values_list("slug", flat=True)) == ["korea"]
    assert PublicationRegion.objects.count() == 1


def test_a_database_record_the_document_does_not_name_is_left_alone(tmp_path, example):
    other = PublicationFactory(slug="elsewhere", title="Not in the file")
    run_import(write_doc(tmp_path, example))

    assert Publication.objects.get(pk=other.pk).title == "Not in the file"
    assert Publication.objects.count() == 2


def test_import_makes_a_thumbnail_from_the_pdf_when_there_is_no_cover(tmp_path, example):
    run_import(write_doc(tmp_path, example))

    publication = Publication.objects.get()
    assert publication.thumbnail
    assert publication.thumbnail.storage.exists(publication.thumbnail.name)
    assert publication.display_image == publication.thumbnail


def test_a_replaced_pdf_gets_its_own_text_and_thumbnail(
    tmp_path, example, django_capture_on_commit_callbacks
):
    run_import(write_doc(tmp_path, example))
    first = Publication.objects.get()
    storage, old_pdf, old_thumbnail = first.thumbnail.storage, first.pdf.name, first.thumbnail.name
    with storage.open(old_thumbnail) as handle, Image.open(handle) as image:
        old_pixels = image.tobytes()
    write_pdf(tmp_path / "files" / "second.pdf", "Desalination " * 8, pages=3)
    example["publications"][0]["pdf"] = "files/second.pdf"

    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        run_import(write_doc(tmp_path, example))

    publication = Publication.objects.get()
    assert "Desalination" in publication.pdf_text and "Hello" not in publication.pdf_text
    assert publication.thumbnail.name != old_thumbnail
    assert not storage.exists(old_thumbnail)  # the old thumbnail went with the old PDF
    assert not publication.pdf.storage.exists(old_pdf)
    with storage.open(publication.thumbnail.name) as handle, Image.open(handle) as image:
        assert image.tobytes() != old_pixels


def test_a_removed_pdf_takes_its_text_and_thumbnail_along(
    tmp_path, example, django_capture_on_commit_callbacks
):
    run_import(write_doc(tmp_path, example))
    thumbnail = Publication.objects.get().thumbnail
    example["publications"][0]["pdf"] = None

    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        run_import(write_doc(tmp_path, example))

    publication = Publication.objects.get()
    assert (publication.pdf.name, publication.pdf_text, publication.thumbnail.name) == ("", "", "")
    assert not thumbnail.storage.exists(thumbnail.name)


def test_a_cover_replaces_the_thumbnail_made_from_the_pdf(
    tmp_path, example, django_capture_on_commit_callbacks
):
    run_import(write_doc(tmp_path, example))
    thumbnail = Publication.objects.get().thumbnail
    write_image(tmp_path / "files" / "cover.webp", "WEBP")
    example["publications"][0]["cover"] = "files/cover.webp"

    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        run_import(write_doc(tmp_path, example))

    publication = Publication.objects.get()
    assert publication.cover.name.endswith(".webp")
    assert not publication.thumbnail
    assert not thumbnail.storage.exists(thumbnail.name)
    assert publication.display_image == publication.cover


def test_a_file_named_by_two_records_is_checked_once_and_stored_for_each(tmp_path, example):
    write_image(tmp_path / "files" / "shared.png")
    example["authors"] = [
        {"slug": "a", "name": "A", "photo": "files/shared.png"},
        {"slug": "b", "name": "B", "photo": "files/shared.png"},
    ]
    example["publications"][0]["authors"] = []

    run_import(write_doc(tmp_path, example))

    photos = list(Author.objects.values_list("photo", flat=True))
    assert len(set(photos)) == 2 and all(name.endswith(".png") for name in photos)


def test_a_file_with_a_byte_order_mark_and_decomposed_accents_is_read(tmp_path, example):
    example["publications"][0]["title"] = "Se\u0301curite\u0301"  # e + combining acute accent
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(example, ensure_ascii=False).encode())

    run_import(path)

    assert Publication.objects.get().title == "Sécurité"  # stored in NFC


def test_reimport_moves_a_region_and_rewrites_the_paths_below_it(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    RegionFactory(slug="tokyo", name="Tokyo", parent=Region.objects.get(slug="japan"))
    example["regions"] = [
        {"slug": "east-asia", "name": "East Asia", "parent": "asia"},
        {"slug": "japan", "name": "Japan", "parent": "east-asia"},
    ]

    run_import(write_doc(tmp_path, example))

    tokyo = Region.objects.get(slug="tokyo")
    assert (tokyo.path, tokyo.depth) == ("/asia/east-asia/japan/tokyo/", 3)
    assert Region.objects.get(slug="japan").path == "/asia/east-asia/japan/"


def test_a_record_at_the_old_slug_of_a_renamed_publication_is_refused(tmp_path, example):
    # An export older than a rename would otherwise make a second copy at the old URL.
    renamed = PublicationFactory(slug="renamed")
    OldSlug.objects.create(old_slug="security-partnerships-japan", target=renamed)

    with pytest.raises(CommandError) as error:
        run_import(write_doc(tmp_path, example))

    assert (
        'publications[0] (slug "security-partnerships-japan"): slug: '
        "“security-partnerships-japan” was renamed “renamed”"
    ) in str(error.value)
    assert list(Publication.objects.values_list("slug", flat=True)) == ["renamed"]
    assert OldSlug.objects.get().target == renamed


def test_dry_run_counts_and_writes_nothing(tmp_path, example):
    stored = stored_files()

    output = run_import(write_doc(tmp_path, example), "--dry-run")

    assert "Dry run" in output
    assert "publications: 1 new, 0 updated, 0 unchanged" in output
    assert sum(counts().values()) == 0
    assert stored_files() == stored


@pytest.mark.postgres
def test_moving_a_region_updates_the_facet_rows_of_items_not_in_the_document(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    japan = Region.objects.get(slug="japan")
    tokyo = RegionFactory(slug="tokyo", name="Tokyo", parent=japan)
    elsewhere = PublicationFactory(slug="tokyo-notes", regions=[tokyo])
    PublicationFactory.create_batch(2)  # the document is a small part of the catalogue
    example["regions"].append({"slug": "east-asia", "name": "East Asia", "parent": "asia"})
    example["regions"][1]["parent"] = "east-asia"  # Japan moves under East Asia

    run_import(write_doc(tmp_path, example))

    east_asia = Region.objects.get(slug="east-asia")
    expected = sorted([Region.objects.get(slug="asia").pk, east_asia.pk, japan.pk, tokyo.pk])
    assert PublicationFacetRow.objects.get(publication=elsewhere).region_ids == expected


@pytest.mark.postgres
def test_moving_a_program_updates_the_facet_rows_of_items_not_in_the_document(tmp_path, example):
    CenterFactory(slug="europe-center")
    program = ProgramFactory(slug="energy", parent=CenterFactory(slug="asia-center"))
    elsewhere = PublicationFactory(slug="energy-notes", centers=[program])
    example["centers"] = [
        {"slug": "energy", "name": "Energy", "kind": "program", "parent": "europe-center"}
    ]

    run_import(write_doc(tmp_path, example))

    europe = Center.objects.get(slug="europe-center")
    row = PublicationFacetRow.objects.get(publication=elsewhere)
    assert sorted(row.center_ids) == sorted([program.pk, europe.pk])


@pytest.mark.postgres
def test_an_import_writes_each_facet_row_once_with_every_tag(tmp_path, example):
    # Per-statement triggers would write a new row, then rewrite it for its regions, its
    # themes and its centers: four versions of each, a table of dead rows for every facet scan.
    def writes():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT n_tup_ins, n_tup_upd FROM pg_stat_xact_user_tables "
                "WHERE relname = 'publications_publicationfacetrow'"
            )
            return cursor.fetchone()

    inserted, updated = writes()
    run_import(write_doc(tmp_path, example))
    assert writes() == (inserted + 1, updated)
    publication = Publication.objects.get()
    row = PublicationFacetRow.objects.get(publication=publication)
    asia, japan = Region.objects.get(slug="asia"), Region.objects.get(slug="japan")
    assert row.region_ids == sorted([asia.pk, japan.pk])
    assert row.theme_ids and row.center_ids
