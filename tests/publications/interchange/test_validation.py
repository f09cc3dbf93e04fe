"""A bad document: nothing written (rows nor files), a non-zero exit, every error naming the
record (section, index, slug) and the key."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError
from django.db import DatabaseError

from publications.interchange import InterchangeError, RecordError, import_document, importer
from publications.models import Author, Publication
from taxonomy.models import Region
from tests.factories import CenterFactory, ProgramFactory, PublicationFactory

from .documents import (
    counts,
    run_export,
    run_import,
    stored_files,
    write_doc,
    write_image,
    write_pdf,
)

pytestmark = pytest.mark.django_db


def refused(tmp_path, document):
    """The command's error message for a refused document; checks that nothing was written."""
    before, files = counts(), stored_files()
    with pytest.raises(CommandError) as excinfo:
        run_import(write_doc(tmp_path, document))
    assert counts() == before
    assert stored_files() == files
    message = str(excinfo.value)
    assert "nothing was written" in message
    return message


BAD_PUBLICATIONS = [
    ({"isbn": "978-2-36567-123-2"}, "isbn", "not a valid ISBN"),
    ({"regions": ["atlantis"]}, "regions", "unknown region “atlantis”"),
    ({"regions": ["japan", "japan"]}, "regions", "“japan” is listed twice"),
    ({"authors": "jane-doe"}, "authors", "must be a list of slugs"),
    ({"published_on": "2013-13-45"}, "published_on", "2013-13-45"),
    ({"published_on": "01/02/2013"}, "published_on", "YYYY-MM-DD"),
    ({"published_on": None}, "published_on", "is required"),
    ({"title": "   "}, "title", "is required"),
    ({"title": "\u0001\u200b\ufeff"}, "title", "is required"),  # invisible once cleaned
    ({"title": "x" * 301}, "title", "longer than 300 characters"),
    ({"status": "live"}, "status", "“live” is not one of draft, review, published, archived"),
    ({"type": "podcast"}, "type", "“podcast” is not one of"),
    ({"language": "xx"}, "language", "“xx” is not one of"),
    ({"pdf": "files/missing.pdf"}, "pdf", "not found"),
    ({"pdf": "files/notes.pdf"}, "pdf", "not a PDF"),
    ({"pdf": "../outside.pdf"}, "pdf", "outside the folder"),
    ({"pdf": "/etc/passwd"}, "pdf", "must be relative to the JSON file"),
    ({"cover": "files/notes.pdf"}, "cover", "is not a valid JPEG, PNG or WebP image"),
    ({"publish_at": "2027-03-01T08:00:00"}, "publish_at", "UTC offset"),
    ({"publish_at": "2027-03-01"}, "publish_at", "UTC offset"),
    ({"authors": ["nobody"]}, "authors", "unknown expert “nobody”"),
    ({"author_roles": ["author", "editor"]}, "author_roles", "as long as “authors”"),
    ({"author_roles": ["boss"]}, "author_roles", "“boss” is not one of author, editor"),
    ({"series": "nope"}, "series", "unknown series “nope”"),
    ({"doi": "11.2/x"}, "doi", "is not a DOI"),
    ({"external_url": "not a url"}, "external_url", "“not a url” is not a valid URL"),
    ({"type": "media", "external_url": ""}, "external_url", "media item needs the URL"),
    ({"pages": -3}, "pages", "whole number ≥ 0"),
    ({"pages": "many"}, "pages", "must be a whole number"),
    ({"featured": "perhaps"}, "featured", "must be true or false"),
    ({"translation_of": "ghost"}, "translation_of", "unknown publication “ghost”"),
    ({"related": ["the-bad-one"]}, "related", "is this publication itself"),
    ({"body": "lone \ud800 surrogate"}, "body", "surrogate"),
    ({"sumary": "typo"}, "sumary", "unknown key"),
]


