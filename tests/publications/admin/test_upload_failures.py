"""Uploads that cannot be stored or are empty: a form error naming the file, the editor's other
input kept, nothing saved and no file left behind.

The full disk is injected at the storage's write: the test storage writes half the file, as a
disk that fills up does, then fails with ENOSPC (or EDQUOT, or EIO)."""

import errno

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from centers.models import Center
from publications.models import Author, Publication
from tests.admin_forms import admin_url, form_data
from tests.factories import AuthorFactory, CenterFactory, PublicationFactory
from tests.upload_files import files_under, image_upload, pdf_upload
from thinktank.storage import SafeFileSystemStorage

pytestmark = pytest.mark.django_db


class FailingDiskStorage(SafeFileSystemStorage):
    """Writes the first half of a file, then fails as a full disk does."""

    def __init__(self, *args, error=errno.ENOSPC, **kwargs):
        super().__init__(*args, **kwargs)
        self.error = error

    def _write(self, name, content):
        data = b"".join(content.chunks())
        path = self.path(name)
        (self.base_location / name).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as handle:
            handle.write(data[: len(data) // 2])
        raise OSError(self.error, "simulated: " + errno.errorcode[self.error])


def failing(monkeypatch, model, field, folder, error=errno.ENOSPC):
    storage = FailingDiskStorage(location=folder, error=error)
    monkeypatch.setattr(model._meta.get_field(field), "storage", storage)
    return storage


def errors_of(response, field):
    assert response.status_code == 200, response.status_code
    return " ".join(response.context["adminform"].form.errors.get(field, []))


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (errno.ENOSPC, "the server's disk is full"),
        (errno.EDQUOT, "the server's disk is full"),
        (errno.EIO, "the server could not write it"),
    ],
)
def test_a_full_disk_during_a_new_pdf_is_a_form_error_with_nothing_left(
    admin_client, storage, monkeypatch, error, reason
):
    _media_root, private_root = storage
    failing(monkeypatch, Publication, "pdf", private_root, error)
    data = form_data(admin_client.get(admin_url(Publication, "add")))
    data.update(title="Security partnerships", slug="security-partnerships")
    response = admin_client.post(
        admin_url(Publication, "add"), {**data, "pdf": pdf_upload("Annual report.pdf", pages=3)}
    )
    assert f"“Annual report.pdf” could not be stored: {reason}" in errors_of(response, "pdf")
    assert files_under(private_root) == []
    assert not Publication.objects.exists()
    # What was typed is still in the form.
    assert response.context["adminform"].form["title"].value() == "Security partnerships"


def test_a_full_disk_while_replacing_a_pdf_keeps_the_publication_as_it_was(
    admin_client, storage, monkeypatch
):
    _media_root, private_root = storage
    publication = PublicationFactory(title="Before", summary="Old.")
    failing(monkeypatch, Publication, "pdf", private_root)
    data = form_data(admin_client.get(admin_url(Publication, "change", publication.pk)))
    data.update(title="After", summary="New.", pdf=pdf_upload("v2.pdf"))
    response = admin_client.post(admin_url(Publication, "change", publication.pk), data)
    assert "“v2.pdf” could not be stored" in errors_of(response, "pdf")
    publication.refresh_from_db()
    assert (publication.title, publication.summary, publication.pdf.name) == ("Before", "Old.", "")
    assert files_under(private_root) == []


def test_a_full_disk_during_a_cover_upload_is_a_form_error(admin_client, storage, monkeypatch):
    media_root, _private_root = storage
    publication = PublicationFactory()
    failing(monkeypatch, Publication, "cover", media_root)
    data = form_data(admin_client.get(admin_url(Publication, "change", publication.pk)))
    response = admin_client.post(
        admin_url(Publication, "change", publication.pk),
        {**data, "cover": image_upload("cover.png")},
    )
    assert "“cover.png” could not be stored" in errors_of(response, "cover")
    assert files_under(media_root) == []


@pytest.mark.parametrize(
    ("factory", "model", "field"),
    [(AuthorFactory, Author, "photo"), (CenterFactory, Center, "image")],
)
def test_a_full_disk_during_a_photo_upload_is_a_form_error(
    admin_client, storage, monkeypatch, factory, model, field
):
    media_root, _private_root = storage
    obj = factory()
    failing(monkeypatch, model, field, media_root)
    url = admin_url(model, "change", obj.pk)
    data = form_data(admin_client.get(url), f"{model._meta.model_name}_form")
    response = admin_client.post(url, {**data, field: image_upload("portrait.png")})
    assert "“portrait.png” could not be stored" in errors_of(response, field)
    assert files_under(media_root) == []


# --- Empty files ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Annual report.pdf", "empty.pdf", "rapport été.pdf"])
def test_a_zero_byte_pdf_is_refused_with_its_name(admin_client, storage, name):
    _media_root, private_root = storage
    publication = PublicationFactory()
    data = form_data(admin_client.get(admin_url(Publication, "change", publication.pk)))
    empty = SimpleUploadedFile(name, b"", content_type="application/pdf")
    response = admin_client.post(
        admin_url(Publication, "change", publication.pk), {**data, "pdf": empty}
    )
    assert f"“{name}” is empty (0 bytes)" in errors_of(response, "pdf")
    assert files_under(private_root) == []


def test_a_zero_byte_image_is_refused_with_its_name(admin_client, storage):
    publication = PublicationFactory()
    data = form_data(admin_client.get(admin_url(Publication, "change", publication.pk)))
    empty = SimpleUploadedFile("cover.jpg", b"", content_type="image/jpeg")
    response = admin_client.post(
        admin_url(Publication, "change", publication.pk), {**data, "cover": empty}
    )
    assert "“cover.jpg”" in errors_of(response, "cover")


def test_the_pdf_check_names_an_empty_file_for_the_importer_too():
    from django.core.exceptions import ValidationError

    from publications.pdf.validation import validate_pdf_upload

    with pytest.raises(ValidationError) as caught:
        validate_pdf_upload(SimpleUploadedFile("files/empty.pdf", b""))
    assert caught.value.code == "empty"
    assert "“empty.pdf” is empty (0 bytes)" in caught.value.messages[0]


def test_a_full_disk_while_the_upload_is_buffered_is_a_form_error_with_nothing_left(
    admin_client, storage, monkeypatch, settings, tmp_path
):
    """Before any view runs, Django buffers a large upload in FILE_UPLOAD_TEMP_DIR: a full disk
    there was a 500 with a truncated temporary file."""
    from django.core.files.uploadhandler import TemporaryFileUploadHandler

    _media_root, private_root = storage
    buffers = tmp_path / "upload-buffers"
    buffers.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(buffers)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # every upload is buffered on disk
    written = TemporaryFileUploadHandler.receive_data_chunk

    def fills_up(self, raw_data, start):
        written(self, raw_data[: len(raw_data) // 2], start)
        raise OSError(errno.ENOSPC, "simulated: ENOSPC")

    monkeypatch.setattr(TemporaryFileUploadHandler, "receive_data_chunk", fills_up)
    data = form_data(admin_client.get(admin_url(Publication, "add")))
    data.update(title="Security partnerships", slug="security-partnerships")
    response = admin_client.post(
        admin_url(Publication, "add"), {**data, "pdf": pdf_upload("Annual report.pdf", pages=3)}
    )

    assert "“Annual report.pdf” could not be stored: the server's disk is full" in errors_of(
        response, "pdf"
    )
    assert list(buffers.iterdir()) == []
    assert files_under(private_root) == []
    assert not Publication.objects.exists()
    assert response.context["adminform"].form["title"].value() == "Security partnerships"
