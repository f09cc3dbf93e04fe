"""import_publications / export_publications: the contract's format, all-or-nothing, round trip."""

import copy
import io
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from PIL import Image
from reportlab.pdfgen import canvas

from centers.models import Center
from publications.models import (
    Author,
    PinnedRelation,
    Publication,
    PublicationAuthor,
    PublicationFacetRow,
    PublicationRegion,
    Series,
)
from taxonomy.models import Region, Theme
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

# The example document of CONTRACT.md, "Import/export format", verbatim.
CONTRACT_EXAMPLE = json.loads(
    """
{
  "regions":  [{"slug": "asia", "name": "Asia", "parent": null},
               {"slug": "japan", "name": "Japan", "parent": "asia"}],
  "themes":   [{"slug": "security", "name": "Security and defence", "parent": null}],
  "series":   [{"slug": "asia-visions", "name": "Asia Visions", "issn": "1958-5284"}],
  "centers":  [{"slug": "asia-center", "name": "Center for Asian Studies", "kind": "center",
                "parent": null, "description": "..."}],
  "authors":  [{"slug": "jane-doe", "name": "Jane Doe", "title": "Research Fellow",
                "bio": "...", "centers": ["asia-center"], "photo": null}],
  "publications": [{
      "slug": "security-partnerships-japan", "title": "...", "subtitle": "",
      "type": "analysis", "series": "asia-visions", "series_number": "61",
      "summary": "...", "body": "...",
      "language": "en", "translation_of": null,
      "published_on": "2013-02-01", "status": "published", "publish_at": null,
      "isbn": "978-2-36567-123-1", "doi": "", "external_url": "", "source": "",
      "authors": ["jane-doe"], "regions": ["japan"], "themes": ["security"],
      "centers": ["asia-center"], "related": [],
      "pdf": "files/security-partnerships-japan.pdf", "cover": null, "pages": 28
  }]
}
"""
)


def make_pdf(path, text="Hello"):
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()


def make_image(path, fmt="PNG", color=(200, 30, 30)):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), color).save(path, fmt)


def write_doc(directory, document, name="import.json"):
    path = directory / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def run_import(path, *args):
    out = io.StringIO()
    call_command("import_publications", str(path), *args, stdout=out)
    return out.getvalue()


def run_export(path=None):
    out = io.StringIO()
    call_command("export_publications", *([str(path)] if path else []), stdout=out)
    return path.read_text(encoding="utf-8") if path else out.getvalue()


def stored_files():
    return {
        str(p)
        for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
        for p in root.rglob("*")
        if p.is_file()
    }


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Region, Theme, Series, Center, Author, Publication, PublicationAuthor)
    }


@pytest.fixture
def example(tmp_path):
    make_pdf(tmp_path / "files" / "security-partnerships-japan.pdf")
    return copy.deepcopy(CONTRACT_EXAMPLE)


def rich_document(tmp_path):
    """The contract's example plus a translation, media item, cover, photo, program, roles."""
    doc = copy.deepcopy(CONTRACT_EXAMPLE)
    make_pdf(tmp_path / "files" / "security-partnerships-japan.pdf", "Security partnerships")
    make_image(tmp_path / "files" / "cover.jpg", "JPEG")
    make_image(tmp_path / "files" / "jane.png", "PNG", (10, 120, 10))
    doc["regions"].append(
        {"slug": "europe", "name": "Europe", "parent": None, "description": "Europe.", "order": 2}
    )
    doc["regions"].append({"slug": "france", "name": "France", "parent": "europe"})
    doc["centers"].append(
        {
            "slug": "japan-program",
            "name": "Japan Program",
            "kind": "program",
            "parent": "asia-center",
            "description": "",
            "heads": ["jane-doe"],
        }
    )
    doc["authors"][0]["photo"] = "files/jane.png"
    doc["authors"][0]["orcid"] = "0000-0002-1825-0097"
    doc["authors"].append(
        {
            "slug": "jean-dupont",
            "name": "Jean Dupont",
            "title": "",
            "bio": "Été à Paris.",
            "centers": [],
            "photo": None,
            "active": False,
        }
    )
    pub = doc["publications"][0]
    pub["cover"] = "files/cover.jpg"
    pub["publish_at"] = "2027-03-01T08:00:00+00:00"
    pub["authors"] = ["jane-doe", "jean-dupont"]
    pub["author_roles"] = ["author", "editor"]
    doc["publications"].append(
        {
            **pub,
            "slug": "partenariats-securite-japon",
            "title": "Partenariats de sécurité",
            "language": "fr",
            "translation_of": "security-partnerships-japan",
            "isbn": "",
            "pdf": None,
            "cover": None,
            "authors": ["jean-dupont"],
            "author_roles": None,
            "related": ["security-partnerships-japan"],
            "publish_at": None,
            "featured": True,
        }
    )
    doc["publications"].append(
        {
            "slug": "op-ed-le-monde",
            "title": "Op-ed",
            "type": "media",
            "status": "draft",
            "published_on": "2024-05-06",
            "external_url": "https://example.org/op-ed",
            "source": "Le Monde",
            "regions": ["france"],
            "doi": "https://doi.org/10.1234/abc",
        }
    )
    return doc


