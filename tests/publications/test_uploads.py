"""The upload validators on their own (the admin tests cover them through the forms)."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import PublicationFactory
from tests.upload_files import (
    image_upload,
    isolate_storage,
    pdf_upload,
    png_header_upload,
    text_as_pdf_upload,
)
from thinktank.uploads import validate_image_upload, validate_pdf_upload


def test_valid_pdf_passes_and_is_rewound():
    upload = pdf_upload(pages=3)
    validate_pdf_upload(upload)
    assert upload.tell() == 0


def test_renamed_text_file_fails_naming_the_file():
    with pytest.raises(ValidationError) as error:
        validate_pdf_upload(text_as_pdf_upload("minutes.pdf"))
    assert error.value.code == "not_pdf"
    assert "minutes.pdf" in error.value.messages[0]


def test_pdf_magic_with_garbage_after_it_fails():
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError) as error:
        validate_pdf_upload(SimpleUploadedFile("fake.pdf", b"%PDF-1.7\nnot really a pdf"))
    assert error.value.code in {"invalid_pdf", "empty_pdf"}


def test_valid_png_passes_and_is_rewound():
    upload = image_upload()
    validate_image_upload(upload)
    assert upload.tell() == 0


def test_bomb_header_is_refused_without_decoding():
    with pytest.raises(ValidationError) as error:
        validate_image_upload(png_header_upload(width=20_000, height=20_000))
    assert error.value.code == "too_many_pixels"


@pytest.mark.django_db
def test_stored_files_are_not_validated_again(tmp_path, settings, monkeypatch):
    isolate_storage(tmp_path, settings, monkeypatch)
    publication = PublicationFactory()
    publication.pdf.save("x.pdf", pdf_upload(), save=True)
    settings.MAX_PDF_MB = 0  # the limit changed since the upload: existing files stay valid
    publication.refresh_from_db()
    publication.full_clean()
