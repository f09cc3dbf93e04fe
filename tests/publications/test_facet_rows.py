"""The slim facet rows (PostgreSQL): each publication's tags with their ancestors, kept in step
by database triggers whatever writes (no Python call anywhere), and facet counts on PostgreSQL
equal to the generic (SQLite) path's."""

import datetime

import pytest
import time_machine
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from publications.facets import _generic_rows, _pg_rows, counts_from_rows, facet_counts
from publications.filters import PublicationFilterSet
from publications.models import Publication, PublicationFacetRow
from taxonomy.models import Region
from tests.admin_forms import form_data
from tests.factories import PublicationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def filterset(query):
    return PublicationFilterSet(QueryDict(query), queryset=Publication.objects.published())


def region_counts(query=""):
    facets = facet_counts(filterset(query))
    return facets["region"], facets.total


def row(publication):
    return PublicationFacetRow.objects.get(publication=publication)


def ids(*nodes):
    return sorted(node.pk for node in nodes)


QUERIES = [
    "",
    "region=asia",
    "region=japan&type=analysis",
    "region=asia&theme=security",
    "theme=nuclear,economy&language=fr",
    "center=asia-center",
    "center=japan-program&region=korea",
    "year_from=2021&year_to=2021&region=asia",
    "year_from=2020",
    "author=jane-doe&region=europe",
    "region=asia&theme=security&center=asia-center&type=analysis&language=en",
    "region=unknown-slug&theme=security",
]


@pytest.mark.postgres
@pytest.mark.parametrize("query", QUERIES)
def test_postgres_facet_counts_equal_the_generic_path(query, hand_counted):
    fs = filterset(query)
    assert counts_from_rows(fs, _pg_rows(fs)) == counts_from_rows(fs, _generic_rows(fs))


@pytest.mark.postgres
@pytest.mark.parametrize("query", ["", "language=fr", "region=asia", "type=analysis&q=arctic"])
def test_postgres_counts_works_as_the_generic_path_does(query, hand_counted):
    asia = Region.objects.get(slug="asia")
    original = PublicationFactory(title="Arctic", language="en", regions=[asia])
    PublicationFactory(title="Arctique", language="fr", translation_of=original, regions=[asia])
    PublicationFactory(title="Arctic (de)", language="de", translation_of=original, type="report")
    fs = filterset(query)
    pg = counts_from_rows(fs, _pg_rows(fs))
    assert pg == counts_from_rows(fs, _generic_rows(fs))
    assert pg.total == len(fs.unordered_qs().one_per_work(fs.unordered_qs(), language="en"))


@pytest.mark.postgres
@pytest.mark.parametrize("query", QUERIES[:6])
def test_rows_follow_plain_saves_and_tag_managers_without_a_refresh(query, hand_counted):
    # The factories save and then `.set()` the tags: nothing but the triggers keeps the rows.
    fs = filterset(query)
    assert counts_from_rows(fs, _pg_rows(fs)) == counts_from_rows(fs, _generic_rows(fs))


@pytest.mark.postgres
def test_rows_follow_type_language_and_date_edits(hand_counted):
    c = hand_counted
    c.p1.type = Publication.Type.BOOK
    c.p1.language = "fr"
    c.p1.published_on = datetime.date(2018, 5, 1)
    c.p1.save()
    assert (row(c.p1).type, row(c.p1).language) == ("book", "fr")
    for query in ("type=book", "language=fr&region=japan", "year_from=2018&year_to=2018"):
        fs = filterset(query)
        assert counts_from_rows(fs, _pg_rows(fs)) == counts_from_rows(fs, _generic_rows(fs))


@pytest.mark.postgres
def test_tags_removed_through_the_reverse_manager_leave_the_row(hand_counted):
    c = hand_counted
    japan = Region.objects.get(slug="japan")
    japan.publications.remove(c.p1)  # reverse side: the signal names the publications
    assert japan.pk not in row(c.p1).region_ids
    c.p1.regions.add(japan)
    assert japan.pk in row(c.p1).region_ids


@pytest.mark.postgres
def test_rows_store_tags_with_their_ancestors_deduplicated(hand_counted):
    c = hand_counted
    japan, korea, asia = (Region.objects.get(slug=s) for s in ("japan", "korea", "asia"))
    assert row(c.p3).region_ids == ids(asia, japan, korea)
    assert PublicationFacetRow.objects.count() == Publication.objects.count()
    assert sorted(row(c.p2).center_ids) == sorted(
        [c.p2.centers.get().pk, c.p2.centers.get().parent_id]
    )


def test_no_rows_are_kept_on_sqlite(hand_counted):
    from django.db import connection

    if connection.vendor == "postgresql":
        pytest.skip("SQLite behaviour")
    assert not PublicationFacetRow.objects.exists()


