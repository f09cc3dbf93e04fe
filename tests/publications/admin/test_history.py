"""Every admin save keeps a version (django-reversion) with who, when and what, authors and
taxonomy included; staff compare two versions and restore an old one."""

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from reversion.models import Version

from publications.models import Publication, PublicationAuthor
from tests.admin_forms import admin_url, form_data
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    PublicationFactory,
    RegionFactory,
    ThemeFactory,
)
from thinktank.redirects import renamed_to

pytestmark = pytest.mark.django_db


def url(view, *args):
    return admin_url(Publication, view, *args)


@pytest.fixture
def two_versions(client, editor):
    """A publication saved twice in the admin by an editor: first with authors A, B and
    taxonomy 1, then with author C as editor, taxonomy 2, a pinned relation, a new title and
    slug."""
    client.force_login(editor)
    a, b, c = (
        AuthorFactory(name="Ann Old"),
        AuthorFactory(name="Bob Old"),
        AuthorFactory(name="Cy New"),
    )
    r1, r2 = RegionFactory(name="Old region"), RegionFactory(name="New region")
    t1, t2 = ThemeFactory(name="Old theme"), ThemeFactory(name="New theme")
    c1, c2 = CenterFactory(name="Old center"), CenterFactory(name="New center")
    pinned = PublicationFactory(title="A pinned analysis")
    data = form_data(client.get(url("add")))
    data.update(
        title="First title",
        slug="first-title",
        regions=[str(r1.pk)],
        themes=[str(t1.pk)],
        centers=[str(c1.pk)],
    )
    data.update(
        {
            "publication_authors-TOTAL_FORMS": "2",
            "publication_authors-0-author": str(a.pk),
            "publication_authors-0-role": "author",
            "publication_authors-0-position": "0",
            "publication_authors-1-author": str(b.pk),
            "publication_authors-1-role": "author",
            "publication_authors-1-position": "1",
        }
    )
    assert client.post(url("add"), data).status_code == 302
    publication = Publication.objects.get(slug="first-title")

    data = form_data(client.get(url("change", publication.pk)))
    data.update(
        title="Second title",
        slug="second-title",
        regions=[str(r2.pk)],
        themes=[str(t2.pk)],
        centers=[str(c2.pk)],
    )
    total = int(data["publication_authors-TOTAL_FORMS"])
    for i in range(total):
        data[f"publication_authors-{i}-DELETE"] = "on"
    data.update(
        {
            "publication_authors-TOTAL_FORMS": str(total + 1),
            f"publication_authors-{total}-author": str(c.pk),
            f"publication_authors-{total}-role": "editor",
            f"publication_authors-{total}-position": "0",
            "pinned_relations-TOTAL_FORMS": "1",
            "pinned_relations-0-to_publication": str(pinned.pk),
            "pinned_relations-0-position": "0",
        }
    )
    assert client.post(url("change", publication.pk), data).status_code == 302
    publication.refresh_from_db()
    return publication, (a, b, c), (r1, r2), (t1, t2), (c1, c2)


def test_every_admin_save_keeps_a_version_with_who_and_what(two_versions, editor):
    publication, (a, b, _c), *_ = two_versions
    versions = Version.objects.get_for_object(publication)
    assert versions.count() == 2
    for version in versions:
        assert version.revision.user == editor
        assert version.revision.date_created
    newest, oldest = versions  # newest first
    assert "Second title" in newest.serialized_data
    # The through rows travel in the same revision.
    old_author_ids = {
        v.field_dict["author_id"]
        for v in oldest.revision.version_set.all()
        if v._model is PublicationAuthor
    }
    assert old_author_ids == {a.pk, b.pk}
    assert "title" in newest.revision.get_comment().lower()


def test_history_lists_the_versions_newest_first_with_restore_links(client, two_versions):
    publication, *_ = two_versions
    new, old = Version.objects.get_for_object(publication)
    response = client.get(url("history", publication.pk))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Compare the chosen versions" in content
    assert list(response.context["versions"]) == [new, old]
    assert f'name="b" value="{new.pk}" aria-label="Compare to this version" checked' in content
    assert f'name="a" value="{old.pk}" aria-label="Compare from this version" checked' in content
    assert f'href="{url("revision", publication.pk, old.pk)}"' in content
    assert f'href="{url("revision", publication.pk, new.pk)}"' not in content  # the current one


