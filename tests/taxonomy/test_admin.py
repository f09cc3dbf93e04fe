"""The staff admin for the region and theme trees."""

import pytest

from publications.models import Publication
from taxonomy.models import Region, Theme
from tests.admin_forms import admin_pages, admin_url
from tests.factories import PublicationFactory, RegionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factory", [RegionFactory, ThemeFactory])
def test_tree_pages_answer(admin_client, factory):
    for url in admin_pages(factory()):
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize("factory", [RegionFactory, ThemeFactory])
def test_search_and_parent_filter_find_the_node(admin_client, factory):
    asia = factory(slug="asia", name="Asia")
    japan = factory(slug="japan", name="Japan", parent=asia)
    factory(slug="japanese-diaspora", name="Japanese diaspora")
    query = f"?q=jap&parent__id__exact={asia.pk}"
    response = admin_client.get(admin_url(japan._meta.model, "changelist") + query)
    assert list(response.context["cl"].result_list) == [japan]


def test_tree_changelist_indents_children_below_their_parent(admin_client):
    asia = RegionFactory(slug="asia", name="Asia")
    RegionFactory(slug="japan", name="Japan", parent=asia)
    RegionFactory(slug="africa", name="Africa")
    response = admin_client.get(admin_url(Region, "changelist"))
    assert [r.slug for r in response.context["cl"].result_list] == ["africa", "asia", "japan"]
    assert 'padding-left:1.5em">Japan' in response.content.decode()


def test_deleting_a_region_in_use_is_refused(admin_client):
    region = RegionFactory(name="Japan")
    publication = PublicationFactory(regions=[region], title="Japan now")
    url = admin_url(Region, "delete", region.pk)
    page = admin_client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert "Cannot delete region" in content
    assert "would require deleting the following protected related objects" in content
    change_url = admin_url(Publication, "change", publication.pk)
    assert page.context["protected"] == [f'Publication: <a href="{change_url}">Japan now</a>']
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert Region.objects.filter(pk=region.pk).exists()


def test_deleting_a_theme_with_sub_themes_is_refused(admin_client):
    security = ThemeFactory(name="Security")
    ThemeFactory(name="Nuclear", parent=security)
    page = admin_client.get(admin_url(Theme, "delete", security.pk))
    [protected] = page.context["protected"]
    assert protected.startswith("Theme: ") and ">Nuclear</a>" in protected
    admin_client.post(admin_url(Theme, "delete", security.pk), {"post": "yes"})
    assert Theme.objects.filter(pk=security.pk).exists()


def test_deleting_an_unused_region_works(admin_client):
    region = RegionFactory()
    response = admin_client.post(admin_url(Region, "delete", region.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Region.objects.exists()
