"""Publications, their series and authors (experts), and the region/theme trees."""

import datetime
import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.files.storage import storages
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .i18n import english_base_columns
from .taxonomy import Region, Theme, TreeNode
from .uploads import validate_image_upload, validate_pdf_upload
from .validators import (
    hyphenate_isbn,
    normalize_doi,
    normalize_isbn,
    normalize_issn,
    validate_doi,
    validate_isbn,
    validate_issn,
    validate_orcid,
)

__all__ = [
    "Author",
    "DownloadDay",
    "PinnedRelation",
    "Publication",
    "PublicationAuthor",
    "PublicationCenter",
    "PublicationRegion",
    "PublicationTheme",
    "Region",
    "ReviewComment",
    "Series",
    "SlugRedirect",
    "Theme",
    "TreeNode",
]


def private_storage():
    return storages["private"]


def upload_to_pdf(instance, filename):
    # Server-generated names: never trust the uploader's file name.
    return f"pdfs/{uuid.uuid4().hex}.pdf"


def upload_to_cover(instance, filename):
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"covers/{uuid.uuid4().hex}.{ext}"


def upload_to_photo(instance, filename):
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"experts/{uuid.uuid4().hex}.{ext}"


class Series(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    issn = models.CharField(
        _("ISSN"),
        max_length=9,
        blank=True,
        validators=[validate_issn],
        help_text=_("Eight digits with the check digit, e.g. 1958-5284."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.issn = normalize_issn(self.issn) if self.issn else ""
        with english_base_columns():
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("publications:list") + f"?series={self.slug}"


class AuthorQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def public(self):
        """Experts shown on the site: active ones, and anyone with a public publication."""
        return self.filter(Q(active=True) | self._wrote(Publication.objects.published()))

    def authors_of(self, publications):
        """The authors of any of these publications (a queryset; one EXISTS subquery)."""
        return self.filter(self._wrote(publications))

    @staticmethod
    def _wrote(publications):
        return Exists(
            PublicationAuthor.objects.filter(
                author=OuterRef("pk"), publication__in=publications.values("pk")
            )
        )


class Author(models.Model):
    name = models.CharField(_("name"), max_length=200)
    sort_name = models.CharField(
        _("sort name"),
        max_length=200,
        blank=True,
        help_text=_("How the name is alphabetised, e.g. “Doe, Jane”. Filled in when left empty."),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("e.g. Research Fellow")
    )
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ImageField(
        _("photo"), upload_to=upload_to_photo, blank=True, validators=[validate_image_upload]
    )
    centers = models.ManyToManyField(
        "centers.Center", verbose_name=_("centers"), blank=True, related_name="members"
    )
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True, validators=[validate_orcid])
    website = models.URLField(_("personal page"), blank=True)
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("Never shown publicly unless “e-mail public” is ticked."),
    )
    email_public = models.BooleanField(_("e-mail public"), default=False)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive experts are left out of the experts list.")
    )

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        indexes = [models.Index(fields=["sort_name"], name="author_sort_name_idx")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.default_sort_name(self.name)
        super().save(*args, **kwargs)

    @staticmethod
    def default_sort_name(name):
        parts = name.split()
        if len(parts) < 2:
            return name
        return f"{parts[-1]}, {' '.join(parts[:-1])}"

    @property
    def public_email(self):
        return self.email if self.email_public else ""

    @property
    def initial(self):
        return (self.sort_name or self.name)[:1].upper()

    def get_absolute_url(self):
        return reverse("publications:expert_detail", kwargs={"slug": self.slug})


def ordered_authors_prefetch():
    """Feeds `Publication.ordered_authors` in one query, whatever the number of authors."""
    return Prefetch(
        "publication_authors",
        queryset=PublicationAuthor.objects.select_related("author").order_by("position", "pk"),
    )


def work_versions_condition(root_ids):
    """The condition "a version of one of these works" (a translation points at its original)."""
    return Q(pk__in=root_ids) | Q(translation_of_id__in=root_ids)


class PublicationQuerySet(models.QuerySet):
    # Columns a list never shows: long texts and the search vectors.
    LONG_FIELDS = ("body", "pdf_text", "search_vector", "search_rank_vector")

    def published(self, *, now=None):
        """The one door of every public path: published, and neither dated nor scheduled later."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        return self.filter(status=Publication.Status.PUBLISHED, published_on__lte=today).filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=now)
        )

    def next_public_change(self, *, now=None):
        """When the public set will next change by itself: the earliest future `publish_at` (or
        the midnight that reaches a future `published_on`) of a published item; None if none.

        Caches of public pages cap their timeout with it (see `public_cache_timeout`)."""
        now = now or timezone.now()
        waiting = self.filter(status=Publication.Status.PUBLISHED)
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
        """`default` seconds, shortened so that a cached public page expires at the minute a
        scheduled item goes live (no cron job: the cache simply runs out)."""
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

    def newest_first(self):
        return self.order_by("-published_on", "-pk")

    # Filters by primary keys (an EXISTS subquery each), for callers that resolved the slugs
    # already (the FilterSet does, once per request, so that facets re-applying the filters
    # cost no extra query); `ids` may be a list or a subquery.
    def in_region_ids(self, ids):
        return self.filter(
            Exists(PublicationRegion.objects.filter(publication=OuterRef("pk"), region_id__in=ids))
        )

    def in_theme_ids(self, ids):
        return self.filter(
            Exists(PublicationTheme.objects.filter(publication=OuterRef("pk"), theme_id__in=ids))
        )

    def in_center_ids(self, ids):
        return self.filter(
            Exists(PublicationCenter.objects.filter(publication=OuterRef("pk"), center_id__in=ids))
        )

    def by_author_ids(self, ids):
        return self.filter(
            Exists(PublicationAuthor.objects.filter(publication=OuterRef("pk"), author_id__in=ids))
        )

    def in_series_ids(self, ids):
        return self.filter(series_id__in=ids)

    # The same by slug, for pages and admin filters that name one node.
    def in_region(self, slugs):
        """Tagged with any of these regions or one of their descendants."""
        return self.in_region_ids(Region.objects.with_slugs_and_descendants(slugs).values("pk"))

    def in_theme(self, slugs):
        return self.in_theme_ids(Theme.objects.with_slugs_and_descendants(slugs).values("pk"))

    def in_center(self, slugs):
        """Linked to any of these centers, or to a program of one of them."""
        from centers.models import Center

        return self.in_center_ids(Center.objects.with_programs(slugs).values("pk"))

    def by_author(self, slugs):
        return self.by_author_ids(Author.objects.filter(slug__in=slugs).values("pk"))


class PublicationType(models.TextChoices):
    ANALYSIS = "analysis", _("Analysis")
    REPORT = "report", _("Report")
    BRIEFING = "briefing", _("Briefing")
    BOOK = "book", _("Book")
    ARTICLE = "article", _("Article")
    MEDIA = "media", _("Media")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class ContentLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")
    SPANISH = "es", _("Spanish")
    ITALIAN = "it", _("Italian")
    PORTUGUESE = "pt", _("Portuguese")
    POLISH = "pl", _("Polish")
    TURKISH = "tr", _("Turkish")
    RUSSIAN = "ru", _("Russian")
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    JAPANESE = "ja", _("Japanese")


class Publication(models.Model):
    Type = PublicationType
    Status = PublicationStatus
    Language = ContentLanguage

    title = models.CharField(_("title"), max_length=300)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The end of the public URL. Changing it keeps the old URL redirecting here."),
    )
    type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.ANALYSIS)
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="publications",
    )
    series_number = models.CharField(_("number in series"), max_length=20, blank=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Plain text; a blank line separates paragraphs.")
    )
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_(
            "Plain text; a blank line separates paragraphs. May be left empty when the "
            "full text is only in the PDF."
        ),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="translations",
        help_text=_(
            "The original of this work, when this publication is a version of it in "
            "another language. The original and its versions form one group."
        ),
    )
    published_on = models.DateField(_("publication date"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Hidden from the public until this time, even when published."),
    )
    featured = models.BooleanField(_("featured"), default=False)
    isbn = models.CharField(
        _("ISBN"),
        max_length=17,
        blank=True,
        validators=[validate_isbn],
        help_text=_("ISBN-10 or ISBN-13, with or without hyphens; the check digit is verified."),
    )
    doi = models.CharField(_("DOI"), max_length=200, blank=True, validators=[validate_doi])
    external_url = models.URLField(
        _("external URL"),
        max_length=500,
        blank=True,
        help_text=_("For media items: where the piece was published."),
    )
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("For media items: the outlet's name.")
    )
    pdf = models.FileField(
        _("PDF"),
        upload_to=upload_to_pdf,
        storage=private_storage,
        blank=True,
        max_length=200,
        validators=[validate_pdf_upload],
    )
    cover = models.ImageField(
        _("cover image"), upload_to=upload_to_cover, blank=True, validators=[validate_image_upload]
    )
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    # Derived from the uploaded PDF (kept for full-text search and for lists without a cover).
    pdf_text = models.TextField(_("text of the PDF"), blank=True, editable=False)
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to=upload_to_cover, blank=True, editable=False
    )
    authors = models.ManyToManyField(
        Author,
        through="PublicationAuthor",
        verbose_name=_("authors"),
        related_name="publications",
        blank=True,
    )
    regions = models.ManyToManyField(
        Region,
        through="PublicationRegion",
        verbose_name=_("regions"),
        related_name="publications",
        blank=True,
    )
    themes = models.ManyToManyField(
        Theme,
        through="PublicationTheme",
        verbose_name=_("themes"),
        related_name="publications",
        blank=True,
    )
    centers = models.ManyToManyField(
        "centers.Center",
        through="PublicationCenter",
        verbose_name=_("centers and programs"),
        related_name="publications",
        blank=True,
    )
    related = models.ManyToManyField(
        "self",
        through="PinnedRelation",
        symmetrical=False,
        verbose_name=_("pinned related"),
        related_name="pinned_by",
        blank=True,
    )
    # Full-text search (PostgreSQL): maintained by publications.search.search_index_refresh(),
    # never edited. `search_vector` (title A; subtitle, summary, authors B; body and PDF text C)
    # is what matches, through its GIN index; `search_rank_vector` (A and B only) is what ranks:
    # it stays small, so ranking thousands of matches does not unpack every long body.
    search_vector = SearchVectorField(null=True, editable=False)
    search_rank_vector = SearchVectorField(null=True, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Contributors see and edit only the drafts they created."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        permissions = [
            ("publish_publication", _("Can publish, schedule, archive")),
            ("review_publication", _("Can move between draft and review")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=PublicationType.values), name="publication_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=PublicationStatus.values), name="publication_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(translation_of=models.F("pk")), name="publication_not_own_translation"
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "-published_on", "-id"], name="publication_public_order_idx"
            ),
            models.Index(fields=["type", "-published_on"], name="publication_type_date_idx"),
            models.Index(fields=["language"], name="publication_language_idx"),
            models.Index(
                fields=["featured", "-published_on"],
                name="publication_featured_idx",
                condition=Q(featured=True),
            ),
            models.Index(fields=["publish_at"], name="publication_publish_at_idx"),
            GinIndex(fields=["search_vector"], name="publication_search_idx"),
            # Which matches have the words in their title, summary or authors (ranking).
            GinIndex(fields=["search_rank_vector"], name="publication_search_rank_idx"),
            # Covers the public filter and the facet columns: facets and counts of large
            # results read this index only, never the wide rows (PostgreSQL; plain elsewhere).
            models.Index(
                fields=["status", "published_on"],
                include=["publish_at", "type", "language", "id"],
                name="publication_public_cover_idx",
            ),
            # Publications whose search vectors are not computed yet (see search.py).
            models.Index(
                fields=["id"],
                condition=Q(search_vector__isnull=True),
                name="publication_unindexed_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publications:detail", kwargs={"slug": self.slug})

    def get_pdf_url(self):
        return reverse("publications:pdf", kwargs={"slug": self.slug, "filename": self.slug})

    def save(self, *args, **kwargs):
        self.isbn = normalize_isbn(self.isbn)
        self.doi = normalize_doi(self.doi)
        super().save(*args, **kwargs)
        from .facetrows import facet_rows_refresh

        facet_rows_refresh(publication_ids=[self.pk])  # PostgreSQL only; one statement

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        errors = {}
        if self.translation_of_id:
            original = self.translation_of
            if original.pk == self.pk:
                errors["translation_of"] = _("A publication cannot be a translation of itself.")
            elif original.translation_of_id:
                errors["translation_of"] = _(
                    "Choose the original (“%(original)s”), not another translation."
                ) % {"original": original.translation_of}
            elif original.language == self.language:
                errors["translation_of"] = _("The original is in the same language.")
        if self.type == self.Type.MEDIA and not self.external_url:
            errors["external_url"] = _("A media item needs the URL where it was published.")
        if errors:
            raise ValidationError(errors)

    # --- Derived values shown to readers -----------------------------------------------------
    @property
    def isbn_display(self):
        return hyphenate_isbn(self.isbn) if self.isbn else ""

    @property
    def display_image(self):
        """The cover when staff gave one, else the thumbnail made from the PDF's first page."""
        return self.cover or self.thumbnail or None

    @cached_property
    def pdf_size(self):
        """Size in bytes of the uploaded PDF, or None when there is none or the file is missing."""
        if not self.pdf:
            return None
        try:
            return self.pdf.size
        except (OSError, ValueError):
            return None

    @property
    def has_pdf(self):
        """An uploaded PDF, or a generated edition (not for media items, published elsewhere)."""
        return bool(self.pdf) or self.type != self.Type.MEDIA

    @property
    def is_media(self):
        return self.type == self.Type.MEDIA

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def is_public(self):
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_on <= timezone.localdate(now)
            and (self.publish_at is None or self.publish_at <= now)
        )

    @property
    def translation_root_id(self):
        return self.translation_of_id or self.pk

    def language_versions(self):
        """Public versions of this work in other languages (one query)."""
        return (
            Publication.objects.published()
            .work_versions([self.translation_root_id])
            .exclude(pk=self.pk)
            .only("pk", "slug", "title", "language")
            .order_by("language")
        )

    @cached_property
    def ordered_authors(self):
        """Authors in their position order; uses `ordered_authors_prefetch()` when present."""
        return [pa.author for pa in self.publication_authors.all()]

    @property
    def paragraphs(self):
        return split_paragraphs(self.body)

    @property
    def summary_paragraphs(self):
        return split_paragraphs(self.summary)


