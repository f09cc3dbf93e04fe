"""How publications and experts are read: the vocabulary every view, feed, sitemap, export and
API call builds its queries from.

`published_condition()` is the one definition of "public": published, and neither dated nor
scheduled later. `PublicationQuerySet.published()` filters with it, `with_is_public()` flags
rows with it, and the facet rows (which carry copies of the same columns) filter with it too, so
no other module writes the rule again.
"""

import datetime

from django.apps import apps
from django.db import connection, models
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)
from django.utils import timezone

PUBLISHED = "published"  # PublicationStatus.PUBLISHED (models import this module)


def published_condition(*, now=None):
    """The condition "visible to the public now", on the columns `status`, `published_on` and
    `publish_at` (of a publication, or of its facet row)."""
    now = now or timezone.now()
    return Q(status=PUBLISHED, published_on__lte=timezone.localdate(now)) & (
        Q(publish_at__isnull=True) | Q(publish_at__lte=now)
    )


def public_from(publication):
    """For one publication in memory (an admin form, before and after a save): the moment a
    published item shows to the public, its `publish_at` or the local midnight that starts its
    `published_on`, whichever is later. The same rule as `published_condition()`, which
    tests/publications/test_publish_rule.py checks it against; anything that reads rows uses
    `published()`."""
    midnight = timezone.make_aware(
        datetime.datetime.combine(publication.published_on, datetime.time.min)
    )
    return max(publication.publish_at or midnight, midnight)


def is_waiting(publication, *, now=None):
    """Published but not public yet (scheduled or dated later): see `public_from`."""
    now = now or timezone.now()
    return publication.status == PUBLISHED and public_from(publication) > now


def _model(name):
    # The models module imports this one for its managers: look models up when a query runs.
    return apps.get_model("publications", name)


def ordered_authors_prefetch():
    """Feeds `Publication.ordered_authors` in one query, whatever the number of authors."""
    return Prefetch(
        "publication_authors",
        queryset=_model("PublicationAuthor")
        .objects.select_related("author")
        .order_by("position", "pk"),
    )


def work_versions_condition(root_ids):
    """The condition "a version of one of these works" (a translation points at its original)."""
    return Q(pk__in=root_ids) | Q(translation_of_id__in=root_ids)


