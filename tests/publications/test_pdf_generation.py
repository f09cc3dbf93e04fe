import threading
import time
from io import BytesIO

import pytest
from django.conf import settings
from django.db import connection
from pypdf import PdfReader

from publications.models import Publication
from publications.pdf import editions as pdf_generation
from publications.pdf.editions import generation_lock, publication_edition
from tests.factories import (
    AuthorFactory,
    PublicationFactory,
    RegionFactory,
    SeriesFactory,
    ThemeFactory,
)

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


def pdf_text(data):
    reader = PdfReader(BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), reader


def test_generated_edition_holds_title_authors_isbn_url_and_accented_body(publication):
    data = read(publication_edition(publication=publication))
    assert data.startswith(b"%PDF-")
    text, reader = pdf_text(data)
    assert "Security Partnerships in East Asia" in text
    for name in ("Jane Doe", "Łukasz Wałęsa", "Ayşe Şahin"):
        assert name in text
    assert "978-2-36567-123-1" in text
    assert f"{settings.SITE_URL}/publications/security-partnerships-japan/" in text
    assert ACCENTED in text
    assert "How to cite" in text.replace("HOW TO CITE", "How to cite")
    assert "Asia Visions" in text
    meta = reader.metadata
    assert meta.title == "Security Partnerships in East Asia"
    assert meta.author == "Jane Doe, Łukasz Wałęsa, Ayşe Şahin"
    assert "Japan" in meta["/Keywords"] and "Security and defence" in meta["/Keywords"]
    assert meta["/Creator"] == settings.INSTITUTE_NAME
    assert b"/Lang" in data


def test_generated_edition_embeds_a_truetype_font(publication):
    data = read(publication_edition(publication=publication))
    assert b"/FontFile2" in data  # an embedded TrueType subset, not a base-14 font
    assert b"SourceSerifPro" in data


def test_generated_edition_is_served_with_ranges_and_etag(client, publication):
    url = publication.get_pdf_url()
    full = client.get(url)
    assert full.status_code == 200
    data = b"".join(full.streaming_content)
    assert data.startswith(b"%PDF-")
    part = client.get(url, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert b"".join(part.streaming_content) == data[100:200]
    assert client.get(url, headers={"If-None-Match": full["ETag"]}).status_code == 304
    publication.refresh_from_db()
    assert publication.download_count == 1


def test_edition_is_cached_until_the_publication_changes(publication, monkeypatch):
    first = publication_edition(publication=publication)
    calls = []
    real_render = pdf_generation.render_edition
    monkeypatch.setattr(
        pdf_generation, "render_edition", lambda data: calls.append(1) or real_render(data)
    )
    assert publication_edition(publication=publication).name == first.name
    assert calls == []

    publication.title = "A new title"
    publication.save()
    second = publication_edition(publication=publication)
    assert second.name != first.name
    assert calls == [1]
    assert "A new title" in pdf_text(read(second))[0]
    assert not first.storage.exists(first.name)  # the stale edition is gone


def test_edition_is_regenerated_after_an_author_is_renamed(publication):
    first = publication_edition(publication=publication)
    author = publication.authors.get(slug="jane-doe")
    author.name = "Jane Doe-Smith"
    author.save()
    second = publication_edition(publication=Publication.objects.get(pk=publication.pk))
    assert second.name != first.name
    assert "Jane Doe-Smith" in pdf_text(read(second))[0]


def test_edition_with_long_body_paginates_with_page_numbers(publication):
    publication.body = "\n\n".join([ACCENTED * 4] * 60)
    publication.save()
    data = read(publication_edition(publication=publication))
    reader = PdfReader(BytesIO(data))
    assert len(reader.pages) > 5
    assert "4" in reader.pages[3].extract_text().split()  # the running footer's number


def test_generation_lock_excludes_concurrent_holders(tmp_path):
    # The file lock (SQLite and other non-PostgreSQL databases): no two holders at once.
    inside, overlaps = [], []

    def hold():
        try:
            with generation_lock(987654):
                inside.append(1)
                if len(inside) > 1:
                    overlaps.append(1)
                time.sleep(0.02)
                inside.pop()
        finally:
            # On PostgreSQL the lock is taken through this thread's own connection.
            connection.close()

    threads = [threading.Thread(target=hold) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_generate_the_edition_once(monkeypatch):

    publication = PublicationFactory(body="Some body.")
    calls = []
    real_render = pdf_generation.render_edition

    def slow_render(data):
        calls.append(1)
        time.sleep(0.3)
        return real_render(data)

    monkeypatch.setattr(pdf_generation, "render_edition", slow_render)
    barrier = threading.Barrier(6)
    names = []

    def request_edition():
        try:
            barrier.wait()
            fresh = Publication.objects.get(pk=publication.pk)
            names.append(publication_edition(publication=fresh).name)
        finally:
            connection.close()

    threads = [threading.Thread(target=request_edition) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1]
    assert len(names) == 6 and len(set(names)) == 1


def test_serving_a_cached_edition_takes_six_queries(client, publication, django_assert_num_queries):
    publication_edition(publication=publication)
    # the publication; its authors, regions and themes (the content key); the two counters
    with django_assert_num_queries(6):
        response = client.get(publication.get_pdf_url())
        assert response.status_code == 200
        b"".join(response.streaming_content)