def split_paragraphs(text):
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


class PublicationAuthor(models.Model):
    class Role(models.TextChoices):
        AUTHOR = "author", _("Author")
        EDITOR = "editor", _("Editor")
        CONTRIBUTOR = "contributor", _("Contributor")

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="publication_authors"
    )
    author = models.ForeignKey(
        Author,
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        related_name="publication_links",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.AUTHOR)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "author"], name="publicationauthor_unique"
            ),
            models.CheckConstraint(
                condition=Q(role__in=["author", "editor", "contributor"]),
                name="publicationauthor_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.author} ({self.get_role_display()})"


class PublicationRegion(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE)
    region = models.ForeignKey(Region, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "region"], name="publicationregion_unique"
            )
        ]
        indexes = [models.Index(fields=["region", "publication"], name="pubregion_region_idx")]

    def __str__(self):
        return f"{self.publication_id} – {self.region_id}"


class PublicationTheme(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE)
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["publication", "theme"], name="publicationtheme_unique")
        ]
        indexes = [models.Index(fields=["theme", "publication"], name="pubtheme_theme_idx")]

    def __str__(self):
        return f"{self.publication_id} – {self.theme_id}"


class PublicationCenter(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE)
    center = models.ForeignKey("centers.Center", on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "center"], name="publicationcenter_unique"
            )
        ]
        indexes = [models.Index(fields=["center", "publication"], name="pubcenter_center_idx")]

    def __str__(self):
        return f"{self.publication_id} – {self.center_id}"


