"""Related analyses: pinned first, then by what is shared, ties by recency; bounded queries."""

import datetime

import pytest

from publications.models import Publication
from publications.related import related_publications
from tests.factories import (
    AuthorFactory,
    CenterFactory,
    PinnedRelationFactory,
    PublicationFactory,
    RegionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def day(year):
    return datetime.date(year, 6, 1)


@pytest.fixture
def crafted():
    """A publication on Japan/security by one author and center, and candidates with known scores.

    exact (japan + security): 3 + 3 = 6; exact_near (japan + nuclear): 3 + 1 = 4;
    same_author: 2; sibling (korea), same_center and parent (east-asia): 1 each, ordered
    by recency; unrelated, draft and scheduled never appear.
    """
    asia = RegionFactory(slug="asia", name="Asia")
    east_asia = RegionFactory(slug="east-asia", name="East Asia", parent=asia)
    japan = RegionFactory(slug="japan", name="Japan", parent=east_asia)
    korea = RegionFactory(slug="korea", name="Korea", parent=east_asia)
    europe = RegionFactory(slug="europe", name="Europe")
    security = ThemeFactory(slug="security", name="Security")
    nuclear = ThemeFactory(slug="nuclear", name="Nuclear", parent=security)
    economy = ThemeFactory(slug="economy", name="Economy")
    author, other_author = AuthorFactory(), AuthorFactory()
    center, other_center = CenterFactory(), CenterFactory()

    subject = PublicationFactory(
        slug="subject",
        published_on=day(2024),
        regions=[japan],
        themes=[security],
        authors=[author],
        centers=[center],
    )
    pubs = {
        "exact": PublicationFactory(published_on=day(2015), regions=[japan], themes=[security]),
        "exact_near": PublicationFactory(published_on=day(2014), regions=[japan], themes=[nuclear]),
        "same_author": PublicationFactory(
            published_on=day(2016), authors=[author, other_author], themes=[economy]
        ),
        "sibling": PublicationFactory(published_on=day(2023), regions=[korea]),
        "same_center": PublicationFactory(published_on=day(2021), centers=[center, other_center]),
        "parent": PublicationFactory(published_on=day(2019), regions=[east_asia]),
        "unrelated": PublicationFactory(published_on=day(2024), regions=[europe], themes=[economy]),
        "draft": PublicationFactory(
            regions=[japan], themes=[security], status=Publication.Status.DRAFT
        ),
        "archived": PublicationFactory(
            regions=[japan], themes=[security], status=Publication.Status.ARCHIVED
        ),
        "future": PublicationFactory(
            regions=[japan], themes=[security], published_on=datetime.date(2999, 1, 1)
        ),
    }
    return subject, pubs


def slugs_for(publications, pubs):
    names = {p.pk: name for name, p in pubs.items()}
    return [names.get(p.pk, p.slug) for p in publications]


def load(slug):
    return Publication.objects.prefetch_related(
        "regions", "themes", "publication_authors", "centers"
    ).get(slug=slug)


def test_related_are_ordered_by_shared_subjects_then_recency(crafted):
    _subject, pubs = crafted
    related = related_publications(load("subject"), limit=10)
    assert slugs_for(related, pubs) == [
        "exact",
        "exact_near",
        "same_author",
        "sibling",
        "same_center",
        "parent",
    ]


def test_exact_region_match_outranks_shared_parent(crafted):
    _subject, pubs = crafted
    related = list(related_publications(load("subject"), limit=10))
    scores = {p.pk: p.relatedness for p in related}
    assert scores[pubs["exact"].pk] > scores[pubs["exact_near"].pk] > scores[pubs["parent"].pk]


def test_related_never_includes_itself_or_unpublished(crafted):
    subject, pubs = crafted
    related = {p.pk for p in related_publications(load("subject"), limit=50)}
    assert subject.pk not in related
    for name in ("draft", "archived", "future", "unrelated"):
        assert pubs[name].pk not in related


def test_pinned_come_first_in_position_order_and_only_published(crafted):
    subject, pubs = crafted
    PinnedRelationFactory(from_publication=subject, to_publication=pubs["unrelated"], position=2)
    PinnedRelationFactory(from_publication=subject, to_publication=pubs["parent"], position=1)
    PinnedRelationFactory(from_publication=subject, to_publication=pubs["draft"], position=0)
    related = related_publications(load("subject"))
    assert slugs_for(related, pubs) == [
        "parent",
        "unrelated",
        "exact",
        "exact_near",
        "same_author",
    ]


def test_related_is_capped_at_five_by_default(crafted):
    related = related_publications(load("subject"))
    assert len(related) == 5


def test_publication_sharing_nothing_has_no_related():
    PublicationFactory(slug="alone")
    PublicationFactory(slug="other")
    assert list(related_publications(load("alone"))) == []


def test_related_costs_four_queries_whatever_the_number_of_candidates(
    crafted, django_assert_num_queries
):
    subject, _pubs = crafted
    japan = subject.regions.get()
    for _ in range(30):
        PublicationFactory(regions=[japan])
    publication = load("subject")
    # Near nodes, the candidates, the scored list, its authors.
    with django_assert_num_queries(4):
        related = list(related_publications(publication))
    assert len(related) == 5


def test_candidates_are_limited_to_the_most_recent_sharing_something(crafted):
    _subject, pubs = crafted
    related = related_publications(load("subject"), limit=10, candidate_limit=2)
    # Only the two most recent candidates sharing something are scored.
    assert slugs_for(related, pubs) == ["sibling", "same_center"]


@pytest.mark.postgres
def test_each_tag_brings_only_its_most_recently_added_publications(crafted, monkeypatch):
    """The candidates read a bounded number of links per tag (what keeps the cost flat)."""
    from publications import related

    subject, pubs = crafted
    japan = subject.regions.get()
    newer = [PublicationFactory(published_on=day(2000), regions=[japan]) for _ in range(3)]
    monkeypatch.setattr(related, "PER_TAG", 3)
    found = {p.pk for p in related_publications(load("subject"), limit=50)}
    # Japan brings the three added last (old as they are), not the better-scored older ones.
    assert {p.pk for p in newer} <= found
    assert pubs["exact"].pk not in found


def test_language_versions_are_not_listed_as_related(crafted):
    subject, _pubs = crafted
    french = PublicationFactory(
        language="fr", translation_of=subject, regions=subject.regions.all()
    )
    assert french.pk not in {p.pk for p in related_publications(load("subject"))}
    assert subject.pk not in {p.pk for p in related_publications(load(french.slug))}


def media_on(regions, themes):
    return PublicationFactory(
        type=Publication.Type.MEDIA,
        external_url="https://example.org/on-air",
        published_on=day(2024),
        regions=regions,
        themes=themes,
    )


def test_media_items_come_after_every_analysis_whatever_their_score(crafted):
    subject, pubs = crafted
    media = media_on(list(subject.regions.all()), list(subject.themes.all()))  # scores 6
    pubs["media"] = media

    related = slugs_for(related_publications(load("subject"), limit=7), pubs)

    assert related[-2:] == ["parent", "media"]  # after the analysis of score 1
    assert "media" not in slugs_for(related_publications(load("subject")), pubs)


def test_media_items_fill_slots_when_nothing_else_fits():
    japan = RegionFactory(slug="japan")
    PublicationFactory(slug="subject", regions=[japan])
    analysis = PublicationFactory(slug="analysis", regions=[japan], published_on=day(2015))
    media = media_on([japan], [])

    assert list(related_publications(load("subject"))) == [analysis, media]


def test_pinned_media_items_keep_their_place(crafted):
    subject, _pubs = crafted
    media = media_on([], [])
    PinnedRelationFactory(from_publication=subject, to_publication=media, position=0)

    first, *_rest = related_publications(load("subject"))
    assert first == media
