"""The generated edition of a publication without an uploaded PDF: what it prints, its fonts
and metadata, how it is served, its cache, and generation once under a lock."""

import time

import pytest
from django.conf import settings

from publications.models import Publication
from publications.pdf import editions
from publications.pdf.editions import generation_lock, publication_edition
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    RegionFactory,
    SeriesFactory,
    ThemeFactory,
)
from tests.pdf_documents import body, metadata, page_texts, text
from tests.publications.pdf.concurrency import run_together

pytestmark = pytest.mark.django_db

ACCENTED = (
    "À Besançon, Łukasz Wałęsa et Ayşe Şahin ont rencontré Ödön Győrfi et Kōji Ōno : "
    "une façon de montrer que la coopération régionale reste fragile."
)


@pytest.fixture
def publication():
    authors = [
        AuthorFactory(name="Jane Doe", slug="jane-doe"),
        AuthorFactory(name="Łukasz Wałęsa", slug="lukasz-walesa"),
        AuthorFactory(name="Ayşe Şahin", slug="ayse-sahin"),
    ]
    return PublicationFactory(
        slug="security-partnerships-japan",
        title="Security Partnerships in East Asia",
        subtitle="Japan’s quiet turn",
        series=SeriesFactory(name="Asia Visions", issn="1958-5284"),
        series_number="61",
        isbn="978-2-36567-123-1",
        summary="Japan has built a web of security partnerships.",
        body="An opening paragraph.\n\n" + ACCENTED + "\n\nA closing paragraph.",
        authors=authors,
        regions=[RegionFactory(name="Japan", slug="japan")],
        themes=[ThemeFactory(name="Security and defence", slug="security")],
    )


def read(stored):
    with stored.storage.open(stored.name, "rb") as handle:
        return handle.read()


def counting_renders(monkeypatch, *, delay=0.0):
    """Make `editions.render_edition` record each call (and take `delay` seconds)."""
    calls, real_render = [], editions.render_edition

    def render(data):
        calls.append(1)
        time.sleep(delay)
        return real_render(data)

    monkeypatch.setattr(editions, "render_edition", render)
    return calls


def test_generated_edition_holds_title_authors_isbn_url_and_accented_body(publication):
    data = read(publication_edition(publication=publication))
    assert data.startswith(b"%PDF-")
    printed = text(data)
    assert "Security Partnerships in East Asia" in printed
    assert "Jane Doe, Łukasz Wałęsa and Ayşe Şahin" in printed
    assert "ISBN 978-2-36567-123-1" in printed
    assert f"{settings.SITE_URL}/publications/security-partnerships-japan/" in printed
    assert ACCENTED in printed
    assert "HOW TO CITE" in printed
    assert "Asia Visions · ISSN 1958-5284" in printed
    meta = metadata(data)
    assert meta["Title"] == "Security Partnerships in East Asia"
    assert meta["Author"] == "Jane Doe, Łukasz Wałęsa, Ayşe Şahin"
    assert meta["Subject"] == "Japan’s quiet turn"
    assert "Japan" in meta["Keywords"] and "Security and defence" in meta["Keywords"]
    assert meta["Creator"] == settings.INSTITUTE_NAME
    assert b"/Lang (en)" in data


def test_generated_edition_embeds_a_truetype_font(publication):
    data = read(publication_edition(publication=publication))
    assert b"/FontFile2" in data  # an embedded TrueType subset, not a base-14 font
    assert b"SourceSerifPro" in data