@pytest.mark.postgres
def test_rows_follow_admin_edits_of_the_tags(admin_client, hand_counted):
    c = hand_counted
    france = Region.objects.get(slug="france")
    url = reverse("admin:publications_publication_change", args=[c.p1.pk])
    data = form_data(admin_client.get(url))
    data["regions"] = [str(france.pk)]
    response = admin_client.post(url, data)
    assert response.status_code == 302
    europe = Region.objects.get(slug="europe")
    assert row(c.p1).region_ids == ids(europe, france)
    counts, _total = region_counts()
    assert counts["europe"] == 2 and counts["japan"] == 1


@pytest.mark.postgres
def test_counts_follow_publish_and_unpublish_without_a_refresh(hand_counted):
    c = hand_counted
    assert region_counts()[1] == 5
    c.draft.status = Publication.Status.PUBLISHED
    c.draft.save()
    counts, total = region_counts()
    assert total == 6 and counts["japan"] == 3
    c.p1.status = Publication.Status.ARCHIVED
    c.p1.save()
    counts, total = region_counts()
    assert total == 5 and counts["japan"] == 2


@pytest.mark.postgres
def test_a_scheduled_item_is_counted_once_its_time_has_passed(hand_counted):
    japan = Region.objects.get(slug="japan")
    later = timezone.now() + datetime.timedelta(hours=2)
    PublicationFactory(
        slug="scheduled",
        status=Publication.Status.PUBLISHED,
        publish_at=later,
        regions=[japan],
    )
    counts, total = region_counts("region=japan")
    assert (counts["japan"], total) == (2, 2)
    with time_machine.travel(later + datetime.timedelta(minutes=1), tick=False):
        counts, total = region_counts("region=japan")
    assert (counts["japan"], total) == (3, 3)


@pytest.mark.postgres
def test_rows_follow_a_region_move(hand_counted):
    c = hand_counted
    france = Region.objects.get(slug="france")
    asia = Region.objects.get(slug="asia")
    france.parent = asia
    france.save()
    assert row(c.p4).region_ids == ids(asia, france)
    counts, _total = region_counts()
    assert counts["asia"] == 5
    assert "europe" not in counts
    fs = filterset("region=asia")
    assert counts_from_rows(fs, _pg_rows(fs)) == counts_from_rows(fs, _generic_rows(fs))


@pytest.mark.postgres
def test_rows_follow_a_parent_region_move_for_items_tagged_below(hand_counted):
    c = hand_counted
    world = RegionFactory(slug="world", name="World")
    asia = Region.objects.get(slug="asia")
    asia.parent = world
    asia.save()
    assert world.pk in row(c.p1).region_ids  # tagged Japan, two levels below the move
    assert region_counts("region=world")[1] == 4


@pytest.mark.postgres
def test_rows_follow_a_program_moving_to_another_center(hand_counted):
    c = hand_counted
    program = c.p2.centers.get()
    europe_center = type(program).objects.get(slug="europe-center")
    program.parent = europe_center
    program.save()
    assert sorted(row(c.p2).center_ids) == sorted([program.pk, europe_center.pk])
    fs = filterset("center=europe-center")
    assert counts_from_rows(fs, _pg_rows(fs)) == counts_from_rows(fs, _generic_rows(fs))


def test_facets_stay_one_query(django_assert_num_queries, hand_counted):
    fs = filterset("type=analysis&language=en")
    for tree in ("region", "theme", "center"):
        fs.options(tree)  # the form's options, loaded by the list page anyway
    from django.db import connection

    # PostgreSQL: plus one small statement for the versions of translated works when the whole
    # catalogue is counted (facets.py: in the main statement it cost its Parallel Append).
    with django_assert_num_queries(2 if connection.vendor == "postgresql" else 1):
        facet_counts(fs)
    restricted = filterset("type=analysis&author=jane-doe")
    for tree in ("region", "theme", "center"):
        restricted.options(tree)
    with django_assert_num_queries(2):  # the author's id, then one statement
        facet_counts(restricted)


@pytest.mark.postgres
def test_deleting_a_tagged_publication_deletes_its_row(hand_counted):
    c = hand_counted
    pk = c.p3.pk
    c.p3.delete()
    assert not PublicationFacetRow.objects.filter(publication_id=pk).exists()
    fs = filterset("region=asia")
    assert counts_from_rows(fs, _pg_rows(fs)) == counts_from_rows(fs, _generic_rows(fs))


@pytest.mark.postgres
@pytest.mark.parametrize(
    "change",
    [
        {"publish_at": timezone.now() + datetime.timedelta(days=3)},
        {"published_on": timezone.localdate() + datetime.timedelta(days=3)},
        {"status": Publication.Status.ARCHIVED},
    ],
    ids=["scheduled-later", "dated-later", "archived"],
)
def test_a_published_item_moved_out_of_view_leaves_the_counts_at_once(hand_counted, change):
    assert region_counts("region=japan") == (
        {"asia": 4, "japan": 2, "korea": 2, "europe": 1, "france": 1},
        2,
    )
    Publication.objects.filter(pk=hand_counted.p1.pk).update(**change)
    counts, total = region_counts("region=japan")
    assert (counts["japan"], total) == (1, 1)
    fs = filterset("region=japan")
    assert counts_from_rows(fs, _pg_rows(fs)) == counts_from_rows(fs, _generic_rows(fs))