def test_contract_example_document_imports(tmp_path, example):
    output = run_import(write_doc(tmp_path, example))

    assert "publications: 1 new, 0 updated" in output
    pub = Publication.objects.get(slug="security-partnerships-japan")
    assert pub.isbn == "9782365671231"
    assert pub.isbn_display == "978-2-36567-123-1"
    assert pub.series.issn == "1958-5284"
    assert pub.series_number == "61"
    assert pub.pages == 28
    assert [a.slug for a in pub.authors.all()] == ["jane-doe"]
    assert list(pub.regions.values_list("slug", flat=True)) == ["japan"]
    assert list(pub.themes.values_list("slug", flat=True)) == ["security"]
    assert list(pub.centers.values_list("slug", flat=True)) == ["asia-center"]
    assert pub.pdf.storage.open(pub.pdf.name).read(5) == b"%PDF-"
    assert "Hello" in pub.pdf_text
    japan = Region.objects.get(slug="japan")
    assert (japan.path, japan.depth, japan.parent.slug) == ("/asia/japan/", 1, "asia")
    assert Author.objects.get(slug="jane-doe").centers.get().slug == "asia-center"
    assert Author.objects.get(slug="jane-doe").sort_name == "Doe, Jane"
    assert Publication.objects.published().filter(pk=pub.pk).exists()


def test_export_then_import_into_empty_database_then_export_is_identical(tmp_path):
    run_import(write_doc(tmp_path, rich_document(tmp_path)))
    first_dir = tmp_path / "first"
    first_dir.mkdir()
    first = run_export(first_dir / "export.json")

    exported = json.loads(first)
    pub = next(p for p in exported["publications"] if p["slug"] == "security-partnerships-japan")
    assert pub["pdf"] == "files/security-partnerships-japan.pdf"
    assert pub["cover"] == "files/covers/security-partnerships-japan.jpg"
    assert pub["authors"] == ["jane-doe", "jean-dupont"]
    assert pub["author_roles"] == ["author", "editor"]
    assert pub["publish_at"] == "2027-03-01T08:00:00+00:00"
    assert pub["isbn"] == "9782365671231"
    assert (first_dir / pub["pdf"]).read_bytes()[:5] == b"%PDF-"
    photo = exported["authors"][0]["photo"]
    assert photo == "files/photos/jane-doe.png"
    assert (first_dir / photo).is_file()
    assert list(exported) == ["regions", "themes", "series", "centers", "authors", "publications"]
    assert [p["slug"] for p in exported["publications"]] == sorted(
        p["slug"] for p in exported["publications"]
    )
    assert "Été à Paris." in first  # ensure_ascii=False

    # Empty the database, import the export, export again.
    PinnedRelation.objects.all().delete()
    Publication.objects.filter(translation_of__isnull=False).delete()
    Publication.objects.all().delete()
    Center.objects.filter(kind="program").delete()
    for model in (Author, Center, Series, Theme):
        model.objects.all().delete()
    Region.objects.filter(parent__isnull=False).delete()
    Region.objects.all().delete()

    run_import(first_dir / "export.json")
    second_dir = tmp_path / "second"
    second_dir.mkdir()
    second = run_export(second_dir / "export.json")

    assert second == first
    for relative in (pub["pdf"], pub["cover"], photo):
        assert (second_dir / relative).read_bytes() == (first_dir / relative).read_bytes()


