"""Wherever a structured body goes: the page, the feed, the API, the PDF edition, the JSON
import/export, search."""

import json
import re

import pytest

from publications.interchange import export_document, import_document
from publications.interchange.format import dump_document
from publications.models import Publication
from publications.pdf.editions import publication_edition
from tests.factories import PublicationFactory
from tests.pdf_documents import page_texts, text
from tests.publications.body.sample import sample_body
from tests.publications.body.test_sanitize import HOSTILE, assert_nothing_active

pytestmark = pytest.mark.django_db


@pytest.fixture
def structured():
    return PublicationFactory(
        slug="strait-scenarios",
        title="The strait in 2030",
        body_format=Publication.BodyFormat.HTML,
        body=sample_body() + HOSTILE,
        key_takeaways=["Deterrence still holds.", "Europe has economic levers."],
    )


def test_saving_sanitises_whatever_path_writes(structured):
    stored = Publication.objects.get(pk=structured.pk).body
    assert_nothing_active(stored)
    assert '<ol class="notes"><li id="note-1">' in stored


def test_page_shows_takeaways_toc_reading_time_and_notes_but_nothing_active(client, structured):
    html = client.get(structured.get_absolute_url()).content.decode()

    article = html[html.index("<article") : html.index("</article>")]
    assert_nothing_active(article)
    assert 'id="takeaways"' in html and "Deterrence still holds." in html
    assert re.search(r'<p class="reading-time[^"]*">\d+ min read</p>', html)
    toc = html[
        html.index('<nav class="toc"') : html.index("</nav>", html.index('<nav class="toc"'))
    ]
    ids = set(re.findall(r'id="([^"]+)"', html))
    for target in re.findall(r'href="#([^"]+)"', toc):
        assert target in ids
    for n in range(1, 21):
        assert f'href="#note-{n}"' in html and f'href="#ref-{n}"' in html
    for section in (
        "summary",
        "full-text",
        "authors",
        "related-centers",
        "related-analyses",
        "download",
        "share",
        "available-in",
        "regions-themes",
        "identifiers",
    ):
        assert f'id="{section}"' in html
    assert html.count('id="ref-1"') == 1


def test_french_page_translates_the_reader_strings(client, structured):
    html = client.get("/fr" + structured.get_absolute_url()).content.decode()
    assert "Points clés" in html
    assert "min de lecture" in html
    assert "Sommaire" in html


def test_plain_text_bodies_still_render_as_paragraphs(client):
    publication = PublicationFactory(body="First <b>paragraph</b>.\n\nSecond one.")
    html = client.get(publication.get_absolute_url()).content.decode()
    assert "<p>First &lt;b&gt;paragraph&lt;/b&gt;.</p><p>Second one.</p>" in html


def test_feed_and_api_carry_no_script(client, structured):
    feed = client.get("/feeds/publications/").content.decode()
    assert "strait-scenarios" in feed
    assert_nothing_active(feed.replace("&lt;", "<"))

    data = client.get(f"/api/v1/publications/{structured.slug}/").json()
    assert data["body_format"] == "html"
    assert data["key_takeaways"] == ["Deterrence still holds.", "Europe has economic levers."]
    assert '<sup><a href="#note-3" id="ref-3">3</a></sup>' in data["body"]
    assert_nothing_active(data["body"])


def test_pdf_edition_holds_headings_table_cells_and_notes_in_order(structured):
    stored = publication_edition(publication=structured)
    with stored.storage.open(stored.name, "rb") as handle:
        content = " ".join(text(handle.read()).split())

    in_order = [
        "The strait in 2030",
        "Military balance",
        "Amphibious lift remains limited",
        "Indicator",
        "Defence budget (bn USD)",
        "296",
        "Three scenarios",
        "Figure 1. Exercise areas",
        "Deterrence is a matter of perception",
        "What Europe can do",
        "Recommendations",
        "Notes",
        "1. Source 1: Ministry of Defence",
        "20. Source 20: Ministry of Defence",
    ]
    positions = [content.find(needle) for needle in in_order]
    assert -1 not in positions, [n for n, p in zip(in_order, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert_nothing_active(content)


def test_pdf_edition_never_leaves_a_heading_alone_at_the_foot_of_a_page(db):
    # Paragraphs of growing length move each heading down the page in small steps, so that
    # some would land on the last line of a page unless kept with what follows.
    sections = "".join(
        f"<h{2 + n % 3}>Section {n}</h{2 + n % 3}><p>Opening {n} {'word ' * (25 + 7 * n)}</p>"
        for n in range(1, 41)
    )
    publication = PublicationFactory(body_format=Publication.BodyFormat.HTML, body=sections)
    stored = publication_edition(publication=publication)
    with stored.storage.open(stored.name, "rb") as handle:
        pages = page_texts(handle.read())

    alone = [n for n in range(1, 41) if not any(f"Section {n} Opening {n}" in p for p in pages)]
    assert len(pages) > 3 and alone == []


def test_export_import_export_is_identical_with_an_html_body(structured, tmp_path):
    first, _warnings = export_document(target=None)
    path = tmp_path / "catalogue.json"
    path.write_text(dump_document(first), encoding="utf-8")
    record = next(r for r in first["publications"] if r["slug"] == "strait-scenarios")
    assert record["body_format"] == "html"
    assert record["key_takeaways"] == ["Deterrence still holds.", "Europe has economic levers."]

    Publication.objects.all().delete()
    import_document(path)
    second, _warnings = export_document(target=None)

    assert json.dumps(second, sort_keys=True) == json.dumps(first, sort_keys=True)
    assert import_document(path).updated["publications"] == 0  # nothing differs
