"""Every write path keeps the PostgreSQL search vectors fresh: the publication admin (after its
authors and taxonomy are saved), the author admin (a renamed author), revision restore, the
import command and the demo loader (PDF processing: tests/publications/pdf/test_processing.py)."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.http import QueryDict
from django.urls import reverse
from reversion.models import Version

from publications.filters import PublicationFilterSet
from publications.models import Author, Publication
from publications.search import search_index_refresh, search_query
from tests.admin_forms import form_data
from tests.factories import AuthorFactory, PublicationFactory
from tests.publications.interchange.documents import example_document, write_doc
from tests.upload_files import isolate_storage

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def indexed(text):
    """Slugs whose full-text vector matches `text` (not the typo or unindexed fallbacks)."""
    return set(
        Publication.objects.filter(search_vector=search_query(text)).values_list("slug", flat=True)
    )


def searched(text):
    """Slugs the public search finds, best first."""
    query = QueryDict(mutable=True)
    query.update({"q": text})
    filterset = PublicationFilterSet(query, queryset=Publication.objects.published())
    return [p.slug for p in filterset.qs]


def admin_url(view, *args, model="publication"):
    return reverse(f"admin:publications_{model}_{view}", args=args)


def test_publication_edited_in_the_admin_is_found_by_its_new_title(client, editor):
    publication = PublicationFactory(
        slug="edited", title="Fisheries in the Pacific", summary="Nets.", body="Boats."
    )
    search_index_refresh()
    assert indexed("fisheries") == {"edited"}

    data = form_data(client.get(admin_url("change", publication.pk)))
    data["title"] = "Hydrogen diplomacy"
    response = client.post(admin_url("change", publication.pk), data)

    assert response.status_code == 302
    assert indexed("hydrogen diplomacy") == {"edited"}
    assert indexed("fisheries") == set()  # the old title is gone from the vector
    assert searched("hydrogen diplomacy") == ["edited"]


def test_author_added_through_the_admin_inline_is_indexed(client, editor):
    publication = PublicationFactory(slug="inline", title="Ports", summary="", body="")
    author = AuthorFactory(name="Philippa Quenneville")
    search_index_refresh()
    data = form_data(client.get(admin_url("change", publication.pk)))
    total = int(data["publication_authors-TOTAL_FORMS"])
    data.update(
        {
            "publication_authors-TOTAL_FORMS": str(total + 1),
            f"publication_authors-{total}-author": str(author.pk),
            f"publication_authors-{total}-role": "author",
            f"publication_authors-{total}-position": "0",
        }
    )
    assert client.post(admin_url("change", publication.pk), data).status_code == 302
    assert indexed("quenneville") == {"inline"}


def test_renaming_an_author_in_the_admin_refreshes_their_publications(admin_client):
    author = AuthorFactory(name="Odile Marchetti", slug="odile")
    PublicationFactory(slug="hers", title="Ports", summary="", body="", authors=[author])
    search_index_refresh()
    assert indexed("marchetti") == {"hers"}

    data = form_data(
        admin_client.get(admin_url("change", author.pk, model="author")), "author_form"
    )
    data["name"] = "Odile Vasquez-Laurent"
    response = admin_client.post(admin_url("change", author.pk, model="author"), data)

    assert response.status_code == 302
    assert Author.objects.get(pk=author.pk).name == "Odile Vasquez-Laurent"
    assert indexed("vasquez") == {"hers"}
    assert indexed("marchetti") == set()


def test_restoring_a_version_brings_back_what_search_finds(client, editor):
    data = form_data(client.get(admin_url("add")))
    data.update(title="Glaciers and borders", slug="restored", summary="", body="")
    assert client.post(admin_url("add"), data).status_code == 302
    publication = Publication.objects.get(slug="restored")
    data = form_data(client.get(admin_url("change", publication.pk)))
    data["title"] = "Semiconductors and tariffs"
    assert client.post(admin_url("change", publication.pk), data).status_code == 302
    assert indexed("glaciers") == set()

    _new, old = Version.objects.get_for_object(publication)
    page = client.get(admin_url("revision", publication.pk, old.pk))
    assert client.post(admin_url("revision", publication.pk, old.pk), form_data(page)).status_code
    assert Publication.objects.get(pk=publication.pk).title == "Glaciers and borders"
    assert indexed("glaciers") == {"restored"}
    assert indexed("semiconductors") == set()


def test_imported_publications_are_found_by_full_text_search(tmp_path, settings, monkeypatch):
    isolate_storage(tmp_path, settings, monkeypatch)
    document = example_document(tmp_path)
    document["publications"][0]["title"] = "Security partnerships of Japan"
    call_command("import_publications", str(write_doc(tmp_path, document)), stdout=io.StringIO())

    publication = Publication.objects.get(slug="security-partnerships-japan")
    assert publication.search_vector is not None
    assert "security-partnerships-japan" in indexed("partnership")
    assert "security-partnerships-japan" in searched("partnership japan")

    # Re-importing with a renamed author refreshes the vectors too.
    document["authors"][0]["name"] = "Zenobia Castellanos"
    call_command("import_publications", str(write_doc(tmp_path, document)), stdout=io.StringIO())
    assert indexed("castellanos") == {"security-partnerships-japan"}
