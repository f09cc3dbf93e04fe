"""PDFs with active content (JavaScript, launch actions, embedded files, open actions) are shown
to the editor, and publishing one takes the editor's confirmation: on the change form, and in
the bulk action, which refuses it (publications/pdf/active_content.py)."""

import zlib

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile

from publications.models import Publication
from publications.pdf.active_content import active_content
from tests.admin_forms import admin_url, form_data, form_errors
from tests.factories import PublicationFactory, make_pdf_bytes
from tests.upload_files import pdf_from_objects

pytestmark = pytest.mark.django_db

PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"


def pdf_with_catalog(extra, *more):
    """A valid one-page PDF whose catalog carries `extra` (objects 4... are `more`)."""
    return pdf_from_objects(b"<< /Type /Catalog /Pages 2 0 R " + extra + b" >>", PAGES, PAGE, *more)


OPEN_ACTION_JS = pdf_with_catalog(b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>")
LAUNCH = pdf_with_catalog(b"/OpenAction << /S /Launch /F (calc.exe) >>")
EMBEDDED = pdf_with_catalog(
    b"/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>",
    b"<< /Type /Filespec /F (a.exe) >>",
)
ESCAPED = pdf_with_catalog(b"/Names << /J#61vaScript << /Names [] >> >>")


def object_stream_pdf():
    """The JavaScript action hidden in a compressed object stream (PDF 1.5)."""
    inner = b"4 0 << /S /JavaScript /JS (this.print\\(\\)) >>"
    body = zlib.compress(inner)
    stream = b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n" % (
        len(body)
    )
    return pdf_with_catalog(b"/OpenAction 4 0 R", stream + body + b"\nendstream")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (OPEN_ACTION_JS, ["/OpenAction", "/JavaScript", "/JS"]),
        (LAUNCH, ["/OpenAction", "/Launch"]),
        (EMBEDDED, ["/EmbeddedFiles"]),
        (ESCAPED, ["/JavaScript"]),
        (object_stream_pdf(), ["/OpenAction", "/JavaScript", "/JS"]),
        (pdf_with_catalog(b"/AA << /O << /S /SubmitForm >> >>"), ["/AA", "/SubmitForm"]),
    ],
    ids=["open-action-js", "launch", "embedded-file", "escaped-name", "object-stream", "aa"],
)
def test_active_content_is_found(data, expected):
    assert active_content(data) == expected


@pytest.mark.parametrize("pages", [1, 3])
def test_a_plain_pdf_has_none(pages):
    assert active_content(make_pdf_bytes(pages=pages)) == []
    assert active_content(pdf_with_catalog(b"/Lang (en)")) == []


# --- The editor is told, and publishing takes a confirmation ------------------------------------
def upload(data, name="brief.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def change(client, publication, **changes):
    url = admin_url(Publication, "change", publication.pk)
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def test_uploading_to_a_draft_is_allowed_with_a_warning_shown(admin_client, storage):
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    response = change(admin_client, draft, pdf=upload(OPEN_ACTION_JS))
    assert response.status_code == 302, form_errors(response)
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("The new PDF has active content: /OpenAction" in m for m in warnings)
    page = admin_client.get(admin_url(Publication, "change", draft.pk)).content.decode()
    assert "Warning: /OpenAction (acts when the document is opened), /JavaScript" in page


@pytest.mark.parametrize("data", [OPEN_ACTION_JS, LAUNCH, EMBEDDED], ids=["js", "launch", "file"])
def test_publishing_it_needs_the_box_ticked(admin_client, storage, data):
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    change(admin_client, draft, pdf=upload(data))

    refused = change(admin_client, draft, _workflow="publish")
    assert refused.status_code == 200
    errors = refused.context["adminform"].form.errors["publish_with_active_content"]
    assert "The PDF has active content: /" in errors[0]
    draft.refresh_from_db()
    assert draft.status == Publication.Status.DRAFT

    done = change(admin_client, draft, _workflow="publish", publish_with_active_content="on")
    assert done.status_code == 302, form_errors(done)
    draft.refresh_from_db()
    assert draft.status == Publication.Status.PUBLISHED


def test_a_new_pdf_on_a_published_item_needs_the_box_ticked(admin_client, storage):
    published = PublicationFactory(status=Publication.Status.PUBLISHED)
    refused = change(admin_client, published, pdf=upload(LAUNCH, "v2.pdf"))
    assert refused.status_code == 200
    assert "/Launch" in " ".join(
        refused.context["adminform"].form.errors["publish_with_active_content"]
    )
    published.refresh_from_db()
    assert not published.pdf


def test_a_plain_pdf_publishes_without_the_box(admin_client, storage):
    draft = PublicationFactory(status=Publication.Status.DRAFT)
    response = change(admin_client, draft, pdf=upload(make_pdf_bytes()), _workflow="publish")
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    assert draft.status == Publication.Status.PUBLISHED


def test_the_bulk_publish_action_refuses_it_and_publishes_the_others(admin_client, storage):
    risky = PublicationFactory(title="Risky", status=Publication.Status.DRAFT)
    change(admin_client, risky, pdf=upload(OPEN_ACTION_JS))
    plain = PublicationFactory(title="Plain", status=Publication.Status.DRAFT)
    response = admin_client.post(
        admin_url(Publication, "changelist"),
        {"action": "publish", "_selected_action": [str(risky.pk), str(plain.pk)]},
        follow=True,
    )
    text = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "“Risky” was not published: its PDF has active content (/OpenAction" in text
    risky.refresh_from_db()
    plain.refresh_from_db()
    assert risky.status == Publication.Status.DRAFT
    assert plain.status == Publication.Status.PUBLISHED
