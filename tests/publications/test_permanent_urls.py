"""Citations live for decades: old slugs answer 301 (page and PDF), withdrawn items 410."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from publications.models import Publication
from tests.admin_forms import form_data
from tests.factories import AuthorFactory, PublicationFactory, SeriesFactory, rename
from tests.upload_files import isolate_storage, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    return isolate_storage(tmp_path, settings, monkeypatch)


def rename_in_admin(client, publication, new_slug):
    url = reverse("admin:publications_publication_change", args=[publication.pk])
    data = form_data(client.get(url))
    data["slug"] = new_slug
    response = client.post(url, data)
    assert response.status_code == 302


def test_slug_rename_in_the_admin_redirects_page_and_pdf(client, storage):
    editor = User.objects.create_user("ed", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    publication = PublicationFactory(slug="old-name", pdf=pdf_upload())
    client.force_login(editor)
    rename_in_admin(client, publication, "new-name")
    rename_in_admin(client, publication, "newest-name")
    client.logout()

    for old in ("old-name", "new-name"):
        response = client.get(reverse("publications:detail", kwargs={"slug": old}))
        assert response.status_code == 301
        assert response["Location"] == "/publications/newest-name/"
        response = client.get(reverse("publications:pdf", kwargs={"slug": old, "filename": old}))
        assert response.status_code == 301
        assert response["Location"] == "/publications/newest-name/newest-name.pdf"
    assert client.get("/publications/newest-name/newest-name.pdf").status_code == 200


def test_old_slug_of_an_unpublished_item_is_a_404(client):
    publication = PublicationFactory(slug="was-public")
    rename(publication, "now-draft")
    Publication.objects.filter(pk=publication.pk).update(status=Publication.Status.DRAFT)
    assert client.get("/publications/was-public/").status_code == 404


def test_archived_item_answers_410_with_its_citation_data(client):
    publication = PublicationFactory(
        status=Publication.Status.ARCHIVED,
        title="A withdrawn report",
        isbn="978-2-36567-123-1",
        doi="10.1234/abc",
        series=SeriesFactory(name="Asia Visions", issn="1958-5284"),
        series_number="61",
        authors=[AuthorFactory(name="Jane Citation")],
    )
    response = client.get(publication.get_absolute_url())
    assert response.status_code == 410
    content = response.content.decode()
    for expected in (
        "A withdrawn report",
        "Jane Citation",
        "978-2-36567-123-1",
        "10.1234/abc",
        "1958-5284",
        publication.published_on.strftime("%Y-%m-%d"),
        '<meta name="robots" content="noindex">',
    ):
        assert expected in content
    assert "withdrawn" in content
    assert publication.body not in content


def test_withdrawn_page_leads_to_current_related_work_a_search_and_the_list(client):
    from tests.factories import RegionFactory

    japan = RegionFactory(slug="japan", name="Japan")
    gone = PublicationFactory(
        status=Publication.Status.ARCHIVED, title="Old Japan report", regions=[japan]
    )
    PublicationFactory(title="Current Japan analysis", regions=[japan])
    PublicationFactory(title="Draft Japan note", regions=[japan], status="draft")
    response = client.get(gone.get_absolute_url())
    assert response.status_code == 410
    content = response.content.decode()
    assert "This publication has been withdrawn" in content
    assert "Current Japan analysis" in content  # a current piece on the same subject
    assert "Draft Japan note" not in content
    assert f'action="{reverse("publications:list")}"' in content and 'name="q"' in content
    assert "Browse our current publications" in content


def test_old_slug_of_an_archived_item_redirects_to_its_410(client):
    publication = PublicationFactory(slug="first")
    rename(publication, "second")
    Publication.objects.filter(pk=publication.pk).update(status=Publication.Status.ARCHIVED)
    response = client.get("/publications/first/", follow=True)
    assert response.redirect_chain == [("/publications/second/", 301)]
    assert response.status_code == 410
