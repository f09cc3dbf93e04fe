import pytest
from django.urls import reverse

from publications.models import Author
from tests.factories import CenterFactory

pytestmark = pytest.mark.django_db


def slugs(response):
    return {item["slug"] for item in response.json()["results"]}


def test_publication_list_uses_the_list_filters(client, hand_counted):
    url = reverse("api:publication-list")
    assert slugs(client.get(url, {"region": "asia", "theme": "security"})) == {"p1", "p2", "p5"}
    assert slugs(client.get(url, {"region": ["japan", "france"]})) == {"p1", "p3", "p4"}
    response = client.get(url)
    assert response.json()["count"] == 5 and "draft" not in slugs(response)
    assert "body" not in response.json()["results"][0]


def test_publication_detail_has_the_body_and_hides_drafts(client, hand_counted):
    response = client.get(reverse("api:publication-detail", args=["p1"]))
    assert response.status_code == 200 and response.json()["body"]
    assert response.json()["authors"][0]["slug"] == "jane-doe"
    assert client.get(reverse("api:publication-detail", args=["draft"])).status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"region": "atlantis"}, "region"),
        ({"year_from": "xyz"}, "year_from"),
        ({"type": "poem"}, "type"),
        ({"sort": "random"}, "sort"),
        ({"page": "abc"}, "page"),
        ({"author": "nobody"}, "author"),
        ({"year_to": "99999"}, "year_to"),
    ],
)
def test_malformed_parameter_answers_400_naming_the_field(client, hand_counted, params, field):
    response = client.get(reverse("api:publication-list"), params)
    assert response.status_code == 400
    assert field in response.json()


def test_taxonomies_centers_and_experts(client, hand_counted):
    regions = client.get(reverse("api:region-list")).json()["results"]
    assert {"slug": "japan", "parent": "asia"}.items() <= next(
        r for r in regions if r["slug"] == "japan"
    ).items()
    assert client.get(reverse("api:theme-detail", args=["nuclear"])).json()["parent"] == "security"
    centers = {c["slug"] for c in client.get(reverse("api:center-list")).json()["results"]}
    assert centers == {"asia-center", "japan-program", "europe-center"}
    experts = client.get(reverse("api:expert-list")).json()["results"]
    assert {e["slug"] for e in experts} == {"jane-doe", "pierre-martin"}
    assert "email" in experts[0] and experts[0]["email"] == ""


def test_inactive_centers_are_left_out_of_publications_and_experts(client, hand_counted):
    closed = CenterFactory(slug="closed-center", active=False)
    hand_counted.p1.centers.add(closed)
    Author.objects.get(slug="jane-doe").centers.add(closed, *hand_counted.p1.centers.all())
    listed = client.get(reverse("api:publication-list")).json()["results"]
    assert next(p for p in listed if p["slug"] == "p1")["centers"] == ["asia-center"]
    detail = client.get(reverse("api:publication-detail", args=["p1"])).json()
    assert detail["centers"] == ["asia-center"]
    experts = client.get(reverse("api:expert-list")).json()["results"]
    assert next(e for e in experts if e["slug"] == "jane-doe")["centers"] == ["asia-center"]


def test_api_is_outside_language_prefixes(client, hand_counted):
    assert client.get("/api/v1/publications/").status_code == 200
    assert client.get("/fr/api/v1/publications/").status_code == 404


def test_schema_is_served(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert b"/api/v1/publications/" in response.content


def test_publication_list_query_count_is_constant(
    client, hand_counted, django_assert_max_num_queries
):
    # region + theme resolution, count, page, then authors, regions, themes, centers.
    with django_assert_max_num_queries(8):
        response = client.get(
            reverse("api:publication-list"), {"region": "asia", "theme": "security"}
        )
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_path_with_a_newline_below_the_api_is_a_json_404(client):
    response = client.get("/api/v1/experts/a%0Ab/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("kind", ["publications", "regions", "themes", "centers", "experts"])
def test_a_lookup_that_is_no_slug_is_a_json_404(client, kind):
    response = client.get(f"/api/v1/{kind}/%00/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