def _work_preference(language):
    """0 for the best version of a work to show: +2 when not in `language`, +1 for a translation."""
    return Case(When(language=language, then=Value(0)), default=Value(2)) + Case(
        When(translation_of__isnull=True, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )


class PublishableQuerySet(models.QuerySet):
    """For models with a publication's `status`, `published_on` and `publish_at` columns."""

    def published(self, *, now=None):
        """The one door of every public path."""
        return self.filter(published_condition(now=now))


class PublicationQuerySet(PublishableQuerySet):
    # Columns a list never shows: long texts and the search vectors.
    LONG_FIELDS = ("body", "pdf_text", "search_vector", "search_rank_vector")

    def with_is_public(self, *, now=None):
        """Each row with `is_public` (bool), for staff pages that show both kinds."""
        return self.annotate(
            is_public=ExpressionWrapper(published_condition(now=now), output_field=BooleanField())
        )

    def in_state(self, state, *, now=None):
        """Those in one of the admin's workflow states (publications/workflow.py): "scheduled"
        is published but not public yet, "published" is public now; else a status."""
        if state == "scheduled":
            return self.waiting(now=now)
        if state == PUBLISHED:
            return self.published(now=now)
        return self.filter(status=state)

    def showing_media(self, name):
        """Those, whatever their status, whose body shows the stored file `name` (a name in the
        public media storage, e.g. `library/3f2a….jpg`): server-made names are unique, so the
        name found anywhere in the body is that file, whichever URL form (relative, or the
        bucket's domain) the body holds."""
        return self.filter(body__contains=name) if name else self.none()

    def redirect_targets(self, *, now=None):
        """Those an old slug may lead to: the public ones, and archived ones (whose page
        answers 410 Gone with their citation data). See thinktank/redirects.py."""
        return self.filter(published_condition(now=now) | Q(status="archived"))

    def waiting(self, *, now=None):
        """Published, but dated or scheduled later: the items that will appear by themselves."""
        return self.filter(status=PUBLISHED).exclude(published_condition(now=now))

    def next_public_change(self, *, now=None):
        """The first moment after `now` when a waiting item becomes public by itself (its
        `publish_at`, or the local midnight starting its `published_on`), or None.

        Caches of public pages cap their lifetime with it (`public_cache_timeout`)."""
        now = now or timezone.now()
        waiting = self.filter(status=PUBLISHED)
        times = []
        publish_at = (
            waiting.filter(publish_at__gt=now).order_by("publish_at").values_list("publish_at")
        ).first()
        if publish_at:
            times.append(publish_at[0])
        published_on = (
            waiting.filter(published_on__gt=timezone.localdate(now))
            .order_by("published_on")
            .values_list("published_on")
        ).first()
        if published_on:
            midnight = datetime.datetime.combine(published_on[0], datetime.time.min)
            times.append(timezone.make_aware(midnight))
        return min(times) if times else None

    def public_cache_timeout(self, default, *, now=None):
        """`default` seconds, shortened so that a cached public page expires by the second a
        scheduled item goes live (no cron job: the cache simply runs out); at least 1."""
        now = now or timezone.now()
        upcoming = self.next_public_change(now=now)
        if upcoming is None:
            return default
        return max(1, min(default, int((upcoming - now).total_seconds()) + 1))

    def for_listing(self):
        """What a list row shows, in a fixed number of queries; long texts are left out."""
        return (
            self.defer(*self.LONG_FIELDS)
            .select_related("series")
            .prefetch_related(ordered_authors_prefetch())
        )

    def for_detail(self):
        """What a publication's page shows: as `for_listing()`, with the body."""
        return (
            self.defer(*(name for name in self.LONG_FIELDS if name != "body"))
            .select_related("series")
            .prefetch_related(ordered_authors_prefetch())
        )

    def work_versions(self, root_ids):
        """Every version of these works: the originals and their translations."""
        return self.filter(work_versions_condition(root_ids))

    def one_per_work(self, matches, *, language):
        """These rows, keeping one version per work (an original and its translations): the
        best of the work's versions that are in `matches` (a queryset these rows come from,
        e.g. the list's filtered result): in `language` (the page's) if one is, else the
        original, else the first. The order is kept.

        Cost: only the versions of translated works (few) are compared, as an id array the
        matches are intersected with through the primary key index, so the matching (a search)
        is not run a second time over the whole catalogue. No extra query.

        Lists show works this way; exports, feeds and the API list every version."""
        translated = _model("Publication").objects.filter(translation_of__isnull=False)
        originals, versions = translated.values("translation_of_id"), translated.values("pk")
        if connection.vendor == "postgresql":
            from .search.expressions import InArray

            originals_sql, originals_params = originals.query.sql_with_params()
            versions_sql, versions_params = versions.query.sql_with_params()
            versioned = InArray(
                models.F("pk"),
                f"({originals_sql}) UNION ({versions_sql})",
                [*originals_params, *versions_params],
            )
        else:
            versioned = Q(pk__in=originals) | Q(pk__in=versions)
        candidates = (
            matches.order_by()
            .filter(versioned)
            .annotate(work_preference=_work_preference(language))
        )
        better = candidates.filter(
            Q(pk=OuterRef("translation_of_id"))
            | Q(translation_of_id=OuterRef("translation_of_id"))
            | Q(translation_of_id=OuterRef("pk"))
        ).filter(
            Q(work_preference__lt=OuterRef("work_preference"))
            | Q(work_preference=OuterRef("work_preference"), pk__lt=OuterRef("pk"))
        )
        dominated = candidates.filter(Exists(better)).values("pk")
        return self.exclude(pk__in=dominated)

    def featured(self):
        """Versions of featured works: a work is featured when any of its public versions is,
        so that `one_per_work()` can show the version in the page's language. (Only public
        ones: a draft translation marked featured changes no public page.)"""
        featured = _model("Publication").objects.published().filter(featured=True)
        return self.filter(
            Q(featured=True)
            | Q(translation_of__in=featured.values("pk"))
            | Q(pk__in=featured.values("translation_of_id"))
        )

    def newest_works(self, *, language):
        """Newest first, one entry per work in `language` when the work has it (lists that
        are not the filtered list: home, expert pages)."""
        return self.newest_first().one_per_work(self, language=language)

    def newest_first(self):
        return self.order_by("-published_on", "-pk")

    # Filters by primary keys (an EXISTS subquery each), for callers that resolved the slugs
    # already (the FilterSet does, once per request); `ids` may be a list or a subquery.
    def _linked(self, link_model, field, ids):
        links = _model(link_model).objects.filter(
            publication=OuterRef("pk"), **{f"{field}__in": ids}
        )
        return self.filter(Exists(links))

    def in_region_ids(self, ids):
        return self._linked("PublicationRegion", "region_id", ids)

    def in_theme_ids(self, ids):
        return self._linked("PublicationTheme", "theme_id", ids)

    def in_center_ids(self, ids):
        return self._linked("PublicationCenter", "center_id", ids)

    def by_author_ids(self, ids):
        return self._linked("PublicationAuthor", "author_id", ids)

    def in_series_ids(self, ids):
        return self.filter(series_id__in=ids)

    # The same by slug, for pages and admin filters that name one node.
    def in_region(self, slugs):
        """Tagged with any of these regions or one of their descendants."""
        regions = apps.get_model("taxonomy", "Region").objects
        return self.in_region_ids(regions.with_slugs_and_descendants(slugs).values("pk"))

    def in_theme(self, slugs):
        themes = apps.get_model("taxonomy", "Theme").objects
        return self.in_theme_ids(themes.with_slugs_and_descendants(slugs).values("pk"))

    def in_center(self, slugs):
        """Linked to any of these centers, or to a program of one of them."""
        centers = apps.get_model("centers", "Center").objects
        return self.in_center_ids(centers.with_programs(slugs).values("pk"))


class AuthorQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def public(self):
        """Experts shown on the site: active ones, and anyone with a public publication."""
        return self.filter(Q(active=True) | self._wrote(_model("Publication").objects.published()))

    def matching(self, text):
        """Experts whose name or title contains each word of `text`, accents and case ignored."""
        from .search.expressions import folded_contains
        from .search.query import fold

        query = self
        for word in fold(text).split():
            query = query.filter(folded_contains("name", word) | folded_contains("title", word))
        return query

    def in_centers(self, slugs):
        """Members of these centers or of one of their programs (one EXISTS subquery)."""
        centers = apps.get_model("centers", "Center").objects.with_programs(slugs)
        members = self.model.centers.through.objects.filter(
            author=OuterRef("pk"), center__in=centers.values("pk")
        )
        return self.filter(Exists(members))

    def authors_of(self, publications):
        """The authors of any of these publications (a queryset; one EXISTS subquery)."""
        return self.filter(self._wrote(publications))

    @staticmethod
    def _wrote(publications):
        return Exists(
            _model("PublicationAuthor").objects.filter(
                author=OuterRef("pk"), publication__in=publications.values("pk")
            )
        )
