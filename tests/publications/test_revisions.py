"""Every admin save keeps a version (django-reversion) with who, when and what, authors and
taxonomy included; staff compare two versions and restore an old one."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.urls import reverse
from reversion.models import Version

from publications.models import Publication, PublicationAuthor, SlugRedirect
from tests.admin_forms import form_data
from tests.factories import AuthorFactory, CenterFactory, RegionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def url(view, *args):
    return reverse(f"admin:publications_publication_{view}", args=args)


def authors_formset(authors):
    data = {
        "publication_authors-TOTAL_FORMS": str(len(authors)),
        "publication_authors-INITIAL_FORMS": "0",
    }
    for i, author in enumerate(authors):
        data.update(
            {
                f"publication_authors-{i}-author": str(author.pk),
                f"publication_authors-{i}-role": "author",
                f"publication_authors-{i}-position": str(i),
            }
        )
    return data


@pytest.fixture
def two_versions(client, editor):
    """A publication saved twice in the admin: first with authors A, B and taxonomy 1, then
    with author C and taxonomy 2 (and a new title and slug)."""
    a, b, c = (
        AuthorFactory(name="Ann Old"),
        AuthorFactory(name="Bob Old"),
        AuthorFactory(name="Cy New"),
    )
    r1, r2 = RegionFactory(name="Old region"), RegionFactory(name="New region")
    t1, t2 = ThemeFactory(name="Old theme"), ThemeFactory(name="New theme")
    c1, c2 = CenterFactory(name="Old center"), CenterFactory(name="New center")
    data = form_data(client.get(url("add")))
    data.update(
        title="First title",
        slug="first-title",
        regions=[str(r1.pk)],
        themes=[str(t1.pk)],
        centers=[str(c1.pk)],
        **authors_formset([a, b]),
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
    for i in range(int(data["publication_authors-TOTAL_FORMS"])):
        data[f"publication_authors-{i}-DELETE"] = "on"
    total = int(data["publication_authors-TOTAL_FORMS"])
    data.update(
        {
            "publication_authors-TOTAL_FORMS": str(total + 1),
            f"publication_authors-{total}-author": str(c.pk),
            f"publication_authors-{total}-role": "author",
            f"publication_authors-{total}-position": "0",
        }
    )
    response = client.post(url("change", publication.pk), data)
    assert response.status_code == 302
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


def test_history_lists_versions_and_compare_shows_what_changed(client, two_versions):
    publication, *_ = two_versions
    history = client.get(url("history", publication.pk))
    assert history.status_code == 200
    assert "Compare the chosen versions" in history.content.decode()
    new, old = Version.objects.get_for_object(publication)
    response = client.get(url("compare", publication.pk), {"a": old.pk, "b": new.pk})
    assert response.status_code == 200
    rows = {
        label.lower(): (left, right, changed)
        for label, left, right, changed in response.context["rows"]
    }
    assert rows["title"] == ("First title", "Second title", True)
    assert rows["type"][2] is False
    changed = {label for label, (_, _, is_changed) in rows.items() if is_changed}
    assert {"title", "authors", "regions", "themes", "centers and programs"} <= changed
    content = response.content.decode()
    assert "Ann Old" in content and "Cy New" in content
    assert "Old theme" in content and "New theme" in content


def test_compare_without_two_versions_goes_back_to_the_history(client, two_versions):
    publication, *_ = two_versions
    response = client.get(url("compare", publication.pk), {"a": "x"})
    assert response.status_code == 302


def test_restoring_an_old_version_brings_back_authors_and_taxonomy(client, editor, two_versions):
    publication, (a, b, c), (r1, _r2), (t1, _t2), (c1, _c2) = two_versions
    Publication.objects.filter(pk=publication.pk).update(status=Publication.Status.PUBLISHED)
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
    # The URL and the workflow state stay as they are now; old URLs keep redirecting.
    assert publication.slug == "second-title"
    assert publication.status == Publication.Status.PUBLISHED
    assert SlugRedirect.objects.target_for("first-title") == publication
    # The restore is audited, and is itself a new version.
    entry = LogEntry.objects.filter(object_id=str(publication.pk)).latest("pk")
    assert entry.user == editor
    assert entry.change_message.startswith("Restored the version of")
    assert Version.objects.get_for_object(publication).count() == 3


def test_reviewer_cannot_restore_a_version_of_a_published_item(client, two_versions):
    publication, *_ = two_versions
    Publication.objects.filter(pk=publication.pk).update(status=Publication.Status.PUBLISHED)
    reviewer = User.objects.create_user("rev", password="x", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    client.force_login(reviewer)
    _, old = Version.objects.get_for_object(publication)
    restore_url = url("revision", publication.pk, old.pk)
    data = form_data(client.get(restore_url))
    assert client.post(restore_url, data).status_code == 403
    publication.refresh_from_db()
    assert publication.title == "Second title"
