"""The media library: images uploaded in the admin with alt text, caption and credit, offered as
a figure to paste into a structured body; that figure on the page and in the PDF edition; an
image still shown by a body cannot be deleted; only staff with the permission see it."""

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from django.contrib.auth.models import User
from django.utils import translation
from django.utils.html import escape

from publications.body import sanitize_html
from publications.body.sanitize import parse
from publications.models import BodyImage, Publication
from publications.pdf.editions import publication_edition
from tests.admin_forms import admin_url, form_data
from tests.factories import PublicationFactory
from tests.pdf_documents import text
from tests.upload_files import files_under, image_upload

pytestmark = pytest.mark.django_db

ALT = "Map of the exercise areas around the strait"
CAPTION = "Exercise areas, 2022–2024"
CREDIT = "© Jane Doe / Institute"
FIGCAPTION = f"<figcaption>{CAPTION}. Credit: {CREDIT}</figcaption>"


def upload(client, **fields):
    data = form_data(client.get(admin_url(BodyImage, "add")), "bodyimage_form")
    data.update(
        {"image": image_upload("Strait map.png", size=(300, 200)), "alt_text": ALT}
        | {"caption": CAPTION, "credit": CREDIT}
        | fields
    )
    return client.post(admin_url(BodyImage, "add"), data)


def library_image(**fields):
    image = BodyImage(**({"alt_text": ALT, "caption": CAPTION, "credit": CREDIT} | fields))
    image.image.save("map.png", image_upload("map.png", size=(300, 200)), save=False)
    image.save()
    return image


def body_with(image):
    return PublicationFactory(
        title="The strait in 2030",
        body_format=Publication.BodyFormat.HTML,
        body=f"<h2>Scenarios</h2><p>Where the fleets train.</p>{image.figure_html()}"
        "<p>What follows.</p>",
    )


# --- Upload in the admin -> the figure to paste -----------------------------------------------


def test_an_upload_is_stored_under_a_server_name_and_offers_the_figure_to_paste(
    admin_client, storage
):
    media_root, _private = storage
    response = upload(admin_client)
    assert response.status_code == 302

    image = BodyImage.objects.get()
    assert image.image.name.startswith("library/") and "Strait" not in image.image.name
    assert files_under(media_root) == [image.image.name]
    assert image.uploaded_by == User.objects.get(username="admin")
    figure = f'<figure><img src="/media/{image.image.name}" alt="{ALT}">{FIGCAPTION}</figure>'
    assert image.figure_html() == figure

    page = admin_client.get(admin_url(BodyImage, "change", image.pk)).content.decode()
    assert f"{escape(figure)}</textarea>" in page
    assert f'<a href="/media/{image.image.name}">' in page  # its URL
    assert f'<img src="/media/{image.image.name}" alt="" style="max-height:160px' in page
    assert 'name="image"' not in page  # the file never changes: bodies hold its URL
    # The image is served at that URL.
    assert admin_client.get(image.url).status_code == 200


def test_alt_text_is_required_and_a_refused_upload_leaves_no_file(admin_client, storage):
    media_root, _private = storage
    response = upload(admin_client, alt_text="")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["alt_text"]
    assert not BodyImage.objects.exists()
    assert files_under(media_root) == []


