"""The experts (authors) admin: pages, search and filters, photos."""

import pytest

from publications.models import Author
from tests.admin_forms import admin_pages, admin_url, form_data
from tests.factories import AuthorFactory, CenterFactory
from tests.upload_files import image_upload, png_header_upload

pytestmark = pytest.mark.django_db


def test_expert_pages_answer(admin_client):
    author = AuthorFactory()
    for url in admin_pages(author):
        assert admin_client.get(url).status_code == 200, url


def test_search_and_filters_find_the_expert(admin_client):
    center = CenterFactory()
    jane = AuthorFactory(name="Jane Doe")
    jane.centers.add(center)
    AuthorFactory(name="Jane Roe")
    AuthorFactory(name="John Doe", active=False)
    query = f"?q=doe&active__exact=1&centers__id__exact={center.pk}"
    response = admin_client.get(admin_url(Author, "changelist") + query)
    assert list(response.context["cl"].result_list) == [jane]


def add_expert(client, photo):
    data = form_data(client.get(admin_url(Author, "add")), "author_form")
    data.update(name="Jane Doe", slug="jane-doe", photo=photo)
    return client.post(admin_url(Author, "add"), data)


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP"])
def test_jpeg_and_webp_photos_are_accepted_with_a_preview(admin_client, storage, fmt):
    response = add_expert(admin_client, image_upload(f"jane.{fmt.lower()}", fmt=fmt))
    assert response.status_code == 302
    author = Author.objects.get()
    assert author.photo.name.startswith("experts/")
    changelist = admin_client.get(admin_url(Author, "changelist")).content.decode()
    assert f'<img src="{author.photo.url}" alt="" style="max-height:40px' in changelist
    page = admin_client.get(admin_url(Author, "change", author.pk)).content.decode()
    assert f'<img src="{author.photo.url}" alt="" style="max-height:160px' in page


def test_bomb_photo_for_an_expert_is_refused(admin_client, storage):
    response = add_expert(admin_client, png_header_upload("jane.png"))
    assert response.status_code == 200
    assert "“jane.png” has too many pixels" in " ".join(
        response.context["adminform"].form.errors["photo"]
    )
    assert not Author.objects.exists()
