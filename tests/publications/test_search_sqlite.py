"""Search on SQLite, the embedded default: the FTS5 index (publications/search/fts5.py) finds
body and PDF words, accent-free spellings, several words anywhere, phrases, exclusions; ranks a
title match above a body match; follows every write through its triggers."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from publications import services
from publications.filters import PublicationFilterSet
from publications.models import Author, Publication, PublicationAuthor
from publications.search.fts5 import TABLE, TRIGGERS, fts_repair
from tests.factories import AuthorFactory, PublicationFactory
from tests.publications.interchange.documents import example_document, write_doc
from tests.upload_files import isolate_storage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 index is SQLite's; PostgreSQL has tests/publications/test_search.py")


def search(text):
    """Slugs the public search finds, in the list's order (relevance)."""
    filterset = PublicationFilterSet(
        QueryDict(mutable=True) | {"q": text}, queryset=Publication.objects.published()
    )
    return [p.slug for p in filterset.qs]


@pytest.fixture
def catalogue():
    lefevre = AuthorFactory(name="Anne Lefèvre", slug="lefevre")
    PublicationFactory(
        slug="deterrence-body",
        title="Economic outlook",
        summary="Markets and budgets.",
        body="Nuclear deterrence is discussed here at length. Extended deterrence too.",
    )
    PublicationFactory(
        slug="by-lefevre", title="Maritime law", summary="Sea lanes.", authors=[lefevre]
    )
    PublicationFactory(
        slug="pdf-only",
        title="Annual report",
        summary="The year.",
        body="",
        pdf_text="Appendix on semiconductor export controls.",
    )
    PublicationFactory(slug="securite", title="La sécurité européenne", language="fr")
    PublicationFactory(
        slug="korea",
        title="Nuclear talks",
        summary="Nuclear deterrence and South Korea.",
    )
    PublicationFactory(
        slug="draft",
        title="Nuclear deterrence draft",
        status=Publication.Status.DRAFT,
    )
    PublicationFactory(
        slug="scheduled",
        title="Nuclear deterrence scheduled",
        publish_at=timezone.now() + datetime.timedelta(days=2),
    )


def test_body_and_pdf_words_are_found(catalogue):
    assert set(search("deterrence")) == {"deterrence-body", "korea"}
    assert search("semiconductor") == ["pdf-only"]


def test_accent_free_spellings_find_accented_text_and_authors(catalogue):
    assert search("Lefevre") == ["by-lefevre"]
    assert search("Lefèvre") == ["by-lefevre"]
    assert search("securite europeenne") == ["securite"]


def test_two_words_anywhere_and_phrases(catalogue):
    assert set(search("nuclear deterrence")) == {"deterrence-body", "korea"}
    assert search('"south korea"') == ["korea"]
    assert search('"korea south"') == []
    assert set(search("maritime or semiconductor")) == {"by-lefevre", "pdf-only"}


def test_exclusion(catalogue):
    assert search("deterrence -korea") == ["deterrence-body"]
    excluded_alone = search("-nuclear")
    assert "korea" not in excluded_alone and "deterrence-body" not in excluded_alone
    assert "by-lefevre" in excluded_alone


def test_stemming_finds_other_forms(catalogue):
    assert set(search("deterrent")) == {"deterrence-body", "korea"}


def test_drafts_and_scheduled_are_never_found(catalogue, client):
    response = client.get(reverse("publications:list"), {"q": "nuclear deterrence"})
    html = response.content.decode()
    assert "draft" not in search("deterrence") and "scheduled" not in search("deterrence")
    assert "Nuclear deterrence draft" not in html and "Nuclear deterrence scheduled" not in html


def test_title_match_ranks_above_body_match():
    # The body match is newer and says the word three times: the title match still comes first.
    PublicationFactory(
        slug="body",
        title="Economic outlook",
        body="Deterrence matters. " * 3 + "Other words. " * 50,
        published_on=datetime.date.today() - datetime.timedelta(days=10),
    )
    PublicationFactory(
        slug="title",
        title="Deterrence today",
        body="Other words. " * 50,
        published_on=datetime.date.today() - datetime.timedelta(days=400),
    )
    assert search("deterrence") == ["title", "body"]


