"""The one image pipeline (thinktank/images.py): images of every mode, depth, colour profile
and orientation that cameras and editors produce reach every output the way a reader must see
them: upright, in sRGB, transparent parts on white.

Each sample of tests/images.py goes through each way in (admin upload of a cover, a photo and
a center image; the importer) and into each output: the stored file (what pages, lists and
Open Graph tags point browsers and crawlers to, read here with plain Pillow, which ignores
EXIF orientation and ICC profiles as many consumers do), the JPEG the thumbnail step encodes,
and the cover printed in a generated edition (read back from the PDF with PDFium).
"""

import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from centers.models import Center
from publications.models import Author, Publication
from publications.pdf.editions import publication_edition
from tests.admin_forms import admin_url, form_data
from tests.factories import AuthorFactory, CenterFactory, PublicationFactory
from tests.images import SAMPLES, rotated_jpeg
from tests.publications.interchange.documents import example_document, run_import, write_doc
from tests.upload_files import isolate_storage
from thinktank.images import PLAIN_MODES, jpeg_bytes, normalized, open_normalized

pytestmark = pytest.mark.django_db

TOLERANCE = 24  # JPEG's rounding and chroma


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    return isolate_storage(tmp_path, settings, monkeypatch)


def plain_view(image):
    """The image as a consumer that ignores EXIF and ICC sees it, on white, in RGB."""
    image = image.convert("RGBA")
    ground = Image.new("RGBA", image.size, (255, 255, 255, 255))
    return Image.alpha_composite(ground, image).convert("RGB")