def test_export_to_stdout_writes_the_document(tmp_path, example):
    run_import(write_doc(tmp_path, example))

    document = json.loads(run_export())

    assert [p["slug"] for p in document["publications"]] == ["security-partnerships-japan"]
    assert document["regions"][1] == {
        "slug": "japan",
        "name": "Japan",
        "parent": "asia",
        "description": "",
        "order": 0,
    }


def test_export_includes_drafts_and_archived_items(tmp_path, example):
    example["publications"][0]["status"] = "draft"
    run_import(write_doc(tmp_path, example))

    document = json.loads(run_export())

    assert document["publications"][0]["status"] == "draft"


def _bad(record, **changes):
    return {**record, **changes}


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"isbn": "978-2-36567-123-2"}, "isbn", "not a valid ISBN"),
        ({"regions": ["atlantis"]}, "regions", "unknown region “atlantis”"),
        ({"published_on": "2013-13-45"}, "published_on", "2013-13-45"),
        ({"published_on": "01/02/2013"}, "published_on", "YYYY-MM-DD"),
        ({"status": "live"}, "status", "“live” is not one of"),
        ({"type": "podcast"}, "type", "“podcast” is not one of"),
        ({"pdf": "files/missing.pdf"}, "pdf", "not found"),
        ({"pdf": "files/notes.pdf"}, "pdf", "not a PDF"),
        ({"cover": "files/notes.pdf"}, "cover", "is not a valid JPEG, PNG or WebP image"),
        ({"publish_at": "2027-03-01T08:00:00"}, "publish_at", "UTC offset"),
        ({"authors": ["nobody"]}, "authors", "unknown expert “nobody”"),
        ({"series": "nope"}, "series", "unknown series “nope”"),
        ({"doi": "11.2/x"}, "doi", "is not a DOI"),
        ({"translation_of": "ghost"}, "translation_of", "unknown publication “ghost”"),
        ({"pdf": "../outside.pdf"}, "pdf", "outside the folder"),
    ],
)
def test_bad_record_in_the_middle_writes_nothing_and_names_index_slug_and_field(
    tmp_path, example, changes, field, fragment
):
    (tmp_path / "files" / "notes.pdf").write_text("just some text, renamed")
    make_pdf(tmp_path / "outside.pdf")
    good = example["publications"][0]
    example["publications"] = (
        [_bad(good, slug=f"good-{i}", pdf=None, isbn="") for i in range(3)]
        + [_bad(good, slug="the-bad-one", **changes)]
        + [_bad(good, slug=f"later-{i}", pdf=None, isbn="") for i in range(3)]
    )
    before = counts()

    with pytest.raises(CommandError) as excinfo:
        run_import(
            write_doc(tmp_path / "files", example) if False else write_doc(tmp_path, example)
        )

    message = str(excinfo.value)
    assert f'publications[3] (slug "the-bad-one"): {field}: ' in message
    assert fragment in message
    assert "nothing was written" in message
    assert counts() == before
    assert counts()["Publication"] == 0


