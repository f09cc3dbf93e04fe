"""export_publications: the contract's format, every status, files beside the document, and
export → import into an empty database → export gives the same document."""

import io
import json

import pytest
from django.core.management import call_command

from centers.models import Center
from publications.models import Author, PinnedRelation, Publication, Series
from taxonomy.models import Region, Theme
from tests.factories import AuthorFactory, PublicationFactory, RegionFactory

from .documents import example_document, rich_document, run_export, run_import, write_doc

pytestmark = pytest.mark.django_db


def empty_the_database():
    PinnedRelation.objects.all().delete()
    Publication.objects.filter(translation_of__isnull=False).delete()
    Publication.objects.all().delete()
    Center.objects.filter(kind="program").delete()
    for model in (Author, Center, Series, Theme):
        model.objects.all().delete()
    Region.objects.filter(parent__isnull=False).delete()
    Region.objects.all().delete()


def test_export_then_import_into_empty_database_then_export_is_identical(tmp_path):
    run_import(write_doc(tmp_path, rich_document(tmp_path)))
    first_dir, second_dir = tmp_path / "first", tmp_path / "second"
    first_dir.mkdir()
    second_dir.mkdir()
    first = run_export(first_dir / "export.json")

    exported = json.loads(first)
    pub = next(p for p in exported["publications"] if p["slug"] == "security-partnerships-japan")
    assert pub["pdf"] == "files/security-partnerships-japan.pdf"
    assert pub["cover"] == "files/covers/security-partnerships-japan.jpg"
    assert pub["authors"] == ["jane-doe", "jean-dupont"]
    assert pub["author_roles"] == ["author", "editor"]
    assert pub["publish_at"] == "2027-03-01T08:00:00+00:00"
    assert pub["isbn"] == "978-2-36567-123-1"  # hyphenated by the official ranges
    assert (first_dir / pub["pdf"]).read_bytes()[:5] == b"%PDF-"
    photo = exported["authors"][0]["photo"]
    assert exported["authors"][0]["title_fr"] == "Chercheuse"
    assert exported["authors"][0]["bio_fr"] == "Spécialiste du Japon."
    assert "title_fr" not in exported["authors"][1]  # no French version: no key
    assert photo == "files/photos/jane-doe.png"
    assert list(exported) == ["regions", "themes", "series", "centers", "authors", "publications"]
    slugs = [p["slug"] for p in exported["publications"]]
    assert slugs == sorted(slugs)
    assert "Été à Paris." in first  # UTF-8, not escaped

    empty_the_database()
    run_import(first_dir / "export.json")
    second = run_export(second_dir / "export.json")

    assert second == first
    for relative in (pub["pdf"], pub["cover"], photo):
        assert (second_dir / relative).read_bytes() == (first_dir / relative).read_bytes()


def test_export_writes_every_key_in_the_order_of_the_format(tmp_path):
    run_import(write_doc(tmp_path, example_document(tmp_path)))

    document = json.loads(run_export())

    assert document["regions"][1] == {
        "slug": "japan",
        "name": "Japan",
        "parent": "asia",
        "description": "",
        "order": 0,
    }
    assert " ".join(document["publications"][0]) == (
        "slug title subtitle type series series_number summary body body_format language "
        "translation_of "
        "published_on status publish_at isbn doi external_url source media_kind authors regions "
        "themes centers related pdf cover pages featured author_roles"
    )
    assert " ".join(document["authors"][0]) == (
        "slug name title bio centers photo sort_name orcid website email email_public active"
    )


def test_export_includes_drafts_review_and_archived_items():
    for status in ("draft", "review", "archived", "published"):
        PublicationFactory(slug=status, status=status)

    document = json.loads(run_export())

    statuses = {p["slug"]: p["status"] for p in document["publications"]}
    assert statuses == {s: s for s in ("archived", "draft", "published", "review")}


def test_export_of_rows_made_elsewhere_imports_back(tmp_path):
    """Rows written by the admin or the factories, not by an import, round-trip too."""
    region = RegionFactory(slug="asia", name="Asia", name_fr="Asie")
    author = AuthorFactory(slug="jane", name="Jane Doe")
    PublicationFactory(slug="p", title="Ports", regions=[region], authors=[author])
    path = tmp_path / "export.json"
    first = run_export(path)

    output = run_import(path)

    assert "publications: 0 new, 0 updated, 1 unchanged" in output
    assert "regions: 0 new, 0 updated, 1 unchanged" in output
    assert run_export(path) == first


def test_export_to_stdout_warns_that_files_are_not_copied(tmp_path):
    run_import(write_doc(tmp_path, example_document(tmp_path)))
    out, err = io.StringIO(), io.StringIO()

    call_command("export_publications", stdout=out, stderr=err)

    document = json.loads(out.getvalue())
    assert document["publications"][0]["pdf"] == "files/security-partnerships-japan.pdf"
    assert "not copied" in err.getvalue()
