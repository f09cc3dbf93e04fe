"""The background tasks of the site, on Django's task API (the django-tasks backport: on
Django 6 `django_tasks` becomes `django.tasks`). The backend is chosen by TASKS_BACKEND (see
thinktank/settings/base.py): the database backend with `python manage.py db_worker` processes
in production, the immediate backend for `make run`.

- `publication_pdf_process_task`: text, page count and thumbnail of a publication's PDF;
- `publication_edition_render_task`: the generated edition of a publication without a PDF,
  rendered ahead of its first reader;
- `search_index_refresh_task`: search vectors (and so rankings) after bulk writes.

The site sends no e-mail today; a later one goes through a task here too.

Write paths never call the tasks directly: they call `enqueue_after_commit(task, ...)`, which
enqueues when the transaction commits (nothing for a rolled-back write; a worker never reads
rows older than the write that asked for it).

Every task takes ids, not objects, re-reads what it needs and is idempotent: run twice, or
after a later change, it does the right thing for what is stored then. A task that fails for a
passing reason (database or storage unreachable) is retried by `retried`, the one place that
does, up to TASKS_MAX_ATTEMPTS; other failures (a PDF that breaks the processing limits) are
final and recorded where staff see them.
"""

import functools
import logging
import sys
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

#: Failures worth another attempt: a database or a storage that did not answer this time.
TRANSIENT_ERRORS = (DatabaseError, ConnectionError, TimeoutError)


def enqueue_after_commit(task_, *args, **kwargs):
    """Enqueue `task_(*args, **kwargs)` once the current transaction commits (at once outside
    one; at once too when TASKS_ENQUEUE_ON_COMMIT is off, as in the tests)."""

    def enqueue():
        task_.enqueue(*args, **kwargs)

    if settings.TASKS_ENQUEUE_ON_COMMIT:
        transaction.on_commit(enqueue, robust=True)
    else:
        enqueue()


def retried(func):
    """Retry `func` (a task's function, decorated by @task after this) on TRANSIENT_ERRORS.

    The backend's workers run a task once. On such a failure the task is enqueued again with
    `attempt=n + 1`, to run after TASKS_RETRY_DELAYS[n - 1] seconds when the backend can defer
    (the database backend), at once otherwise (the immediate backend); the last attempt
    (TASKS_MAX_ATTEMPTS) raises, so the failure stays in the task's result."""

    @functools.wraps(func)
    def wrapper(*args, attempt=1, **kwargs):
        try:
            return func(*args, **kwargs)
        except TRANSIENT_ERRORS:
            if attempt >= settings.TASKS_MAX_ATTEMPTS:
                raise
            logger.warning("%s failed (attempt %d)", func.__name__, attempt, exc_info=True)
            this = getattr(sys.modules[func.__module__], func.__name__)
            delays = settings.TASKS_RETRY_DELAYS
            delay = delays[min(attempt, len(delays)) - 1] if delays else 0
            if this.get_backend().supports_defer and delay:
                this = this.using(run_after=timezone.now() + timedelta(seconds=delay))
            this.enqueue(*args, attempt=attempt + 1, **kwargs)
            return None

    return wrapper


@task()
@retried
def publication_pdf_process_task(publication_id: int, pdf_name: str) -> str:
    """Process the PDF `pdf_name` of publication `publication_id`: a no-op when the publication
    is gone or its PDF was replaced since (the write that replaced it enqueued its own task).
    Raises PDFProcessingFailed when the PDF broke the limits (the message is on the
    publication too)."""
    from publications.models import Publication
    from publications.pdf.processing import publication_pdf_process
    from publications.pdf.sandbox import PDFProcessingFailed

    publication = Publication.objects.filter(pk=publication_id).first()
    if publication is None or (publication.pdf.name or "") != pdf_name:
        return "skipped"
    publication_pdf_process(publication=publication)
    if publication.pdf_status == Publication.PdfStatus.FAILED:
        raise PDFProcessingFailed(publication.pdf_status_message)
    from publications.search import search_index_refresh

    search_index_refresh()  # the new text's vectors
    if not publication.pdf:
        publication_edition_render_task.enqueue(publication_id)
    return publication.pdf_status


@task()
@retried
def publication_edition_render_task(publication_id: int) -> str:
    """Render the generated edition of a published publication that has no uploaded PDF, so
    that its first reader does not wait (a no-op when it is cached already or not public)."""
    from publications.models import Publication
    from publications.pdf.editions import publication_edition

    publication = Publication.objects.published().filter(pk=publication_id, pdf="").first()
    if publication is None or not publication.has_pdf:
        return "skipped"
    publication_edition(publication=publication)
    return "rendered"


@task()
@retried
def search_index_refresh_task() -> int:
    """Compute the search vectors a bulk write emptied (see publications.search.index)."""
    import os

    from publications.search import search_index_refresh

    return search_index_refresh(workers=os.cpu_count() or 1)
