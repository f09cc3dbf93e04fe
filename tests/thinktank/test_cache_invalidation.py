"""Every write path a reader could see makes the next anonymous request fresh.

ONE parametrised test: a published analysis with its region, theme, center, series and author
is shown to an anonymous reader (the page is cached: a second request runs no SQL), then a
write goes through one real path (service, admin form or action, import, revision restore, demo
loading, PDF processing), committed; the next anonymous request shows the change. Keep it
growing: a new write path gets a row in WRITES.
"""

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import reversion
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Version

from centers.models import Center
from publications import services
from publications.admin.actions import STATUS_ACTIONS
from publications.interchange import import_document
from publications.models import Author, Publication, Series
from publications.pdf.processing import publication_pdf_process
from taxonomy.models import Region, Theme
from tests.admin_forms import admin_url, form_data
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    PublicationFactory,
    RegionFactory,
    SeriesFactory,
    ThemeFactory,
)
from tests.upload_files import isolate_storage
from thinktank.cache.version import VERSION_KEY

pytestmark = pytest.mark.django_db

PAGE = "/publications/watched-analysis/"
DEMO_TITLE = "Climate Diplomacy"  # one of the newest demo publications


@dataclass
class World:
    publication: Publication
    editor: User
    client: object  # the editor's client (admin forms)
    folder: object  # a temporary folder


@dataclass
class Write:
    name: str
    do: Callable[[World], None]
    url: str  # the page read before and after
    shows: str | None = None  # text on the page afterwards
    status: int = 200  # status of the page afterwards
    prepare: Callable[[World], None] | None = None  # before the page is first read


def _admin_change(world, model, obj, form_id, **changes):
    url = admin_url(model, "change", obj.pk)
    data = form_data(world.client.get(url), form_id=form_id)
    data.update(changes)
    response = world.client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def edit_title_in_admin(world):
    _admin_change(
        world, Publication, world.publication, "publication_form", title="Edited in the admin"
    )


def rename_slug_in_admin(world):
    _admin_change(world, Publication, world.publication, "publication_form", slug="renamed")


def rename_author(world):
    author = world.publication.authors.get()
    _admin_change(world, Author, author, "author_form", name="Renamed Author")


def rename_series(world):
    series = world.publication.series
    _admin_change(world, Series, series, "series_form", name_en="Renamed Series")


def rename_region(world):
    region = world.publication.regions.get()
    _admin_change(world, Region, region, "region_form", name_en="Renamed Region")


def rename_theme(world):
    theme = world.publication.themes.get()
    _admin_change(world, Theme, theme, "theme_form", name_en="Renamed Theme")


def rename_center(world):
    center = world.publication.centers.get()
    _admin_change(world, Center, center, "center_form", name_en="Renamed Center")


def delete_in_admin(world):
    url = admin_url(Publication, "delete", world.publication.pk)
    assert world.client.post(url, {"post": "yes"}).status_code == 302


def bulk_unpublish(world):
    [row] = [row for row in STATUS_ACTIONS if row.name == "unpublish"]
    url = admin_url(Publication, "changelist")
    data = {"action": row.name, "_selected_action": [world.publication.pk]}
    assert world.client.post(url, data).status_code == 302


def unpublish(world):
    services.publication_unpublish(publication=world.publication, user=world.editor)


def archive(world):
    services.publication_archive(publication=world.publication, user=world.editor)


def schedule_later(world):
    services.publication_set_status(
        publication=world.publication,
        user=world.editor,
        status=Publication.Status.PUBLISHED,
        publish_at=timezone.now() + datetime.timedelta(days=30),
    )


def import_a_new_region_name(world):
    region = world.publication.regions.get()
    document = {"regions": [{"slug": region.slug, "name": "Imported Region", "parent": None}]}
    path = world.folder / "doc.json"
    path.write_text(json.dumps(document))
    import_document(path)


def save_a_newer_title(world):
    with reversion.create_revision():
        world.publication.save()  # the version to go back to
    _admin_change(world, Publication, world.publication, "publication_form", title="A newer title")


def restore_old_title(world):
    publication = world.publication
    old = Version.objects.get_for_object(publication).order_by("pk").first()
    url = admin_url(Publication, "revision", publication.pk, old.pk)
    data = form_data(world.client.get(url))
    assert world.client.post(url, data).status_code == 302


def load_demo(world):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def process_pdf(world):
    publication_pdf_process(publication=world.publication)


WRITES = [
    Write("service: unpublish", unpublish, PAGE, status=404),
    Write("service: archive", archive, PAGE, status=410),
    Write("service: schedule later", schedule_later, PAGE, status=404),
    Write("admin: edit the title", edit_title_in_admin, PAGE, shows="Edited in the admin"),
    Write("admin: change the slug", rename_slug_in_admin, PAGE, status=301),
    Write("admin: bulk unpublish", bulk_unpublish, PAGE, status=404),
    Write("admin: delete", delete_in_admin, PAGE, status=404),
    Write("admin: rename the author", rename_author, PAGE, shows="Renamed Author"),
    Write("admin: rename the series", rename_series, PAGE, shows="Renamed Series"),
    Write("admin: rename the region", rename_region, PAGE, shows="Renamed Region"),
    Write("admin: rename the theme", rename_theme, PAGE, shows="Renamed Theme"),
    Write("admin: rename the center", rename_center, PAGE, shows="Renamed Center"),
    Write("import", import_a_new_region_name, PAGE, shows="Imported Region"),
    Write(
        "admin: restore a revision",
        restore_old_title,
        PAGE,
        shows="Watched analysis",
        prepare=save_a_newer_title,
    ),
    Write("load_demo", load_demo, "/publications/", shows=DEMO_TITLE),
    Write("pdf processing", process_pdf, PAGE),
]


@pytest.fixture
def world(client, tmp_path, settings, monkeypatch):
    isolate_storage(tmp_path, settings, monkeypatch)
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    editor = User.objects.create_superuser("editor", password="x")
    publication = PublicationFactory(
        slug="watched-analysis",
        title="Watched analysis",
        series=SeriesFactory(name="Watched Series"),
        authors=[AuthorFactory(name="Watched Author")],
        regions=[RegionFactory(name="Watched Region")],
        themes=[ThemeFactory(name="Watched Theme")],
        centers=[CenterFactory(name="Watched Center")],
    )
    staff = Client()
    staff.force_login(editor)
    yield World(publication=publication, editor=editor, client=staff, folder=tmp_path)
    cache.clear()


def _anonymous_get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.mark.parametrize("write", WRITES, ids=[w.name for w in WRITES])
def test_each_write_path_makes_the_next_anonymous_request_fresh(
    client, world, write, django_capture_on_commit_callbacks
):
    if write.prepare:
        write.prepare(world)
    before, _ = _anonymous_get(client, write.url)
    assert before.status_code == 200
    _, queries = _anonymous_get(client, write.url)
    assert queries == 0, "the page is cached before the write"
    version = cache.get(VERSION_KEY)

    with django_capture_on_commit_callbacks(execute=True):
        write.do(world)

    assert cache.get(VERSION_KEY) > version
    after, queries = _anonymous_get(client, write.url)
    assert queries > 0, "rendered afresh"
    assert after.status_code == write.status
    if write.shows:
        assert write.shows in after.content.decode()
