"""Previews of unpublished items: staff at the public URL, outsiders with a signed link."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from publications import preview
from publications.models import Publication
from tests.factories import AuthorFactory, PublicationFactory

pytestmark = pytest.mark.django_db

Status = Publication.Status
BANNER = "Preview, not published"
NOINDEX = '<meta name="robots" content="noindex">'


def staff(role="Editors", name="staff"):
    user = User.objects.create_user(name, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def assert_private_preview(response, title):
    assert response.status_code == 200
    content = response.content.decode()
    assert BANNER in content
    assert NOINDEX in content
    assert title in content
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {
            "status": Status.PUBLISHED,
            "publish_at": datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC),
        },
    ],
    ids=["draft", "review", "scheduled"],
)
def test_staff_see_an_unpublished_item_at_its_public_url_with_the_banner(client, fields):
    publication = PublicationFactory(title="Unreleased findings", **fields)
    assert client.get(publication.get_absolute_url()).status_code == 404
    client.force_login(staff())
    assert_private_preview(client.get(publication.get_absolute_url()), "Unreleased findings")


def test_public_page_has_no_banner_even_for_staff(client):
    publication = PublicationFactory(status=Status.PUBLISHED)
    client.force_login(staff())
    response = client.get(publication.get_absolute_url())
    assert response.status_code == 200
    assert BANNER not in response.content.decode()
    assert NOINDEX not in response.content.decode()


def test_contributor_previews_own_draft_but_not_anothers(client):
    contributor = staff("Contributors", "contributor")
    own = PublicationFactory(status=Status.DRAFT, created_by=contributor)
    other = PublicationFactory(status=Status.DRAFT)
    client.force_login(contributor)
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404


def test_non_staff_user_gets_a_404(client):
    publication = PublicationFactory(status=Status.DRAFT)
    client.force_login(User.objects.create_user("reader", password="x"))
    assert client.get(publication.get_absolute_url()).status_code == 404


def test_signed_link_works_without_an_account_before_expiry(client):
    publication = PublicationFactory(status=Status.REVIEW, title="For the outside reviewer")
    url = preview.preview_url(publication)
    assert url.startswith("http")
    path = url.split("://", 1)[1].split("/", 1)[1]
    assert_private_preview(client.get("/" + path), "For the outside reviewer")


def test_signed_link_fails_after_expiry(client, settings):
    settings.PREVIEW_LINK_MAX_AGE = 3600
    publication = PublicationFactory(status=Status.DRAFT)
    token = preview.preview_token(publication)
    url = f"{publication.get_absolute_url()}?preview={token}"
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=59), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=61), tick=False):
        response = client.get(url)
    assert response.status_code == 403
    assert BANNER not in response.content.decode()


def test_tampered_link_is_refused(client):
    publication = PublicationFactory(status=Status.DRAFT)
    other = PublicationFactory(status=Status.DRAFT)
    token = preview.preview_token(publication)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert client.get(f"{publication.get_absolute_url()}?preview={tampered}").status_code == 403
    assert client.get(f"{publication.get_absolute_url()}?preview=garbage").status_code == 403
    # A valid token names one publication, not any other.
    assert client.get(f"{other.get_absolute_url()}?preview={token}").status_code == 404


def test_old_link_of_a_published_item_shows_the_public_page(client, settings):
    settings.PREVIEW_LINK_MAX_AGE = 60
    publication = PublicationFactory(status=Status.PUBLISHED)
    token = preview.preview_token(publication)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=False):
        response = client.get(f"{publication.get_absolute_url()}?preview={token}")
    assert response.status_code == 200
    assert BANNER not in response.content.decode()


def test_admin_change_form_offers_the_signed_link(admin_client):
    publication = PublicationFactory(status=Status.DRAFT)
    response = admin_client.get(f"/admin/publications/publication/{publication.pk}/change/")
    assert "?preview=" in response.content.decode()


def url_with_authors(page, count):
    status = Status.ARCHIVED if page == "withdrawn" else Status.DRAFT
    authors = [AuthorFactory() for _ in range(count)]
    publication = PublicationFactory(status=status, authors=authors)
    url = publication.get_absolute_url()
    if page == "preview link":
        url += f"?preview={preview.preview_token(publication)}"
    return url


@pytest.mark.parametrize(
    ("page", "status"), [("withdrawn", 410), ("staff preview", 200), ("preview link", 200)]
)
def test_query_count_does_not_grow_with_the_number_of_authors(
    client, django_assert_num_queries, page, status
):
    if page == "staff preview":
        client.force_login(staff())
    url = url_with_authors(page, 1)
    client.get(url)  # what the first request of a process caches does not count
    with CaptureQueriesContext(connection) as with_one:
        assert client.get(url).status_code == status
    url = url_with_authors(page, 5)
    with django_assert_num_queries(len(with_one)):
        assert client.get(url).status_code == status


def test_the_language_switch_of_a_preview_link_keeps_its_token(client):
    """An outside reviewer switching to French stays in the preview (the item is unpublished:
    without the token the French page is a 404)."""
    draft = PublicationFactory(slug="draft-pair", title="Draft pair", status=Status.DRAFT)
    link = preview.preview_url(draft).removeprefix(preview.settings.SITE_URL)
    page = client.get(link).content.decode()
    switch = re.search(
        r'href="http://testserver(/fr/publications/draft-pair/\?preview=[^"]+)"', page
    )
    assert switch, "the French switch carries the preview token"
    french = client.get(switch.group(1))
    assert french.status_code == 200
    assert "Draft pair" in french.content.decode()
    assert "no-store" in french["Cache-Control"]
    assert client.get("/fr/publications/draft-pair/").status_code == 404