def test_a_file_that_is_not_an_image_is_refused_with_its_name(admin_client, storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = upload(
        admin_client, image=SimpleUploadedFile("chart.png", b"<svg></svg>", "image/png")
    )
    assert response.status_code == 200
    assert "“chart.png” is not a valid JPEG, PNG or WebP image." in " ".join(
        response.context["adminform"].form.errors["image"]
    )
    assert files_under(storage[0]) == []


def test_the_library_is_searched_by_alt_text_caption_and_credit(admin_client, storage):
    wanted = library_image()
    library_image(alt_text="A chart", caption="Budgets", credit="Ministry")
    for query in ("exercise areas around", "2022", "jane doe"):
        response = admin_client.get(admin_url(BodyImage, "changelist") + f"?q={query}")
        assert list(response.context["cl"].result_list) == [wanted], query


def test_the_credit_is_written_in_french_in_a_french_admin(storage):
    image = library_image()
    with translation.override("fr"):
        assert image.caption_text() == f"{CAPTION}. Crédit\u00a0: {CREDIT}"
    image.caption = ""
    assert image.caption_text() == f"Credit: {CREDIT}"
    image.credit = ""
    assert "<figcaption>" not in image.figure_html()


# --- The figure in a body: sanitiser, page, PDF ------------------------------------------------


def kept(html):
    """(src, alt, caption) of the figure in `html` once sanitised."""
    figure = parse(sanitize_html(html)).find("figure")
    return figure.img["src"], figure.img["alt"], figure.figcaption.get_text()


def test_the_sanitiser_keeps_the_figure_as_the_library_gives_it(storage, settings):
    image = library_image()
    caption = f"{CAPTION}. Credit: {CREDIT}"
    assert kept(image.figure_html()) == (f"/media/{image.image.name}", ALT, caption)
    # A bucket behind its own domain (AWS_S3_CUSTOM_DOMAIN) gives absolute URLs: kept as well.
    settings.MEDIA_URL = "https://media.example.org/media/"
    assert image.url == f"https://media.example.org/media/{image.image.name}"
    assert kept(image.figure_html()) == (image.url, ALT, caption)


def test_a_pasted_figure_shows_on_the_page_with_alt_text_caption_and_credit(client, storage):
    image = library_image()
    publication = body_with(image)
    html = client.get(publication.get_absolute_url()).content.decode()
    figure = html[html.index("<figure") : html.index("</figure>")]
    assert f'src="{image.url}"' in figure
    assert f'alt="{ALT}"' in figure
    assert f"{CAPTION}. Credit: {CREDIT}" in figure


def printed_images(publication):
    """(images drawn on the edition's pages, the edition's text)."""
    stored = publication_edition(publication=publication)
    with stored.storage.open(stored.name, "rb") as handle:
        data = handle.read()
    document = pdfium.PdfDocument(data)
    try:
        images = [
            obj.get_px_size()
            for page in document
            for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE])
        ]
    finally:
        document.close()
    return images, " ".join(text(data).split())


def test_the_pdf_edition_prints_the_library_image_with_its_caption_and_credit(storage):
    publication = body_with(library_image())
    images, content = printed_images(publication)
    assert len(images) == 1
    assert f"{CAPTION}. Credit: {CREDIT}" in content


def test_the_pdf_edition_finds_the_image_behind_the_buckets_own_domain(storage, settings):
    # Media URLs on another host (a bucket's custom domain): the edition still reads the file
    # from the storage, never over the network.
    settings.MEDIA_URL = "https://media.example.org/media/"
    publication = body_with(library_image())
    assert "https://media.example.org/media/library/" in publication.body
    images, _content = printed_images(publication)
    assert len(images) == 1


def test_the_pdf_edition_prints_an_image_of_the_app_s_own_static_files(storage):
    # The demo's charts ship under static/img/demo/ and the page shows them: the PDF too.
    publication = PublicationFactory(
        body_format=Publication.BodyFormat.HTML,
        body='<figure><img src="/static/img/demo/taiwan-strait-shipping.png" alt="Chart">'
        "<figcaption>Container traffic</figcaption></figure>",
    )
    images, content = printed_images(publication)
    assert len(images) == 1 and "Container traffic" in content


@pytest.mark.parametrize(
    "src", ["/static/img/demo/missing.png", "/static/../pyproject.toml", "/static/img/"]
)
def test_a_static_address_that_is_no_image_file_prints_the_caption_only(storage, src):
    publication = PublicationFactory(
        body_format=Publication.BodyFormat.HTML,
        body=f'<figure><img src="{src}" alt="Chart"><figcaption>Caption kept</figcaption></figure>',
    )
    images, content = printed_images(publication)
    assert images == [] and "Caption kept" in content


def test_an_image_from_elsewhere_is_not_fetched_for_the_pdf(storage):
    publication = PublicationFactory(
        body_format=Publication.BodyFormat.HTML,
        body='<figure><img src="https://example.com/x.png" alt="Elsewhere">'
        "<figcaption>Not ours</figcaption></figure>",
    )
    images, content = printed_images(publication)
    assert images == [] and "Not ours" in content


# --- Deleting ----------------------------------------------------------------------------------


