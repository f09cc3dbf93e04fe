"""Publications: analyses, reports, briefings, books, articles and media items."""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from thinktank import storage as thinktank_storage
from thinktank.text import clean_text
from thinktank.uploads import ServerNamed, validate_image_upload

from .. import body as structured_body
from ..pdf.validation import validate_pdf_upload
from ..querysets import PublicationQuerySet
from ..validators import (
    doi_url,
    hyphenate_isbn,
    normalize_doi,
    normalize_isbn,
    validate_doi,
    validate_isbn,
)


def private_storage():
    """The storage of PDFs (STORAGES["private"]: outside MEDIA_ROOT, or private in the bucket),
    looked up on use so that it follows the settings (thinktank/storage/)."""
    return thinktank_storage.private_storage


class PublicationType(models.TextChoices):
    ANALYSIS = "analysis", _("Analysis")
    REPORT = "report", _("Report")
    BRIEFING = "briefing", _("Briefing")
    BOOK = "book", _("Book")
    ARTICLE = "article", _("Article")
    MEDIA = "media", _("Media")


class PdfStatus(models.TextChoices):
    """Where the background processing of a publication's PDF stands ("" when it has none)."""

    PENDING = "pending", _("Waiting for processing")
    DONE = "done", _("Processed")
    FAILED = "failed", _("Failed")


class MediaKind(models.TextChoices):
    """What a media item (a piece published elsewhere) is, as readers would call it."""

    INTERVIEW = "interview", _("Interview")
    OP_ED = "op-ed", _("Op-ed")
    PODCAST = "podcast", _("Podcast")
    VIDEO = "video", _("Video")
    OTHER = "other", _("Other")


class BodyFormat(models.TextChoices):
    TEXT = "text", _("Plain text")
    HTML = "html", _("Structured (HTML)")


