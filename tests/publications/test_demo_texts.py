"""The demo reads as a real institute's year of work: every body its own text of a length that
fits its type, structured bodies with the contract's parts, report-like PDFs whose page count is
the catalogue's, a portrait for every expert, and nothing hidden on public pages."""

import json
import re
from html import escape
from pathlib import Path

import pypdfium2
import pytest
from django.conf import settings

from publications.demo import DEMO_DOCUMENT
from publications.models import Author, Publication

DOCUMENT = json.loads(DEMO_DOCUMENT.read_text(encoding="utf-8"))
TAG = re.compile(r"<[^>]+>")


def blocks(body):
    """A body's paragraphs as text: blank-line paragraphs, or HTML blocks without their tags."""
    parts = re.split(r"\n\n|</p>|</li>|</h[2-4]>|</td>|</th>|</figcaption>", body)
    return [" ".join(TAG.sub(" ", part).split()) for part in parts]


def words(body):
    return len(TAG.sub(" ", body).split())


def test_no_paragraph_of_80_characters_or_more_appears_in_two_demo_bodies():
    seen = {}
    repeated = []
    for pub in DOCUMENT["publications"]:
        for paragraph in {p for p in blocks(pub["body"]) if len(p) >= 80}:
            if paragraph in seen:
                repeated.append((seen[paragraph], pub["slug"], paragraph[:60]))
            seen[paragraph] = pub["slug"]
    assert len(seen) > 500
    assert repeated == []


@pytest.mark.parametrize(
    ("kind", "low", "high"),
    [("analysis", 800, 2000), ("report", 1200, 2500), ("book", 1200, 3000), ("briefing", 300, 800)],
)
def test_demo_bodies_have_a_length_that_fits_their_type(kind, low, high):
    lengths = {p["slug"]: words(p["body"]) for p in DOCUMENT["publications"] if p["type"] == kind}
    assert lengths
    assert {slug: n for slug, n in lengths.items() if not low <= n <= high} == {}


def test_titles_and_summaries_are_distinct():
    publications = DOCUMENT["publications"]
    assert len({p["title"] for p in publications}) == len(publications)
    assert len({p["summary"] for p in publications}) == len(publications)


def test_structured_bodies_have_headings_a_table_a_quotation_a_figure_and_notes():
    structured = [p for p in DOCUMENT["publications"] if p.get("body_format") == "html"]
    assert len(structured) >= 4
    for pub in structured:
        body = pub["body"]
        assert body.count("<h2>") >= 5 and "<h3>" in body, pub["slug"]
        assert "<ul>" in body and "<blockquote>" in body
        assert '<th scope="col">' in body and "<tbody>" in body
        figure = re.search(r'<figure><img alt="([^"]+)" src="([^"]+)"><figcaption>', body)
        assert figure, pub["slug"]
        alt, src = figure.groups()
        assert src.startswith("/static/img/demo/") and len(alt) > 30
        assert (settings.BASE_DIR / "static" / src.removeprefix("/static/")).is_file()
        refs = re.findall(r'<sup><a href="#note-(\d+)" id="ref-(\d+)">(\d+)</a></sup>', body)
        notes = re.findall(r'<li id="note-(\d+)">', body)
        assert 10 <= len(refs) <= 20
        assert [r[0] for r in refs] == notes == [str(n) for n in range(1, len(refs) + 1)]
        assert '<ol class="notes">' in body


def test_every_pdf_has_the_page_count_the_catalogue_gives_and_books_are_book_length():
    folder = DEMO_DOCUMENT.parent
    with_pdf = [p for p in DOCUMENT["publications"] if p["pdf"]]
    assert len(with_pdf) >= 15
    for pub in with_pdf:
        path = folder / pub["pdf"]
        with pypdfium2.PdfDocument(path) as document:
            assert len(document) == pub["pages"], pub["slug"]
            cover = document[0].get_textpage().get_text_range()
        assert pub["title"].split()[0] in cover, pub["slug"]
        if pub["type"] == "book":
            assert pub["pages"] >= 60
            assert path.stat().st_size < 400_000


def test_demo_files_stay_small():
    folder = DEMO_DOCUMENT.parent / "files"
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert total < 8_000_000
    covers = [p for p in DOCUMENT["publications"] if p["cover"]]
    assert len(covers) >= 15


@pytest.mark.django_db
def test_every_expert_has_a_distinct_portrait(demo):
    photos = [Path(a.photo.path).read_bytes() for a in Author.objects.all()]
    assert len(photos) >= 15 and all(photos)
    assert len(set(photos)) == len(photos)


@pytest.mark.django_db
def test_drafts_and_scheduled_items_are_absent_from_public_pages(demo, client):
    hidden = Publication.objects.exclude(pk__in=Publication.objects.published())
    assert hidden.filter(status=Publication.Status.DRAFT).exists()
    assert hidden.filter(publish_at__isnull=False).exists()
    pages = [client.get(url) for url in ("/", "/fr/", "/experts/", "/feeds/publications/")]
    pages += [client.get(f"/publications/?page={n}") for n in (1, 2, 3)]
    pages += [client.get(f"/experts/{a.slug}/") for a in Author.objects.filter(active=True)]
    text = "".join(p.content.decode() for p in pages if p.status_code == 200)
    assert "Crisis in the Taiwan Strait" in text  # a public one shows
    for item in hidden:
        assert item.title not in text and escape(item.title) not in text, item.slug
        assert client.get(f"/publications/{item.slug}/").status_code in (404, 410)