def assert_looks_right(image, name):
    """Upright (portrait 3:4) with the sample's top and bottom colours."""
    _, top, bottom = SAMPLES[name]
    view = plain_view(image)
    width, height = view.size
    assert height > width, f"{name}: {view.size} is not upright"
    for (x, y), expected in (
        ((width // 2, height // 5), top),
        ((width // 2, height * 4 // 5), bottom),
    ):
        seen = view.getpixel((x, y))
        assert all(abs(a - b) <= TOLERANCE for a, b in zip(seen, expected, strict=True)), (
            f"{name}: {seen} at {(x, y)}, expected {expected}"
        )


def read_stored(field):
    with field.storage.open(field.name, "rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


NAMES = list(SAMPLES)


# --- The pipeline itself -----------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_sample_comes_out_plain_upright_and_in_srgb(name):
    build, *_ = SAMPLES[name]
    image = open_normalized(io.BytesIO(build()))
    assert image.mode in PLAIN_MODES
    assert "icc_profile" not in image.info
    assert_looks_right(image, name)


@pytest.mark.parametrize("name", NAMES)
def test_the_jpeg_encoder_of_thumbnails_flattens_every_sample_on_white(name):
    build, *_ = SAMPLES[name]
    with Image.open(io.BytesIO(build())) as source:
        data = jpeg_bytes(source)
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.mode) == ("JPEG", "RGB")
    assert_looks_right(image, name)


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_every_exif_rotation_is_applied(orientation):
    image = open_normalized(io.BytesIO(rotated_jpeg(orientation)))
    assert image.size == ((32, 24) if orientation == 3 else (24, 32))


def test_a_damaged_profile_is_ignored_not_fatal():
    image = Image.new("RGB", (8, 8), (10, 200, 10))
    image.info["icc_profile"] = b"not a profile"
    assert normalized(image).getpixel((1, 1)) == (10, 200, 10)


def test_a_plain_upload_keeps_its_bytes(storage, admin_client):
    # No second JPEG compression for an image that needs nothing.
    buffer = io.BytesIO()
    Image.new("RGB", (24, 32), (1, 2, 3)).save(buffer, format="JPEG", quality=70)
    publication = upload_cover(admin_client, buffer.getvalue(), "plain.jpg")
    with publication.cover.open("rb") as handle:
        assert handle.read() == buffer.getvalue()


# --- Ways in: the admin and the importer ------------------------------------------------------


def extension(data):
    return Image.open(io.BytesIO(data)).format.lower().replace("jpeg", "jpg")


def upload_cover(admin_client, data, filename):
    publication = PublicationFactory()
    change = admin_url(Publication, "change", publication.pk)
    post = form_data(admin_client.get(change))
    post["cover"] = SimpleUploadedFile(filename, data)
    response = admin_client.post(change, post)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Publication.objects.get(pk=publication.pk)


@pytest.mark.parametrize("name", NAMES)
def test_a_cover_uploaded_in_the_admin_is_stored_as_readers_must_see_it(
    storage, admin_client, name
):
    data = SAMPLES[name][0]()
    publication = upload_cover(admin_client, data, f"{name}.{extension(data)}")
    assert_looks_right(read_stored(publication.cover), name)
    # The page's Open Graph image is that stored file.
    page = admin_client.get(publication.get_absolute_url())
    assert f'content="http://testserver{publication.cover.url}"' in page.content.decode()


@pytest.mark.parametrize("name", ["cmyk-jpeg-icc", "exif-rotated-jpeg", "i16-png"])
def test_an_expert_photo_uploaded_in_the_admin_is_stored_as_readers_must_see_it(
    storage, admin_client, name
):
    author = AuthorFactory()
    change = admin_url(Author, "change", author.pk)
    data = SAMPLES[name][0]()
    post = form_data(admin_client.get(change), form_id="author_form")
    post["photo"] = SimpleUploadedFile(f"{name}.{extension(data)}", data)
    assert admin_client.post(change, post).status_code == 302
    assert_looks_right(read_stored(Author.objects.get(pk=author.pk).photo), name)


@pytest.mark.parametrize("name", ["cmyk-jpeg-icc", "p-transparency-png", "1-bit-png"])
def test_a_center_image_uploaded_in_the_admin_is_stored_as_readers_must_see_it(
    storage, admin_client, name
):
    center = CenterFactory()
    change = admin_url(Center, "change", center.pk)
    data = SAMPLES[name][0]()
    post = form_data(admin_client.get(change), form_id="center_form")
    post["image"] = SimpleUploadedFile(f"{name}.{extension(data)}", data)
    assert admin_client.post(change, post).status_code == 302
    assert_looks_right(read_stored(Center.objects.get(pk=center.pk).image), name)


def test_imported_covers_and_photos_are_stored_as_readers_must_see_them(tmp_path, storage):
    document = example_document(tmp_path)
    base = document["publications"][0]
    document["publications"] = []
    for name, (build, *_) in SAMPLES.items():
        data = build()
        path = f"files/{name}.{extension(data)}"
        (tmp_path / path).write_bytes(data)
        document["publications"].append({**base, "slug": name, "pdf": None, "cover": path})
    document["authors"][0]["photo"] = "files/exif-rotated-jpeg.jpg"
    run_import(write_doc(tmp_path, document))

    for name in SAMPLES:
        assert_looks_right(read_stored(Publication.objects.get(slug=name).cover), name)
    assert_looks_right(read_stored(Author.objects.get().photo), "exif-rotated-jpeg")
    # Importing the same document again finds every stored image the same.
    output = run_import(write_doc(tmp_path, document))
    assert f"publications: 0 new, 0 updated, {len(SAMPLES)} unchanged" in output
    assert "authors: 0 new, 0 updated, 1 unchanged" in output


# --- Output: the cover printed in a generated edition -----------------------------------------


def printed_cover(publication):
    """The cover image as PDFium draws it from the edition's first page."""
    stored = publication_edition(publication=publication)
    with stored.storage.open(stored.name, "rb") as handle:
        document = pdfium.PdfDocument(handle.read())
    try:
        page = document[0]
        images = list(page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE]))
        assert len(images) == 1
        return images[0].get_bitmap(render=False).to_pil().convert("RGB")
    finally:
        document.close()


@pytest.mark.parametrize("name", NAMES)
def test_an_edition_prints_every_stored_cover_as_readers_must_see_it(storage, name):
    # Stored as it came, bypassing the upload pipeline (an image from before it existed): the
    # edition goes through the pipeline itself.
    publication = PublicationFactory(body="A paragraph.")
    data = SAMPLES[name][0]()
    publication.cover.save(f"raw.{extension(data)}", ContentFile(data), save=True)
    assert_looks_right(printed_cover(publication), name)


# --- Images stored before the pipeline --------------------------------------------------------


def test_normalize_images_brings_old_stored_images_in_line(storage):
    from io import StringIO

    from django.core.management import call_command

    raw = {name: SAMPLES[name][0]() for name in ("cmyk-jpeg-icc", "exif-rotated-jpeg")}
    cover = PublicationFactory()
    cover.cover.save("old.jpg", ContentFile(raw["cmyk-jpeg-icc"]), save=True)
    photo = AuthorFactory()
    photo.photo.save("old.jpg", ContentFile(raw["exif-rotated-jpeg"]), save=True)
    plain = CenterFactory()
    buffer = io.BytesIO()
    Image.new("RGB", (24, 32), (9, 9, 9)).save(buffer, format="PNG")
    plain.image.save("plain.png", ContentFile(buffer.getvalue()), save=True)
    old_cover = cover.cover.name

    out = StringIO()
    call_command("normalize_images", "--dry-run", stdout=out)
    assert "Would normalize 2 image(s)." in out.getvalue()
    assert Publication.objects.get(pk=cover.pk).cover.name == old_cover

    call_command("normalize_images", stdout=StringIO())
    cover = Publication.objects.get(pk=cover.pk)
    assert cover.cover.name != old_cover and not cover.cover.storage.exists(old_cover)
    assert_looks_right(read_stored(cover.cover), "cmyk-jpeg-icc")
    assert_looks_right(read_stored(Author.objects.get(pk=photo.pk).photo), "exif-rotated-jpeg")
    assert Center.objects.get(pk=plain.pk).image.name == plain.image.name  # plain: untouched
    out = StringIO()
    call_command("normalize_images", stdout=out)
    assert "Normalized 0 image(s)." in out.getvalue()