@pytest.mark.parametrize(("changes", "key", "fragment"), BAD_PUBLICATIONS)
def test_a_bad_publication_in_the_middle_is_refused_naming_index_slug_and_key(
    tmp_path, example, changes, key, fragment
):
    (tmp_path / "files" / "notes.pdf").write_text("just some text, renamed")
    write_pdf(tmp_path / "outside.pdf")
    good = {**example["publications"][0], "pdf": None, "isbn": ""}
    example["publications"] = [
        *({**good, "slug": f"good-{i}"} for i in range(3)),
        {**example["publications"][0], "slug": "the-bad-one", **changes},
        *({**good, "slug": f"later-{i}"} for i in range(3)),
    ]

    message = refused(tmp_path, example)

    assert f'publications[3] (slug "the-bad-one"): {key}: ' in message
    assert fragment in message
    assert "1 error(s)" in message


BAD_RECORDS = [
    ("regions", 1, {"parent": "oceania"}, "parent", "unknown region “oceania”"),
    ("regions", 1, {"slug": "asia"}, "slug", "“asia” is already used by regions[0]"),
    ("regions", 1, {"slug": "Not a slug!"}, "slug", "valid “slug”"),
    ("regions", 1, {"order": -1}, "order", "whole number ≥ 0"),
    ("themes", 0, {"name": ""}, "name", "is required"),
    ("series", 0, {"issn": "1958-5285"}, "issn", "not a valid ISSN"),
    ("centers", 0, {"kind": "institute"}, "kind", "“institute” is not one of center, program"),
    ("centers", 0, {"parent": "asia-center"}, "parent", "is this center or program itself"),
    ("centers", 0, {"heads": ["ghost"]}, "heads", "unknown expert “ghost”"),
    ("centers", 0, {"image": "files/notes.pdf"}, "image", "not a valid JPEG, PNG or WebP"),
    ("authors", 0, {"orcid": "0000-0000-0000-0000"}, "orcid", "not a valid ORCID"),
    ("authors", 0, {"email": "jane@"}, "email", "“jane@” is not a valid e-mail address"),
    ("authors", 0, {"website": "ftp:/x"}, "website", "is not a valid URL"),
    ("authors", 0, {"centers": ["nowhere"]}, "centers", "unknown center or program “nowhere”"),
    ("authors", 0, {"photo": "files/missing.png"}, "photo", "not found"),
    ("authors", 0, {"name_fr": "Jeanne"}, "name_fr", "unknown key"),
]


@pytest.mark.parametrize(("section", "index", "changes", "key", "fragment"), BAD_RECORDS)
def test_a_bad_record_of_any_section_is_refused_naming_it(
    tmp_path, example, section, index, changes, key, fragment
):
    (tmp_path / "files" / "notes.pdf").write_text("just some text, renamed")
    record = example[section][index]
    record.update(changes)

    message = refused(tmp_path, example)

    slug = record["slug"]
    assert f'{section}[{index}] (slug "{slug}"): {key}: ' in message
    assert fragment in message


def test_records_that_are_not_objects_and_unknown_sections_are_refused(tmp_path, example):
    example["themes"].append("security")
    example["publication"] = []

    message = refused(tmp_path, example)

    assert "themes[1]: must be an object." in message
    assert "publication: unknown section" in message


def test_a_document_that_is_not_an_object_or_not_json_is_refused(tmp_path):
    with pytest.raises(CommandError, match="must be a JSON object"):
        run_import(write_doc(tmp_path, []))
    (tmp_path / "broken.json").write_text("{not json")
    with pytest.raises(CommandError, match="not valid JSON"):
        run_import(tmp_path / "broken.json")


def test_every_error_of_the_document_is_reported(tmp_path, example):
    example["publications"][0]["isbn"] = "1"
    example["series"][0]["issn"] = "1958-5285"
    example["regions"][1]["parent"] = "oceania"

    message = refused(tmp_path, example)

    assert "3 error(s)" in message
    assert 'series[0] (slug "asia-visions"): issn:' in message
    assert 'regions[1] (slug "japan"): parent: unknown region “oceania”' in message


