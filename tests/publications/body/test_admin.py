"""The body and the key takeaways on the admin's change form (without JavaScript: the editor's
textarea as a browser without scripts submits it)."""

import pytest

from publications.models import Publication
from tests.admin_forms import admin_url, form_data
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def change(admin_client, publication, **values):
    url = admin_url(Publication, "change", publication.pk)
    data = form_data(admin_client.get(url))
    data.update(values)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    publication.refresh_from_db()
    return publication


def test_an_older_text_body_opens_as_paragraphs_and_is_saved_as_html(admin_client):
    publication = PublicationFactory(body="First paragraph.\n\nSecond <one>.")
    page = admin_client.get(admin_url(Publication, "change", publication.pk)).content.decode()
    assert (
        "&lt;p&gt;First paragraph.&lt;/p&gt;&lt;p&gt;Second &amp;lt;one&amp;gt;.&lt;/p&gt;" in page
    )
    assert "django_prose_editor/editor" in page  # served by the app (static files)

    publication = change(admin_client, publication)

    assert publication.body_format == Publication.BodyFormat.HTML
    assert publication.body == "<p>First paragraph.</p><p>Second &lt;one&gt;.</p>"


def test_html_typed_in_the_textarea_is_sanitised_on_save(admin_client):
    publication = PublicationFactory()

    publication = change(
        admin_client,
        publication,
        body='<h2 onclick="x()">Part</h2><p>Text<script>alert(1)</script>'
        '<a href="javascript:alert(1)">link</a></p>',
        key_takeaways="First point.\r\n\r\n  Second point.  \r\n",
    )

    assert publication.body == "<h2>Part</h2><p>Textlink</p>"
    assert publication.key_takeaways == ["First point.", "Second point."]
    page = admin_client.get(admin_url(Publication, "change", publication.pk)).content.decode()
    assert "First point.\nSecond point.</textarea>" in page


def test_text_typed_without_tags_becomes_paragraphs(admin_client):
    publication = change(admin_client, PublicationFactory(), body="One.\r\n\r\nTwo.")
    assert publication.body == "<p>One.</p><p>Two.</p>"
