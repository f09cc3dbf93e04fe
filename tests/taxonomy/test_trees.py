"""Regions and themes as trees: materialised paths kept by `save()`, descendants, tree order."""

import pytest
from django.core.exceptions import ValidationError

from publications.models import Publication
from taxonomy.models import Region, Theme
from tests.factories import PublicationFactory, RegionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_paths_and_depths_follow_the_parents():
    asia = RegionFactory(slug="asia")
    japan = RegionFactory(slug="japan", parent=asia)
    assert (asia.path, asia.depth) == ("/asia/", 0)
    assert (japan.path, japan.depth) == ("/asia/japan/", 1)


def test_moving_a_node_moves_its_whole_subtree_in_one_update(django_assert_num_queries):
    asia = RegionFactory(slug="asia")
    east = RegionFactory(slug="east-asia", parent=asia)
    japan = RegionFactory(slug="japan", parent=east)
    world = RegionFactory(slug="world")
    east.parent = world
    # The old path, the node itself, its descendants: one statement each, in a transaction.
    with django_assert_num_queries(5):
        east.save()
    japan.refresh_from_db()
    assert (japan.path, japan.depth) == ("/world/east-asia/japan/", 2)
    below_world = Region.objects.descendants_of(world).values_list("slug", flat=True)
    assert set(below_world) == {"world", "east-asia", "japan"}


def test_a_node_cannot_be_placed_below_itself():
    asia = RegionFactory(slug="asia")
    japan = RegionFactory(slug="japan", parent=asia)
    asia.parent = japan
    with pytest.raises(ValidationError) as error:
        asia.full_clean()
    assert "parent" in error.value.message_dict


def test_slugs_with_descendants_and_tree_order():
    security = ThemeFactory(slug="security", name="Security", order=2)
    ThemeFactory(slug="nuclear", name="Nuclear", parent=security)
    ThemeFactory(slug="economy", name="Economy", order=1)
    picked = Theme.objects.with_slugs_and_descendants(["security"])
    assert set(picked.values_list("slug", flat=True)) == {"security", "nuclear"}
    assert [t.slug for t in Theme.objects.in_tree_order()] == ["economy", "security", "nuclear"]


def test_tagging_lists_the_nodes_of_some_publications_only():
    asia = RegionFactory(slug="asia")
    japan = RegionFactory(slug="japan", parent=asia)
    RegionFactory(slug="europe")
    PublicationFactory(regions=[japan])
    tagged = Region.objects.tagging(Publication.objects.all())
    assert list(tagged.values_list("slug", flat=True)) == ["japan"]
