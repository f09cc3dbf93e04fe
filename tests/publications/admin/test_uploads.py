"""Uploads through the publication form: PDFs and covers are checked, stored under generated
names, refused with a form error that names the file, and leave no file behind when refused."""

from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile

from publications.models import Publication
from tests.admin_forms import admin_url, form_data, form_errors
from tests.factories import PublicationFactory, attach_pdf, make_bulky_pdf_bytes
from tests.upload_files import (
    files_under,
    image_upload,
    pdf_upload,
    pdf_without_pages_upload,
    png_header_upload,
    svg_upload,
    text_as_pdf_upload,
)

pytestmark = pytest.mark.django_db


def post_with_files(client, **files):
    """Add a publication through the rendered add form, with `files` attached."""
    data = form_data(client.get(admin_url(Publication, "add")))
    data.update(title="Security partnerships", slug="security-partnerships", **files)
    return client.post(admin_url(Publication, "add"), data)


def field_errors(response, field):
    assert response.status_code == 200
    return " ".join(response.context["adminform"].form.errors[field])


def test_valid_pdf_is_stored_in_private_storage_under_a_generated_name(admin_client, storage):
    media_root, private_root = storage
    response = post_with_files(admin_client, pdf=pdf_upload("My Report (final).pdf"))
    assert response.status_code == 302, form_errors(response)
    publication = Publication.objects.get()
    stored = files_under(private_root)
    assert stored == [publication.pdf.name]
    assert publication.pdf.name.startswith("pdfs/")
    assert "final" not in publication.pdf.name
    # Public media holds only the thumbnail of the first page (publication_pdf_process).
    assert files_under(media_root) == [publication.thumbnail.name]


def test_admin_save_with_a_changed_pdf_derives_text_and_thumbnail(rf, admin_user):
    publication = PublicationFactory()
    attach_pdf(publication, make_bulky_pdf_bytes(text="Admin uploaded words"))
    request = rf.post("/")
    request.user = admin_user
    model_admin = admin.site._registry[Publication]
    form = SimpleNamespace(changed_data=["pdf"], initial={"slug": publication.slug})
    model_admin.save_model(request, publication, form, change=True)
    publication.refresh_from_db()
    assert "Admin uploaded words" in publication.pdf_text
    assert publication.thumbnail


def test_text_file_renamed_pdf_is_refused_naming_the_file(admin_client, storage):
    response = post_with_files(admin_client, pdf=text_as_pdf_upload("notes.pdf"))
    assert "“notes.pdf” is not a PDF file." in field_errors(response, "pdf")
    assert not Publication.objects.exists()
    assert [files_under(folder) for folder in storage] == [[], []]


def test_pdf_without_pages_is_refused(admin_client, storage):
    response = post_with_files(admin_client, pdf=pdf_without_pages_upload("empty.pdf"))
    assert "empty.pdf" in field_errors(response, "pdf")
    assert [files_under(folder) for folder in storage] == [[], []]


def test_damaged_pdf_is_refused(admin_client, storage):
    damaged = SimpleUploadedFile("cut.pdf", pdf_upload().read()[:200])
    response = post_with_files(admin_client, pdf=damaged)
    assert "cut.pdf" in field_errors(response, "pdf")


def test_oversize_pdf_is_refused(admin_client, storage, settings):
    settings.MAX_PDF_MB = 0
    errors = field_errors(post_with_files(admin_client, pdf=pdf_upload("big.pdf")), "pdf")
    assert "“big.pdf”" in errors and "the limit is 0 MB" in errors
    assert [files_under(folder) for folder in storage] == [[], []]


def test_valid_cover_is_stored_under_a_generated_name(admin_client, storage):
    media_root, _ = storage
    response = post_with_files(admin_client, cover=image_upload("Cover photo.png"))
    assert response.status_code == 302, form_errors(response)
    publication = Publication.objects.get()
    assert files_under(media_root) == [publication.cover.name]
    assert publication.cover.name.startswith("covers/") and "photo" not in publication.cover.name
    page = admin_client.get(admin_url(Publication, "change", publication.pk))
    assert f'<img src="{publication.cover.url}"' in page.content.decode()


def test_decompression_bomb_png_is_refused_with_a_form_error(admin_client, storage):
    response = post_with_files(admin_client, cover=png_header_upload("bomb.png"))
    assert "“bomb.png” has too many pixels" in field_errors(response, "cover")
    assert [files_under(folder) for folder in storage] == [[], []]


def test_image_in_pillows_warning_band_is_refused(admin_client, storage, settings):
    # 100 megapixels: Pillow only warns (89 to 179 MP); a higher limit of ours must not let it in.
    settings.MAX_IMAGE_PIXELS = 150_000_000
    upload = png_header_upload("wide.png", width=10_000, height=10_000)
    response = post_with_files(admin_client, cover=upload)
    assert "“wide.png” has too many pixels" in field_errors(response, "cover")


def test_real_image_over_the_pixel_limit_is_refused(admin_client, storage, settings):
    settings.MAX_IMAGE_PIXELS = 1000
    response = post_with_files(admin_client, cover=image_upload(size=(50, 50)))
    assert "too many pixels" in field_errors(response, "cover")


def test_oversize_image_is_refused(admin_client, storage, settings):
    settings.MAX_IMAGE_MB = 0
    response = post_with_files(admin_client, cover=image_upload("huge.png"))
    assert "“huge.png”" in field_errors(response, "cover")


@pytest.mark.parametrize(
    "upload",
    [svg_upload("logo.svg"), image_upload("anim.gif", fmt="GIF"), text_as_pdf_upload("x.png")],
    ids=["svg", "gif", "text"],
)
def test_only_jpeg_png_webp_images_are_accepted(admin_client, storage, upload):
    response = post_with_files(admin_client, cover=upload)
    assert upload.name in field_errors(response, "cover")
    assert [files_under(folder) for folder in storage] == [[], []]