def test_compare_shows_fields_and_relations_side_by_side(client, two_versions):
    publication, *_ = two_versions
    new, old = Version.objects.get_for_object(publication)
    response = client.get(url("compare", publication.pk), {"a": new.pk, "b": old.pk})
    assert response.status_code == 200
    rows = {
        label: (left, right, changed) for label, left, right, changed in response.context["rows"]
    }
    assert rows["title"] == ("First title", "Second title", True)
    assert rows["type"] == ("Analysis", "Analysis", False)
    assert not {"search vector", "downloads", "updated"} & set(rows)  # derived, bookkeeping
    # Authors in their order with their role, taxonomy and pinned relations by name.
    assert rows["authors"] == ("Ann Old (Author)\nBob Old (Author)", "Cy New (Editor)", True)
    assert rows["regions"] == ("Old region", "New region", True)
    assert rows["themes"] == ("Old theme", "New theme", True)
    assert rows["centers and programs"] == ("Old center", "New center", True)
    assert rows["pinned related"] == ("", "A pinned analysis", True)
    content = response.content.decode()
    assert "Ann Old (Author)<br>Bob Old (Author)" in content
    assert "Restore the older version" in content


def test_compare_without_two_versions_goes_back_to_the_history(client, two_versions):
    publication, *_ = two_versions
    response = client.get(url("compare", publication.pk), {"a": "x"})
    assert response.status_code == 302
    assert response.url == url("history", publication.pk)
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages[-1] == "Choose two versions to compare."


def test_contributor_cannot_see_the_versions_of_someone_elses_publication(
    client, two_versions, contributor
):
    publication, *_ = two_versions
    Publication.objects.filter(pk=publication.pk).update(status=Publication.Status.DRAFT)
    new, old = Version.objects.get_for_object(publication)
    client.force_login(contributor)
    response = client.get(url("compare", publication.pk), {"a": old.pk, "b": new.pk})
    assert response.status_code == 403
    assert client.get(url("history", publication.pk)).status_code == 302  # "doesn't exist"


def test_restoring_an_old_version_brings_back_authors_and_taxonomy(
    client, editor, contributor, two_versions
):
    publication, (a, b, c), (r1, _r2), (t1, _t2), (c1, _c2) = two_versions
    Publication.objects.filter(pk=publication.pk).update(
        status=Publication.Status.PUBLISHED, download_count=5, created_by=contributor
    )
    _, old = Version.objects.get_for_object(publication)
    restore_url = url("revision", publication.pk, old.pk)
    page = client.get(restore_url)
    assert page.status_code == 200
    # Viewing the old version changed nothing.
    publication.refresh_from_db()
    assert publication.title == "Second title"
    assert list(publication.authors.all()) == [c]

    response = client.post(restore_url, form_data(page))
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.title == "First title"
    assert [pa.author for pa in publication.publication_authors.order_by("position")] == [a, b]
    assert list(publication.regions.all()) == [r1]
    assert list(publication.themes.all()) == [t1]
    assert list(publication.centers.all()) == [c1]
    assert not publication.pinned_relations.exists()
    # The URL, the workflow state and the counters stay as they are now; old URLs keep
    # redirecting.
    assert publication.slug == "second-title"
    assert publication.status == Publication.Status.PUBLISHED
    assert (publication.download_count, publication.created_by) == (5, contributor)
    assert renamed_to(Publication.objects.all(), "first-title") == publication
    # The restore is audited, and is itself a new version.
    entry = LogEntry.objects.filter(object_id=str(publication.pk)).latest("pk")
    assert entry.user == editor
    assert entry.change_message.startswith("Restored the version of")
    assert Version.objects.get_for_object(publication).count() == 3


def test_reviewer_cannot_restore_a_version_of_a_published_item(client, two_versions, reviewer):
    publication, *_ = two_versions
    Publication.objects.filter(pk=publication.pk).update(status=Publication.Status.PUBLISHED)
    client.force_login(reviewer)
    _, old = Version.objects.get_for_object(publication)
    restore_url = url("revision", publication.pk, old.pk)
    data = form_data(client.get(restore_url))
    assert client.post(restore_url, data).status_code == 403
    publication.refresh_from_db()
    assert publication.title == "Second title"