def test_failed_import_exits_non_zero_from_the_command_line(tmp_path, example):
    example["publications"][0]["isbn"] = "123"
    path = write_doc(tmp_path, example)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, capture_output=True)

    result = subprocess.run(
        [*manage, "import_publications", str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert 'publications[0] (slug "security-partnerships-japan"): isbn:' in result.stderr


def test_failed_import_leaves_existing_data_and_storage_untouched(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    pub = Publication.objects.get()
    stored = stored_files()
    example["publications"][0]["title"] = "Changed"
    make_image(tmp_path / "files" / "cover.png")
    example["publications"][0]["cover"] = "files/cover.png"
    example["authors"].append({"slug": "x", "name": "X", "orcid": "0000-0000-0000-0000"})

    with pytest.raises(CommandError, match=r'authors\[1\] \(slug "x"\): orcid:'):
        run_import(write_doc(tmp_path, example))

    pub.refresh_from_db()
    assert pub.title == "..."
    assert not pub.cover
    assert stored_files() == stored


def test_every_error_of_the_document_is_reported(tmp_path, example):
    example["publications"][0]["isbn"] = "1"
    example["series"][0]["issn"] = "1958-5285"
    example["regions"][1]["parent"] = "oceania"

    with pytest.raises(CommandError) as excinfo:
        run_import(write_doc(tmp_path, example))

    message = str(excinfo.value)
    assert "3 error(s)" in message
    assert 'series[0] (slug "asia-visions"): issn:' in message
    assert 'regions[1] (slug "japan"): parent: unknown region “oceania”' in message


def test_importing_twice_updates_without_duplicating(tmp_path, example):
    path = write_doc(tmp_path, example)
    run_import(path)
    pub = Publication.objects.get()
    pdf_name = pub.pdf.name
    stored = stored_files()

    output = run_import(path)

    assert "publications: 0 new, 1 updated" in output
    assert counts() == {
        "Region": 2,
        "Theme": 1,
        "Series": 1,
        "Center": 1,
        "Author": 1,
        "Publication": 1,
        "PublicationAuthor": 1,
    }
    again = Publication.objects.get()
    assert again.pk == pub.pk
    assert again.pdf.name == pdf_name  # the same file is not stored twice
    assert stored_files() == stored


def test_reimport_replaces_authors_regions_and_fields(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    example["authors"].append({"slug": "john-roe", "name": "John Roe"})
    example["regions"].append({"slug": "korea", "name": "Korea", "parent": "asia"})
    pub = example["publications"][0]
    pub.update(
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


def test_reimport_moves_a_region_and_rewrites_the_paths_below_it(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    Region.objects.create(slug="tokyo", name="Tokyo", parent=Region.objects.get(slug="japan"))
    example["regions"] = [
        {"slug": "east-asia", "name": "East Asia", "parent": "asia"},
        {"slug": "japan", "name": "Japan", "parent": "east-asia"},
    ]

    run_import(write_doc(tmp_path, example))

    tokyo = Region.objects.get(slug="tokyo")
    assert (tokyo.path, tokyo.depth) == ("/asia/east-asia/japan/tokyo/", 3)
    assert Region.objects.get(slug="japan").path == "/asia/east-asia/japan/"


def test_dry_run_validates_and_writes_nothing(tmp_path, example):
    stored = stored_files()

    output = run_import(write_doc(tmp_path, example), "--dry-run")

    assert "Dry run" in output
    assert "publications: 1 new, 0 updated" in output
    assert sum(counts().values()) == 0
    assert stored_files() == stored


def test_dry_run_still_refuses_a_bad_document(tmp_path, example):
    example["publications"][0]["status"] = "gone"

    with pytest.raises(CommandError, match="status"):
        run_import(write_doc(tmp_path, example), "--dry-run")


def test_region_parent_cycle_is_refused(tmp_path, example):
    example["regions"] = [
        {"slug": "asia", "name": "Asia", "parent": "japan"},
        {"slug": "japan", "name": "Japan", "parent": "asia"},
    ]

    with pytest.raises(CommandError) as excinfo:
        run_import(write_doc(tmp_path, example))

    assert 'regions[0] (slug "asia"): parent: “japan” makes a cycle' in str(excinfo.value)
    assert Region.objects.count() == 0


def test_region_cycle_through_the_database_is_refused(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    example["regions"] = [{"slug": "asia", "name": "Asia", "parent": "japan"}]

    with pytest.raises(CommandError, match=r'regions\[0\] \(slug "asia"\): parent: .*cycle'):
        run_import(write_doc(tmp_path, example))

    assert Region.objects.get(slug="asia").parent is None


def test_unknown_type_is_refused(tmp_path, example):
    example["publications"][0]["type"] = "podcast"

    with pytest.raises(CommandError, match=r"publications\[0\] .*: type: “podcast”"):
        run_import(write_doc(tmp_path, example))

    assert not Publication.objects.exists()


def test_program_needs_a_center_as_parent(tmp_path, example):
    example["centers"].append({"slug": "p", "name": "P", "kind": "program", "parent": None})

    with pytest.raises(CommandError, match=r'centers\[1\] \(slug "p"\): parent:'):
        run_import(write_doc(tmp_path, example))


def test_translation_must_name_an_original_in_another_language(tmp_path, example):
    pub = example["publications"][0]
    example["publications"] += [
        {**pub, "slug": "fr", "language": "fr", "translation_of": pub["slug"], "pdf": None},
        {**pub, "slug": "de", "language": "de", "translation_of": "fr", "pdf": None},
        {**pub, "slug": "en2", "language": "en", "translation_of": pub["slug"], "pdf": None},
    ]

    with pytest.raises(CommandError) as excinfo:
        run_import(write_doc(tmp_path, example))

    message = str(excinfo.value)
    assert 'publications[2] (slug "de"): translation_of: “fr” is itself a translation' in message
    assert (
        'publications[3] (slug "en2"): translation_of: “security-partnerships-japan” is in the '
        "same language" in message
    )


def test_translation_and_pinned_related_are_imported(tmp_path):
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


def test_import_refuses_invalid_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")

    with pytest.raises(CommandError, match="not valid UTF-8 JSON"):
        run_import(path)


def test_export_to_stdout_warns_that_files_are_not_copied(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    out, err = io.StringIO(), io.StringIO()

    call_command("export_publications", stdout=out, stderr=err)

    assert json.loads(out.getvalue())["publications"][0]["pdf"] == (
        "files/security-partnerships-japan.pdf"
    )
    assert "not copied" in err.getvalue()


def test_a_center_with_programs_cannot_become_a_program(tmp_path, example):
    example["centers"].append(
        {"slug": "japan-program", "name": "Japan", "kind": "program", "parent": "asia-center"}
    )
    run_import(write_doc(tmp_path, example))
    example["centers"] = [
        {"slug": "other", "name": "Other", "kind": "center", "parent": None},
        {"slug": "asia-center", "name": "Asia", "kind": "program", "parent": "other"},
    ]

    with pytest.raises(CommandError, match=r'centers\[1\] \(slug "asia-center"\): kind:'):
        run_import(write_doc(tmp_path, example))


def test_import_makes_a_cover_thumbnail_from_the_pdf_when_there_is_no_cover(tmp_path):
    from tests.factories import make_pdf_bytes

    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "paper.pdf").write_bytes(make_pdf_bytes())
    document = {
        "publications": [
            {
                "slug": "with-pdf",
                "title": "With a PDF",
                "type": "report",
                "published_on": "2024-05-02",
                "status": "published",
                "pdf": "files/paper.pdf",
                "cover": None,
            }
        ]
    }
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document))
    call_command("import_publications", str(path), stdout=io.StringIO())
    publication = Publication.objects.get(slug="with-pdf")
    assert publication.thumbnail
    assert publication.thumbnail.storage.exists(publication.thumbnail.name)
    assert publication.display_image == publication.thumbnail


@pytest.mark.postgres
def test_reimport_moving_a_region_updates_the_facet_rows_of_items_not_in_the_document(
    tmp_path, example
):
    run_import(write_doc(tmp_path, example))
    japan = Region.objects.get(slug="japan")
    tokyo = Region.objects.create(slug="tokyo", name="Tokyo", parent=japan)
    elsewhere = PublicationFactory(slug="tokyo-notes", regions=[tokyo])
    PublicationFactory.create_batch(2)  # the document is a small part of the catalogue
    example["regions"].append({"slug": "east-asia", "name": "East Asia", "parent": "asia"})
    example["regions"][1]["parent"] = "east-asia"  # Japan moves under East Asia

    run_import(write_doc(tmp_path, example))

    east_asia = Region.objects.get(slug="east-asia")
    expected = sorted([Region.objects.get(slug="asia").pk, east_asia.pk, japan.pk, tokyo.pk])
    assert PublicationFacetRow.objects.get(publication=elsewhere).region_ids == expected


@pytest.mark.postgres
def test_reimport_moving_a_program_updates_the_facet_rows_of_items_not_in_the_document(
    tmp_path, example
):
    example["centers"] += [
        {"slug": "europe-center", "name": "Europe", "kind": "center", "parent": None},
        {"slug": "energy", "name": "Energy", "kind": "program", "parent": "asia-center"},
    ]
    run_import(write_doc(tmp_path, example))
    program = Center.objects.get(slug="energy")
    elsewhere = PublicationFactory(slug="energy-notes", centers=[program])
    PublicationFactory.create_batch(2)  # the document is a small part of the catalogue
    example["centers"][2]["parent"] = "europe-center"

    run_import(write_doc(tmp_path, example))

    europe = Center.objects.get(slug="europe-center")
    row = PublicationFacetRow.objects.get(publication=elsewhere)
    assert sorted(row.center_ids) == sorted([program.pk, europe.pk])
