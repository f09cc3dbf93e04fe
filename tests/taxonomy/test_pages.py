"""Region and theme pages: the trees, and a node's landing page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_region_landing_lists_descendant_publications_children_and_experts(client, analysis):
    response = client.get(reverse("taxonomy:region_detail", kwargs={"slug": "asia"}))
    assert response.status_code == 200
    assert list(response.context["publications"]) == [analysis]
    assert {e.slug for e in response.context["experts"]} == {"jane-doe", "john-roe"}
    assert [c.slug for c in response.context["children"]] == ["japan"]


def test_region_and_theme_indexes_list_the_trees(client, catalogue):
    html = client.get(reverse("taxonomy:region_list")).content.decode()
    assert "Asia" in html and "Japan" in html
    html = client.get(reverse("taxonomy:theme_list")).content.decode()
    assert "Security" in html
