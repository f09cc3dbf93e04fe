"""Search indexes a structured body's text, not its markup; headings weigh more (PostgreSQL)."""

import pytest
from django.db import connection

from conftest import skip_or_fail
from publications.models import Publication
from publications.search import search_index_refresh
from tests.factories import PublicationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL: set DATABASE_URL=postgres://...", env="REQUIRE_POSTGRES")


def found(query):
    return set(Publication.objects.filter(search_vector=query).values_list("slug", flat=True))


def test_markup_is_not_indexed_and_headings_weigh_more():
    PublicationFactory(
        slug="structured",
        body_format="html",
        body='<h2>Submarines</h2><p>Some <strong>harbour</strong> text<sup><a href="#note-1">1'
        '</a></sup>.</p><ol class="notes"><li>Archive</li></ol>',
    )
    PublicationFactory(slug="plain", body="Submarines are mentioned here in a paragraph.")
    search_index_refresh()

    assert found("harbour") == {"structured"}
    assert found("archive") == {"structured"}
    assert found("strong") == set()  # a tag name is no word of the text
    assert found("sup") == set()
    weights = dict(
        Publication.objects.values_list("slug", "search_rank_vector").filter(
            slug__in=["structured", "plain"]
        )
    )
    assert "submarin" in str(weights["structured"])  # the heading is in the ranking vector
    assert "submarin" not in str(weights["plain"] or "")
