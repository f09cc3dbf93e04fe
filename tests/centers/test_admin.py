"""The staff admin for research centers and programs."""

import pytest
from django.urls import reverse

from centers.models import Center
from tests.factories import AuthorFactory, CenterFactory, PublicationFactory
from tests.upload_files import files_under, image_upload, isolate_storage, png_header_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def storage(tmp_path, settings, monkeypatch):
    return isolate_storage(tmp_path, settings, monkeypatch)


def url(view, *args):
    return reverse(f"admin:centers_center_{view}", args=args)


def center_post_data(**overrides):
    data = {
        "name_en": "Center for Asian Studies",
        "name_fr": "",
        "slug": "asia-center",
        "kind": Center.Kind.CENTER,
        "parent": "",
        "summary_en": "",
        "summary_fr": "",
        "description_en": "",
        "description_fr": "",
        "heads": [],
        "order": "0",
        "active": "on",
    }
    data.update(overrides)
    return data


def test_center_pages_answer(admin_client):
    center = CenterFactory(name="Center for Asian Studies")
    for page in (
        url("changelist"),
        url("changelist") + "?q=asian&kind__exact=center&active__exact=1",
        url("add"),
        url("change", center.pk),
    ):
        assert admin_client.get(page).status_code == 200, page


def test_search_and_filter_find_the_program(admin_client):
    center = CenterFactory(name="Center for Asian Studies")
    program = CenterFactory(name="Japan Program", kind=Center.Kind.PROGRAM, parent=center)
    response = admin_client.get(url("changelist") + f"?q=japan&parent__id__exact={center.pk}")
    assert list(response.context["cl"].result_list) == [program]


def test_programs_are_listed_indented_below_their_center(admin_client):
    asia = CenterFactory(name="Asia", order=1)
    europe = CenterFactory(name="Europe", order=2)
    europe_program = CenterFactory(name="A Europe program", kind="program", parent=europe)
    asia_program = CenterFactory(name="Z Asia program", kind="program", parent=asia)
    response = admin_client.get(url("changelist"))
    assert list(response.context["cl"].result_list) == [asia, asia_program, europe, europe_program]
    assert 'padding-left:1.5em">Z Asia program' in response.content.decode()


def test_adding_a_program_with_heads_and_an_image(admin_client, storage):
    media_root, _ = storage
    center = CenterFactory()
    head = AuthorFactory()
    data = center_post_data(
        name_en="Japan Program",
        slug="japan-program",
        kind=Center.Kind.PROGRAM,
        parent=str(center.pk),
        heads=[str(head.pk)],
        image=image_upload("Japan.jpg", fmt="JPEG"),
    )
    response = admin_client.post(url("add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    program = Center.objects.get(slug="japan-program")
    assert program.parent == center
    assert list(program.heads.all()) == [head]
    assert files_under(media_root) == [program.image.name]
    assert program.image.name.startswith("centers/")


def test_program_without_center_is_refused(admin_client):
    response = admin_client.post(url("add"), center_post_data(kind=Center.Kind.PROGRAM))
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors


def test_decompression_bomb_image_is_refused_with_a_form_error(admin_client, storage):
    response = admin_client.post(url("add"), center_post_data(image=png_header_upload("map.png")))
    assert response.status_code == 200
    assert "“map.png” has too many pixels" in " ".join(
        response.context["adminform"].form.errors["image"]
    )
    assert not Center.objects.exists()
    assert [files_under(folder) for folder in storage] == [[], []]


def test_deleting_a_center_in_use_is_refused(admin_client):
    center = CenterFactory()
    PublicationFactory(centers=[center], title="Asia now")
    page = admin_client.get(url("delete", center.pk))
    assert page.status_code == 200
    [protected] = page.context["protected"]
    assert protected.startswith("Publication: ") and ">Asia now</a>" in protected
    response = admin_client.post(url("delete", center.pk), {"post": "yes"})
    assert response.status_code == 200
    assert Center.objects.filter(pk=center.pk).exists()


def test_autocomplete_for_parent_offers_only_centers(admin_client):
    CenterFactory(name="Asia center")
    parent = CenterFactory(name="Europe center")
    CenterFactory(name="Asia program", kind="program", parent=parent)
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "centers", "model_name": "center", "field_name": "parent", "term": "asia"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Asia center"]