class PublicationFacetRow(models.Model):
    """A slim copy of a publication's tags for facet counts (PostgreSQL; unused on SQLite).

    The ids of its regions and themes *with their ancestors* and of its centers with their
    parent center, each array de-duplicated, so a facet is `unnest()` + `GROUP BY` over one
    scan without a join. Status, dates, type and language are copied too: every
    `Publication.save()` refreshes its row (so do tag changes, see the m2m signal below, and
    `search_index_refresh()`); whether a row is public is computed at query time from status,
    `published_on` and `publish_at`, so a scheduled item appears when its time passes.
    """

    publication = models.OneToOneField(
        Publication, on_delete=models.CASCADE, primary_key=True, related_name="facet_row"
    )
    region_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    theme_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    center_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    # Copies of the publication's columns the facets read, so that a facet scan needs no join.
    # Publicness is still decided at query time from status and dates (never stored as such).
    status = models.CharField(max_length=20, default="", blank=True)
    published_on = models.DateField(null=True, blank=True)
    publish_at = models.DateTimeField(null=True, blank=True)
    type = models.CharField(max_length=20, default="", blank=True)
    language = models.CharField(max_length=5, default="", blank=True)

    class Meta:
        # A facet with another facet selected reads only the rows of that selection (bitmap
        # scans; list `?region=asia&theme=security`: facets 163 → 63 ms on 100k, RESULTS.md).
        indexes = [
            GinIndex(fields=["region_ids"], name="facetrow_region_ids_idx"),
            GinIndex(fields=["theme_ids"], name="facetrow_theme_ids_idx"),
            GinIndex(fields=["center_ids"], name="facetrow_center_ids_idx"),
        ]

    def __str__(self):
        return str(self.publication_id)


