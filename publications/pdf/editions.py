"""The generated edition of a publication that has no uploaded PDF: what it prints, where it
is cached, and its generation, once (the pages themselves are laid out in `edition_layout`).

`publication_edition(*, publication)` is the entry point.

- The cache key is a hash of everything printed: the publication's text fields, its authors
  (names, titles, bios, order), regions, themes, series, cover file, the landing URL, the
  institute's name and `GENERATOR_VERSION`. Editing the publication or one of its authors
  changes the key, so the next request generates a new edition; older editions of the same
  publication are deleted once the new one is in place.
- Editions are written under `generated/` in the private storage (outside MEDIA_ROOT, or
  private in the bucket) with `save_whole` (thinktank/storage/): on disk first to a temporary
  file and then renamed, in a bucket as one object, so a reader never sees half a file.
- Generation never runs twice at once for one publication. On PostgreSQL a transaction-level
  advisory lock (`pg_advisory_xact_lock(namespace, pk)`) serialises generators across every
  worker and machine that share the database; unlike `select_for_update()` on the publication
  row it does not block the download counter's `UPDATE` of that row, nor staff saving the
  publication, while a (second-long) generation runs. On other databases a claim row
  (`EditionClaim`, primary key = the publication's id) is inserted in its own committed
  transaction before generating and deleted after: the database's unique key makes it a lock for
  every process and machine that shares the database (no file lock, which shared or object
  storage would not honour); a waiter polls, and a claim left by a process that died is taken
  over after CLAIM_STALE_SECONDS. Whoever waited then finds the file and returns it without
  generating again.
- `publications.tasks.publication_edition_render_task` calls `publication_edition` after a
  publication without a PDF is published or saved, so readers rarely wait for one.
"""

import contextlib
import hashlib
import json
import time
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from publications.models import EditionClaim, Publication, private_storage

from .edition_layout import GENERATOR_VERSION, render_edition
from .layout import landing_url
from .serving import StoredFile

GENERATED_DIR = "generated"
#: First key of the PostgreSQL advisory lock: "PDFG" in ASCII, so other locks don't collide.
LOCK_NAMESPACE = 0x50444647 & 0x7FFFFFFF
#: A claim older than this (seconds) is taken over: its process died while generating.
CLAIM_STALE_SECONDS = 120
CLAIM_POLL_SECONDS = 0.1


# --- What an edition prints -----------------------------------------------------------------
def edition_data(publication):
    """Everything an edition prints, as plain JSON-able values (three queries)."""
    links = publication.publication_authors.select_related("author").order_by("position", "pk")
    authors = [
        {
            "name": link.author.name,
            "title": link.author.title,
            "bio": link.author.bio,
            "sort_name": link.author.sort_name,
        }
        for link in links
    ]
    series = publication.series
    return {
        "version": GENERATOR_VERSION,
        "institute": settings.INSTITUTE_NAME,
        "slug": publication.slug,
        "url": landing_url(publication),
        "title": publication.title,
        "subtitle": publication.subtitle,
        "type": publication.type,
        "type_label": str(publication.get_type_display()),
        "series": series.name if series else "",
        "issn": series.issn if series else "",
        "series_number": publication.series_number,
        "summary": publication.summary,
        "body": publication.body,
        "body_format": publication.body_format,
        "language": publication.language,
        "published_on": publication.published_on.isoformat(),
        "isbn": publication.isbn_display,
        "doi": publication.doi,
        "cover": publication.cover.name if publication.cover else "",
        "authors": authors,
        "regions": list(publication.regions.order_by("name").values_list("name", flat=True)),
        "themes": list(publication.themes.order_by("name").values_list("name", flat=True)),
    }


def content_key(data):
    """The SHA-256 (hex) of `data`: equal keys print the same edition."""
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(payload).hexdigest()


# --- Cache and lock -------------------------------------------------------------------------
@contextlib.contextmanager
def generation_lock(pk):
    """Hold an exclusive lock on generating the edition of publication `pk` (see the module
    docstring for why an advisory lock rather than `select_for_update`). Blocks until held."""
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, pk])
            yield
        return
    _claim(pk)
    try:
        yield
    finally:
        EditionClaim.objects.filter(publication_id=pk).delete()


def _claim(pk):
    """Insert the claim row of publication `pk`, waiting while another process holds it."""
    while True:
        try:
            with transaction.atomic():
                EditionClaim.objects.create(publication_id=pk, claimed_at=timezone.now())
            return
        except (IntegrityError, OperationalError):  # held (or SQLite busy): wait
            stale = timezone.now() - timedelta(seconds=CLAIM_STALE_SECONDS)
            EditionClaim.objects.filter(publication_id=pk, claimed_at__lt=stale).delete()
            time.sleep(CLAIM_POLL_SECONDS)


def edition_name(pk, key):
    """The storage name of the edition of publication `pk` whose content key is `key`."""
    return f"{GENERATED_DIR}/{pk}-{key[:20]}.pdf"


def publication_edition(*, publication: Publication) -> StoredFile:
    """The generated edition of `publication`, from the cache or generated now (once)."""
    data = edition_data(publication)
    name = edition_name(publication.pk, content_key(data))
    storage = private_storage()
    if not storage.exists(name):
        with generation_lock(publication.pk):
            if not storage.exists(name):  # whoever held the lock may have made it meanwhile
                storage.save_whole(name, render_edition(data))
                _remove_stale(storage, publication.pk, keep=name)
    return StoredFile.from_storage(storage, name)


def _remove_stale(storage, pk, *, keep):
    try:
        _folders, files = storage.listdir(GENERATED_DIR)
    except FileNotFoundError:
        return
    for filename in files:
        name = f"{GENERATED_DIR}/{filename}"
        if filename.startswith(f"{pk}-") and filename.endswith(".pdf") and name != keep:
            with contextlib.suppress(FileNotFoundError):
                storage.delete(name)