def test_errors_carry_section_index_slug_and_key(tmp_path, example):
    example["publications"][0]["status"] = "gone"

    with pytest.raises(InterchangeError) as excinfo:
        import_document(write_doc(tmp_path, example))

    (error,) = excinfo.value.errors
    assert isinstance(error, RecordError)
    assert (error.section, error.index, error.slug, error.key) == (
        "publications",
        0,
        "security-partnerships-japan",
        "status",
    )


def test_a_failed_import_exits_non_zero_from_the_command_line(tmp_path, example):
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


def test_a_failed_import_leaves_existing_rows_and_storage_untouched(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    pub = Publication.objects.get()
    write_image(tmp_path / "files" / "cover.png")
    example["publications"][0].update(title="Changed", cover="files/cover.png")
    example["authors"].append({"slug": "x", "name": "X", "orcid": "0000-0000-0000-0000"})

    message = refused(tmp_path, example)

    assert 'authors[1] (slug "x"): orcid:' in message
    pub.refresh_from_db()
    assert pub.title == "..."
    assert not pub.cover


def test_a_database_error_while_writing_removes_the_rows_and_the_files_stored(
    tmp_path, example, monkeypatch
):
    """Files are stored inside the guarded block: a failure after them takes them away too."""

    def refuse(*args, **kwargs):
        raise DatabaseError("deadlock detected")

    write_image(tmp_path / "files" / "jane.png")
    example["authors"][0]["photo"] = "files/jane.png"
    monkeypatch.setattr(importer, "_replace_links", refuse)  # after rows and files are written

    message = refused(tmp_path, example)

    assert "the database refused the import (deadlock detected)" in message
    assert sum(counts().values()) == 0


def test_dry_run_still_refuses_a_bad_document(tmp_path, example):
    example["publications"][0]["status"] = "gone"

    with pytest.raises(CommandError, match=r"\(slug \"security-partnerships-japan\"\): status:"):
        run_import(write_doc(tmp_path, example), "--dry-run")


def test_a_parent_cycle_in_the_file_is_refused(tmp_path, example):
    example["regions"] = [
        {"slug": "asia", "name": "Asia", "parent": "japan"},
        {"slug": "japan", "name": "Japan", "parent": "asia"},
    ]

    message = refused(tmp_path, example)

    assert 'regions[0] (slug "asia"): parent: “japan” makes a cycle (asia → japan → asia)' in (
        message
    )
    assert 'regions[1] (slug "japan"): parent: “asia” makes a cycle' in message


def test_a_parent_cycle_through_the_database_is_refused(tmp_path, example):
    run_import(write_doc(tmp_path, example))
    example["regions"] = [{"slug": "asia", "name": "Asia", "parent": "japan"}]

    message = refused(tmp_path, example)

    assert 'regions[0] (slug "asia"): parent: “japan” makes a cycle' in message
    assert Region.objects.get(slug="asia").parent is None


def test_a_program_needs_a_center_as_parent(tmp_path, example):
    ProgramFactory(slug="db-program", parent=CenterFactory(slug="db-center"))
    example["centers"] += [
        {"slug": "orphan", "name": "P", "kind": "program", "parent": None},
        {"slug": "nested", "name": "N", "kind": "program", "parent": "db-program"},
        {"slug": "sub-center", "name": "S", "kind": "center", "parent": "asia-center"},
    ]

    message = refused(tmp_path, example)

    assert 'centers[1] (slug "orphan"): parent: a program belongs to a center' in message
    assert 'centers[2] (slug "nested"): parent: “db-program” is a program' in message
    assert 'centers[3] (slug "sub-center"): parent: a center does not belong' in message


def test_a_center_with_programs_cannot_become_a_program(tmp_path, example):
    ProgramFactory(slug="japan-program", parent=CenterFactory(slug="asia-center"))
    example["centers"] = [
        {"slug": "other", "name": "Other", "kind": "center", "parent": None},
        {"slug": "asia-center", "name": "Asia", "kind": "program", "parent": "other"},
    ]

    message = refused(tmp_path, example)

    assert 'centers[1] (slug "asia-center"): kind: “asia-center” has programs' in message


def test_a_translation_names_an_original_in_another_language(tmp_path, example):
    pub = {**example["publications"][0], "pdf": None}
    example["publications"] += [
        {**pub, "slug": "fr", "language": "fr", "translation_of": pub["slug"]},
        {**pub, "slug": "de", "language": "de", "translation_of": "fr"},
        {**pub, "slug": "en2", "language": "en", "translation_of": pub["slug"]},
    ]

    message = refused(tmp_path, example)

    assert 'publications[2] (slug "de"): translation_of: “fr” is itself a translation' in message
    assert (
        'publications[3] (slug "en2"): translation_of: “security-partnerships-japan” is in the '
        "same language" in message
    )


def test_the_original_of_a_translation_in_the_database_cannot_become_a_translation(
    tmp_path, example
):
    original = PublicationFactory(slug="original", language="fr")
    PublicationFactory(slug="version", language="en", translation_of=original)
    example["publications"] += [
        {**example["publications"][0], "slug": "original", "language": "fr", "pdf": None},
    ]
    example["publications"][1]["translation_of"] = "security-partnerships-japan"

    message = refused(tmp_path, example)

    assert (
        'publications[1] (slug "original"): translation_of: this publication is the original '
        "of “version”" in message
    )


def test_structured_body_and_takeaways_are_stored_sanitised(tmp_path, example):
    example["publications"][0].update(
        body_format="html",
        body='<h2 onclick="x()">Part</h2><p>Text<script>alert(1)</script></p>',
        key_takeaways=["One.", " Two.\n", ""],
    )

    output = run_import(write_doc(tmp_path, example))

    publication = Publication.objects.get()
    assert publication.body_format == "html"
    assert publication.body == "<h2>Part</h2><p>Text</p>"
    assert publication.key_takeaways == ["One.", "Two."]
    assert "not stored" not in output


def test_unknown_body_format_and_takeaways_not_a_list_are_refused(tmp_path, example):
    example["publications"][0].update(body_format="markdown", key_takeaways="One.")

    message = refused(tmp_path, example)

    assert "body_format: “markdown” is not one of text, html" in message
    assert "key_takeaways: must be a list of texts." in message


def test_experts_french_title_and_biography_are_stored(tmp_path, example):
    example["authors"][0].update(title_fr="Chercheuse", bio_fr="Spécialiste du Japon.")

    output = run_import(write_doc(tmp_path, example))

    jane = Author.objects.get(slug="jane-doe")
    assert (jane.title_en, jane.title_fr) == ("Research Fellow", "Chercheuse")
    assert (jane.bio_en, jane.bio_fr) == ("...", "Spécialiste du Japon.")
    assert "not stored" not in output


def test_media_kind_is_stored_and_exported(tmp_path, example):
    example["publications"][0].update(
        type="media", external_url="https://example.org/x", source="Radio", media_kind="podcast"
    )
    run_import(write_doc(tmp_path, example))
    assert Publication.objects.get().media_kind == "podcast"
    assert json.loads(run_export())["publications"][0]["media_kind"] == "podcast"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"media_kind": "interview"},
            "media_kind: only media items have a kind (this one is “analysis”).",
        ),
        (
            {"type": "media", "external_url": "https://e.org/", "media_kind": "radio"},
            "media_kind: ",
        ),
    ],
)
def test_media_kind_refused_names_the_record_and_the_field(tmp_path, example, changes, expected):
    example["publications"][0].update(changes)
    message = refused(tmp_path, example)
    assert 'publications[0] (slug "security-partnerships-japan")' in message
    assert expected in message
    assert not Publication.objects.exists()