class PinnedRelation(models.Model):
    """An editor's choice of related reading, shown first in "Related analyses"."""

    from_publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="pinned_relations"
    )
    to_publication = models.ForeignKey(
        Publication, verbose_name=_("publication"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("pinned related publication")
        verbose_name_plural = _("pinned related publications")
        constraints = [
            models.UniqueConstraint(
                fields=["from_publication", "to_publication"], name="pinnedrelation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(from_publication=models.F("to_publication")),
                name="pinnedrelation_not_self",
            ),
        ]

    def __str__(self):
        return f"{self.from_publication_id} → {self.to_publication_id}"


class SlugRedirectQuerySet(models.QuerySet):
    def target_for(self, old_slug):
        """The publication that used to answer at this slug, or None."""
        redirect = self.select_related("publication").filter(old_slug=old_slug).first()
        return redirect.publication if redirect else None


class SlugRedirect(models.Model):
    """An old slug of a publication; its URLs answer 301 to the current ones, forever."""

    old_slug = models.SlugField(max_length=200, unique=True)
    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="slug_redirects"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SlugRedirectQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("old URL")
        verbose_name_plural = _("old URLs")

    def __str__(self):
        return f"{self.old_slug} → {self.publication_id}"


class DownloadDay(models.Model):
    """Downloads of a publication's PDF on one day (local time), counted with SQL upserts."""

    publication = models.ForeignKey(
        Publication,
        verbose_name=_("publication"),
        on_delete=models.CASCADE,
        related_name="download_days",
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        ordering = ["-day", "publication"]
        verbose_name = _("downloads on a day")
        verbose_name_plural = _("downloads by day")
        constraints = [
            models.UniqueConstraint(fields=["publication", "day"], name="downloadday_unique")
        ]
        indexes = [models.Index(fields=["day"], name="downloadday_day_idx")]

    def __str__(self):
        return f"{self.publication_id} {self.day}: {self.count}"


class ReviewComment(models.Model):
    """A reviewer's or editor's note on a publication, shown on its admin page.

    Kept apart from the revisions: a comment needs no change to the text, stays visible on the
    form for the contributor, and is never undone by restoring an older version."""

    publication = models.ForeignKey(
        Publication,
        verbose_name=_("publication"),
        on_delete=models.CASCADE,
        related_name="review_comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self):
        return f"{self.author} on {self.publication_id}: {self.text[:40]}"


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Regions, themes or centers set through the relation managers: refresh the facet rows."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    from .facetrows import facet_rows_refresh

    if not reverse:
        facet_rows_refresh(publication_ids=[instance.pk])
    elif pk_set:
        facet_rows_refresh(publication_ids=list(pk_set))
    elif action == "post_clear":
        facet_rows_refresh()


for _relation in (Publication.regions, Publication.themes, Publication.centers):
    models.signals.m2m_changed.connect(
        _tags_changed, sender=_relation.through, dispatch_uid=f"facet_rows_{_relation.field.name}"
    )