def test_odd_queries_never_fail(catalogue, client):
    for typed in ['"', "NEAR(a b)", "a AND OR", "*", "title:x", "^start", "-", '"-"', "U.S."]:
        assert client.get(reverse("publications:list"), {"q": typed}).status_code == 200


# --- The index follows every write ------------------------------------------------------------
def test_index_follows_edit_unpublish_and_delete():
    publication = PublicationFactory(slug="p", title="Glaciers and borders")
    assert search("glaciers") == ["p"]
    publication.title = "Semiconductors and tariffs"
    publication.save()
    assert search("glaciers") == [] and search("tariffs") == ["p"]
    editor = User.objects.create_superuser("boss", password="x")
    services.publication_unpublish(publication=publication, user=editor)
    assert search("tariffs") == []
    publication.delete()
    assert not Publication.objects.filter(slug="p").exists()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE rowid = %s", [publication.pk or 0])
        assert cursor.fetchone()[0] == 0


def test_index_follows_authors_links_and_renames():
    author = AuthorFactory(name="Odile Marchetti", slug="odile")
    publication = PublicationFactory(slug="p", title="Ports")
    link = PublicationAuthor.objects.create(publication=publication, author=author, position=0)
    assert search("marchetti") == ["p"]
    Author.objects.filter(pk=author.pk).update(name="Odile Vasquez")
    assert search("marchetti") == [] and search("vasquez") == ["p"]
    link.delete()
    assert search("vasquez") == []


def test_index_follows_an_import(tmp_path, settings, monkeypatch):
    isolate_storage(tmp_path, settings, monkeypatch)
    document = example_document(tmp_path)
    document["publications"][0]["title"] = "Security partnerships of Japan"
    call_command("import_publications", str(write_doc(tmp_path, document)), stdout=io.StringIO())
    assert search("partnership japan") == ["security-partnerships-japan"]
    document["authors"][0]["name"] = "Zenobia Castellanos"
    call_command("import_publications", str(write_doc(tmp_path, document)), stdout=io.StringIO())
    assert search("castellanos") == ["security-partnerships-japan"]


def test_missing_triggers_are_put_back_and_the_index_refilled():
    # What a later migration rebuilding the publications table does to the triggers.
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    PublicationFactory(slug="unseen", title="Glaciers")
    assert search("glaciers") == []
    assert fts_repair() is True
    assert search("glaciers") == ["unseen"]
    assert fts_repair() is False
    PublicationFactory(slug="seen", title="More glaciers")
    assert set(search("glaciers")) == {"unseen", "seen"}


def test_a_search_page_sorts_by_relevance_and_says_so(client):
    PublicationFactory(slug="body", title="Economic outlook", body="Deterrence matters.")
    PublicationFactory(
        slug="title",
        title="Deterrence today",
        published_on=datetime.date.today() - datetime.timedelta(days=400),
    )
    response = client.get(reverse("publications:list"), {"q": "deterrence"})
    html = response.content.decode()
    assert html.index("Deterrence today") < html.index("Economic outlook")
    assert re.search(r'<option value="relevance"[^>]*selected', html)


def test_refresh_command_refills_the_index():
    PublicationFactory(slug="p", title="Glaciers")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
    assert search("glaciers") == []
    out = io.StringIO()
    call_command("search_index_refresh", stdout=out)
    assert search("glaciers") == ["p"]


def test_a_structured_body_is_indexed_by_its_text_not_its_markup():
    """An HTML body's tags and attributes are no words: "strong" or "href" find nothing, the
    words inside the tags and the notes are found, and a later edit reindexes the text."""
    publication = PublicationFactory(
        slug="structured",
        title="Budget",
        body_format=Publication.BodyFormat.HTML,
        body="<h2>Shipbuilding</h2><p>Yards <strong>expand</strong> capacity"
        '<sup><a href="#note-1" id="ref-1">1</a></sup>.</p>'
        '<ol class="notes"><li id="note-1">Navy figures, 2024.</li></ol>',
    )
    assert search("strong") == search("href") == search("note") == []
    assert search("shipbuilding") == search("expand") == search("navy") == ["structured"]

    publication.body = "<p>Harbours only.</p>"
    publication.save()
    assert search("shipbuilding") == []
    assert search("harbours") == ["structured"]