def test_generated_edition_is_served_with_ranges_and_etag(client, publication):
    url = publication.get_pdf_url()
    full = client.get(url)
    assert full.status_code == 200
    data = body(full)
    assert data.startswith(b"%PDF-")
    part = client.get(url, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert body(part) == data[100:200]
    assert client.get(url, headers={"If-None-Match": full["ETag"]}).status_code == 304
    publication.refresh_from_db()
    assert publication.download_count == 1


def test_edition_is_cached_until_the_publication_changes(publication, monkeypatch):
    first = publication_edition(publication=publication)
    calls = counting_renders(monkeypatch)
    assert publication_edition(publication=publication).name == first.name
    assert calls == []

    publication.title = "A new title"
    publication.save()
    second = publication_edition(publication=publication)
    assert second.name != first.name
    assert calls == [1]
    assert "A new title" in text(read(second))
    assert not first.storage.exists(first.name)  # the stale edition is gone


def test_edition_is_regenerated_after_an_author_is_renamed(publication):
    first = publication_edition(publication=publication)
    author = publication.authors.get(slug="jane-doe")
    author.name = "Jane Doe-Smith"
    author.save()
    second = publication_edition(publication=Publication.objects.get(pk=publication.pk))
    assert second.name != first.name
    assert "Jane Doe-Smith" in text(read(second))


def test_edition_with_long_body_paginates_with_page_numbers(publication):
    publication.body = "\n\n".join([ACCENTED * 4] * 60)
    publication.save()
    pages = page_texts(read(publication_edition(publication=publication)))
    assert len(pages) > 5
    # The running foot: the landing page, the ISBN, then the page number, on every body page.
    url = f"{settings.SITE_URL}/publications/security-partnerships-japan/"
    for number, page in enumerate(pages[1:], start=2):
        assert f"{url} ISBN 978-2-36567-123-1 {number}" in page


@pytest.mark.django_db(transaction=True)
def test_generation_lock_excludes_concurrent_holders():
    # The claim row on SQLite, the advisory lock on PostgreSQL: never two holders at once.
    inside, overlaps = [], []

    def hold():
        with generation_lock(987654):
            inside.append(1)
            if len(inside) > 1:
                overlaps.append(1)
            time.sleep(0.02)
            inside.pop()

    run_together(hold, times=8)
    assert overlaps == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_generate_the_edition_once(monkeypatch):
    publication = PublicationFactory(body="Some body.")
    calls = counting_renders(monkeypatch, delay=0.3)
    names = []

    def request_edition():
        fresh = Publication.objects.get(pk=publication.pk)
        names.append(publication_edition(publication=fresh).name)

    run_together(request_edition, times=6)
    assert calls == [1]
    assert len(names) == 6 and len(set(names)) == 1


def test_serving_a_cached_edition_takes_six_queries(client, publication, django_assert_num_queries):
    publication_edition(publication=publication)
    # the publication; its authors, regions and themes (the content key); the two counters
    with django_assert_num_queries(6):
        response = client.get(publication.get_pdf_url())
        assert response.status_code == 200
        body(response)


@pytest.mark.django_db(transaction=True)
def test_a_claim_left_by_a_dead_process_is_taken_over(settings):
    from datetime import timedelta

    from django.db import connection
    from django.utils import timezone

    from publications.models import EditionClaim
    from publications.pdf import editions

    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL uses its advisory lock, not claim rows")
    EditionClaim.objects.create(
        publication_id=42,
        claimed_at=timezone.now() - timedelta(seconds=editions.CLAIM_STALE_SECONDS + 1),
    )
    with generation_lock(42):
        assert EditionClaim.objects.filter(publication_id=42).count() == 1
    assert not EditionClaim.objects.exists()  # released


def test_the_rights_line_is_never_alone_on_the_last_page():
    # Bodies of growing length move the colophon down the last page in small steps, so that
    # with some of them only the last line would fit, unless the colophon is kept in one piece.
    series = SeriesFactory(name="Meridian Papers", issn="2700-1144")
    alone = []
    for words in range(300, 1100, 40):
        item = PublicationFactory(series=series, body=" ".join(["word"] * words))
        last = page_texts(read(publication_edition(publication=item)))[-1]
        if "HOW TO CITE" not in last:
            alone.append(words)
    assert alone == []
