"""Background tasks (publications/tasks.py): PDF processing leaves the request, what readers see
meanwhile, the limits that stop a decompression bomb, retries, and a real `db_worker` process
that runs the queued work on PostgreSQL."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError, connection, transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from conftest import skip_or_fail
from publications import tasks
from publications.models import Publication
from publications.pdf import processing
from publications.services import publication_pdf_changed
from tests.factories import PublicationFactory, attach_pdf, make_bulky_pdf_bytes
from tests.pdf_bombs import bomb_pdf_bytes
from tests.upload_files import isolate_storage

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    return isolate_storage(tmp_path, settings, monkeypatch)


def with_new_pdf(text="Fresh words", pages=3, **attrs):
    publication = PublicationFactory(**attrs)
    attach_pdf(publication, make_bulky_pdf_bytes(text=text, pages=pages))
    return publication


@pytest.mark.django_db
def test_an_uploaded_pdf_is_processed_by_its_task(client):
    publication = with_new_pdf("Quokka words", pages=3)
    publication_pdf_changed(publication=publication)  # immediate backend in the tests
    publication.refresh_from_db()
    assert (publication.pdf_status, publication.pages) == ("done", 3)
    assert "Quokka words" in publication.pdf_text and publication.thumbnail


@pytest.mark.django_db
def test_until_the_task_runs_readers_see_no_thumbnail_and_no_page_count(
    client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS_ENQUEUE_ON_COMMIT = True
    publication = with_new_pdf("Old words", pages=2, status=Publication.Status.PUBLISHED)
    processing.publication_pdf_process(publication=publication)
    old_thumbnail = Publication.objects.get(pk=publication.pk).thumbnail.name
    assert old_thumbnail
    attach_pdf(publication, make_bulky_pdf_bytes(text="New words", pages=5))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publication_pdf_changed(publication=publication)
        waiting = Publication.objects.get(pk=publication.pk)
        assert (waiting.pdf_status, waiting.pages, waiting.thumbnail.name) == ("pending", None, "")
        assert waiting.pdf_text == ""  # not the old file's words
        page = client.get(publication.get_absolute_url()).content.decode()
        assert old_thumbnail not in page  # the placeholder, not the old file's image
    assert callbacks, "the task waits for the commit"
    for callback in callbacks:
        callback()
    done = Publication.objects.get(pk=publication.pk)
    assert (done.pdf_status, done.pages) == ("done", 5)
    assert "New words" in done.pdf_text and done.thumbnail


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_save_queues_no_task(settings):
    settings.TASKS = DATABASE_BACKEND
    settings.TASKS_ENQUEUE_ON_COMMIT = True
    publication = with_new_pdf()
    with pytest.raises(RuntimeError), transaction.atomic():
        publication_pdf_changed(publication=publication)
        raise RuntimeError("the rest of the save failed")
    assert not DBTaskResult.objects.exists()
    publication_pdf_changed(publication=publication)  # outside a transaction: queued at once
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db
def test_a_task_for_a_pdf_replaced_since_does_nothing():
    publication = with_new_pdf("First")
    stale_name = publication.pdf.name
    attach_pdf(publication, make_bulky_pdf_bytes(text="Second"))
    assert tasks.publication_pdf_process_task.call(publication.pk, stale_name) == "skipped"
    assert Publication.objects.get(pk=publication.pk).pdf_status == ""


@pytest.mark.django_db
def test_a_decompression_bomb_fails_its_task_with_a_message_in_the_admin(
    admin_client, settings, storage
):
    settings.PDF_PROCESS_MEMORY_MB = 400
    publication = PublicationFactory(pages=12)
    attach_pdf(publication, bomb_pdf_bytes())  # 17 KB that read as 1.6 GB
    publication_pdf_changed(publication=publication)

    publication.refresh_from_db()
    assert publication.pdf_status == "failed"
    assert "400 MB" in publication.pdf_status_message
    assert (publication.pages, publication.pdf_text, publication.thumbnail.name) == (None, "", "")
    page = admin_client.get(reverse("admin:publications_publication_change", args=[publication.pk]))
    assert "Failed: " in page.content.decode()
    assert "400 MB" in page.content.decode()


@pytest.mark.django_db
def test_a_task_that_fails_for_a_passing_reason_is_retried(monkeypatch, settings):
    settings.TASKS_MAX_ATTEMPTS = 3
    publication = with_new_pdf()
    calls = []
    real = processing.publication_pdf_process

    def flaky(*, publication):
        calls.append(publication.pk)
        if len(calls) == 1:
            raise OperationalError("the database went away")
        return real(publication=publication)

    monkeypatch.setattr(processing, "publication_pdf_process", flaky)
    publication_pdf_changed(publication=publication)
    assert len(calls) == 2
    assert Publication.objects.get(pk=publication.pk).pdf_status == "done"


@pytest.mark.django_db
def test_retries_stop_after_the_last_attempt(monkeypatch, settings):
    settings.TASKS_MAX_ATTEMPTS = 3
    publication = with_new_pdf()
    calls = []

    def broken(*, publication):
        calls.append(publication.pk)
        raise OperationalError("the database is down")

    monkeypatch.setattr(processing, "publication_pdf_process", broken)
    result = tasks.publication_pdf_process_task.enqueue(publication.pk, publication.pdf.name)
    assert len(calls) == 3
    assert result.status == "SUCCESSFUL"  # the first attempt handed over to the next one
    assert Publication.objects.get(pk=publication.pk).pdf_status == ""


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_real_db_worker_process_runs_the_queued_processing(settings):
    """A `manage.py db_worker` process, started for real against the test database, takes the
    queued task and processes the PDF: what production runs on the worker machines."""
    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL", env="REQUIRE_POSTGRES")
    settings.TASKS = DATABASE_BACKEND
    publication = with_new_pdf("Worker words", pages=4)
    publication_pdf_changed(publication=publication)
    assert DBTaskResult.objects.get().status == "READY"
    assert Publication.objects.get(pk=publication.pk).pdf_status == "pending"

    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "thinktank.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(django_settings.PRIVATE_MEDIA_ROOT),
    }
    worker = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert worker.returncode == 0, worker.stderr
    assert DBTaskResult.objects.get(task_path__endswith="publication_pdf_process_task").status == (
        "SUCCESSFUL"
    )
    done = Publication.objects.get(pk=publication.pk)
    assert (done.pdf_status, done.pages) == ("done", 4)
    assert "Worker words" in done.pdf_text
    assert done.thumbnail and done.thumbnail.storage.exists(done.thumbnail.name)
