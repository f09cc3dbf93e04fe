"""Expert pages: the A-Z list and an expert's page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_expert_page_shows_regions_and_themes_covered(client, analysis, catalogue):
    response = client.get(catalogue["jane"].get_absolute_url())
    assert [r.slug for r in response.context["regions"]] == ["japan"]
    assert [t.slug for t in response.context["themes"]] == ["security"]
    assert list(response.context["publications"]) == [analysis]


def test_expert_list_is_grouped_a_to_z(client, catalogue):
    html = client.get(reverse("publications:expert_list")).content.decode()
    assert 'href="#letter-1"' in html
    assert html.index("Jane Doe") > html.index('id="letter-1"')
