"""A NUL byte (which PostgreSQL refuses in text) or another control character in a slug or a
query parameter answers 404 or 400, never 500: in the JSON API (as JSON) and on the pages."""

import pytest

from tests.factories import AuthorFactory, CenterFactory, PublicationFactory, RegionFactory

pytestmark = pytest.mark.django_db

API_ITEMS = ["publications", "regions", "themes", "centers", "experts"]
HOSTILE_SLUGS = ["%00", "abc%00def", "%00%00", "%01", "%0A", "%1F", "%7F", "%C0%80", "%FF"]


@pytest.fixture(autouse=True)
def catalogue():
    # Something to find, so that a lookup is really made.
    PublicationFactory(
        slug="abc",
        authors=[AuthorFactory(slug="abc")],
        regions=[RegionFactory(slug="abc")],
        centers=[CenterFactory(slug="abc")],
    )


@pytest.mark.parametrize("slug", HOSTILE_SLUGS)
@pytest.mark.parametrize("items", API_ITEMS)
def test_api_item_with_a_control_character_in_its_slug_is_a_json_404(client, items, slug):
    response = client.get(f"/api/v1/{items}/{slug}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("items", API_ITEMS)
def test_api_list_with_a_nul_in_a_parameter_is_not_a_500(client, items):
    for parameter in ("q", "region", "theme", "center", "author", "series", "type", "page", "sort"):
        response = client.get(f"/api/v1/{items}/?{parameter}=%00")
        assert response.status_code in (200, 400), (parameter, response.status_code)
        assert response["Content-Type"] == "application/json"


PAGES = ["/publications/{}/", "/regions/{}/", "/themes/{}/", "/centers/{}/", "/experts/{}/"]


@pytest.mark.parametrize("slug", HOSTILE_SLUGS)
@pytest.mark.parametrize("page", [*PAGES, "/fr/publications/{}/", "/publications/abc/{}.pdf"])
def test_page_with_a_control_character_in_its_slug_is_a_404(client, page, slug):
    response = client.get(page.format(slug))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query", ["q=%00", "q=a%00b", "region=%00", "author=%00", "year_from=%00", "page=%00"]
)
@pytest.mark.parametrize(
    "url",
    [
        "/publications/",
        "/publications/export.csv",
        "/publications/export.bib",
        "/feeds/publications/",
    ],
)
def test_list_outputs_with_a_nul_in_a_parameter_answer(client, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code in (200, 400, 404)


@pytest.mark.parametrize("url", ["/publications/", "/experts/", "/"])
def test_a_nul_typed_in_the_search_is_not_written_back_into_the_page(client, url):
    response = client.get(f"{url}?q=a%00b", follow=True)
    assert response.status_code == 200
    content = response.content.decode()
    assert "\x00" not in content
    if url != "/":
        assert 'value="ab"' in content
