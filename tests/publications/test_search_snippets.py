"""Search result snippets, on SQLite (FTS5's snippet) and PostgreSQL (ts_headline): whole words
only, "…" wherever the text is cut, the matched words in <mark>, everything else escaped."""

import re

import pytest
from django.urls import reverse

from publications.models import Publication
from publications.search import attach_headlines, search_index_refresh
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

BODY = (
    " ".join(f"filler{n}" for n in range(80))
    + " the deterrence posture of R&D <b>here</b> "
    + " ".join(f"tail{n}" for n in range(80))
)


def headline(slug, text):
    [publication] = attach_headlines(Publication.objects.filter(slug=slug), text)
    return str(publication.search_headline)


def words_of(html):
    plain = re.sub(r"</?mark>", "", html).replace("…", " ")
    return plain.split()


def test_a_match_inside_a_long_text_is_cut_at_words_with_ellipses():
    PublicationFactory(slug="long", title="Long", summary="Short summary.", body=BODY)
    search_index_refresh()
    html = headline("long", "deterrence")
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>deterrence</mark> posture of R&amp;D" in html
    # Markup in the text is escaped (SQLite) or dropped (PostgreSQL reads it as tags).
    assert "<b>" not in html
    escaped_body = (
        BODY.replace("&", "&amp;").replace("<b>", "&lt;b&gt;").replace("</b>", "&lt;/b&gt;")
    )
    escaped_body += " here"  # as PostgreSQL shows "<b>here</b>"
    # Every word shown is a whole word of the text: none cut in the middle.
    assert set(words_of(html)) <= set(escaped_body.split())


def test_a_match_at_the_start_has_no_leading_ellipsis():
    PublicationFactory(
        slug="start", title="Start", summary="Deterrence first, then more.", body=BODY
    )
    search_index_refresh()
    html = headline("start", "deterrence")
    assert html.startswith("<mark>Deterrence</mark> first")


def test_a_short_text_is_shown_whole_without_ellipsis():
    PublicationFactory(slug="short", title="Short", summary="Nuclear deterrence today.", body="")
    search_index_refresh()
    html = headline("short", "deterrence")
    assert "…" not in html and "<mark>deterrence</mark>" in html


def test_the_results_page_shows_the_snippet(client):
    PublicationFactory(slug="long", title="Long", summary="Short summary.", body=BODY)
    search_index_refresh()
    html = client.get(reverse("publications:list"), {"q": "deterrence"}).content.decode()
    assert "<mark>deterrence</mark> posture" in html