def test_only_staff_who_see_every_publication_recover_a_deleted_one(client, editor, contributor):
    publication = PublicationFactory(title="Withdrawn", created_by=editor)
    with reversion.create_revision():
        publication.save()
    publication.delete()
    [deleted] = Version.objects.get_deleted(Publication)
    client.force_login(contributor)
    assert client.get(url("recoverlist")).status_code == 403
    assert client.post(url("recover", deleted.pk)).status_code == 403
    assert not Publication.objects.exists()

    client.force_login(editor)
    assert "Withdrawn" in client.get(url("recoverlist")).content.decode()
    page = client.get(url("recover", deleted.pk))
    assert client.post(url("recover", deleted.pk), form_data(page)).status_code == 302
    assert Publication.objects.get().title == "Withdrawn"


def test_the_recover_button_is_offered_to_those_who_may_recover(client, editor, contributor):
    for user, offered in ((editor, True), (contributor, False)):
        client.force_login(user)
        content = client.get(url("changelist")).content.decode()
        assert (url("recoverlist") in content) is offered


def searched(word):
    from publications.search import filter_search

    return set(filter_search(Publication.objects.all(), word).values_list("slug", flat=True))


@pytest.mark.postgres
@pytest.mark.parametrize("which", ["older", "newest"])
def test_a_restored_version_is_found_by_its_own_words_not_by_other_ones(
    client, two_versions, which
):
    publication, *_ = two_versions
    newest, older = Version.objects.get_for_object(publication)
    version = {"older": older, "newest": newest}[which]
    restore_url = url("revision", publication.pk, version.pk)
    assert client.post(restore_url, form_data(client.get(restore_url))).status_code == 302
    publication.refresh_from_db()
    assert publication.search_vector is not None  # computed, not left for a later refresh
    words = {"older": ("first", "second"), "newest": ("second", "first")}[which]
    assert searched(words[0]) == {"second-title"}
    assert searched(words[1]) == set()


@pytest.mark.postgres
def test_a_recovered_publication_gets_vectors_of_its_own_text(client, editor):
    from publications.search import search_index_refresh

    publication = PublicationFactory(title="Recovered wallaby", created_by=editor)
    search_index_refresh()
    publication.refresh_from_db()
    with reversion.create_revision():  # a version that carries the vectors, as old ones do
        publication.save()
    Publication.objects.filter(pk=publication.pk).update(title="Renamed quokka")
    search_index_refresh()
    Publication.objects.get(pk=publication.pk).delete()
    [deleted] = Version.objects.get_deleted(Publication)
    client.force_login(editor)
    page = client.get(url("recover", deleted.pk))
    assert client.post(url("recover", deleted.pk), form_data(page)).status_code == 302
    assert searched("wallaby") == {publication.slug}
    assert searched("quokka") == set()


def test_restoring_across_a_pdf_replacement_makes_the_thumbnail_of_the_restored_pdf(
    client, two_versions, tmp_path, settings
):
    from django.core.files.base import ContentFile

    from tests.factories import make_pdf_bytes

    publication, *_ = two_versions
    publication.pdf.save("first.pdf", ContentFile(make_pdf_bytes("First")), save=True)
    data = form_data(client.get(url("change", publication.pk)))
    assert client.post(url("change", publication.pk), data).status_code == 302
    first = Version.objects.get_for_object(publication).first()
    publication.refresh_from_db()
    first_thumbnail = publication.thumbnail.name
    page = client.get(url("change", publication.pk))
    data = form_data(page)
    from django.core.files.uploadedfile import SimpleUploadedFile

    data["pdf"] = SimpleUploadedFile("second.pdf", make_pdf_bytes("Second"), "application/pdf")
    assert client.post(url("change", publication.pk), data).status_code == 302
    publication.refresh_from_db()
    assert publication.thumbnail.name != first_thumbnail

    restore_url = url("revision", publication.pk, first.pk)
    assert client.post(restore_url, form_data(client.get(restore_url))).status_code == 302
    publication.refresh_from_db()
    assert publication.pdf.name == first.field_dict["pdf"]
    assert publication.thumbnail and publication.thumbnail.storage.exists(
        publication.thumbnail.name
    )
