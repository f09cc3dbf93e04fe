"""Query counts of every list-like page stay the same whatever the number of items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def budget_urls(catalogue):
    return [
        reverse("home"),
        reverse("publications:list"),
        reverse("publications:list") + "?region=asia&theme=security&type=analysis&author=jane-doe",
        "/fr/publications/",
        catalogue["center"].get_absolute_url(),
        catalogue["jane"].get_absolute_url(),
        catalogue["asia"].get_absolute_url(),
        catalogue["security"].get_absolute_url(),
        reverse("publications:expert_list"),
        reverse("publications:expert_list")
        + "?q=doe&center=asia-center&region=asia&theme=security",
        reverse("centers:list"),
        reverse("taxonomy:region_list"),
        reverse("publications:feed") + "?region=asia",
    ]


def test_pages_cost_the_same_queries_with_1_and_50_items(client, catalogue, make_many):
    make_many(1)
    with_one = {url: count_queries(client, url) for url in budget_urls(catalogue)}
    make_many(49)
    with_fifty = {url: count_queries(client, url) for url in budget_urls(catalogue)}
    assert with_fifty == with_one
    assert max(with_one.values()) <= 12, with_one


def test_detail_costs_the_same_queries_with_1_and_50_related_items(
    client, analysis, catalogue, make_many
):
    url = analysis.get_absolute_url()
    make_many(1)
    with_one = count_queries(client, url)
    make_many(49)
    assert count_queries(client, url) == with_one <= 12
