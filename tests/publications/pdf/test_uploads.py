"""Uploaded PDFs must really be PDFs: `%PDF-` magic bytes, a file that parses, at least one
page, at most MAX_PDF_MB. Each refusal is a form error naming the file, never a 500, and
leaves no file behind. Every bad input is real bytes."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from publications.models import Publication
from publications.pdf.validation import validate_pdf_upload
from tests.admin_forms import form_data
from tests.factories import PublicationFactory, make_pdf_bytes
from tests.upload_files import (
    CATALOG,
    encrypted_pdf_bytes,
    files_under,
    image_upload,
    pdf_from_objects,
)

PDF = make_pdf_bytes(pages=3)
XREF = PDF.rindex(b"xref")

BAD = {
    # name: (bytes, the error's code)
    "renamed text": (b"Just some notes, not a PDF.\n", "not_pdf"),
    "renamed image": (image_upload().read(), "not_pdf"),
    "garbage after the magic bytes": (b"%PDF-1.7\nnot really a pdf\n%%EOF\n", "invalid_pdf"),
    "cut after 200 bytes": (PDF[:200], "invalid_pdf"),
    "cut in the middle": (PDF[: len(PDF) // 2], "invalid_pdf"),
    # Every object is there: PDFium would rebuild the table and open it (pypdf refused it).
    # An upload that stopped before its end stays refused: see reader.page_count.
    "cut before the cross-reference table": (PDF[:XREF], "invalid_pdf"),
    "cut before %%EOF": (PDF[: PDF.rindex(b"%%EOF")], "invalid_pdf"),
    "password-protected": (encrypted_pdf_bytes(), "invalid_pdf"),
    "no page": (pdf_from_objects(CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"), "empty_pdf"),
    "a page announced, none there": (
        pdf_from_objects(CATALOG, b"<< /Type /Pages /Kids [] /Count 1 >>"),
        "empty_pdf",
    ),
    "no page tree": (pdf_from_objects(b"<< /Type /Catalog >>"), "empty_pdf"),
}
MESSAGES = {
    "not_pdf": "“{name}” is not a PDF file.",
    "invalid_pdf": "“{name}” cannot be read as a PDF: it is damaged or incomplete.",
    "empty_pdf": "“{name}” has no pages.",
}


def refusal(upload):
    with pytest.raises(ValidationError) as error:
        validate_pdf_upload(upload)
    return error.value


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_pdf_is_refused_with_a_message_naming_the_file(case):
    data, code = BAD[case]
    error = refusal(SimpleUploadedFile("minutes.pdf", data))
    assert error.code == code
    assert error.messages == [MESSAGES[code].format(name="minutes.pdf")]


def test_empty_file_is_refused_as_empty():
    # The admin's form field refuses it first, with the same message (thinktank/uploads.py).
    assert refusal(SimpleUploadedFile("empty.pdf", b"")).code == "empty"


@pytest.mark.parametrize("pages", [1, 3])
def test_valid_pdf_passes_and_is_rewound(pages):
    upload = SimpleUploadedFile("report.pdf", make_pdf_bytes(pages=pages))
    validate_pdf_upload(upload)
    assert upload.tell() == 0


def test_a_few_bytes_after_eof_are_accepted():
    # Some tools pad their files; Adobe's reader looks for %%EOF in the last 1,024 bytes.
    validate_pdf_upload(SimpleUploadedFile("padded.pdf", PDF + b"\x00" * 1000))
    with pytest.raises(ValidationError):
        validate_pdf_upload(SimpleUploadedFile("padded.pdf", PDF + b"\x00" * 1100))


def test_refused_file_is_rewound():
    upload = SimpleUploadedFile("cut.pdf", PDF[:XREF])
    refusal(upload)
    assert upload.tell() == 0


def test_oversize_pdf_is_refused_before_it_is_read(settings):
    settings.MAX_PDF_MB = 0
    error = refusal(SimpleUploadedFile("big.pdf", PDF))
    assert error.code == "file_too_large"
    assert error.messages == [f"“big.pdf” is {len(PDF) / 1024 / 1024:.1f} MB; the limit is 0 MB."]


def test_large_uploads_are_read_from_their_temporary_file():
    upload = TemporaryUploadedFile("large.pdf", "application/pdf", len(PDF), None)
    upload.write(PDF)
    upload.seek(0)
    validate_pdf_upload(upload)
    assert upload.tell() == 0
    upload.close()


def test_a_file_opened_from_disk_is_validated_like_an_upload(tmp_path):
    # What the importer passes: File(open(path)).
    path = tmp_path / "cut.pdf"
    path.write_bytes(PDF[:XREF])
    with path.open("rb") as handle, pytest.raises(ValidationError) as error:
        validate_pdf_upload(File(handle, name=path.name))
    assert error.value.code == "invalid_pdf"
    path.write_bytes(PDF)
    with path.open("rb") as handle:
        validate_pdf_upload(File(handle, name=path.name))


@pytest.mark.django_db
def test_stored_files_are_not_validated_again(storage, settings):
    publication = PublicationFactory()
    publication.pdf.save("x.pdf", io.BytesIO(PDF), save=True)
    settings.MAX_PDF_MB = 0  # the limit changed since the upload: existing files stay valid
    publication.refresh_from_db()
    publication.full_clean()


# --- Through the admin's form -------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_admin_refuses_a_bad_pdf_with_a_form_error_and_keeps_no_file(case, admin_client, storage):
    add = "/admin/publications/publication/add/"
    data = form_data(admin_client.get(add))
    data.update(title="Rivers", slug="rivers", summary="", body="")
    data["pdf"] = SimpleUploadedFile("My report.pdf", BAD[case][0])
    response = admin_client.post(add, data)
    assert response.status_code == 200
    code = BAD[case][1]
    errors = response.context["adminform"].form.errors["pdf"]
    assert errors == [MESSAGES[code].format(name="My report.pdf")]
    assert not Publication.objects.exists()
    assert [files_under(folder) for folder in storage] == [[], []]