class TakeawaysFormField(forms.CharField):
    """A list of short strings edited as a textarea, one a line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return clean_takeaways(value)
        return clean_takeaways((super().to_python(value) or "").splitlines())


def clean_takeaways(values):
    """Takeaways as stored: each on one line, trimmed, empty ones left out."""
    lines = (" ".join(clean_text(str(value), multiline=False).split()) for value in values)
    return [line for line in lines if line]


class KeyTakeawaysField(models.JSONField):
    """A JSON list of strings in the database and the API; one a line in forms."""

    def formfield(self, **kwargs):
        # Field.formfield, not JSONField's (which would edit the list as JSON).
        return super(models.JSONField, self).formfield(
            **{"form_class": TakeawaysFormField, **kwargs}
        )

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs


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


#: "in English", said of an item listed on a page in another language: a phrase per language, so
#: that each translation chooses its own case and grammar ("en anglais").
IN_LANGUAGE = {
    ContentLanguage.ENGLISH: _("in English"),
    ContentLanguage.FRENCH: _("in French"),
    ContentLanguage.GERMAN: _("in German"),
    ContentLanguage.SPANISH: _("in Spanish"),
    ContentLanguage.ITALIAN: _("in Italian"),
    ContentLanguage.PORTUGUESE: _("in Portuguese"),
    ContentLanguage.POLISH: _("in Polish"),
    ContentLanguage.TURKISH: _("in Turkish"),
    ContentLanguage.RUSSIAN: _("in Russian"),
    ContentLanguage.ARABIC: _("in Arabic"),
    ContentLanguage.CHINESE: _("in Chinese"),
    ContentLanguage.JAPANESE: _("in Japanese"),
}


def _linked(to, through, verbose_name):
    """A many-to-many through a link table of `links.py`; `to.publications` reverses it."""
    return models.ManyToManyField(
        to, through=through, verbose_name=verbose_name, related_name="publications", blank=True
    )


class Publication(models.Model):
    Type = PublicationType
    MediaKind = MediaKind
    PdfStatus = PdfStatus
    Status = PublicationStatus
    BodyFormat = BodyFormat
    Language = ContentLanguage

    title = models.CharField(_("title"), max_length=300)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The end of the public URL. Changing it keeps the old URL redirecting here."),
    )
    # Old slugs whose URLs redirect here (thinktank/redirects.py); deleted with the row.
    old_slugs = GenericRelation("thinktank.OldSlug")
    type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.ANALYSIS)
    series = models.ForeignKey(
        "publications.Series",
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
    body_format = models.CharField(
        _("body format"),
        max_length=4,
        choices=BodyFormat.choices,
        default=BodyFormat.TEXT,
        help_text=_(
            "Structured bodies are HTML of the allowed subset (headings, lists, tables, "
            "figures, notes), cleaned on every save; plain text keeps blank lines between "
            "paragraphs."
        ),
    )
    key_takeaways = KeyTakeawaysField(
        _("key takeaways"),
        default=list,
        blank=True,
        help_text=_("One a line, a sentence each; shown in a box at the top of the page."),
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
    media_kind = models.CharField(
        _("kind of media item"),
        max_length=20,
        choices=MediaKind.choices,
        default=MediaKind.OTHER,
        help_text=_("For media items: an interview, an op-ed, a podcast or a video."),
    )
    pdf = models.FileField(
        _("PDF"),
        upload_to=ServerNamed("pdfs", extensions=["pdf"]),
        storage=private_storage,
        blank=True,
        max_length=200,
        validators=[validate_pdf_upload],
    )
    cover = models.ImageField(
        _("cover image"),
        upload_to=ServerNamed("covers"),
        blank=True,
        validators=[validate_image_upload],
    )
    pdf_original_name = models.CharField(
        _("original file name"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_(
            "The name the PDF had on the uploader's computer (cleaned). The file is stored and "
            "served under other names: readers download it as <slug>.pdf."
        ),
    )
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    # Derived from the uploaded PDF (kept for full-text search and for lists without a cover).
    pdf_text = models.TextField(_("text of the PDF"), blank=True, editable=False)
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to=ServerNamed("covers"), blank=True, editable=False
    )
    # Where the background processing of the PDF stands (publications/pdf/processing.py).
    pdf_status = models.CharField(
        _("PDF processing"),
        max_length=10,
        choices=PdfStatus.choices,
        blank=True,
        default="",
        editable=False,
        help_text=_("Text, page count and thumbnail are derived from the PDF in the background."),
    )
    pdf_status_message = models.TextField(
        _("PDF processing message"), blank=True, default="", editable=False
    )
    authors = _linked("publications.Author", "PublicationAuthor", _("authors"))
    regions = _linked("taxonomy.Region", "PublicationRegion", _("regions"))
    themes = _linked("taxonomy.Theme", "PublicationTheme", _("themes"))
    centers = _linked("centers.Center", "PublicationCenter", _("centers and programs"))
    related = models.ManyToManyField(
        "self",
        through="PinnedRelation",
        symmetrical=False,
        verbose_name=_("pinned related"),
        related_name="pinned_by",
        blank=True,
    )
    # Full-text search (PostgreSQL), never edited: computed by
    # publications.search.search_index_refresh(), and emptied by a database trigger when the text
    # they come from changes (until then the row is found by a plain match, unranked).
    # `search_vector` (title A; subtitle, summary, authors B; body and PDF text C) is what
    # matches, through its GIN index; `search_rank_vector` (A and B only) is what ranks:
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
            ("submit_publication", _("Can send own drafts to review")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=PublicationType.values), name="publication_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=PublicationStatus.values), name="publication_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(body_format__in=BodyFormat.values), name="publication_body_format_valid"
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
        # Whatever path writes (admin, services, shell): only the allowed subset is stored.
        self.body = structured_body.stored_body(self.body, self.body_format)
        self.key_takeaways = clean_takeaways(self.key_takeaways or [])
        super().save(*args, **kwargs)

    def clean(self):
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
        if self.type != self.Type.MEDIA and self.media_kind != MediaKind.OTHER:
            errors["media_kind"] = _(
                "Only media items have a kind: choose “Other” or make it a media item."
            )
        if errors:
            raise ValidationError(errors)

    # --- Derived values shown to readers -----------------------------------------------------
    @property
    def in_language_display(self):
        """The item's language as said of it on a page in another language ("in French")."""
        return IN_LANGUAGE.get(self.language, self.get_language_display())

    @cached_property
    def kind_display(self):
        """What readers see the item as: its type, or for a media item its kind ("Interview")."""
        if self.is_media and self.media_kind != MediaKind.OTHER:
            return self.get_media_kind_display()
        return self.get_type_display()

    @property
    def isbn_display(self):
        """The ISBN hyphenated by the official ranges (what every output shows)."""
        return hyphenate_isbn(self.isbn) if self.isbn else ""

    @property
    def doi_url(self):
        return doi_url(self.doi)

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
    def pdf_available(self):
        """Whether the PDF URL would serve a file now: the uploaded PDF is in storage, or there
        is none and a generated edition stands in (not for media items). Pages, metadata and the
        API link the PDF only then, so that a missing file is never a link to a 404."""
        if self.pdf:
            return self.pdf_size is not None
        return not self.is_media

    @property
    def has_pdf(self):
        """An uploaded PDF, or a generated edition (not for media items, published elsewhere)."""
        return bool(self.pdf) or self.type != self.Type.MEDIA

    @property
    def is_media(self):
        return self.type == self.Type.MEDIA

    @property
    def is_scheduled(self):
        """Published with a `publish_at` still ahead: what the schedule field says, for the
        audit line and the preview banner ("Scheduled to go live on …"). Whether the item is
        public is the QuerySet's rule (`published()`, `waiting()`), not this."""
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
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
        """The body's paragraphs when it is plain text (empty for a structured body)."""
        return split_paragraphs(self.body) if self.body_format == BodyFormat.TEXT else []

    @property
    def has_body(self):
        return bool((self.body or "").strip())

    @cached_property
    def rendered_body(self):
        """The body as readers get it (`publications.body.RenderedBody`): HTML with heading
        ids and note links, table of contents, reading time."""
        return structured_body.render_body(self.body, self.body_format)

    @property
    def summary_paragraphs(self):
        return split_paragraphs(self.summary)


def split_paragraphs(text):
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
