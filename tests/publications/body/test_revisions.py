"""Revisions (django-reversion) keep the body's format and the key takeaways."""

import pytest
import reversion

from publications.models import Publication
from publications.revisions import version_snapshot, versions_of
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_a_version_keeps_body_format_and_takeaways_and_reverting_restores_them():
    publication = PublicationFactory()
    with reversion.create_revision():
        publication.body_format = Publication.BodyFormat.HTML
        publication.body = "<h2>Part</h2><p>Text.</p>"
        publication.key_takeaways = ["First.", "Second."]
        publication.save()
    with reversion.create_revision():
        publication.body_format = Publication.BodyFormat.TEXT
        publication.body = "Plain."
        publication.key_takeaways = []
        publication.save()

    older = versions_of(publication.pk).last()
    snapshot = version_snapshot(older)
    assert snapshot["key takeaways"] == "First.\nSecond."
    assert snapshot["body format"] == "Structured (HTML)"

    older.revision.revert()
    publication.refresh_from_db()
    assert publication.body_format == "html"
    assert publication.body == "<h2>Part</h2><p>Text.</p>"
    assert publication.key_takeaways == ["First.", "Second."]