def test_deleting_an_image_a_body_shows_is_refused_naming_the_publication(
    admin_client, storage, django_capture_on_commit_callbacks
):
    image = library_image()
    publication = body_with(image)
    PublicationFactory(title="A draft that shows it too", status="draft", body=image.url)
    url = admin_url(BodyImage, "delete", image.pk)

    page = admin_client.get(url).content.decode()
    assert "The strait in 2030" in page and "A draft that shows it too" in page
    assert admin_url(Publication, "change", publication.pk) in page
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"post": "yes"})
        admin_client.post(
            admin_url(BodyImage, "changelist"),
            {"action": "delete_selected", "_selected_action": [image.pk], "post": "yes"},
        )
    assert BodyImage.objects.filter(pk=image.pk).exists()
    assert files_under(storage[0]) == [image.image.name]


def test_the_service_refuses_too_and_says_where_the_image_is_shown(storage):
    from publications.services import BodyImageInUse, body_image_delete

    image = library_image()
    body_with(image)
    with pytest.raises(BodyImageInUse) as refusal:
        body_image_delete(image=image)
    assert "“The strait in 2030”" in refusal.value.messages[0]
    assert BodyImage.objects.filter(pk=image.pk).exists()


def test_an_unused_image_is_deleted_with_its_file_after_the_commit(
    admin_client, storage, django_capture_on_commit_callbacks
):
    image = library_image()
    publication = body_with(image)
    publication.body = "<p>The figure was taken out.</p>"
    publication.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(admin_url(BodyImage, "delete", image.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not BodyImage.objects.exists()
    assert files_under(storage[0]) == []


# --- Who sees it -------------------------------------------------------------------------------


def test_staff_without_the_permission_do_not_see_the_library(client, storage):
    image = library_image()
    user = User.objects.create_user("intern", password="x", is_staff=True)
    client.force_login(user)
    assert "Media library" not in client.get("/admin/").content.decode()
    for view, args in (("changelist", ()), ("add", ()), ("change", (image.pk,))):
        assert client.get(admin_url(BodyImage, view, *args)).status_code == 403, view


def test_contributors_add_and_use_images_editors_also_delete(client, storage, contributor, editor):
    image = library_image()
    client.force_login(contributor)
    assert "Media library" in client.get("/admin/").content.decode()
    assert client.get(admin_url(BodyImage, "change", image.pk)).status_code == 200
    assert client.get(admin_url(BodyImage, "add")).status_code == 200
    assert client.get(admin_url(BodyImage, "delete", image.pk)).status_code == 403
    client.force_login(editor)
    assert client.get(admin_url(BodyImage, "delete", image.pk)).status_code == 200


def test_a_stale_save_of_an_image_is_refused_and_the_other_caption_kept(client, storage):
    from tests.admin_forms import form_data

    image = library_image()
    alice = User.objects.create_superuser("alice", "alice@example.org", "x")
    bob = User.objects.create_superuser("bob", "bob@example.org", "x")
    forms = {}
    for user in (alice, bob):
        client.force_login(user)
        forms[user] = form_data(
            client.get(admin_url(BodyImage, "change", image.pk)), "bodyimage_form"
        )
    client.force_login(alice)
    url = admin_url(BodyImage, "change", image.pk)
    response = client.post(url, {**forms[alice], "caption": "Alice's caption"})
    from tests.admin_forms import form_errors

    assert response.status_code == 302, form_errors(response)
    client.force_login(bob)
    response = client.post(url, {**forms[bob], "credit": "Bob's credit"})
    assert response.status_code == 200 and response.context["edit_conflict"] is not None
    image.refresh_from_db()
    assert (image.caption, image.credit) == ("Alice's caption", CREDIT)


def test_the_file_of_an_image_cannot_be_replaced_by_a_forged_post(admin_client, storage):
    image = library_image()
    url = admin_url(BodyImage, "change", image.pk)
    data = form_data(admin_client.get(url), "bodyimage_form")
    data["image"] = image_upload("other.png", size=(10, 10))
    assert admin_client.post(url, data).status_code == 302
    assert BodyImage.objects.get().image.name == image.image.name
    assert files_under(storage[0]) == [image.image.name]


def test_the_library_list_costs_the_same_queries_for_3_or_12_images(admin_client, storage):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(admin_url(BodyImage, "changelist")).status_code == 200
        return len(captured)

    for _ in range(3):
        library_image()
    few = queries()
    for _ in range(9):
        library_image()
    assert queries() == few
